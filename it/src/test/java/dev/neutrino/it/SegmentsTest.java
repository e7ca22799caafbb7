package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * multi-provider networks and the segment extension over HTTP (neutron-lib multiprovidernet.py,
 * segment.py, standard_attr_segment.py; Neutron's segments plugin and _validate_segment). Flat
 * physical networks are exclusive server-wide, so every test uses physnet names of its own.
 */
class SegmentsTest extends ApiTest {
    static final String TYPE = "provider:network_type";
    static final String PHYSNET = "provider:physical_network";
    static final String SEG_ID = "provider:segmentation_id";

    static String physnet() {
        return "phys-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode segmentsOf(String networkId) {
        return api.get("/v2.0/segments?network_id=" + networkId + "&sort_key=segmentation_id&sort_dir=asc")
                .expect(200).at("/segments");
    }

    @Test
    void aMultiProviderNetworkShowsItsSegments() {
        String a = physnet();
        String b = physnet();
        JsonNode net = api.post("/v2.0/networks", obj("network", obj("name", "multi", "segments", arr(
                obj(TYPE, "flat", PHYSNET, a), obj(TYPE, "flat", PHYSNET, b), obj(TYPE, "geneve")))))
                .expect(201).at("/network");
        assertThat(net.has(TYPE)).isFalse();
        assertThat(net.has(PHYSNET)).isFalse();
        assertThat(net.has(SEG_ID)).isFalse();
        JsonNode segments = net.path("segments");
        assertThat(segments.size()).isEqualTo(3);
        assertThat(segments.get(0).path(TYPE).asText()).isEqualTo("flat");
        assertThat(segments.get(0).path(PHYSNET).asText()).isEqualTo(a);
        assertThat(segments.get(0).path(SEG_ID).isNull()).isTrue();
        assertThat(segments.get(2).path(TYPE).asText()).isEqualTo("geneve");
        assertThat(segments.get(2).path(PHYSNET).isNull()).isTrue();
        assertThat(segments.get(2).path(SEG_ID).isInt()).isTrue();
        assertThat(net.path("mtu").asInt()).as("geneve's 1442 is the smallest").isEqualTo(1442);
        String id = net.path("id").asText();
        assertThat(api.get("/v2.0/networks/" + id).expect(200).at("/network")).isEqualTo(net);

        // the physical network is taken now, whether asked for as provider:* or in segments
        api.post("/v2.0/networks", obj("network", obj(TYPE, "flat", PHYSNET, b))).expectError(409, "FlatNetworkInUse");
        api.post("/v2.0/networks", obj("network", obj("segments", arr(obj(TYPE, "flat", PHYSNET, a)))))
                .expectError(409, "FlatNetworkInUse");

        // filters on provider attributes match any of the segments
        JsonNode found = api.get("/v2.0/networks?" + PHYSNET + "=" + b).expect(200).at("/networks");
        assertThat(ids(found)).containsExactly(id);

        // the segments as the segment extension lists them
        JsonNode listed = api.get("/v2.0/segments?network_id=" + id + "&sort_key=network_type&sort_dir=desc"
                + "&sort_key=physical_network&sort_dir=asc").expect(200).at("/segments");
        assertThat(values(listed, "network_type")).containsExactly("geneve", "flat", "flat");
        List<String> physnets = values(listed, "physical_network");
        assertThat(physnets.subList(1, 3)).isSorted();
        api.delete("/v2.0/networks/" + id).expect(204);
        assertThat(segmentsOf(id).size()).as("a network's segments go with it").isZero();
        api.post("/v2.0/networks", obj("network", obj(TYPE, "flat", PHYSNET, b))).expect(201);
    }

    @Test
    void requestsAreRefusedAsNeutronRefusesThem() {
        api.post("/v2.0/networks", obj("network", obj(TYPE, "geneve", "segments", arr(obj(TYPE, "geneve")))))
                .expectError(400, "SegmentsSetInConjunctionWithProviders");
        Resp dup = api.post("/v2.0/networks", obj("network", obj("segments", arr(obj(TYPE, "geneve", SEG_ID, 901),
                obj(TYPE, "geneve", SEG_ID, 901))))).expectError(400, "SegmentsContainDuplicateEntry");
        assertThat(dup.errorMessage()).isEqualTo("Duplicate segment entry in request.");
        String p = physnet();
        api.post("/v2.0/networks", obj("network", obj("segments", arr(obj(TYPE, "flat", PHYSNET, p),
                obj(TYPE, "flat", PHYSNET, p))))).expectError(400, "SegmentsContainDuplicateEntry");
        api.post("/v2.0/networks", obj("network", obj("segments", arr(obj(TYPE, "flat", "mtu", 5)))))
                .expectError(400, null);
        api.post("/v2.0/networks", obj("network", obj("segments", arr(obj(TYPE, "warp")))))
                .expectError(400, "InvalidInput");
        assertThat(api.get("/v2.0/networks?project_id=" + project).expect(200).at("/networks").size()).isZero();
    }

    @Test
    void segmentsAreCreatedShownUpdatedListedAndDeleted() {
        String net = createNetworkId("n");
        JsonNode own = segmentsOf(net);
        assertThat(own.size()).as("the network's own segment is a segment too").isEqualTo(1);
        assertThat(own.get(0).path("network_type").asText()).isEqualTo("geneve");

        String p = physnet();
        assertThat(own.get(0).path("description").isNull()).as("ML2 writes a network's segments without one")
                .isTrue();
        JsonNode s = api.post("/v2.0/segments", obj("segment", obj("network_id", net, "network_type", "flat",
                "physical_network", p, "name", "edge", "description", "rack 1", "project_id", project)))
                .expect(201).at("/segment");
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "network_id", "name", "description", "physical_network",
                "network_type", "segmentation_id", "created_at", "updated_at", "revision_number");
        assertThat(s.path("name").asText()).isEqualTo("edge");
        assertThat(s.path("description").asText()).isEqualTo("rack 1");
        assertThat(s.path("segmentation_id").isNull()).isTrue();
        String id = s.path("id").asText();
        assertThat(api.get("/v2.0/segments/" + id).expect(200).at("/segment")).isEqualTo(s);

        JsonNode network = api.get("/v2.0/networks/" + net).expect(200).at("/network");
        assertThat(network.path("segments").size()).isEqualTo(2);
        assertThat(network.has(TYPE)).isFalse();

        JsonNode updated = api.put("/v2.0/segments/" + id, obj("segment", obj("name", "edge-2",
                "description", ""))).expect(200).at("/segment");
        assertThat(updated.path("name").asText()).isEqualTo("edge-2");
        assertThat(updated.path("revision_number").asInt()).isGreaterThan(s.path("revision_number").asInt());
        api.put("/v2.0/segments/" + id, obj("segment", obj("network_type", "vlan"))).expectError(400, null);
        api.put("/v2.0/segments/" + id, obj("segment", obj("segmentation_id", 5))).expectError(400, null);

        // filters, fields and pagination from the generic engine
        JsonNode byName = api.get("/v2.0/segments?name=edge-2&fields=id&fields=name").expect(200).at("/segments");
        assertThat(ids(byName)).containsExactly(id);
        assertThat(byName.get(0).has("network_type")).isFalse();
        api.get("/v2.0/segments?segmentation_id=5").expectError(400, null);
        Resp page = api.get("/v2.0/segments?network_id=" + net + "&limit=1&sort_key=id&sort_dir=asc").expect(200);
        assertThat(page.at("/segments").size()).isEqualTo(1);
        String next = null;
        for (JsonNode l : page.at("/segments_links")) if (l.path("rel").asText().equals("next")) next = l.path("href").asText();
        assertThat(next).isNotNull();
        JsonNode second = api.get(next).expect(200).at("/segments");
        assertThat(second.size()).isEqualTo(1);
        assertThat(second.get(0).path("id").asText()).isGreaterThan(page.at("/segments").get(0).path("id").asText());

        api.get("/v2.0/segments/" + id + "/tags").expect(404);
        api.get("/v2.0/segments?tags=a").expectError(400, null);
        api.post("/v2.0/segments", obj("segment", obj("network_id", UUID.randomUUID().toString(),
                "network_type", "geneve"))).expectError(404, "NetworkNotFound");

        api.delete("/v2.0/segments/" + id).expect(204);
        api.get("/v2.0/segments/" + id).expectError(404, "SegmentNotFound");
        assertThat(api.get("/v2.0/networks/" + net).expect(200).at("/network/" + TYPE.replace("/", "~1")).asText())
                .isEqualTo("geneve");
        // the physical network is free again
        api.post("/v2.0/networks", obj("network", obj(TYPE, "flat", PHYSNET, p))).expect(201);
    }

    @Test
    void subnetsAndSegmentsFollowNeutronsRules() {
        String a = physnet();
        String b = physnet();
        String net = api.post("/v2.0/networks", obj("network", obj("segments", arr(obj(TYPE, "flat", PHYSNET, a),
                obj(TYPE, "flat", PHYSNET, b))))).expect(201).text("/network/id");
        JsonNode segs = api.get("/v2.0/segments?network_id=" + net + "&sort_key=physical_network").expect(200)
                .at("/segments");
        String segA = null;
        String segB = null;
        for (JsonNode s : segs) {
            if (s.path("physical_network").asText().equals(a)) segA = s.path("id").asText();
            else segB = s.path("id").asText();
        }
        String other = createNetworkId("other");
        String otherSeg = segmentsOf(other).get(0).path("id").asText();

        JsonNode subnet = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4,
                "cidr", "10.20.0.0/24", "segment_id", segA))).expect(201).at("/subnet");
        assertThat(subnet.path("segment_id").asText()).isEqualTo(segA);
        assertThat(api.get("/v2.0/networks/" + net).expect(200).at("/network/l2_adjacency").asBoolean()).isFalse();
        assertThat(ids(api.get("/v2.0/subnets?segment_id=" + segA).expect(200).at("/subnets")))
                .containsExactly(subnet.path("id").asText());

        Resp mixed = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4,
                "cidr", "10.21.0.0/24"))).expectError(400, "SubnetsNotAllAssociatedWithSegments");
        assertThat(mixed.errorMessage()).isEqualTo("All of the subnets on network '" + net + "' must either all be "
                + "associated with segments or all not associated with any segment.");
        Resp mismatch = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4,
                "cidr", "10.22.0.0/24", "segment_id", otherSeg))).expectError(400, "NetworkIdsDontMatch");
        assertThat(mismatch.errorMessage()).isEqualTo("The subnet's network id, '" + net + "', doesn't match the "
                + "network_id of segment '" + otherSeg + "'");
        String missing = UUID.randomUUID().toString();
        assertThat(api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4,
                "cidr", "10.23.0.0/24", "segment_id", missing))).expectError(404, "SegmentNotFound").errorMessage())
                .isEqualTo("Segment " + missing + " could not be found.");
        String onB = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4,
                "cidr", "10.24.0.0/24", "segment_id", segB))).expect(201).text("/subnet/id");

        Resp inUse = api.delete("/v2.0/segments/" + segA).expectError(409, "SegmentInUse");
        assertThat(inUse.errorMessage()).isEqualTo("Segment '" + segA + "' cannot be deleted: The segment is still "
                + "associated with subnet(s) " + subnet.path("id").asText() + ".");
        api.put("/v2.0/subnets/" + onB, obj("subnet", obj("segment_id", segA)))
                .expectError(400, "SubnetsNotAllAssociatedWithSegments");

        api.delete("/v2.0/subnets/" + subnet.path("id").asText()).expect(204);
        api.delete("/v2.0/segments/" + segA).expect(204);
        assertThat(api.get("/v2.0/networks/" + net).expect(200).at("/network/" + TYPE.replace("/", "~1")).asText())
                .as("one segment left: provider attributes again").isEqualTo("flat");
        api.delete("/v2.0/networks/" + net).expect(204);
        api.get("/v2.0/segments/" + segB).expectError(404, "SegmentNotFound");
    }

    @Test
    void theExtensionsAreAdvertised() {
        for (String alias : List.of("multi-provider", "segment", "standard-attr-segment",
                "subnet-segmentid-writable")) {
            assertThat(api.get("/v2.0/extensions/" + alias).expect(200).text("/extension/alias")).isEqualTo(alias);
        }
    }
}
