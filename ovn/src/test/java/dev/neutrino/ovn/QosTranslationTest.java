package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The QoS rows ML2/OVN's OVNClientQosExtension writes for a port, as {@link Translator#qos} computes them. */
class QosTranslationTest {
    static final String PORT = "0f0f0f0f-0000-4000-8000-000000000001";
    static final String NET = "11111111-2222-3333-4444-555555555555";

    static Map<String, Object> port(String owner, String policy) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", PORT);
        p.put("network_id", NET);
        p.put("device_owner", owner);
        p.put("qos_policy_id", policy);
        return p;
    }

    static final Map<String, List<Translator.QosRule>> RULES = Map.of(
            "gold", List.of(new Translator.QosRule("bandwidth_limit", "egress", 10000L, 1000L, null),
                    new Translator.QosRule("dscp_marking", null, null, null, 26),
                    new Translator.QosRule("bandwidth_limit", "ingress", 20000L, 0L, null),
                    new Translator.QosRule("minimum_bandwidth", "egress", null, null, null)),
            "dscp-only", List.of(new Translator.QosRule("dscp_marking", null, null, null, 8)),
            "empty", List.of(),
            "zero", List.of(new Translator.QosRule("bandwidth_limit", "egress", 0L, 0L, null)),
            "guaranteed", List.of(new Translator.QosRule("bandwidth_limit", "egress", 10000L, 1000L, null),
                    new Translator.QosRule("dscp_marking", null, null, null, 26),
                    new Translator.QosRule("bandwidth_limit", "ingress", 20000L, 0L, null),
                    new Translator.QosRule("minimum_bandwidth", "egress", null, null, null, 3000L)));

    @Test
    void onAPhysicalNetworkAnEgressMinimumPutsTheEgressLimitsInThePortsOptions() {
        Map<String, Object> vlan = Map.of("id", NET, "provider:network_type", "vlan");
        Map<String, String> options = Translator.lspQosOptions(port("compute:nova", "guaranteed"), vlan, RULES);
        assertThat(options).containsExactlyInAnyOrderEntriesOf(Map.of("qos_min_rate", "3000000",
                "qos_max_rate", "10000000", "qos_burst", "1000000"));
        List<NbRow> rows = Translator.qos(port("compute:nova", "guaranteed"), vlan, RULES);
        assertThat(rows).extracting(NbRow::key).containsExactly(PORT + "/from-lport", PORT + "/to-lport");
        assertThat(rows.get(0).columns()).as("egress: DSCP only, its limit is in the options")
                .containsEntry("bandwidth", Map.of()).containsEntry("action", Map.of("dscp", 26L));
        assertThat(rows.get(1).columns()).containsEntry("bandwidth", Map.of("rate", 20000L));

        NbRow lsp = Translator.withQosOptions(new NbRow("Logical_Switch_Port", PORT,
                Map.of("name", PORT, "options", Map.of("requested-chassis", "h1"))), options);
        assertThat(lsp.columns().get("options")).isEqualTo(Map.of("requested-chassis", "h1",
                "qos_min_rate", "3000000", "qos_max_rate", "10000000", "qos_burst", "1000000"));

        Map<String, Object> geneve = Map.of("id", NET, "provider:network_type", "geneve");
        assertThat(Translator.lspQosOptions(port("compute:nova", "guaranteed"), geneve, RULES))
                .as("an overlay network: no options, the limit stays a QoS row").isEmpty();
        assertThat(Translator.qos(port("compute:nova", "guaranteed"), geneve, RULES).get(0).columns())
                .containsEntry("bandwidth", Map.of("rate", 10000L, "burst", 1000L));
        assertThat(Translator.lspQosOptions(port("compute:nova", "gold"), vlan, RULES))
                .as("a minimum rule without min_kbps").isEmpty();
        assertThat(Translator.lspQosOptions(port("network:router_interface", "guaranteed"), vlan, RULES))
                .as("network devices have no policy").isEmpty();
    }

    @Test
    void egressIsFromLportWithRateBurstAndDscpIngressIsToLportWithoutAZeroBurst() {
        List<NbRow> rows = Translator.qos(port("compute:nova", "gold"), Map.of("id", NET), RULES);
        assertThat(rows).extracting(NbRow::key).containsExactly(PORT + "/from-lport", PORT + "/to-lport");
        assertThat(rows.get(0).table()).isEqualTo("QoS");
        assertThat(rows.get(0).columns())
                .containsEntry("priority", 2002L)
                .containsEntry("direction", "from-lport")
                .containsEntry("match", "inport == \"" + PORT + "\"")
                .containsEntry("bandwidth", Map.of("rate", 10000L, "burst", 1000L))
                .containsEntry("action", Map.of("dscp", 26L))
                .containsEntry("external_ids", Map.of("neutron:port_id", PORT));
        assertThat(rows.get(1).columns())
                .containsEntry("direction", "to-lport")
                .containsEntry("match", "outport == \"" + PORT + "\"")
                .containsEntry("bandwidth", Map.of("rate", 20000L))
                .containsEntry("action", Map.of());
    }

    @Test
    void thePortsPolicyWinsOverItsNetworksAndNetworkDevicesGetNone() {
        Map<String, Object> net = new HashMap<>(Map.of("id", NET, "qos_policy_id", "gold"));
        assertThat(Translator.qos(port("compute:nova", null), net, RULES)).hasSize(2);
        List<NbRow> own = Translator.qos(port("compute:nova", "dscp-only"), net, RULES);
        assertThat(own).singleElement().satisfies(r -> assertThat(r.columns())
                .containsEntry("action", Map.of("dscp", 8L)).containsEntry("bandwidth", Map.of()));
        assertThat(Translator.qos(port("compute:nova", "empty"), net, RULES)).as("a policy without rules").isEmpty();
        assertThat(Translator.qos(port("compute:nova", "zero"), net, RULES)).as("OVN takes no rate 0").isEmpty();
        assertThat(Translator.qos(port("network:router_interface", "gold"), net, RULES)).isEmpty();
        assertThat(Translator.qos(port("network:dhcp", null), net, RULES)).isEmpty();
        assertThat(Translator.qos(port("", null), Map.of("id", NET), RULES)).isEmpty();
    }

    @Test
    void theRepairPassPutsAPortsQosRowsOnItsSwitch() {
        Map<String, Object> net = new HashMap<>(Map.of("id", NET, "name", "n", "mtu", 1442, "revision_number", 1,
                "qos_policy_id", "gold"));
        Map<String, Object> p = new HashMap<>(port("compute:nova", null));
        p.putAll(Map.of("mac_address", "fa:16:3e:00:00:01", "fixed_ips", List.of(), "revision_number", 1,
                "admin_state_up", true, "name", "vm"));
        DesiredState d = DesiredState.of(new DesiredState.Input(List.of(net), Map.of(), List.of(), List.of(p),
                List.of(), List.of(), List.of(), false, false, List.of(), "fa:16:3e:00:00:00", RULES));
        assertThat(d.table("QoS")).containsOnlyKeys(PORT + "/from-lport", PORT + "/to-lport");
        assertThat(d.table("Logical_Switch").get(NbNames.ovnName(NET)).columns().get("qos_rules"))
                .isEqualTo(List.of(new NbRow.Ref("QoS", PORT + "/from-lport"), new NbRow.Ref("QoS", PORT + "/to-lport")));
    }

    @Test
    void anUpdateOfAQosRowWaitsForTheColumnsItRead() {
        NbRow want = Translator.qos(port("compute:nova", "dscp-only"), Map.of("id", NET), RULES).get(0);
        Map<String, Object> old = new java.util.LinkedHashMap<>(want.columns());
        old.put("action", Map.of("dscp", 26L));
        Map<String, Map<String, NbRow>> actual = Map.of("QoS", Map.of(want.key(), new NbRow("QoS", want.key(), old)));
        NbDiff diff = NbDiff.between(DesiredState.ofRows(Map.of("QoS", Map.of(want.key(), want))), actual);
        java.util.UUID uuid = java.util.UUID.randomUUID();
        NbWriter.Plan plan = NbWriter.plan(diff, actual, ref -> uuid, List.of());
        assertThat(plan.ops()).hasSize(2);
        assertThat(plan.ops().get(0)).isInstanceOfSatisfying(dev.neutrino.ovsdb.txn.Wait.class, w -> {
            assertThat(w.table()).isEqualTo("QoS");
            assertThat(w.columns()).containsExactly("action");
            assertThat(w.rows().get(0).toString()).contains("26");
        });
        assertThat(plan.ops().get(1)).isInstanceOf(dev.neutrino.ovsdb.txn.Update.class);
    }
}
