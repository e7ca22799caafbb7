package dev.neutrino.ext.subnetpool;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * rbac-address-scope and rbac-subnetpool as Zed's RbacNeutronDbObjectMixin gives them to address scopes
 * and subnet pools (neutron/objects/address_scope.py, subnetpool.py; neutron-tempest-plugin's
 * RbacAddressScopeTest and RbacSubnetPoolTest).
 */
class SubnetPoolRbacTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");
    static final RequestContext BOB = RequestContext.member("bob", "project-b");

    @AutoClose
    final ApiHarness h = new ApiHarness();

    String create(RequestContext ctx, String collection, String key, Object... kv) {
        ApiHarness.Result r = h.call(ctx, "POST", "/v2.0/" + collection, body(key, kv));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get(key).get("id");
    }

    ApiHarness.Result share(RequestContext ctx, String type, String id, String target) {
        return h.call(ctx, "POST", "/v2.0/rbac-policies", body("rbac_policy", "object_type", type,
                "object_id", id, "action", "access_as_shared", "target_tenant", target));
    }

    String shareId(String type, String id, String target) {
        ApiHarness.Result r = share(ADMIN, type, id, target);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("rbac_policy").get("id");
    }

    int status(RequestContext ctx, String path) {
        return h.call(ctx, "GET", path, null).status();
    }

    static String message(ApiHarness.Result r) {
        return (String) r.get("NeutronError").get("message");
    }

    @Test
    void theAliasesAreAdvertised() {
        assertThat(h.call(ADMIN, "GET", "/v2.0/extensions", null).list("extensions")).extracting(e -> e.get("alias"))
                .contains("rbac-address-scope", "rbac-subnetpool");
    }

    @Test
    void anAddressScopeSharedWithAProjectTakesItsPoolsAndStaysWhileTheyUseIt() {
        String scope = create(ADMIN, "address-scopes", "address_scope", "name", "s", "ip_version", 4);
        assertThat(status(ALICE, "/v2.0/address-scopes/" + scope)).isEqualTo(404);
        String entry = shareId("address_scope", scope, "project-a");
        assertThat(h.call(ALICE, "GET", "/v2.0/address-scopes/" + scope, null).get("address_scope"))
                .containsEntry("shared", true);
        assertThat(h.call(ADMIN, "GET", "/v2.0/address-scopes/" + scope, null).get("address_scope"))
                .containsEntry("shared", false);
        assertThat(status(BOB, "/v2.0/address-scopes/" + scope)).isEqualTo(404);

        ApiHarness.Result reshare = share(ALICE, "address_scope", scope, "project-b");
        assertThat(reshare.status()).isEqualTo(400);
        assertThat(message(reshare)).contains("neutron.objects.address_scope.RbacNeutronDbObjectMixin",
                "Only admins can manipulate policies on objects they do not own");

        String pool = create(ALICE, "subnetpools", "subnetpool", "name", "p", "prefixes", List.of("10.0.0.0/8"),
                "default_prefixlen", 24, "address_scope_id", scope);
        ApiHarness.Result unshare = h.call(ADMIN, "DELETE", "/v2.0/rbac-policies/" + entry, null);
        assertThat(unshare.errorType()).isEqualTo("RbacPolicyInUse");
        assertThat(h.call(ALICE, "DELETE", "/v2.0/subnetpools/" + pool, null).status()).isEqualTo(204);
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/rbac-policies/" + entry, null).status()).isEqualTo(204);
        assertThat(status(ALICE, "/v2.0/address-scopes/" + scope)).isEqualTo(404);
    }

    @Test
    void sharedOnCreateIsTheWildcardEntryAndCannotBeTakenBack() {
        String scope = create(ADMIN, "address-scopes", "address_scope", "name", "s", "ip_version", 4, "shared", true);
        List<Map<String, Object>> entries = h.call(ADMIN, "GET", "/v2.0/rbac-policies",
                Map.of("object_id", List.of(scope)), null).list("rbac_policies");
        assertThat(entries).singleElement().satisfies(e -> assertThat(e).containsEntry("target_tenant", "*")
                .containsEntry("object_type", "address_scope").containsEntry("action", "access_as_shared")
                .containsEntry("project_id", "admin-project"));
        assertThat(h.call(BOB, "GET", "/v2.0/address-scopes/" + scope, null).get("address_scope"))
                .containsEntry("shared", true);
        ApiHarness.Result unshare = h.call(ADMIN, "PUT", "/v2.0/address-scopes/" + scope,
                body("address_scope", "shared", false));
        assertThat(unshare.status()).isEqualTo(400);
        assertThat(message(unshare)).isEqualTo("Shared address scope can't be unshared");

        String pool = create(ADMIN, "subnetpools", "subnetpool", "name", "p", "prefixes", List.of("10.0.0.0/8"),
                "default_prefixlen", 24, "shared", true);
        assertThat(h.call(ADMIN, "GET", "/v2.0/rbac-policies", Map.of("object_id", List.of(pool)), null)
                .list("rbac_policies")).extracting(e -> e.get("object_type"), e -> e.get("target_tenant"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("subnetpool", "*"));
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/subnetpools/" + pool, null).status()).isEqualTo(204);
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/address-scopes/" + scope, null).status()).isEqualTo(204);
        assertThat(h.call(ADMIN, "GET", "/v2.0/rbac-policies", null).list("rbac_policies"))
                .as("an object's entries go with it").isEmpty();
    }

    @Test
    void aPoolSharedWithAProjectGivesItSubnetsAndStaysWhileTheyExist() {
        String pool = create(ADMIN, "subnetpools", "subnetpool", "name", "p", "prefixes", List.of("10.8.0.0/16"),
                "default_prefixlen", 24);
        String net = create(ALICE, "networks", "network", "name", "n");
        ApiHarness.Result before = h.call(ALICE, "POST", "/v2.0/subnets", body("subnet", "network_id", net,
                "ip_version", 4, "subnetpool_id", pool));
        assertThat(before.status()).isEqualTo(404);
        String entry = shareId("subnetpool", pool, "project-a");
        assertThat(h.call(ALICE, "GET", "/v2.0/subnetpools/" + pool, null).get("subnetpool"))
                .containsEntry("shared", true);
        String subnet = create(ALICE, "subnets", "subnet", "network_id", net, "ip_version", 4, "subnetpool_id", pool);
        assertThat(h.call(ALICE, "GET", "/v2.0/subnets/" + subnet, null).get("subnet"))
                .containsEntry("cidr", "10.8.0.0/24");
        assertThat(status(BOB, "/v2.0/subnetpools/" + pool)).isEqualTo(404);
        assertThat(h.call(ALICE, "GET", "/v2.0/subnetpools", Map.of("shared", List.of("true")), null)
                .list("subnetpools")).extracting(p -> p.get("id")).containsExactly(pool);
        assertThat(h.call(ADMIN, "GET", "/v2.0/subnetpools", Map.of("shared", List.of("true")), null)
                .list("subnetpools")).as("not shared with the admin's project").isEmpty();
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/rbac-policies/" + entry, null).errorType())
                .isEqualTo("RbacPolicyInUse");
        assertThat(h.call(ALICE, "DELETE", "/v2.0/subnets/" + subnet, null).status()).isEqualTo(204);
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/rbac-policies/" + entry, null).status()).isEqualTo(204);
    }

    @Test
    void aPoolInAnAddressScopeIsSharedOnlyWhereTheScopeIs() {
        String scope = create(ADMIN, "address-scopes", "address_scope", "name", "s", "ip_version", 4);
        String pool = create(ADMIN, "subnetpools", "subnetpool", "name", "p", "prefixes", List.of("10.9.0.0/16"),
                "default_prefixlen", 24, "address_scope_id", scope);
        ApiHarness.Result refused = share(ADMIN, "subnetpool", pool, "project-a");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(message(refused)).isEqualTo("Invalid input for operation: Callback "
                + "neutron.objects.subnetpool.RbacNeutronDbObjectMixin.validate_rbac_policy_change failed with "
                + "\"Failed to create RBAC policy on object " + pool + " because target project doesn't have access "
                + "to associated address scope..\".");
        shareId("address_scope", scope, "project-a");
        shareId("subnetpool", pool, "project-a");
        assertThat(share(ADMIN, "subnetpool", pool, "project-b").status()).isEqualTo(400);
    }
}
