package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Network CRUD, defaults, bulk create, If-Match and the error answers (neutron-lib network.py). */
class NetworksTest extends ApiTest {
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    private JsonNode list() {
        return api.get("/v2.0/networks?project_id=" + project).expect(200).at("/networks");
    }

    @Test
    void createAppliesNeutronDefaults() {
        Resp r = api.post("/v2.0/networks", obj("network", obj("name", "net1"))).expect(201);
        JsonNode n = r.at("/network");
        assertThat(n.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(n.path("name").asText()).isEqualTo("net1");
        assertThat(n.path("admin_state_up").asBoolean()).isTrue();
        assertThat(n.path("admin_state_up").isBoolean()).isTrue();
        assertThat(n.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(n.path("shared").isBoolean()).isTrue();
        assertThat(n.path("shared").asBoolean()).isFalse();
        assertThat(n.path("router:external").asBoolean()).isFalse();
        assertThat(n.path("mtu").isInt()).isTrue();
        assertThat(n.path("mtu").asInt()).isEqualTo(1442);
        assertThat(n.path("port_security_enabled").asBoolean()).isTrue();
        assertThat(n.path("subnets").isArray()).isTrue();
        assertThat(n.path("subnets").size()).isZero();
        assertThat(n.path("tags").isArray()).isTrue();
        assertThat(n.path("description").asText()).isEmpty();
        assertThat(n.path("availability_zone_hints").isArray()).isTrue();
        assertThat(n.path("revision_number").asInt()).isEqualTo(1);
        assertThat(n.path("project_id").asText()).isEqualTo(project);
        assertThat(n.path("tenant_id").asText()).isEqualTo(project);
        assertThat(n.path("created_at").asText()).matches(TIMESTAMP);
        assertThat(n.path("updated_at").asText()).matches(TIMESTAMP);
        Instant created = Instant.parse(n.path("created_at").asText());
        assertThat(created).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(120));

        // show returns the same document
        JsonNode shown = api.get("/v2.0/networks/" + n.path("id").asText()).expect(200).at("/network");
        assertThat(shown).isEqualTo(n);
    }

    @Test
    void defaultProjectWithoutHeader() {
        Client anonymous = server.client();
        JsonNode n = anonymous.post("/v2.0/networks", obj("network", obj("name", "np"))).expect(201)
                .at("/network");
        assertThat(n.path("project_id").asText()).isEqualTo("neutrino-default-project");
        anonymous.delete("/v2.0/networks/" + n.path("id").asText()).expect(204);
    }

    @Test
    void adminMayCreateForAnotherProject() {
        String other = newProjectId();
        JsonNode n = api.post("/v2.0/networks", obj("network", obj("name", "x", "project_id", other)))
                .expect(201).at("/network");
        assertThat(n.path("project_id").asText()).isEqualTo(other);
        assertThat(n.path("tenant_id").asText()).isEqualTo(other);
        JsonNode t = api.post("/v2.0/networks", obj("network", obj("name", "y", "tenant_id", other)))
                .expect(201).at("/network");
        assertThat(t.path("project_id").asText()).isEqualTo(other);
        api.post("/v2.0/networks", obj("network", obj("project_id", other, "tenant_id", project)))
                .expectError(400, null);
    }

    @Test
    void createWithExplicitValues() {
        JsonNode n = api.post("/v2.0/networks", obj("network", obj("name", "n", "admin_state_up", false,
                "shared", true, "mtu", 1400, "description", "about", "port_security_enabled", false)))
                .expect(201).at("/network");
        assertThat(n.path("admin_state_up").asBoolean()).isFalse();
        assertThat(n.path("shared").asBoolean()).isTrue();
        assertThat(n.path("mtu").asInt()).isEqualTo(1400);
        assertThat(n.path("description").asText()).isEqualTo("about");
        assertThat(n.path("port_security_enabled").asBoolean()).isFalse();
    }

    @Test
    void booleanStringsAreConverted() {
        JsonNode n = api.post("/v2.0/networks", obj("network", obj("admin_state_up", "False", "shared", "true")))
                .expect(201).at("/network");
        assertThat(n.path("admin_state_up").isBoolean()).isTrue();
        assertThat(n.path("admin_state_up").asBoolean()).isFalse();
        assertThat(n.path("shared").asBoolean()).isTrue();
    }

    @Test
    void updateChangesAttributesAndBumpsRevision() {
        JsonNode n = createNetwork("before");
        String id = n.path("id").asText();
        JsonNode u = api.put("/v2.0/networks/" + id, obj("network", obj("name", "after", "admin_state_up", false,
                "description", "d", "mtu", 1300))).expect(200).at("/network");
        assertThat(u.path("name").asText()).isEqualTo("after");
        assertThat(u.path("admin_state_up").asBoolean()).isFalse();
        assertThat(u.path("description").asText()).isEqualTo("d");
        assertThat(u.path("mtu").asInt()).isEqualTo(1300);
        assertThat(u.path("revision_number").asInt()).isEqualTo(2);
        assertThat(u.path("created_at").asText()).isEqualTo(n.path("created_at").asText());
        assertThat(u.path("updated_at").asText()).matches(TIMESTAMP);
        assertThat(Instant.parse(u.path("updated_at").asText()))
                .isAfterOrEqualTo(Instant.parse(n.path("updated_at").asText()));
        JsonNode shown = api.get("/v2.0/networks/" + id).expect(200).at("/network");
        assertThat(shown.path("name").asText()).isEqualTo("after");
        assertThat(shown.path("revision_number").asInt()).isEqualTo(2);
        JsonNode again = api.put("/v2.0/networks/" + id, obj("network", obj("name", "again"))).expect(200)
                .at("/network");
        assertThat(again.path("revision_number").asInt()).isEqualTo(3);
    }

    @Test
    void deleteRemovesTheNetwork() {
        String id = createNetworkId("gone");
        api.delete("/v2.0/networks/" + id).expect(204);
        Resp r = api.get("/v2.0/networks/" + id).expectError(404, "NetworkNotFound");
        assertThat(r.errorMessage()).isEqualTo("Network " + id + " could not be found.");
        api.delete("/v2.0/networks/" + id).expectError(404, "NetworkNotFound");
        assertThat(list().size()).isZero();
    }

    @Test
    void notFoundForUnknownIds() {
        String id = "5d0a3ba0-0000-4000-8000-000000000000";
        api.get("/v2.0/networks/" + id).expectError(404, "NetworkNotFound");
        api.put("/v2.0/networks/" + id, obj("network", obj("name", "x"))).expectError(404, "NetworkNotFound");
        api.delete("/v2.0/networks/" + id).expectError(404, "NetworkNotFound");
        api.get("/v2.0/networks/not-a-uuid").expectError(404, "NetworkNotFound");
    }

    @Test
    void bulkCreateReturnsAllInOrder() {
        Resp r = api.post("/v2.0/networks", obj("networks", arr(obj("name", "b1"), obj("name", "b2"),
                obj("name", "b3", "admin_state_up", false)))).expect(201);
        JsonNode nets = r.at("/networks");
        assertThat(values(nets, "name")).containsExactly("b1", "b2", "b3");
        assertThat(nets.get(2).path("admin_state_up").asBoolean()).isFalse();
        assertThat(ids(nets)).doesNotHaveDuplicates();
        assertThat(ids(list())).containsExactlyInAnyOrderElementsOf(ids(nets));
    }

    @Test
    void bulkCreateIsAllOrNothingOnValidationErrors() {
        api.post("/v2.0/networks", obj("networks", arr(obj("name", "ok"), obj("name", "bad",
                "admin_state_up", "abc")))).expectError(400, null);
        assertThat(list().size()).isZero();
    }

    @Test
    void bulkCreateIsAllOrNothingWhenALaterItemFailsInTheServer() {
        // the MTU check runs while creating, after the first network was written
        api.post("/v2.0/networks", obj("networks", arr(obj("name", "ok1"), obj("name", "ok2"),
                obj("name", "too-big", "mtu", 9000)))).expectError(400, null);
        assertThat(list().size()).isZero();
    }

    @Test
    void ifMatchRevisionGuardsUpdates() {
        String id = createNetworkId("guarded");
        Resp ok = api.send("PUT", "/v2.0/networks/" + id, obj("network", obj("name", "v2")),
                Map.of("If-Match", "revision_number=1")).expect(200);
        assertThat(ok.at("/network/revision_number").asInt()).isEqualTo(2);
        Resp stale = api.send("PUT", "/v2.0/networks/" + id, obj("network", obj("name", "v3")),
                Map.of("If-Match", "revision_number=1"));
        stale.expectError(412, null);
        JsonNode n = api.get("/v2.0/networks/" + id).expect(200).at("/network");
        assertThat(n.path("name").asText()).isEqualTo("v2");
        assertThat(n.path("revision_number").asInt()).isEqualTo(2);
        api.send("PUT", "/v2.0/networks/" + id, obj("network", obj("name", "v3")),
                Map.of("If-Match", "revision_number=3")).expectError(412, null);
    }

    @Test
    void ifMatchRevisionGuardsDeletes() {
        String id = createNetworkId("guarded");
        api.send("DELETE", "/v2.0/networks/" + id, null, Map.of("If-Match", "revision_number=7"))
                .expectError(412, null);
        api.get("/v2.0/networks/" + id).expect(200);
        api.send("DELETE", "/v2.0/networks/" + id, null, Map.of("If-Match", "revision_number=1")).expect(204);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void unknownAttributeIs400AndCreatesNothing() {
        Resp r = api.post("/v2.0/networks", obj("network", obj("name", "x", "foo", 1))).expectError(400, null);
        assertThat(r.errorMessage()).contains("Unrecognized attribute(s) 'foo'");
        assertThat(list().size()).isZero();
    }

    @Test
    void wrongTypeIs400AndCreatesNothing() {
        Resp r = api.post("/v2.0/networks", obj("network", obj("name", "x", "admin_state_up", "abc")))
                .expectError(400, null);
        // neutron: convert_to_boolean raises InvalidInput
        assertThat(r.errorMessage()).isEqualTo("Invalid input for operation: 'abc' cannot be converted to boolean.");
        api.post("/v2.0/networks", obj("network", obj("mtu", "big"))).expectError(400, null);
        api.post("/v2.0/networks", obj("network", obj("name", 42))).expectError(400, null);
        api.post("/v2.0/networks", obj("network", obj("name", "x".repeat(256)))).expectError(400, null);
        api.post("/v2.0/networks", obj("network", obj("shared", arr()))).expectError(400, null);
        assertThat(list().size()).isZero();
    }

    @Test
    void mtuAboveTheMaximumIs400() {
        api.post("/v2.0/networks", obj("network", obj("mtu", 1443))).expectError(400, null);
        api.post("/v2.0/networks", obj("network", obj("mtu", 1442))).expect(201);
        assertThat(list().size()).isEqualTo(1);
    }

    @Test
    void readOnlyAttributesCannotBeUpdated() {
        String id = createNetworkId("ro");
        for (Map<String, Object> change : java.util.List.<Map<String, Object>>of(obj("status", "DOWN"),
                obj("id", "5d0a3ba0-0000-4000-8000-000000000000"), obj("revision_number", 9),
                obj("created_at", "2020-01-01T00:00:00Z"), obj("subnets", arr()), obj("tenant_id", "someone"))) {
            Resp r = api.put("/v2.0/networks/" + id, obj("network", change)).expectError(400, null);
            assertThat(r.errorMessage()).as("%s", change).isNotBlank();
        }
        JsonNode n = api.get("/v2.0/networks/" + id).expect(200).at("/network");
        assertThat(n.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(n.path("revision_number").asInt()).isEqualTo(1);
        assertThat(n.path("project_id").asText()).isEqualTo(project);
    }

    @Test
    void rejectedUpdateChangesNothing() {
        String id = createNetworkId("keep");
        api.put("/v2.0/networks/" + id, obj("network", obj("name", "changed", "admin_state_up", "abc")))
                .expectError(400, null);
        api.put("/v2.0/networks/" + id, obj("network", obj("name", "changed", "bogus", true)))
                .expectError(400, null);
        JsonNode n = api.get("/v2.0/networks/" + id).expect(200).at("/network");
        assertThat(n.path("name").asText()).isEqualTo("keep");
        assertThat(n.path("revision_number").asInt()).isEqualTo(1);
    }

    @Test
    void malformedJsonIs400() {
        api.post("/v2.0/networks", "{\"network\": {\"name\": ").expectError(400, null);
        api.post("/v2.0/networks", "not json at all").expectError(400, null);
        String id = createNetworkId("m");
        api.put("/v2.0/networks/" + id, "{\"network\": ").expectError(400, null);
        assertThat(list().size()).isEqualTo(1);
    }

    @Test
    void missingOrWrongBodyIs400() {
        api.post("/v2.0/networks", null).expectError(400, null);
        api.post("/v2.0/networks", obj()).expectError(400, null);
        api.post("/v2.0/networks", obj("port", obj("name", "x"))).expectError(400, null);
        api.post("/v2.0/networks", obj("network", "x")).expectError(400, null);
        api.post("/v2.0/networks", obj("networks", arr())).expectError(400, null);
        String id = createNetworkId("b");
        api.put("/v2.0/networks/" + id, null).expectError(400, null);
        assertThat(list().size()).isEqualTo(1);
    }

    @Test
    void errorsCarryARequestId() {
        Resp r = api.get("/v2.0/networks/5d0a3ba0-0000-4000-8000-000000000000").expect(404);
        assertThat(r.headers().firstValue("X-Openstack-Request-Id")).hasValueSatisfying(
                v -> assertThat(v).startsWith("req-"));
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
    }
}
