package dev.neutrino.ext.segment;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** segments-peer-subnet-host-routes as neutron-server 21 answers it (compared request by request). */
class SegmentHostRoutesTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");

    static Map<String, Object> route(String destination, String nexthop) {
        return Map.of("destination", destination, "nexthop", nexthop);
    }

    @Test
    void subnetsOfARoutedNetworkRouteToTheirPeersThroughTheirGateways() {
        try (ApiHarness h = new ApiHarness()) {
            String net = (String) h.call(ADMIN, "POST", "/v2.0/networks", body("network", "name", "routed",
                    "provider:network_type", "flat", "provider:physical_network", "physnet1")).get("network").get("id");
            String seg1 = (String) h.call(ADMIN, "GET", "/v2.0/segments", Map.of("network_id", List.of(net)), null)
                    .list("segments").get(0).get("id");
            String seg2 = (String) h.call(ADMIN, "POST", "/v2.0/segments", body("segment", "network_id", net,
                    "network_type", "flat", "physical_network", "physnet2")).get("segment").get("id");
            ApiHarness.Result a = h.call(ADMIN, "POST", "/v2.0/subnets", body("subnet", "network_id", net,
                    "segment_id", seg1, "cidr", "10.1.0.0/24", "ip_version", 4,
                    "allocation_pools", List.of(Map.of("start", "10.1.0.2", "end", "10.1.0.200"))));
            assertThat(a.status()).as("%s", a.body()).isEqualTo(201);
            assertThat(a.get("subnet").get("host_routes")).asList().isEmpty();
            String aId = (String) a.get("subnet").get("id");
            long aRevision = ((Number) a.get("subnet").get("revision_number")).longValue();

            Map<String, Object> b = h.call(ADMIN, "POST", "/v2.0/subnets", body("subnet", "network_id", net,
                    "segment_id", seg2, "cidr", "10.2.0.0/24", "ip_version", 4)).get("subnet");
            assertThat(b.get("host_routes")).isEqualTo(List.of(route("10.1.0.0/24", "10.2.0.1")));
            Map<String, Object> aNow = h.call(ADMIN, "GET", "/v2.0/subnets/" + aId, null).get("subnet");
            assertThat(aNow.get("host_routes")).isEqualTo(List.of(route("10.2.0.0/24", "10.1.0.1")));
            assertThat(((Number) aNow.get("revision_number")).longValue()).as("an update of the peer")
                    .isEqualTo(aRevision + 1);

            // an IPv6 subnet and one on the same segment are no peers of another version or segment
            Map<String, Object> c = h.call(ADMIN, "POST", "/v2.0/subnets", body("subnet", "network_id", net,
                    "segment_id", seg2, "cidr", "10.3.0.0/24", "ip_version", 4, "host_routes",
                    List.of(route("10.0.0.0/8", "10.3.0.254")))).get("subnet");
            assertThat(c.get("host_routes")).as("a route that covers the peer is enough")
                    .isEqualTo(List.of(route("10.0.0.0/8", "10.3.0.254")));
            assertThat(h.call(ADMIN, "GET", "/v2.0/subnets/" + aId, null).get("subnet").get("host_routes")).asList()
                    .containsExactlyInAnyOrder(route("10.2.0.0/24", "10.1.0.1"), route("10.3.0.0/24", "10.1.0.1"));

            // a new gateway moves the routes
            assertThat(h.call(ADMIN, "PUT", "/v2.0/subnets/" + aId, body("subnet", "gateway_ip", "10.1.0.254"))
                    .status()).isEqualTo(200);
            assertThat(h.call(ADMIN, "GET", "/v2.0/subnets/" + aId, null).get("subnet").get("host_routes")).asList()
                    .containsExactlyInAnyOrder(route("10.2.0.0/24", "10.1.0.254"), route("10.3.0.0/24", "10.1.0.254"));

            h.call(ADMIN, "DELETE", "/v2.0/subnets/" + c.get("id"), null);
            assertThat(h.call(ADMIN, "GET", "/v2.0/subnets/" + aId, null).get("subnet").get("host_routes"))
                    .as("a deleted peer's route goes").isEqualTo(List.of(route("10.2.0.0/24", "10.1.0.254")));
        }
    }
}
