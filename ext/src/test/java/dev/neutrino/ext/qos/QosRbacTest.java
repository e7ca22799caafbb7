package dev.neutrino.ext.qos;

import static dev.neutrino.ext.qos.QosApiTest.ADMIN;
import static dev.neutrino.ext.qos.QosApiTest.ALICE;
import static dev.neutrino.ext.qos.QosApiTest.BOB;
import static dev.neutrino.ext.qos.QosApiTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RBAC entries of QoS policies (object_type qos_policy) as Zed keeps them (neutron/objects/rbac_db.py,
 * QosPolicy.get_bound_project_ids), following neutron-tempest-plugin's RbacSharedQosPoliciesTest. The
 * admin's answers (in-use refusals, their messages, the owner counted as a user, wildcard and
 * {@code shared}, InvalidActionForType, DuplicateRbacPolicy) were compared with the real Zed server
 * (MariaDB, ML2/OVN), and so were a project's (visibility, {@code shared} and its filter, the refusal of
 * a non-owner's entry: the server ran with keystonecontext taking the project and roles from headers).
 */
class QosRbacTest extends QosHarness {
    static final String OWNER = "admin-project";

    ApiHarness.Result share(String policy, String target) {
        return admin("POST", "/v2.0/rbac-policies", body("rbac_policy", "object_type", "qos_policy",
                "object_id", policy, "action", "access_as_shared", "target_tenant", target));
    }

    String shareId(String policy, String target) {
        ApiHarness.Result r = share(policy, target);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("rbac_policy").get("id");
    }

    String network(dev.neutrino.engine.RequestContext ctx, String policy) {
        ApiHarness.Result r = h.call(ctx, "POST", "/v2.0/networks", body("network", "name", "n", "qos_policy_id", policy));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("network").get("id");
    }

    boolean shared(String policy) {
        return (Boolean) admin("GET", "/v2.0/qos/policies/" + policy, null).get("policy").get("shared");
    }

    static String message(ApiHarness.Result r) {
        return (String) r.get("NeutronError").get("message");
    }

