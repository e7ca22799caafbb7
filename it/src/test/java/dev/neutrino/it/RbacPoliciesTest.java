package dev.neutrino.it;

import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Network RBAC policies (neutron/extensions/rbac.py, rbac_db_mixin.py). In noauth mode every caller is an
 * admin, so what a policy makes visible to a non-admin project cannot be tested yet.
 */
class RbacPoliciesTest extends ApiTest {
    private final String rbac = "/v2.0/rbac-policies";

    private Resp createPolicy(String networkId, String action, String target) {
        return api.post(rbac, obj("rbac_policy", obj("object_type", "network", "object_id", networkId,
                "action", action, "target_tenant", target)));
    }

    private boolean shared(String networkId) {
        return api.get("/v2.0/networks/" + networkId).expect(200).at("/network/shared").asBoolean();
    }

    private JsonNode policiesOf(String networkId) {
        return api.get(rbac + "?object_id=" + networkId).expect(200).at("/rbac_policies");
    }

    @Test
    void wildcardSharingMakesTheNetworkShared() {
        String net = createNetworkId("n");
        assertThat(shared(net)).isFalse();
        JsonNode p = createPolicy(net, "access_as_shared", "*").expect(201).at("/rbac_policy");
        assertThat(p.path("object_type").asText()).isEqualTo("network");
        assertThat(p.path("object_id").asText()).isEqualTo(net);
        assertThat(p.path("action").asText()).isEqualTo("access_as_shared");
        assertThat(p.path("target_tenant").asText()).isEqualTo("*");
        assertThat(p.path("project_id").asText()).isEqualTo(project);
        assertThat(p.path("tenant_id").asText()).isEqualTo(project);
        String id = p.path("id").asText();
        assertThat(shared(net)).isTrue();
        JsonNode shown = api.get(rbac + "/" + id).expect(200).at("/rbac_policy");
        assertThat(shown.path("target_tenant").asText()).isEqualTo("*");
        assertThat(values(api.get("/v2.0/networks?shared=true&project_id=" + project).expect(200)
                .at("/networks"), "id")).containsExactly(net);

        api.delete(rbac + "/" + id).expect(204);
        assertThat(shared(net)).isFalse();
        api.get(rbac + "/" + id).expectError(404, null);
        api.delete(rbac + "/" + id).expectError(404, null);
    }

    @Test
    void targetedPolicyDoesNotShareWithEveryone() {
        String net = createNetworkId("n");
        String other = newProjectId();
        JsonNode p = createPolicy(net, "access_as_shared", other).expect(201).at("/rbac_policy");
        assertThat(p.path("target_tenant").asText()).isEqualTo(other);
        assertThat(shared(net)).isFalse();
        assertThat(ids(policiesOf(net))).containsExactly(p.path("id").asText());
        JsonNode byTarget = api.get(rbac + "?target_tenant=" + other).expect(200).at("/rbac_policies");
        assertThat(ids(byTarget)).containsExactly(p.path("id").asText());
    }

    @Test
    void duplicatePolicyIs409() {
        String net = createNetworkId("n");
        String other = newProjectId();
        createPolicy(net, "access_as_shared", other).expect(201);
        createPolicy(net, "access_as_shared", other).expectError(409, "DuplicateRbacPolicy");
        createPolicy(net, "access_as_shared", "*").expect(201);
        createPolicy(net, "access_as_shared", "*").expectError(409, "DuplicateRbacPolicy");
        assertThat(policiesOf(net).size()).isEqualTo(2);
    }

    @Test
    void sharedNetworkHasItsWildcardPolicy() {
        String net = api.post("/v2.0/networks", obj("network", obj("name", "s", "shared", true))).expect(201)
                .text("/network/id");
        JsonNode policies = policiesOf(net);
        assertThat(policies.size()).isEqualTo(1);
        assertThat(policies.get(0).path("target_tenant").asText()).isEqualTo("*");
        assertThat(policies.get(0).path("action").asText()).isEqualTo("access_as_shared");
        // sharing again through the API is a duplicate
        createPolicy(net, "access_as_shared", "*").expectError(409, "DuplicateRbacPolicy");
        api.put("/v2.0/networks/" + net, obj("network", obj("shared", false))).expect(200);
        assertThat(policiesOf(net).size()).isZero();
        api.put("/v2.0/networks/" + net, obj("network", obj("shared", true))).expect(200);
        assertThat(policiesOf(net).size()).isEqualTo(1);
    }

    @Test
    void updateTarget() {
        String net = createNetworkId("n");
        String id = createPolicy(net, "access_as_shared", newProjectId()).expect(201).text("/rbac_policy/id");
        JsonNode u = api.put(rbac + "/" + id, obj("rbac_policy", obj("target_tenant", "*"))).expect(200)
                .at("/rbac_policy");
        assertThat(u.path("target_tenant").asText()).isEqualTo("*");
        assertThat(shared(net)).isTrue();
        api.put(rbac + "/" + id, obj("rbac_policy", obj("action", "access_as_external"))).expectError(400, null);
    }

    @Test
    void invalidPoliciesAre400or404() {
        String net = createNetworkId("n");
        api.post(rbac, obj("rbac_policy", obj("object_type", "nonsense", "object_id", net,
                "action", "access_as_shared", "target_tenant", "*"))).expectError(400, null);
        createPolicy(net, "access_as_nothing", "*").expectError(400, null);
        api.post(rbac, obj("rbac_policy", obj("object_type", "network", "object_id", net,
                "action", "access_as_shared"))).expectError(400, null);
        createPolicy("5d0a3ba0-0000-4000-8000-000000000000", "access_as_shared", "*").expect(404);
        assertThat(policiesOf(net).size()).isZero();
        assertThat(shared(net)).isFalse();
    }

    @Test
    void deletingTheNetworkDeletesItsPolicies() {
        String net = createNetworkId("n");
        String id = createPolicy(net, "access_as_shared", newProjectId()).expect(201).text("/rbac_policy/id");
        api.delete("/v2.0/networks/" + net).expect(204);
        api.get(rbac + "/" + id).expect(404);
    }
}
