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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** QoS policies reach OVN's QoS table as ML2/OVN writes it, against a real ovsdb-server with OVN's schema. */
class OvnQosTest {
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


    @Test
    void policiesAndRulesReachTheQosTableThroughTheWritePath() throws Exception {
        h.sync.start();
        OvnHarness.waitFor(() -> h.sync.passes() >= 1);
        long passes = h.sync.passes();

        String policy = (String) h.call("POST", "/v2.0/qos/policies", "policy", Map.of("name", "gold")).get("id");
        String rules = "/v2.0/qos/policies/" + policy;
        String bw = (String) h.call("POST", rules + "/bandwidth_limit_rules", "bandwidth_limit_rule",
                Map.of("max_kbps", 10000, "max_burst_kbps", 1000)).get("id");
        h.call("POST", rules + "/dscp_marking_rules", "dscp_marking_rule", Map.of("dscp_mark", 26));
        var net = h.call("POST", "/v2.0/networks", "network", Map.of("name", "n", "qos_policy_id", policy));
        var vm = h.call("POST", "/v2.0/ports", "port", Map.of("network_id", net.get("id"), "name", "vm"));
        var dhcp = h.call("POST", "/v2.0/ports", "port", Map.of("network_id", net.get("id"),
                "device_owner", "network:dhcp"));
        String port = (String) vm.get("id");
        h.converged();

        Replica r = h.replica();
        Map<String, Row> qos = qosRows(r);
        assertThat(qos).as("the network's policy, on its ports that are no network device")
                .containsOnlyKeys(port + "/from-lport");
        Row egress = qos.get(port + "/from-lport");
        assertThat(egress.getString("match")).isEqualTo("inport == \"" + port + "\"");
        assertThat(egress.value("priority").orElseThrow().toString()).contains("2002");
        assertThat(NbState.convert(r, "QoS", "k", egress, u -> null).columns())
                .containsEntry("bandwidth", Map.of("rate", 10000L, "burst", 1000L))
                .containsEntry("action", Map.of("dscp", 26L))
                .containsEntry("external_ids", Map.of("neutron:port_id", port));
        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + net.get("id")))
                .orElseThrow();
        assertThat(ls.getUuidSet("qos_rules")).containsExactly(egress.uuid().orElseThrow());
        assertThat(dhcp.get("id")).isNotNull();

        // an ingress rule (a change of the policy: its revision), then a new rate
        h.call("POST", rules + "/bandwidth_limit_rules", "bandwidth_limit_rule",
                Map.of("max_kbps", 5000, "direction", "ingress"));
        h.call("PUT", rules + "/bandwidth_limit_rules/" + bw, "bandwidth_limit_rule", Map.of("max_kbps", 2000));
        h.converged();
        r = h.replica();
        qos = qosRows(r);
        assertThat(qos).containsOnlyKeys(port + "/from-lport", port + "/to-lport");
        assertThat(NbState.convert(r, "QoS", "k", qos.get(port + "/from-lport"), u -> null).columns())
                .containsEntry("bandwidth", Map.of("rate", 2000L, "burst", 1000L));
        assertThat(qos.get(port + "/to-lport").getString("match")).isEqualTo("outport == \"" + port + "\"");

        // the port's own policy (DSCP only) wins over the network's; then none on the network either
        String own = (String) h.call("POST", "/v2.0/qos/policies", "policy", Map.of("name", "own")).get("id");
        h.call("POST", "/v2.0/qos/policies/" + own + "/dscp_marking_rules", "dscp_marking_rule", Map.of("dscp_mark", 8));
        h.call("PUT", "/v2.0/ports/" + port, "port", Map.of("qos_policy_id", own));
        h.converged();
        r = h.replica();
        assertThat(qosRows(r)).containsOnlyKeys(port + "/from-lport");
        assertThat(NbState.convert(r, "QoS", "k", qosRows(r).get(port + "/from-lport"), u -> null).columns())
                .containsEntry("action", Map.of("dscp", 8L)).containsEntry("bandwidth", Map.of());
        h.call("PUT", "/v2.0/ports/" + port, "port", java.util.Collections.singletonMap("qos_policy_id", null));
        h.converged();
        assertThat(qosRows(h.replica())).hasSize(2);
        h.call("PUT", "/v2.0/networks/" + net.get("id"), "network",
                java.util.Collections.singletonMap("qos_policy_id", null));
        h.converged();
        assertThat(qosRows(h.replica())).isEmpty();

        // back on the network's policy, then the port goes: its rows go with it
        h.call("PUT", "/v2.0/networks/" + net.get("id"), "network", Map.of("qos_policy_id", policy));
        h.converged();
        assertThat(qosRows(h.replica())).hasSize(2);
        h.call("DELETE", "/v2.0/ports/" + port, "port", null);
        h.converged();
        assertThat(qosRows(h.replica())).isEmpty();

        assertThat(h.sync.passes()).as("every change was written by the write path, none by a full pass")
                .isEqualTo(passes);
    }

    @Test
    void theRepairPassRestoresQosRowsTakenOffTheSwitch() throws Exception {
        String policy = (String) h.call("POST", "/v2.0/qos/policies", "policy", Map.of("name", "gold")).get("id");
        h.call("POST", "/v2.0/qos/policies/" + policy + "/bandwidth_limit_rules", "bandwidth_limit_rule",
                Map.of("max_kbps", 10000));
        var net = h.call("POST", "/v2.0/networks", "network", Map.of("name", "n"));
        var vm = h.call("POST", "/v2.0/ports", "port", Map.of("network_id", net.get("id"), "qos_policy_id", policy));
        h.sync.syncOnce();
        Replica r = h.replica();
        assertThat(qosRows(r)).containsOnlyKeys(vm.get("id") + "/from-lport");
        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + net.get("id")))
                .orElseThrow();
        UUID qosUuid = ls.getUuidSet("qos_rules").iterator().next();
        h.nb.transact("OVN_Northbound", List.of(Mutate.table("Logical_Switch")
                .where(Condition.uuidIs(ls.uuid().orElseThrow()))
                .mutate(Mutation.delete("qos_rules", OvsdbSet.of(Atom.of(qosUuid)))))).join();
        OvnHarness.waitFor(() -> h.replica().table("QoS").rows().isEmpty());
        assertThat(h.sync.compare().keys()).contains("insert QoS " + vm.get("id") + "/from-lport");
        h.sync.syncOnce();
        assertThat(h.sync.compare().isEmpty()).isTrue();
        assertThat(qosRows(h.replica())).containsOnlyKeys(vm.get("id") + "/from-lport");
    }
}
