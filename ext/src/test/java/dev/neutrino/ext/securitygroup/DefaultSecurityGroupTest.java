package dev.neutrino.ext.securitygroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A project's default security group is made by the list that names the project, not by one refused. */
class DefaultSecurityGroupTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");

    @Test
    void aRefusedListMakesNoDefaultGroup() {
        try (ApiHarness h = new ApiHarness()) {
            ApiHarness.Result bad = h.call(ADMIN, "GET", "/v2.0/security-groups",
                    Map.of("project_id", List.of("project-x"), "no_such_attribute", List.of("1")), null);
            assertThat(bad.status()).isEqualTo(400);
            ApiHarness.Result badSort = h.call(ADMIN, "GET", "/v2.0/security-groups",
                    Map.of("project_id", List.of("project-x"), "sort_key", List.of("no_such_key")), null);
            assertThat(badSort.status()).isEqualTo(400);
            List<Map<String, Object>> all = h.call(ADMIN, "GET", "/v2.0/security-groups", Map.of(), null)
                    .list("security_groups");
            assertThat(all).extracting(g -> g.get("project_id")).doesNotContain("project-x");

            List<Map<String, Object>> listed = h.call(ADMIN, "GET", "/v2.0/security-groups",
                    Map.of("project_id", List.of("project-x")), null).list("security_groups");
            assertThat(listed).extracting(g -> g.get("name")).containsExactly("default");
        }
    }
}
