package dev.neutrino.ext.securitygroup;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * rbac-security-groups and security-groups-shared-filtering as Zed's RbacNeutronDbObjectMixin gives them
 * to security groups (neutron/objects/securitygroup.py; neutron-tempest-plugin's
 * RbacSharedSecurityGroupTest), and security-groups-normalized-cidr.
 */
class SecurityGroupRbacTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");
    static final RequestContext BOB = RequestContext.member("bob", "project-b");

    @AutoClose
    final ApiHarness h = new ApiHarness();

    String group(RequestContext ctx, String name) {
        ApiHarness.Result r = h.call(ctx, "POST", "/v2.0/security-groups", body("security_group", "name", name));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("security_group").get("id");
    }

    ApiHarness.Result share(RequestContext ctx, String sg, String target) {
        return h.call(ctx, "POST", "/v2.0/rbac-policies", body("rbac_policy", "object_type", "security_group",
                "object_id", sg, "action", "access_as_shared", "target_tenant", target));
    }

    String shareId(String sg, String target) {
        ApiHarness.Result r = share(ADMIN, sg, target);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("rbac_policy").get("id");
    }

    List<Object> visibleIds(RequestContext ctx, Map<String, List<String>> query) {
        return h.call(ctx, "GET", "/v2.0/security-groups", query, null).list("security_groups").stream()
                .map(g -> g.get("id")).toList();
    }

    static String message(ApiHarness.Result r) {
        return (String) r.get("NeutronError").get("message");
    }

    @Test
    void theAliasesAreAdvertised() {
        assertThat(h.call(ADMIN, "GET", "/v2.0/extensions", null).list("extensions")).extracting(e -> e.get("alias"))
                .contains("rbac-security-groups", "security-groups-shared-filtering", "security-groups-normalized-cidr");
    }

    @Test
    void aGroupSharedWithAProjectIsSeenAndUsedThereButNotChanged() {
        String sg = group(ADMIN, "web");
        assertThat(h.call(ALICE, "GET", "/v2.0/security-groups/" + sg, null).status()).isEqualTo(404);
        String entry = shareId(sg, "project-a");

        ApiHarness.Result seen = h.call(ALICE, "GET", "/v2.0/security-groups/" + sg, null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.get("security_group")).containsEntry("shared", true).containsEntry("project_id", "admin-project");
        assertThat((List<?>) seen.get("security_group").get("security_group_rules")).hasSize(2);
        assertThat(h.call(ADMIN, "GET", "/v2.0/security-groups/" + sg, null).get("security_group"))
                .as("shared as the caller sees it: not with the admin's project").containsEntry("shared", false);
        assertThat(h.call(BOB, "GET", "/v2.0/security-groups/" + sg, null).status()).isEqualTo(404);
        assertThat(visibleIds(ALICE, Map.of("shared", List.of("true")))).containsExactly(sg);
        assertThat(visibleIds(ALICE, Map.of("shared", List.of("false")))).doesNotContain(sg).isNotEmpty();
        assertThat(visibleIds(BOB, Map.of())).doesNotContain(sg);

        ApiHarness.Result rename = h.call(ALICE, "PUT", "/v2.0/security-groups/" + sg,
                body("security_group", "name", "mine"));
        assertThat(rename.status()).as("%s", rename.body()).isEqualTo(403);
        assertThat(h.call(ALICE, "DELETE", "/v2.0/security-groups/" + sg, null).status()).isEqualTo(403);

        String net = (String) h.call(ALICE, "POST", "/v2.0/networks", body("network", "name", "n"))
                .get("network").get("id");
        ApiHarness.Result port = h.call(ALICE, "POST", "/v2.0/ports",
                body("port", "network_id", net, "security_groups", List.of(sg)));
        assertThat(port.status()).as("%s", port.body()).isEqualTo(201);
        assertThat(h.call(BOB, "POST", "/v2.0/ports", body("port", "network_id",
                h.call(BOB, "POST", "/v2.0/networks", body("network", "name", "b")).get("network").get("id"),
                "security_groups", List.of(sg))).errorType()).isEqualTo("SecurityGroupNotFound");

        ApiHarness.Result unshare = h.call(ADMIN, "DELETE", "/v2.0/rbac-policies/" + entry, null);
        assertThat(unshare.status()).isEqualTo(409);
        assertThat(unshare.errorType()).isEqualTo("RbacPolicyInUse");
        assertThat(message(unshare)).startsWith("RBAC policy on object " + sg + " cannot be removed because other "
                + "objects depend on it.\nDetails: Callback neutron.objects.securitygroup.RbacNeutronDbObjectMixin"
                + ".validate_rbac_policy_change failed with \"RBAC policy on object " + sg);
        assertThat(h.call(ADMIN, "PUT", "/v2.0/rbac-policies/" + entry,
                body("rbac_policy", "target_tenant", "project-b")).errorType())
                .as("retargeting strands the port too").isEqualTo("RbacPolicyInUse");

        String wildcard = shareId(sg, "*");
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/rbac-policies/" + entry, null).status())
                .as("the wildcard keeps the port's access").isEqualTo(204);
        assertThat(h.call(BOB, "GET", "/v2.0/security-groups/" + sg, null).get("security_group"))
                .containsEntry("shared", true);
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/rbac-policies/" + wildcard, null).errorType())
                .isEqualTo("RbacPolicyInUse");
        assertThat(h.call(ALICE, "DELETE", "/v2.0/ports/" + port.get("port").get("id"), null).status()).isEqualTo(204);
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/rbac-policies/" + wildcard, null).status()).isEqualTo(204);
        assertThat(h.call(ALICE, "GET", "/v2.0/security-groups/" + sg, null).status()).isEqualTo(404);
    }

    @Test
    void onlyTheOwnerOrAnAdminWritesEntriesAndOnlyToShare() {
        String sg = group(ADMIN, "web");
        shareId(sg, "project-a");
        ApiHarness.Result reshare = share(ALICE, sg, "project-b");
        assertThat(reshare.status()).isEqualTo(400);
        assertThat(message(reshare)).isEqualTo("Invalid input for operation: Callback "
                + "neutron.objects.securitygroup.RbacNeutronDbObjectMixin.validate_rbac_policy_change failed with "
                + "\"Invalid input for operation: Only admins can manipulate policies on objects they do not own.\".");
        assertThat(h.call(ALICE, "GET", "/v2.0/rbac-policies", null).list("rbac_policies"))
                .as("the entry is its owner's to see").isEmpty();

        String own = group(ALICE, "mine");
        ApiHarness.Result byOwner = share(ALICE, own, "project-b");
        assertThat(byOwner.status()).as("%s", byOwner.body()).isEqualTo(201);
        assertThat(byOwner.get("rbac_policy")).containsEntry("project_id", "project-a");
        assertThat(share(ALICE, own, "project-b").errorType()).isEqualTo("DuplicateRbacPolicy");

        ApiHarness.Result external = h.call(ADMIN, "POST", "/v2.0/rbac-policies", body("rbac_policy",
                "object_type", "security_group", "object_id", sg, "action", "access_as_external",
                "target_tenant", "project-b"));
        assertThat(external.errorType()).isEqualTo("InvalidActionForType");
        assertThat(message(external)).isEqualTo("Invalid action 'access_as_external' for object type "
                + "'security_group'. Valid actions: ('access_as_shared',)");
    }

    @Test
    void deletingAGroupDeletesItsEntries() {
        String sg = group(ADMIN, "web");
        shareId(sg, "project-a");
        shareId(sg, "*");
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/security-groups/" + sg, null).status()).isEqualTo(204);
        assertThat(h.call(ADMIN, "GET", "/v2.0/rbac-policies", Map.of("object_id", List.of(sg)), null)
                .list("rbac_policies")).isEmpty();
    }

    @Test
    void aRuleShowsItsPrefixNormalizedAndIsFoundAndSortedByIt() {
        String sg = group(ADMIN, "web");
        List<String> prefixes = List.of("10.0.0.5/24", "10.0.0.0/24", "192.168.7.1/16");
        for (int i = 0; i < prefixes.size(); i++) {
            ApiHarness.Result r = h.call(ADMIN, "POST", "/v2.0/security-group-rules", body("security_group_rule",
                    "security_group_id", sg, "direction", "ingress", "protocol", "tcp", "port_range_min",
                    80 + i, "port_range_max", 80 + i, "remote_ip_prefix", prefixes.get(i)));
            assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        }
        List<Map<String, Object>> found = h.call(ADMIN, "GET", "/v2.0/security-group-rules",
                Map.of("normalized_cidr", List.of("10.0.0.0/24")), null).list("security_group_rules");
        assertThat(found).extracting(r -> r.get("normalized_cidr")).containsOnly("10.0.0.0/24").hasSize(2);
        assertThat(found).extracting(r -> r.get("remote_ip_prefix"))
                .containsExactlyInAnyOrder("10.0.0.5/24", "10.0.0.0/24");
        List<Object> sorted = h.call(ADMIN, "GET", "/v2.0/security-group-rules",
                Map.of("security_group_id", List.of(sg), "sort_key", List.of("normalized_cidr"),
                        "sort_dir", List.of("desc"), "remote_ip_prefix", List.of("192.168.7.1/16", "10.0.0.5/24")),
                null).list("security_group_rules").stream().map(r -> r.get("normalized_cidr")).toList();
        assertThat(sorted).containsExactly("192.168.0.0/16", "10.0.0.0/24");
    }
}
