package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.value.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ovn_metadata_enabled}: ML2/OVN's metadata port per network (a localport with an address on
 * each IPv4 DHCP subnet) and the route to 169.254.169.254 in the subnets' DHCP options, written by
 * the write path as the port and subnets change, equal to what a full pass computes, and recreated
 * by the repair worker when missing.
 */
class MetadataPortsTest {
    OvnHarness h;
    MetadataPorts metadata;
    Replica replica;

    @BeforeEach
    void start() throws Exception {
        h = new OvnHarness(Config.defaults(NeutrinoOptions.ALL), app -> {
            metadata = new MetadataPorts(app);
            app.mechanisms().register(new OvnMechanismDriver(metadata));
        }, sync -> sync.metadata(metadata));
        h.sync.start();
        replica = h.replica();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    Map<String, Object> call(String method, String path, String key, Map<String, Object> body) {
        Map<String, Object> r = h.succeed(method, path, key, body);
        return r == null || r.isEmpty() ? null : r;
    }

    Map<String, Object> metadataPort(String network) {
        List<Map<String, Object>> ports = h.app.read("ports", Map.of("network_id", List.of(network),
                "device_owner", List.of("network:distributed")));
        assertThat(ports).as("one metadata port on %s", network).hasSizeLessThanOrEqualTo(1);
        return ports.isEmpty() ? null : ports.getFirst();
    }

    @SuppressWarnings("unchecked")
    static List<String> subnetsOf(Map<String, Object> port) {
        return ((List<Map<String, Object>>) port.get("fixed_ips")).stream().map(ip -> (String) ip.get("subnet_id"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static String addressOn(Map<String, Object> port, String subnet) {
        return ((List<Map<String, Object>>) port.get("fixed_ips")).stream()
                .filter(ip -> ip.get("subnet_id").equals(subnet)).map(ip -> (String) ip.get("ip_address"))
                .findFirst().orElseThrow();
    }

    Row await(String table, Predicate<Row> which) throws InterruptedException {
        assertThat(replica.awaitUntil(r -> r.table(table).findFirst(which).isPresent(), Duration.ofSeconds(10)))
                .as("a %s row as expected", table).isTrue();
        return replica.table(table).findFirst(which).orElseThrow();
    }

    /** The write path ends where a full pass would: OVN equal to what the database says. */
    void awaitConverged() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        NbDiff d = h.sync.compare();
        while (!d.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            d = h.sync.compare();
        }
        assertThat(d.describe(10)).as("differences between OVN and the database").isEmpty();
    }

    Optional<Row> dhcp(String subnet) {
        return replica.table("DHCP_Options").findFirst(o -> subnet.equals(o.getStringMap("external_ids")
                .get("subnet_id")));
    }

    @Test
    void eachNetworkGetsAMetadataPortWithAnAddressOnEachIpv4DhcpSubnet() throws Exception {
        var net = call("POST", "/v2.0/networks", "network", Map.of("name", "n1"));
        String netId = (String) net.get("id");
        var port = metadataPort(netId);
        assertThat(port).as("created with the network").isNotNull();
        assertThat(port.get("device_id")).isEqualTo("ovnmeta-" + netId);
        assertThat(port.get("project_id")).isEqualTo(net.get("project_id"));
        assertThat(subnetsOf(port)).isEmpty();

        String s1 = (String) call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", netId,
                "cidr", "10.0.0.0/24", "ip_version", 4)).get("id");
        String s6 = (String) call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", netId,
                "cidr", "fd00::/64", "ip_version", 6)).get("id");
        Map<String, Object> withoutGateway = new java.util.HashMap<>(Map.of("network_id", netId,
                "cidr", "10.9.0.0/24", "ip_version", 4));
        withoutGateway.put("gateway_ip", null);
        String noGw = (String) call("POST", "/v2.0/subnets", "subnet", withoutGateway).get("id");
        String off = (String) call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", netId,
                "cidr", "10.8.0.0/24", "ip_version", 4, "enable_dhcp", false)).get("id");
        port = metadataPort(netId);
        assertThat(subnetsOf(port)).containsExactlyInAnyOrder(s1, noGw);
        String ip = addressOn(port, s1);
        String portId = (String) port.get("id");

        Row lsp = await("Logical_Switch_Port", p -> p.getString("name").equals(portId)
                && p.getStringMap("external_ids").getOrDefault("neutron:cidrs", "").contains(ip));
        assertThat(lsp.getString("type")).isEqualTo("localport");
        Row opts = await("DHCP_Options", o -> s1.equals(o.getStringMap("external_ids").get("subnet_id"))
                && o.getStringMap("options").containsKey("classless_static_route"));
        assertThat(opts.getStringMap("options").get("classless_static_route"))
                .isEqualTo("{169.254.169.254/32," + ip + ", 0.0.0.0/0,10.0.0.1}");
        assertThat(opts.getStringMap("options").get("router")).isEqualTo("10.0.0.1");
        // without a gateway the subnet is served from the metadata port, with no default route
        Row served = await("DHCP_Options", o -> noGw.equals(o.getStringMap("external_ids").get("subnet_id")));
        String ipNoGw = addressOn(port, noGw);
        assertThat(served.getStringMap("options")).containsEntry("server_id", ipNoGw)
                .containsEntry("classless_static_route", "{169.254.169.254/32," + ipNoGw + "}")
                .doesNotContainKey("router");
        assertThat(dhcp(s6)).isEmpty();
        assertThat(dhcp(off)).isEmpty();
        awaitConverged();

        // DHCP off: the address goes, and with it the options
        call("PUT", "/v2.0/subnets/" + s1, "subnet", Map.of("enable_dhcp", false));
        assertThat(subnetsOf(metadataPort(netId))).containsExactly(noGw);
        assertThat(replica.awaitUntil(r -> dhcp(s1).isEmpty(), Duration.ofSeconds(10))).isTrue();
        // DHCP on again: a new address on it
        call("PUT", "/v2.0/subnets/" + s1, "subnet", Map.of("enable_dhcp", true));
        String again = addressOn(metadataPort(netId), s1);
        await("DHCP_Options", o -> s1.equals(o.getStringMap("external_ids").get("subnet_id"))
                && o.getStringMap("options").getOrDefault("classless_static_route", "")
                .startsWith("{169.254.169.254/32," + again + ","));
        awaitConverged();

        // the network goes with its metadata port
        for (String s : List.of(s1, s6, noGw, off)) call("DELETE", "/v2.0/subnets/" + s, "subnet", null);
        call("DELETE", "/v2.0/networks/" + netId, "network", null);
        assertThat(h.app.read("ports", Map.of("device_owner", List.of("network:distributed")))).isEmpty();
        assertThat(replica.awaitUntil(r -> r.table("Logical_Switch_Port").rows().isEmpty(), Duration.ofSeconds(10)))
                .isTrue();
    }

    @Test
    void theRepairPassCreatesAMissingMetadataPortAndItsAddresses() throws Exception {
        String netId = (String) call("POST", "/v2.0/networks", "network", Map.of("name", "n2")).get("id");
        String s1 = (String) call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", netId,
                "cidr", "10.0.0.0/24", "ip_version", 4)).get("id");
        // as after a server died between the network's commit and its postcommit
        call("DELETE", "/v2.0/ports/" + metadataPort(netId).get("id"), "port", null);
        assertThat(metadataPort(netId)).isNull();
        MetadataPorts repair = new MetadataPorts(h.app, Duration.ZERO);
        assertThat(new MetadataPorts(h.app).ensureAll()).as("a network younger than the settle time is left alone")
                .isZero();
        assertThat(repair.ensureAll()).isEqualTo(1);
        assertThat(subnetsOf(metadataPort(netId))).containsExactly(s1);
        assertThat(repair.ensureAll()).as("nothing left to do").isZero();
        String ip = addressOn(metadataPort(netId), s1);
        await("DHCP_Options", o -> s1.equals(o.getStringMap("external_ids").get("subnet_id"))
                && o.getStringMap("options").getOrDefault("classless_static_route", "").contains(ip));
    }
}
