package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Insert;
import dev.neutrino.ovsdb.txn.Mutate;
import dev.neutrino.ovsdb.txn.Mutation;
import dev.neutrino.ovsdb.txn.Update;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.Row;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port forwardings in the northbound database as ML2/OVN's port forwarding driver writes them
 * (Load_Balancer rows {@code pf-floatingip-<fip>-<proto>[-<external port>]} on the router), through
 * the write path and the repair pass, against a real ovsdb-server with OVN's schema.
 */
class OvnPortForwardingTest {
    OvnHarness h;

    String routerId;
    String netId;
    String subnetId;
    Map<String, Object> vm1;
    Map<String, Object> vm2;
    Map<String, Object> fip;

    @BeforeEach
    void start() throws Exception {
        h = new OvnHarness(Config.defaults(NeutrinoOptions.ALL), app -> { },
                sync -> sync.chassis(() -> List.of(GatewayChassis.Chassis.gateway("gw-a", "physnet1"))));
        var ext = post("/v2.0/networks", "network", Map.of("name", "public", "router:external", true,
                "provider:network_type", "flat", "provider:physical_network", "physnet1"));
        post("/v2.0/subnets", "subnet", Map.of("network_id", ext.get("id"), "cidr", "172.24.4.0/24", "ip_version", 4));
        var net = post("/v2.0/networks", "network", Map.of("name", "private"));
        var sub = post("/v2.0/subnets", "subnet", Map.of("network_id", net.get("id"), "cidr", "10.1.0.0/24",
                "ip_version", 4));
        netId = (String) net.get("id");
        subnetId = (String) sub.get("id");
        routerId = (String) post("/v2.0/routers", "router", Map.of("name", "r1", "external_gateway_info",
                Map.of("network_id", ext.get("id")))).get("id");
        h.request("PUT", "/v2.0/routers/" + routerId + "/add_router_interface", Map.of("subnet_id", sub.get("id")));
        vm1 = post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "name", "vm1"));
        vm2 = post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "name", "vm2"));
        fip = post("/v2.0/floatingips", "floatingip", Map.of("floating_network_id", ext.get("id")));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String path, String key, Map<String, Object> body) {
        return (Map<String, Object>) ((Map<String, Object>) h.request("POST", path, Map.of(key, body)).body()).get(key);
    }

    @SuppressWarnings("unchecked")
    static String ip(Map<String, Object> port) {
        return (String) ((List<Map<String, Object>>) port.get("fixed_ips")).get(0).get("ip_address");
    }

    Map<String, Object> forward(Map<String, Object> port, String protocol, Object... kv) {
        Map<String, Object> pf = new java.util.LinkedHashMap<>();
        pf.put("internal_port_id", port.get("id"));
        pf.put("internal_ip_address", ip(port));
        pf.put("protocol", protocol);
        for (int i = 0; i < kv.length; i += 2) pf.put((String) kv[i], kv[i + 1]);
        return post("/v2.0/floatingips/" + fip.get("id") + "/port_forwardings", "port_forwarding", pf);
    }

    Optional<Row> lb(Replica r, String name) {
        return r.table("Load_Balancer").findFirst(x -> x.getString("name").equals(name));
    }

    Row router(Replica r) {
        return r.table("Logical_Router").findFirst(x -> x.getString("name").equals("neutron-" + routerId)).orElseThrow();
    }

    String name(String suffix) {
        return "pf-floatingip-" + fip.get("id") + "-" + suffix;
    }

    @Test
    void forwardingsAreLoadBalancersOnTheRouterWrittenByTheWritePath() throws Exception {
        h.sync.start();
        OvnHarness.waitFor(() -> h.sync.passes() >= 1);
        long passes = h.sync.passes();
        String address = (String) fip.get("floating_ip_address");

        Map<String, Object> ssh = forward(vm1, "tcp", "internal_port", 22, "external_port", 2222);
        Map<String, Object> web = forward(vm2, "tcp", "internal_port", 80, "external_port", 8080);
        forward(vm1, "udp", "internal_port_range", "5000:5001", "external_port_range", "6000:6001");
        h.converged();
        Replica r = h.replica();
        Row tcp = lb(r, name("tcp")).orElseThrow();
        assertThat(tcp.getStringMap("vips")).containsExactlyInAnyOrderEntriesOf(Map.of(
                address + ":2222", ip(vm1) + ":22", address + ":8080", ip(vm2) + ":80"));
        assertThat(tcp.getStringSet("protocol")).containsExactly("tcp");
        long revision = ((Number) h.call("GET", "/v2.0/floatingips/" + fip.get("id"), "floatingip", null)
                .get("revision_number")).longValue();
        assertThat(tcp.getStringMap("external_ids")).containsEntry("neutron:device_owner", "port_forwarding_plugin")
                .containsEntry("neutron:fip_id", (String) fip.get("id"))
                .containsEntry("neutron:router_name", "neutron-" + routerId)
                .containsEntry(NbNames.EXT_REVISION, String.valueOf(revision));
        assertThat(lb(r, name("udp-6000")).orElseThrow().getStringMap("vips"))
                .containsExactly(Map.entry(address + ":6000", ip(vm1) + ":5000"));
        assertThat(lb(r, name("udp-6001")).orElseThrow().getStringMap("vips"))
                .containsExactly(Map.entry(address + ":6001", ip(vm1) + ":5001"));
        assertThat(lb(r, name("udp")).isPresent()).isFalse();
        assertThat(router(r).getUuidSet("load_balancer")).containsExactlyInAnyOrder(tcp.uuid().orElseThrow(),
                lb(r, name("udp-6000")).orElseThrow().uuid().orElseThrow(),
                lb(r, name("udp-6001")).orElseThrow().uuid().orElseThrow());

        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + netId)).orElseThrow();
        assertThat(ls.getUuidSet("load_balancer")).as("on the switch of the router's interface too, as ML2/OVN")
                .isEqualTo(router(r).getUuidSet("load_balancer"));

        // an update moves the vip, a delete takes it out
        h.request("PUT", "/v2.0/floatingips/" + fip.get("id") + "/port_forwardings/" + ssh.get("id"),
                Map.of("port_forwarding", Map.of("external_port", 2022)));
        h.request("DELETE", "/v2.0/floatingips/" + fip.get("id") + "/port_forwardings/" + web.get("id"), null);
        h.converged();
        assertThat(lb(h.replica(), name("tcp")).orElseThrow().getStringMap("vips"))
                .containsExactly(Map.entry(address + ":2022", ip(vm1) + ":22"));

        // the internal port goes: its forwardings' load balancers go; the last forwarding goes: the rest
        h.request("DELETE", "/v2.0/ports/" + vm1.get("id"), null);
        h.converged();
        assertThat(h.replica().table("Load_Balancer").rows()).isEmpty();
        Map<String, Object> last = forward(vm2, "tcp", "internal_port", 80, "external_port", 80);
        h.converged();
        assertThat(router(h.replica()).getUuidSet("load_balancer")).hasSize(1);
        h.request("DELETE", "/v2.0/floatingips/" + fip.get("id") + "/port_forwardings/" + last.get("id"), null);
        h.converged();
        assertThat(h.replica().table("Load_Balancer").rows()).isEmpty();
        assertThat(router(h.replica()).getUuidSet("load_balancer")).isEmpty();
        assertThat(h.sync.passes()).as("written by the write path, not a full pass").isEqualTo(passes);
    }

    @Test
    void theLoadBalancersLeaveTheSwitchOfAnInterfaceTheRouterNoLongerHas() throws Exception {
        h.sync.start();
        OvnHarness.waitFor(() -> h.sync.passes() >= 1);
        forward(vm1, "tcp", "internal_port", 22, "external_port", 22);
        h.converged();
        java.util.function.Supplier<Row> ls = () -> h.replica().table("Logical_Switch")
                .findFirst(x -> x.getString("name").equals("neutron-" + netId)).orElseThrow();
        assertThat(ls.get().getUuidSet("load_balancer")).hasSize(1);
        h.request("PUT", "/v2.0/routers/" + routerId + "/remove_router_interface", Map.of("subnet_id", subnetId));
        h.converged();
        assertThat(ls.get().getUuidSet("load_balancer")).isEmpty();
        assertThat(router(h.replica()).getUuidSet("load_balancer")).hasSize(1);
    }

    @Test
    void theRepairPassCreatesMissingFixesStaleAndDeletesOrphanedLoadBalancers() throws Exception {
        String address = (String) fip.get("floating_ip_address");
        forward(vm1, "tcp", "internal_port", 22, "external_port", 22);
        forward(vm2, "udp", "internal_port", 53, "external_port", 53);
        h.sync.syncOnce();
        assertThat(h.sync.compare().isEmpty()).isTrue();
        Replica r = h.replica();
        UUID tcp = lb(r, name("tcp")).orElseThrow().uuid().orElseThrow();
        UUID udp = lb(r, name("udp")).orElseThrow().uuid().orElseThrow();
        UUID lr = router(r).uuid().orElseThrow();

        // behind our back: the udp one removed, the tcp one's vip changed, an orphan added
        h.nb.transact("OVN_Northbound",
                Mutate.table("Logical_Router").where(Condition.uuidIs(lr))
                        .mutate(Mutation.delete("load_balancer", OvsdbSet.of(Atom.of(udp)))),
                dev.neutrino.ovsdb.txn.Delete.from("Load_Balancer").where(Condition.uuidIs(udp)),
                Update.table("Load_Balancer").where(Condition.uuidIs(tcp))
                        .set("vips", Map.of(address + ":22", "10.1.0.99:22")),
                Insert.into("Load_Balancer").set("name", "pf-floatingip-" + UUID.randomUUID() + "-tcp")
                        .set("external_ids", Map.of("neutron:device_owner", "port_forwarding_plugin")),
                Insert.into("Load_Balancer").uuidName("other").set("name", "someone-elses"),
                Mutate.table("Logical_Router").where(Condition.uuidIs(lr))
                        .mutate(Mutation.insert("load_balancer", OvsdbSet.of(Atom.namedUuid("other")))),
                Mutate.table("Logical_Switch").where(Condition.equal("name", "neutron-" + netId))
                        .mutate(Mutation.insert("load_balancer", OvsdbSet.of(Atom.namedUuid("other"))))).join();
        UUID other = lb(h.replica(), "someone-elses").orElseThrow().uuid().orElseThrow();
        assertThat(h.sync.compare().describe(10)).containsExactlyInAnyOrder(
                "missing Load_Balancer " + name("udp"),
                "stale Logical_Switch neutron-" + netId + " [load_balancer]",
                "stale Load_Balancer " + name("tcp") + " [vips]",
                "stale Logical_Router neutron-" + routerId + " [load_balancer]",
                "orphaned Load_Balancer " + h.replica().table("Load_Balancer").findFirst(x ->
                        x.getString("name").startsWith("pf-floatingip-") && !x.getString("name").contains(
                                (String) fip.get("id"))).orElseThrow().getString("name"));
        h.sync.syncOnce();
        assertThat(h.sync.compare().isEmpty()).isTrue();
        Replica after = h.replica();
        assertThat(lb(after, name("tcp")).orElseThrow().getStringMap("vips"))
                .containsExactly(Map.entry(address + ":22", ip(vm1) + ":22"));
        assertThat(after.table("Load_Balancer").rows()).extracting(x -> x.getString("name"))
                .containsExactlyInAnyOrder(name("tcp"), name("udp"), "someone-elses");
        // someone else's load balancer stays where it was put; only the forwardings' are ours
        assertThat(router(after).getUuidSet("load_balancer")).hasSize(3).contains(other);
        assertThat(after.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + netId))
                .orElseThrow().getUuidSet("load_balancer")).hasSize(3).contains(other);

        // and through the write path: a forwarding added and one deleted leave it there
        Map<String, Object> more = forward(vm2, "tcp", "internal_port", 80, "external_port", 80);
        h.request("DELETE", "/v2.0/floatingips/" + fip.get("id") + "/port_forwardings/" + more.get("id"), null);
        h.sync.start();
        OvnHarness.waitFor(() -> h.sync.passes() >= 1);
        forward(vm1, "tcp", "internal_port", 443, "external_port", 443);
        h.converged();
        assertThat(router(h.replica()).getUuidSet("load_balancer")).contains(other).hasSize(3);
    }
}
