package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tags sub-resource (neutron/extensions/tagging.py, tempest test_tags). */
class TagsTest extends ApiTest {

    private List<String> tags(String networkId) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : api.get("/v2.0/networks/" + networkId + "/tags").expect(200).at("/tags")) {
            out.add(t.asText());
        }
        return out;
    }

    @Test
    void addOneTag() {
        String id = createNetworkId("t");
        Resp r = api.put("/v2.0/networks/" + id + "/tags/red", null).expect(201);
        assertThat(r.body()).isEmpty();
        assertThat(tags(id)).containsExactly("red");
        // adding it again is fine and keeps one copy
        api.put("/v2.0/networks/" + id + "/tags/red", null).expect(201);
        api.put("/v2.0/networks/" + id + "/tags/blue", null).expect(201);
        assertThat(tags(id)).containsExactlyInAnyOrder("red", "blue");
        JsonNode net = api.get("/v2.0/networks/" + id).expect(200).at("/network");
        List<String> embedded = new ArrayList<>();
        net.path("tags").forEach(t -> embedded.add(t.asText()));
        assertThat(embedded).containsExactlyInAnyOrder("red", "blue");
    }

    @Test
    void replaceAllTags() {
        String id = createNetworkId("t");
        api.put("/v2.0/networks/" + id + "/tags/old", null).expect(201);
        Resp r = api.put("/v2.0/networks/" + id + "/tags", obj("tags", arr("a", "b", "c"))).expect(200);
        List<String> returned = new ArrayList<>();
        r.at("/tags").forEach(t -> returned.add(t.asText()));
        assertThat(returned).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(tags(id)).containsExactlyInAnyOrder("a", "b", "c");
        api.put("/v2.0/networks/" + id + "/tags", obj("tags", arr())).expect(200);
        assertThat(tags(id)).isEmpty();
    }

    @Test
    void checkOneTag() {
        String id = createNetworkId("t");
        api.put("/v2.0/networks/" + id + "/tags/present", null).expect(201);
        api.get("/v2.0/networks/" + id + "/tags/present").expect(204);
        api.get("/v2.0/networks/" + id + "/tags/absent").expectError(404, "TagNotFound");
    }

    @Test
    void deleteOneAndAll() {
        String id = createNetworkId("t");
        api.put("/v2.0/networks/" + id + "/tags", obj("tags", arr("a", "b", "c"))).expect(200);
        api.delete("/v2.0/networks/" + id + "/tags/b").expect(204);
        assertThat(tags(id)).containsExactlyInAnyOrder("a", "c");
        api.delete("/v2.0/networks/" + id + "/tags/b").expectError(404, "TagNotFound");
        api.delete("/v2.0/networks/" + id + "/tags").expect(204);
        assertThat(tags(id)).isEmpty();
    }

    @Test
    void tagsOfAMissingResourceAre404() {
        String missing = "5d0a3ba0-0000-4000-8000-000000000000";
        api.get("/v2.0/networks/" + missing + "/tags").expect(404);
        api.put("/v2.0/networks/" + missing + "/tags/x", null).expect(404);
        api.put("/v2.0/networks/" + missing + "/tags", obj("tags", arr("x"))).expect(404);
        api.delete("/v2.0/networks/" + missing + "/tags").expect(404);
    }

    @Test
    void invalidTagBodiesAre400() {
        String id = createNetworkId("t");
        api.put("/v2.0/networks/" + id + "/tags", obj("tags", arr("a", "b"))).expect(200);
        api.put("/v2.0/networks/" + id + "/tags", obj("tag", arr("x"))).expectError(400, null);
        api.put("/v2.0/networks/" + id + "/tags", obj("tags", "x")).expectError(400, null);
        api.put("/v2.0/networks/" + id + "/tags", obj("tags", arr(1))).expectError(400, null);
        api.put("/v2.0/networks/" + id + "/tags", obj("tags", arr("x".repeat(256)))).expectError(400, null);
        api.put("/v2.0/networks/" + id + "/tags/" + "y".repeat(256), null).expectError(400, null);
        assertThat(tags(id)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void duplicateTagsInABodyAre400() {
        // neutron validates the body with validate_list_of_unique_strings
        String id = createNetworkId("t");
        api.put("/v2.0/networks/" + id + "/tags", obj("tags", arr("a", "a"))).expectError(400, null);
        assertThat(tags(id)).isEmpty();
    }

    @Test
    void tagChangesBumpTheRevision() {
        String id = createNetworkId("t");
        api.put("/v2.0/networks/" + id + "/tags/x", null).expect(201);
        int r2 = api.get("/v2.0/networks/" + id).expect(200).at("/network/revision_number").asInt();
        assertThat(r2).isGreaterThan(1);
        api.delete("/v2.0/networks/" + id + "/tags/x").expect(204);
        int r3 = api.get("/v2.0/networks/" + id).expect(200).at("/network/revision_number").asInt();
        assertThat(r3).isGreaterThan(r2);
    }

    @Test
    void tagsWithSpecialCharacters() {
        String id = createNetworkId("t");
        api.put("/v2.0/networks/" + id + "/tags/with%20space", null).expect(201);
        api.put("/v2.0/networks/" + id + "/tags", obj("tags", arr("with space", "k=v", "ünï"))).expect(200);
        assertThat(tags(id)).containsExactlyInAnyOrder("with space", "k=v", "ünï");
        api.get("/v2.0/networks/" + id + "/tags/k=v").expect(204);
        JsonNode found = api.get("/v2.0/networks?project_id=" + project + "&tags=k%3Dv").expect(200)
                .at("/networks");
        assertThat(ids(found)).containsExactly(id);
    }
}
