package dev.neutrino.ext.floatingippools;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /v2.0/floatingip_pools as neutron-server 21 answers it (compared request by request). */
class FloatingIpPoolsTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");

    @Test
    void theIpv4SubnetsOfExternalNetworksAreThePools() {
        try (ApiHarness h = new ApiHarness()) {
            assertThat(h.call(ALICE, "GET", "/v2.0/extensions/floatingip-pools", null).status()).isEqualTo(200);
            String ext = (String) h.call(ADMIN, "POST", "/v2.0/networks", body("network", "name", "public",
                    "router:external", true)).get("network").get("id");
            String v4 = (String) h.call(ADMIN, "POST", "/v2.0/subnets", body("subnet", "name", "pub-v4",
                    "network_id", ext, "cidr", "172.24.4.0/24", "ip_version", 4)).get("subnet").get("id");
            h.call(ADMIN, "POST", "/v2.0/subnets", body("subnet", "network_id", ext, "cidr", "2001:db8::/64",
                    "ip_version", 6));
            String own = (String) h.call(ALICE, "POST", "/v2.0/networks", body("network", "name", "own"))
                    .get("network").get("id");
            h.call(ALICE, "POST", "/v2.0/subnets", body("subnet", "network_id", own, "cidr", "10.0.0.0/24",
                    "ip_version", 4));

            ApiHarness.Result pools = h.call(ALICE, "GET", "/v2.0/floatingip_pools", null);
            assertThat(pools.status()).isEqualTo(200);
            assertThat(pools.list("floatingip_pools")).containsExactly(Map.of("subnet_id", v4, "subnet_name", "pub-v4",
                    "network_id", ext, "cidr", "172.24.4.0/24", "tenant_id", "project-a", "project_id", "project-a"));
            assertThat(h.call(ALICE, "GET", "/v2.0/floatingip_pools", Map.of("fields", List.of("cidr")), null)
                    .list("floatingip_pools")).containsExactly(Map.of("cidr", "172.24.4.0/24"));

            ApiHarness.Result filtered = h.call(ALICE, "GET", "/v2.0/floatingip_pools",
                    Map.of("network_id", List.of(ext)), null);
            assertThat(filtered.status()).isEqualTo(400);
            assertThat(filtered.get("NeutronError").get("message"))
                    .isEqualTo("['network_id'] is invalid attribute for filtering");
            assertThat(h.call(ALICE, "POST", "/v2.0/floatingip_pools", Map.of()).status()).isEqualTo(405);
            assertThat(h.call(ALICE, "GET", "/v2.0/floatingip_pools/" + v4, null).status()).isEqualTo(404);
        }
    }
}
