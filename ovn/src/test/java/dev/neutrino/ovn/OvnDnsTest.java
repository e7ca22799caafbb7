package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ext.dns.DnsOptions;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Delete;
import dev.neutrino.ovsdb.txn.Insert;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.Row;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports' names reach the DNS row of their network's switch as ML2/OVN writes it
 * (get_port_dns_records), change by change and by the repair pass, against a real ovsdb-server.
 */
class OvnDnsTest {
    OvnHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new OvnHarness(Config.defaults(NeutrinoOptions.ALL).with(DnsOptions.DNS_DOMAIN, "example.org")
                .with(Ml2Options.EXTENSION_DRIVERS, List.of("port_security", "dns_domain_ports")),
                app -> { }, sync -> sync.dnsDomain("example.org"));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    Map<String, Object> call(String method, String path, String key, Map<String, Object> body) {
        return h.succeed(method, path, key, body);
    }

    /** The records of the switch's DNS row, and that the switch refers to it. */
    Optional<Map<String, String>> records(String networkId) throws InterruptedException {
        h.converged();
        Replica r = h.replica();
        String ls = "neutron-" + networkId;
        Optional<Row> row = r.table("DNS").findFirst(d -> ls.equals(d.getStringMap("external_ids").get("ls_name")));
        Optional<Row> sw = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals(ls));
        if (row.isPresent()) {
            assertThat(sw).isPresent();
            assertThat(sw.get().getUuidSet("dns_records")).containsExactly(row.get().uuid().orElseThrow());
        } else {
            sw.ifPresent(s -> assertThat(s.getUuidSet("dns_records")).isEmpty());
        }
        return row.map(d -> d.getStringMap("records"));
    }

    @Test
    void namedPortsAreTheirSwitchsDnsRecordsChangeByChange() throws Exception {
        h.sync.start();
        OvnHarness.waitFor(() -> h.sync.passes() >= 1);
        long passes = h.sync.passes();
        String net = (String) call("POST", "/v2.0/networks", "network", Map.of("name", "n", "dns_domain", "net.org."))
                .get("id");
        call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", net, "cidr", "10.0.0.0/24", "ip_version", 4));
        call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", net, "cidr", "fd00::/64", "ip_version", 6));
        assertThat(records(net)).as("no named port, no row").isEmpty();
        // the VMs learn the domain from DHCP (ML2/OVN's _get_ovn_dhcpv4_opts), quoted for OVN
        assertThat(h.replica().table("DHCP_Options").rows()).singleElement()
                .satisfies(o -> assertThat(o.getStringMap("options")).containsEntry("domain_name", "\"example.org\""));

        String vm1 = (String) call("POST", "/v2.0/ports", "port", Map.of("network_id", net, "dns_name", "vm1",
                "device_id", "server-1", "fixed_ips", List.of(Map.of("ip_address", "10.0.0.5"),
                        Map.of("ip_address", "fd00::5")))).get("id");
        // a named port without a device is no server yet: no records (is_dns_required_for_port)
        String unbound = (String) call("POST", "/v2.0/ports", "port", Map.of("network_id", net, "dns_name", "spare",
                "fixed_ips", List.of(Map.of("ip_address", "10.0.0.6")))).get("id");
        String anonymous = (String) call("POST", "/v2.0/ports", "port", Map.of("network_id", net,
                "device_id", "server-3", "fixed_ips", List.of(Map.of("ip_address", "10.0.0.7")))).get("id");
        String ptr6 = "5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa";
        assertThat(records(net)).contains(Map.of(
                "vm1", "10.0.0.5 fd00::5",
                "vm1.example.org", "10.0.0.5 fd00::5",
                "vm1.net.org", "10.0.0.5 fd00::5",
                "5.0.0.10.in-addr.arpa", "vm1.example.org",
                ptr6, "vm1.example.org"));

        call("PUT", "/v2.0/ports/" + unbound, "port", Map.of("device_id", "server-2"));
        call("PUT", "/v2.0/ports/" + vm1, "port", Map.of("dns_name", "web"));
        assertThat(records(net).orElseThrow()).as("renamed: the old name is gone")
                .containsEntry("web.example.org", "10.0.0.5 fd00::5").containsEntry("spare", "10.0.0.6")
                .containsEntry("5.0.0.10.in-addr.arpa", "web.example.org").doesNotContainKeys("vm1", "vm1.example.org")
                .hasSize(9);

        // the network's domain names them too (Zed leaves the old names: a TODO in ovn_client)
        call("PUT", "/v2.0/networks/" + net, "network", Map.of("dns_domain", "corp.org."));
        assertThat(records(net).orElseThrow()).containsEntry("web.corp.org", "10.0.0.5 fd00::5")
                .doesNotContainKey("web.net.org");

        call("PUT", "/v2.0/ports/" + vm1, "port", Map.of("dns_name", ""));
        call("DELETE", "/v2.0/ports/" + unbound, "port", null);
        assertThat(records(net)).as("no named port left, no row").isEmpty();
        assertThat(h.sync.passes()).as("all of it by the write path, no full pass").isEqualTo(passes);

        call("DELETE", "/v2.0/ports/" + vm1, "port", null);
        call("DELETE", "/v2.0/ports/" + anonymous, "port", null);
        // a port the network owns (it goes with the network) with a name: the row goes with the network
        call("POST", "/v2.0/ports", "port", Map.of("network_id", net, "dns_name", "dhcp", "device_id", "dhcp-1",
                "device_owner", "network:dhcp"));
        assertThat(records(net)).isPresent();
        call("DELETE", "/v2.0/networks/" + net, "network", null);
        h.converged();
        assertThat(h.replica().table("DNS").rows()).as("the network's DNS row goes with it").isEmpty();
    }

    @Test
    void theRepairPassRestoresALostRowAndDropsAnOrphan() throws Exception {
        h.sync.start();
        OvnHarness.waitFor(() -> h.sync.passes() >= 1);
        String net = (String) call("POST", "/v2.0/networks", "network", Map.of("name", "n")).get("id");
        call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", net, "cidr", "10.0.0.0/24", "ip_version", 4));
        call("POST", "/v2.0/ports", "port", Map.of("network_id", net, "dns_name", "vm1", "device_id", "s1",
                "fixed_ips", List.of(Map.of("ip_address", "10.0.0.5"))));
        Map<String, String> before = records(net).orElseThrow();
        assertThat(before).containsOnlyKeys("vm1", "vm1.example.org", "5.0.0.10.in-addr.arpa");

        h.nb.transact("OVN_Northbound", List.of(Delete.from("DNS").where(Condition.equal("external_ids",
                Map.of("ls_name", "neutron-" + net))))).join();
        OvnHarness.waitFor(() -> !h.sync.compare().isEmpty());
        assertThat(h.sync.compare().keys().toString()).contains("DNS");
        String orphan = "neutron-" + UUID.randomUUID();
        h.nb.transact("OVN_Northbound", List.of(Insert.into("DNS")
                .set("external_ids", OvsdbMap.ofJava(Map.of("ls_name", orphan)))
                .set("records", OvsdbMap.ofJava(Map.of("gone", "10.9.9.9"))))).join();
        h.sync.syncOnce();
        assertThat(records(net)).contains(before);
        assertThat(h.replica().table("DNS").rows()).as("a network's row whose network is gone is removed").hasSize(1);
    }
}
