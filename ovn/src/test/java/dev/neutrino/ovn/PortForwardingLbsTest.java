package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A floating IP's forwardings → its load balancers, named and filled as Zed's OVN driver does. */
class PortForwardingLbsTest {
    static Map<String, Object> pf(String protocol, String ip, String external, String internal) {
        return Map.of("protocol", protocol, "internal_ip_address", ip, "external_port_range", external,
                "internal_port_range", internal);
    }

    static Map<String, Object> fip(List<Map<String, Object>> pfs) {
        Map<String, Object> f = new HashMap<>();
        f.put("id", "f1");
        f.put("floating_ip_address", "172.24.4.9");
        f.put("router_id", "r1");
        f.put("revision_number", 7L);
        f.put(PortForwardingLbs.KEY, pfs);
        return f;
    }

    static Map<String, NbRow> byName(List<NbRow> rows) {
        Map<String, NbRow> out = new HashMap<>();
        for (NbRow r : rows) out.put(r.key(), r);
        return out;
    }

    @Test
    void singlePortsShareOneLoadBalancerPerProtocolAndRangesGetOnePerExternalPort() {
        Map<String, NbRow> lbs = byName(PortForwardingLbs.of(fip(List.of(
                pf("tcp", "10.0.0.5", "22:22", "22:22"),
                pf("tcp", "10.0.0.6", "8080:8080", "80:80"),
                pf("udp", "10.0.0.5", "5000:5001", "6000:6001"),
                pf("udp", "10.0.0.6", "7000:7002", "7000:7000"),
                pf("sctp", "10.0.0.6", "9:9", "9:9")))));
        assertThat(lbs).containsOnlyKeys("pf-floatingip-f1-tcp", "pf-floatingip-f1-udp-5000",
                "pf-floatingip-f1-udp-5001", "pf-floatingip-f1-udp-7000", "pf-floatingip-f1-udp-7001",
                "pf-floatingip-f1-udp-7002");
        NbRow tcp = lbs.get("pf-floatingip-f1-tcp");
        assertThat(tcp.columns().get("vips")).isEqualTo(Map.of("172.24.4.9:22", "10.0.0.5:22",
                "172.24.4.9:8080", "10.0.0.6:80"));
        assertThat(tcp.columns().get("protocol")).isEqualTo(List.of("tcp"));
        assertThat(tcp.columns().get("external_ids")).isEqualTo(Map.of("neutron:device_owner",
                "port_forwarding_plugin", "neutron:fip_id", "f1", "neutron:router_name", "neutron-r1",
                "neutron:revision_number", "7"));
        assertThat(lbs.get("pf-floatingip-f1-udp-5001").columns().get("vips"))
                .as("N-N: port by port").isEqualTo(Map.of("172.24.4.9:5001", "10.0.0.5:6001"));
        assertThat(lbs.get("pf-floatingip-f1-udp-7002").columns().get("vips"))
                .as("1-N: every external port to the one internal port").isEqualTo(Map.of("172.24.4.9:7002",
                        "10.0.0.6:7000"));
    }

    @Test
    void aFloatingIpWithoutForwardingsHasNone() {
        assertThat(PortForwardingLbs.of(fip(List.of()))).isEmpty();
        Map<String, Object> none = fip(List.of());
        none.remove(PortForwardingLbs.KEY);
        assertThat(PortForwardingLbs.of(none)).isEmpty();
    }
}