    @Test
    void aPolicySharedToAProjectIsVisibleAndUsableThereOnly() {
        String p = policy("name", "p", "project_id", OWNER);
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies/" + p, null).status()).isEqualTo(404);
        assertThat(h.call(ALICE, "POST", "/v2.0/networks", body("network", "qos_policy_id", p)).errorType())
                .isEqualTo("QosPolicyNotFound");
        ApiHarness.Result entry = share(p, "project-a");
        assertThat(entry.status()).as("%s", entry.body()).isEqualTo(201);
        assertThat(entry.get("rbac_policy")).containsEntry("object_type", "qos_policy").containsEntry("object_id", p)
                .containsEntry("target_tenant", "project-a").containsEntry("project_id", OWNER);

        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies/" + p, null).get("policy"))
                .as("shared with the caller's project").containsEntry("shared", true);
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies", null).list("policies")).extracting(x -> x.get("id"))
                .containsExactly(p);
        assertThat(shared(p)).as("not for the owner: no wildcard").isFalse();
        assertThat(h.call(BOB, "GET", "/v2.0/qos/policies/" + p, null).status()).isEqualTo(404);
        assertThat(h.call(BOB, "GET", "/v2.0/qos/policies", null).list("policies")).isEmpty();
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies", Map.of("shared", List.of("true")), null)
                .list("policies")).as("shared means shared with the caller").extracting(x -> x.get("id"))
                .containsExactly(p);
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies", Map.of("shared", List.of("false")), null)
                .list("policies")).isEmpty();
        assertThat(h.call(ADMIN, "GET", "/v2.0/qos/policies", Map.of("shared", List.of("false")), null)
                .list("policies")).extracting(x -> x.get("id")).containsExactly(p);

        String net = network(ALICE, p);
        ApiHarness.Result port = h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", net, "qos_policy_id", p));
        assertThat(port.status()).as("%s", port.body()).isEqualTo(201);
        assertThat(h.call(ALICE, "GET", "/v2.0/rbac-policies", null).list("rbac_policies"))
                .as("the entry is its owner's to see").isEmpty();
        assertThat(h.call(ADMIN, "GET", "/v2.0/rbac-policies", Map.of("object_type", List.of("qos_policy")), null)
                .list("rbac_policies")).hasSize(1);
    }

    @Test
    void anEntryAProjectDependsOnCannotBeRemovedUnlessAWildcardRemains() {
        String p = policy("name", "p", "project_id", OWNER);
        String entry = shareId(p, "project-b");
        network(BOB, p);

        ApiHarness.Result refused = admin("DELETE", "/v2.0/rbac-policies/" + entry, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorType()).isEqualTo("RbacPolicyInUse");
        String inUse = "RBAC policy on object " + p + " cannot be removed because other objects depend on it.";
        assertThat(message(refused)).as("as the real Zed server answered").isEqualTo(inUse + "\nDetails: Callback "
                + "neutron.objects.qos.policy.RbacNeutronDbObjectMixin.validate_rbac_policy_change failed with \""
                + inUse + "\nDetails: project_id=project-b\"");

        String wild = shareId(p, "*");
        assertThat(shared(p)).as("a wildcard entry is shared").isTrue();
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies/" + p, null).status()).isEqualTo(200);
        assertThat(admin("DELETE", "/v2.0/rbac-policies/" + entry, null).status()).isEqualTo(204);

        ApiHarness.Result wildRefused = admin("DELETE", "/v2.0/rbac-policies/" + wild, null);
        assertThat(wildRefused.errorType()).isEqualTo("RbacPolicyInUse");
        assertThat(message(wildRefused)).endsWith("Details: project_id=*\"");
        assertThat(admin("PUT", "/v2.0/rbac-policies/" + wild, body("rbac_policy", "target_tenant", "project-a"))
                .errorType()).as("retargeted away from the project using it").isEqualTo("RbacPolicyInUse");
        ApiHarness.Result unshare = admin("PUT", "/v2.0/qos/policies/" + p, body("policy", "shared", false));
        assertThat(unshare.errorType()).as("unsharing is removing the wildcard").isEqualTo("RbacPolicyInUse");
        assertThat(message(unshare)).as("no callback in between").isEqualTo(inUse + "\nDetails: project_id=*");
        assertThat(shared(p)).isTrue();
        assertThat(admin("PUT", "/v2.0/rbac-policies/" + wild, body("rbac_policy", "target_tenant", "project-b"))
                .errorType()).as("Zed judges a retarget as the old entry's removal, even to the project using it")
                .isEqualTo("RbacPolicyInUse");
        shareId(p, "project-b");
        assertThat(admin("PUT", "/v2.0/qos/policies/" + p, body("policy", "shared", false)).status())
                .as("the project using it keeps its own entry").isEqualTo(200);
        assertThat(shared(p)).isFalse();
        assertThat(h.call(BOB, "GET", "/v2.0/qos/policies/" + p, null).get("policy")).containsEntry("shared", true);
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies/" + p, null).status()).isEqualTo(404);
    }

    @Test
    void sharedStaysInStepWithTheWildcardEntry() {
        String p = policy("name", "p", "project_id", OWNER, "shared", true);
        List<Map<String, Object>> entries = h.call(ADMIN, "GET", "/v2.0/rbac-policies",
                Map.of("object_id", List.of(p)), null).list("rbac_policies");
        assertThat(entries).singleElement().satisfies(e -> assertThat(e).containsEntry("target_tenant", "*")
                .containsEntry("object_type", "qos_policy").containsEntry("action", "access_as_shared")
                .containsEntry("project_id", OWNER));
        assertThat(h.call(BOB, "GET", "/v2.0/qos/policies/" + p, null).get("policy")).containsEntry("shared", true);

        // as Zed counts the owner among the projects using the policy: its own network holds the wildcard
        String own = network(ADMIN, p);
        assertThat(admin("PUT", "/v2.0/qos/policies/" + p, body("policy", "shared", false)).status()).isEqualTo(409);
        assertThat(admin("DELETE", "/v2.0/networks/" + own, null).status()).isEqualTo(204);
        assertThat(admin("PUT", "/v2.0/qos/policies/" + p, body("policy", "shared", false)).status()).isEqualTo(200);
        assertThat(h.call(ADMIN, "GET", "/v2.0/rbac-policies", Map.of("object_id", List.of(p)), null)
                .list("rbac_policies")).isEmpty();
        assertThat(h.call(BOB, "GET", "/v2.0/qos/policies/" + p, null).status()).isEqualTo(404);

        String wild = shareId(p, "*");
        assertThat(shared(p)).isTrue();
        assertThat(admin("DELETE", "/v2.0/rbac-policies/" + wild, null).status()).isEqualTo(204);
        assertThat(shared(p)).isFalse();

        shareId(p, "project-a");
        assertThat(admin("PUT", "/v2.0/qos/policies/" + p, body("policy", "shared", true)).status()).isEqualTo(200);
        assertThat(admin("DELETE", "/v2.0/qos/policies/" + p, null).status()).isEqualTo(204);
        assertThat(h.call(ADMIN, "GET", "/v2.0/rbac-policies", Map.of("object_id", List.of(p)), null)
                .list("rbac_policies")).as("the policy's entries go with it").isEmpty();
    }

    @Test
    void onlyTheOwnerOrAnAdminSharesAndOnlyAsShared() {
        String p = policy("name", "p", "project_id", OWNER);
        shareId(p, "project-a");
        ApiHarness.Result reshare = h.call(ALICE, "POST", "/v2.0/rbac-policies", body("rbac_policy",
                "object_type", "qos_policy", "object_id", p, "action", "access_as_shared", "target_tenant", "project-b"));
        assertThat(reshare.status()).isEqualTo(400);
        assertThat(reshare.errorType()).isEqualTo("InvalidInput");
        assertThat(message(reshare)).as("as the real Zed server answered (without its callback's hash)").isEqualTo(
                "Invalid input for operation: Callback neutron.objects.qos.policy.RbacNeutronDbObjectMixin."
                        + "validate_rbac_policy_change failed with \"Invalid input for operation: Only admins can "
                        + "manipulate policies on objects they do not own.\".");
        ApiHarness.Result missing = h.call(ALICE, "POST", "/v2.0/rbac-policies", body("rbac_policy",
                "object_type", "qos_policy", "object_id", "00000000-0000-0000-0000-000000000000",
                "action", "access_as_shared", "target_tenant", "*"));
        assertThat(missing.status()).as("%s", missing.body()).isEqualTo(403);
        assertThat(share(p, "project-a").errorType()).isEqualTo("DuplicateRbacPolicy");

        ApiHarness.Result external = admin("POST", "/v2.0/rbac-policies", body("rbac_policy", "object_type",
                "qos_policy", "object_id", p, "action", "access_as_external", "target_tenant", "*"));
        assertThat(external.status()).isEqualTo(400);
        assertThat(external.errorType()).isEqualTo("InvalidActionForType");
        assertThat(message(external)).isEqualTo(
                "Invalid action 'access_as_external' for object type 'qos_policy'. Valid actions: ('access_as_shared',)");
        assertThat(share("00000000-0000-0000-0000-000000000000", "*").status()).isEqualTo(404);
        ApiHarness.Result router = admin("POST", "/v2.0/rbac-policies", body("rbac_policy", "object_type", "router",
                "object_id", p, "action", "access_as_shared", "target_tenant", "*"));
        assertThat(router.status()).isEqualTo(400);
        assertThat(message(router)).as("Zed's words").isEqualTo(
                "Invalid input for operation: 'router' is not a valid RBAC object type.");
        ApiHarness.Result upper = admin("POST", "/v2.0/rbac-policies", body("rbac_policy", "object_type",
                " QOS_Policy ", "object_id", p, "action", "access_as_shared", "target_tenant", "project-c"));
        assertThat(upper.status()).as("%s", upper.body()).isEqualTo(201);
        assertThat(upper.get("rbac_policy")).as("trimmed and lower-cased").containsEntry("object_type", "qos_policy");
    }

    @Test
    void withoutTheQosDriverQosPolicyIsNoObjectType() {
        try (ApiHarness without = new ApiHarness()) {
            ApiHarness.Result r = without.call(ADMIN, "POST", "/v2.0/rbac-policies", body("rbac_policy",
                    "object_type", "qos_policy", "object_id", "00000000-0000-0000-0000-000000000000",
                    "action", "access_as_shared", "target_tenant", "*"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(message(r)).isEqualTo("Invalid input for operation: 'qos_policy' is not a valid RBAC object type.");
        }
    }
}
