package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The QoS rows ML2/OVN's OVNClientQosExtension writes for a floating IP (update_floatingip) and a router
 * gateway (update_router), as {@link Translator#floatingIpQos}, {@link Translator#gatewayQos} and
 * {@link DesiredState#gatewayQos} compute them.
 */
class L3QosTranslationTest {
    static final String GW = "0f0f0f0f-0000-4000-8000-00000000000a";
    static final String VM = "0f0f0f0f-0000-4000-8000-00000000000b";
    static final String FIP = "0f0f0f0f-0000-4000-8000-00000000000c";
    static final String ROUTER = "0f0f0f0f-0000-4000-8000-00000000000d";
    static final String EXT = "11111111-2222-3333-4444-555555555555";
    static final List<Translator.QosRule> GOLD = QosTranslationTest.RULES.get("gold");

    static Map<String, Object> fip(String policy) {
        Map<String, Object> f = new HashMap<>();
        f.put("id", FIP);
        f.put("floating_ip_address", "172.24.4.10");
        f.put("floating_network_id", EXT);
        f.put("port_id", VM);
        f.put("router_id", ROUTER);
        f.put("qos_policy_id", policy);
        return f;
    }

    @Test
    void aFloatingIpsRowsMatchItsAddressOnTheGatewayWhereItIsNatted() {
        List<NbRow> rows = Translator.floatingIpQos(fip("gold"), GW, false, GOLD);
        assertThat(rows).extracting(NbRow::key).containsExactly("fip:" + FIP + "/from-lport", "fip:" + FIP + "/to-lport");
        assertThat(rows.get(0).columns()).containsEntry("priority", 2002L).containsEntry("direction", "from-lport")
                .containsEntry("match", "inport == \"" + GW + "\" && ip4.src == 172.24.4.10"
                        + " && is_chassis_resident(\"cr-lrp-" + GW + "\")")
                .containsEntry("bandwidth", Map.of("rate", 10000L, "burst", 1000L))
                .containsEntry("action", Map.of("dscp", 26L))
                .containsEntry("external_ids", Map.of("neutron:fip_id", FIP));
        assertThat(rows.get(1).columns()).containsEntry("direction", "to-lport")
                .containsEntry("match", "outport == \"" + GW + "\" && ip4.dst == 172.24.4.10"
                        + " && is_chassis_resident(\"cr-lrp-" + GW + "\")")
                .containsEntry("bandwidth", Map.of("rate", 20000L)).containsEntry("action", Map.of());
        // distributed floating IPs are NATted where the associated port is
        assertThat(Translator.floatingIpQos(fip("gold"), GW, true, GOLD).get(0).columns().get("match"))
                .isEqualTo("inport == \"" + GW + "\" && ip4.src == 172.24.4.10 && is_chassis_resident(\"" + VM + "\")");
    }

    @Test
    void aGatewaysRowsMatchItsPortOnly() {
        List<NbRow> rows = Translator.gatewayQos(ROUTER, GW, QosTranslationTest.RULES.get("dscp-only"));
        assertThat(rows).extracting(NbRow::key).containsExactly("router:" + ROUTER + "/from-lport");
        assertThat(rows.get(0).columns()).containsEntry("match", "inport == \"" + GW + "\"")
                .containsEntry("action", Map.of("dscp", 8L)).containsEntry("bandwidth", Map.of())
                .containsEntry("external_ids", Map.of("neutron:router_id", ROUTER));
        assertThat(Translator.gatewayQos(ROUTER, GW, List.of())).isEmpty();
    }

    @Test
    void theExternalNetworksPolicyStandsInAndAnUnassociatedFloatingIpHasNone() {
        Map<String, Object> ext = new HashMap<>(Map.of("id", EXT, "qos_policy_id", "dscp-only"));
        Map<String, Object> gw = new HashMap<>(Map.of("id", GW, "network_id", EXT, "device_id", ROUTER,
                "device_owner", "network:router_gateway"));
        Map<String, Object> router = new HashMap<>(Map.of("id", ROUTER));
        Map<String, Object> info = new HashMap<>(Map.of("network_id", EXT));
        info.put("qos_policy_id", null);
        router.put("external_gateway_info", info);
        Map<String, Object> unassociated = fip(null);
        unassociated.put("id", "0f0f0f0f-0000-4000-8000-00000000000e");
        unassociated.put("router_id", null);
        DesiredState.Input in = new DesiredState.Input(List.of(ext), Map.of(), List.of(), List.of(gw), List.of(),
                List.of(router), List.of(fip(null), unassociated), false, false, List.of(), "fa:16:3e:00:00:00",
                QosTranslationTest.RULES);
        List<DesiredState.SwitchQos> rows = DesiredState.gatewayQos(in, Map.of(EXT, ext));
        assertThat(rows).extracting(q -> q.row().key())
                .containsExactly("router:" + ROUTER + "/from-lport", "fip:" + FIP + "/from-lport");
        assertThat(rows).extracting(DesiredState.SwitchQos::networkId).containsOnly(EXT);
        assertThat(rows).allSatisfy(q -> assertThat(q.row().columns()).containsEntry("action", Map.of("dscp", 8L)));
        // the floating IP's and the router's own policies win
        Map<String, Object> own = fip("gold");
        info.put("qos_policy_id", "gold");
        in = new DesiredState.Input(List.of(ext), Map.of(), List.of(), List.of(gw), List.of(), List.of(router),
                List.of(own), false, false, List.of(), "fa:16:3e:00:00:00", QosTranslationTest.RULES);
        assertThat(DesiredState.gatewayQos(in, Map.of(EXT, ext))).hasSize(4);
    }
}
