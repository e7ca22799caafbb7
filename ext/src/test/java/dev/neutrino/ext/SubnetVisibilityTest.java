package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which subnets a member sees (neutron-lib's model_query: own, or on a network shared with it;
 * not through access_as_external), and that pages are full (neutron-tempest-plugin's
 * SubnetsSearchCriteriaTest lists with shared=False and a limit).
 */
class SubnetVisibilityTest extends HarnessTest {
    List<Object> names(Map<String, List<String>> query) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> s : h.call(alice, "GET", "/v2.0/subnets", query, null).list("subnets")) {
            out.add(s.get("name"));
        }
        return out;
    }

    @Test
    void externalSubnetsAreNotVisibleAndPagesAreFull() {
        String ext = create(admin, "networks", "network", "name", "public", "router:external", true);
        String extSubnet = create(admin, "subnets", "subnet", "network_id", ext, "ip_version", 4,
                "cidr", "172.24.4.0/24", "name", "public-subnet");
        String shared = create(admin, "networks", "network", "name", "shared", "shared", true);
        create(admin, "subnets", "subnet", "network_id", shared, "ip_version", 4, "cidr", "172.25.0.0/24",
                "name", "shared-subnet");
        String mine = create(alice, "networks", "network", "name", "mine");
        for (int i = 0; i < 4; i++) {
            create(alice, "subnets", "subnet", "network_id", mine, "ip_version", 4, "cidr", "10.0." + i + ".0/24",
                    "name", "s" + i);
        }
        assertThat(names(Map.of())).containsExactlyInAnyOrder("s0", "s1", "s2", "s3", "shared-subnet");
        assertThat(h.call(alice, "GET", "/v2.0/subnets/" + extSubnet, null).status()).isEqualTo(404);
        for (int limit = 1; limit <= 4; limit++) {
            assertThat(names(Map.of("shared", List.of("False"), "limit", List.of("" + limit))))
                    .as("limit " + limit).hasSize(limit);
        }
        // the network itself is visible (access_as_external), and so are its subnets' ids on it
        assertThat(h.call(alice, "GET", "/v2.0/networks/" + ext, null).get("network").get("subnets"))
                .isEqualTo(List.of(extSubnet));
    }
}
