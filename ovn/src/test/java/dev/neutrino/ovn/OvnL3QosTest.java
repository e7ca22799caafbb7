package dev.neutrino.ovn;

import static dev.neutrino.ovn.OvnHarness.qosRows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Mutate;
import dev.neutrino.ovsdb.txn.Mutation;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.Row;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * qos-fip and qos-gateway-ip reach OVN's QoS table as ML2/OVN writes them (the rows the real Zed server
 * wrote for the same topology, compared column by column), through the write path and the repair
 * pass, against a real ovsdb-server with OVN's schema.
 */
class OvnL3QosTest {
    OvnHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new OvnHarness(Config.defaults(NeutrinoOptions.ALL)
                .with(Ml2Options.EXTENSION_DRIVERS, List.of("port_security", "qos")));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }


    String ext;
    String router;
    String gw;
    String port;

    /** An external network with a router gateway, a project network on the router and a port on it. */
    void topology() {
        ext = (String) h.call("POST", "/v2.0/networks", "network", Map.of("name", "public", "router:external", true,
                "provider:network_type", "flat", "provider:physical_network", "physnet1")).get("id");
        h.call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", ext, "cidr", "172.24.4.0/24", "ip_version", 4));
        String net = (String) h.call("POST", "/v2.0/networks", "network", Map.of("name", "private")).get("id");
        String sub = (String) h.call("POST", "/v2.0/subnets", "subnet", Map.of("network_id", net, "cidr", "10.0.0.0/24",
                "ip_version", 4)).get("id");
        router = (String) h.call("POST", "/v2.0/routers", "router", Map.of("name", "r",
                "external_gateway_info", Map.of("network_id", ext))).get("id");
        h.request("PUT", "/v2.0/routers/" + router + "/add_router_interface", Map.of("subnet_id", sub));
        port = (String) h.call("POST", "/v2.0/ports", "port", Map.of("network_id", net)).get("id");
    }

    String gatewayPort() {
        return h.db.tx(dsl -> dsl.select(dev.neutrino.schema.Tables.PORTS.ID).from(dev.neutrino.schema.Tables.PORTS)
                .where(dev.neutrino.schema.Tables.PORTS.DEVICE_OWNER.eq("network:router_gateway")
                        .and(dev.neutrino.schema.Tables.PORTS.DEVICE_ID.eq(router)))
                .fetchOne(dev.neutrino.schema.Tables.PORTS.ID));
    }

    String policy(String name, int egressKbps, int burst, int ingressKbps, int dscp) {
        String p = (String) h.call("POST", "/v2.0/qos/policies", "policy", Map.of("name", name)).get("id");
        String rules = "/v2.0/qos/policies/" + p;
        if (egressKbps > 0) {
            h.call("POST", rules + "/bandwidth_limit_rules", "bandwidth_limit_rule",
                    Map.of("max_kbps", egressKbps, "max_burst_kbps", burst));
        }
        if (ingressKbps > 0) {
            h.call("POST", rules + "/bandwidth_limit_rules", "bandwidth_limit_rule",
                    Map.of("max_kbps", ingressKbps, "direction", "ingress"));
        }
        if (dscp > 0) h.call("POST", rules + "/dscp_marking_rules", "dscp_marking_rule", Map.of("dscp_mark", dscp));
        return p;
    }

    static Map<String, Object> columns(Replica r, Row q) {
        Map<String, Object> c = new java.util.TreeMap<>(NbState.convert(r, "QoS", "k", q, u -> null).columns());
        c.put("match", q.getString("match"));
        return c;
    }

    @Test
    void floatingIpAndGatewayQosAreWrittenAsMl2OvnWritesThem() throws Exception {
        h.sync.start();
        OvnHarness.waitFor(() -> h.sync.passes() >= 1);
        long passes = h.sync.passes();
        topology();
        gw = gatewayPort();
        String policy = policy("fip", 1000, 100, 2000, 16);
        h.call("PUT", "/v2.0/routers/" + router, "router", Map.of("external_gateway_info",
                Map.of("network_id", ext, "qos_policy_id", policy)));
        var fip = h.call("POST", "/v2.0/floatingips", "floatingip", Map.of("floating_network_id", ext,
                "port_id", port, "qos_policy_id", policy));
        String fipId = (String) fip.get("id");
        String address = (String) fip.get("floating_ip_address");
        h.converged();

        // the four rows the real Zed server wrote for this topology (ovn-nbctl list QoS there)
        Replica r = h.replica();
        Map<String, Row> qos = qosRows(r);
        assertThat(qos).containsOnlyKeys("fip:" + fipId + "/from-lport", "fip:" + fipId + "/to-lport",
                "router:" + router + "/from-lport", "router:" + router + "/to-lport");
        String resident = " && is_chassis_resident(\"cr-lrp-" + gw + "\")";
        assertThat(columns(r, qos.get("fip:" + fipId + "/from-lport"))).containsEntry("priority", 2002L)
                .containsEntry("direction", "from-lport")
                .containsEntry("match", "inport == \"" + gw + "\" && ip4.src == " + address + resident)
                .containsEntry("bandwidth", Map.of("rate", 1000L, "burst", 100L))
                .containsEntry("action", Map.of("dscp", 16L))
                .containsEntry("external_ids", Map.of("neutron:fip_id", fipId));
        assertThat(columns(r, qos.get("fip:" + fipId + "/to-lport"))).containsEntry("direction", "to-lport")
                .containsEntry("match", "outport == \"" + gw + "\" && ip4.dst == " + address + resident)
                .containsEntry("bandwidth", Map.of("rate", 2000L)).containsEntry("action", Map.of());
        assertThat(columns(r, qos.get("router:" + router + "/from-lport")))
                .containsEntry("match", "inport == \"" + gw + "\"")
                .containsEntry("bandwidth", Map.of("rate", 1000L, "burst", 100L))
                .containsEntry("action", Map.of("dscp", 16L))
                .containsEntry("external_ids", Map.of("neutron:router_id", router));
        assertThat(columns(r, qos.get("router:" + router + "/to-lport")))
                .containsEntry("match", "outport == \"" + gw + "\"").containsEntry("bandwidth", Map.of("rate", 2000L));
        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + ext)).orElseThrow();
        assertThat(ls.getUuidSet("qos_rules")).hasSize(4);

        // a rule change reaches both; the floating IP's own policy changes; the gateway loses its policy
        String other = policy("slow", 300, 0, 0, 0);
        h.call("PUT", "/v2.0/floatingips/" + fipId, "floatingip", Map.of("qos_policy_id", other));
        h.converged();
        assertThat(qosRows(h.replica())).containsOnlyKeys("fip:" + fipId + "/from-lport",
                "router:" + router + "/from-lport", "router:" + router + "/to-lport");
        h.call("PUT", "/v2.0/qos/policies/" + other + "/bandwidth_limit_rules/"
                + ((Map<?, ?>) ((List<?>) h.call("GET", "/v2.0/qos/policies/" + other, "policy", null).get("rules"))
                        .get(0)).get("id"), "bandwidth_limit_rule", Map.of("max_kbps", 400));
        h.converged();
        r = h.replica();
        assertThat(columns(r, qosRows(r).get("fip:" + fipId + "/from-lport")))
                .containsEntry("bandwidth", Map.of("rate", 400L));
        h.call("PUT", "/v2.0/routers/" + router, "router", Map.of("external_gateway_info",
                mapOf("network_id", ext, "qos_policy_id", null)));
        h.converged();
        assertThat(qosRows(h.replica())).containsOnlyKeys("fip:" + fipId + "/from-lport");

        // disassociated: no row; the external network's policy stands in for missing ones
        h.call("PUT", "/v2.0/floatingips/" + fipId, "floatingip", mapOf("port_id", null));
        h.converged();
        assertThat(qosRows(h.replica())).isEmpty();
        h.call("PUT", "/v2.0/floatingips/" + fipId, "floatingip", mapOf("port_id", port, "qos_policy_id", null));
        h.call("PUT", "/v2.0/networks/" + ext, "network", Map.of("qos_policy_id", other));
        h.converged();
        r = h.replica();
        assertThat(qosRows(r)).containsOnlyKeys("fip:" + fipId + "/from-lport", "router:" + router + "/from-lport");
        // the network device ports on the external network (gateway, floating IP port) get no row of their own

        h.call("DELETE", "/v2.0/floatingips/" + fipId, "floatingip", null);
        h.converged();
        assertThat(qosRows(h.replica())).containsOnlyKeys("router:" + router + "/from-lport");
        h.call("PUT", "/v2.0/routers/" + router, "router", mapOf("external_gateway_info", null));
        h.converged();
        assertThat(qosRows(h.replica())).isEmpty();
        assertThat(h.sync.passes()).as("every change was written by the write path, none by a full pass")
                .isEqualTo(passes);
    }

    @Test
    void theRepairPassWritesAndRestoresGatewayAndFloatingIpQos() throws Exception {
        topology();
        gw = gatewayPort();
        String policy = policy("fip", 1000, 0, 0, 0);
        h.call("PUT", "/v2.0/routers/" + router, "router", Map.of("external_gateway_info",
                Map.of("network_id", ext, "qos_policy_id", policy)));
        String fipId = (String) h.call("POST", "/v2.0/floatingips", "floatingip", Map.of("floating_network_id", ext,
                "port_id", port, "qos_policy_id", policy)).get("id");
        h.sync.syncOnce();
        assertThat(h.sync.compare().isEmpty()).isTrue();
        Replica r = h.replica();
        assertThat(qosRows(r)).containsOnlyKeys("fip:" + fipId + "/from-lport", "router:" + router + "/from-lport");
        // rows changed and taken off behind our back
        Row fipRow = qosRows(r).get("fip:" + fipId + "/from-lport");
        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + ext)).orElseThrow();
        h.nb.transact("OVN_Northbound", List.of(
                Mutate.table("Logical_Switch").where(Condition.uuidIs(ls.uuid().orElseThrow()))
                        .mutate(Mutation.delete("qos_rules", OvsdbSet.of(Atom.of(fipRow.uuid().orElseThrow())))),
                dev.neutrino.ovsdb.txn.Update.table("QoS").where(Condition.uuidIs(
                        qosRows(r).get("router:" + router + "/from-lport").uuid().orElseThrow()))
                        .set("match", "inport == \"x\""))).join();
        OvnHarness.waitFor(() -> h.replica().table("QoS").rows().size() == 1);
        assertThat(h.sync.compare().keys()).contains("insert QoS fip:" + fipId + "/from-lport",
                "update QoS router:" + router + "/from-lport");
        h.sync.syncOnce();
        assertThat(h.sync.compare().isEmpty()).isTrue();
        assertThat(qosRows(h.replica())).containsOnlyKeys("fip:" + fipId + "/from-lport",
                "router:" + router + "/from-lport");
    }

    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
