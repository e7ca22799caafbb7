package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A member's subnet pool in an admin's shared address scope (neutron's _check_subnetpool_update_allowed). */
class SubnetPoolScopeTest extends HarnessTest {
    @Test
    void onlyTheScopesOwnerMayChangeAPoolInASharedScope() {
        String scope = (String) h.call(admin, "POST", "/v2.0/address-scopes", body("address_scope", "name", "s",
                "ip_version", 4, "shared", true)).get("address_scope").get("id");
        String pool = (String) h.call(alice, "POST", "/v2.0/subnetpools", body("subnetpool", "name", "p",
                "prefixes", List.of("20.0.0.0/18"))).get("subnetpool").get("id");
        assertThat(h.call(admin, "PUT", "/v2.0/subnetpools/" + pool, body("subnetpool", "address_scope_id", scope))
                .status()).isEqualTo(200);
        ApiHarness.Result refused = h.call(alice, "PUT", "/v2.0/subnetpools/" + pool, body("subnetpool",
                "prefixes", List.of("20.0.0.0/18", "40.0.0.0/18")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorType()).isEqualTo("IllegalSubnetPoolUpdate");
        assertThat(h.call(admin, "PUT", "/v2.0/subnetpools/" + pool, body("subnetpool",
                "prefixes", List.of("20.0.0.0/18", "40.0.0.0/18"))).status()).isEqualTo(200);
    }
}
