package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.ml2.Ml2Options;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.neutrino.engine.RequestContext;

/**
 * multi-provider networks and the segment extension with VLAN ranges configured: segments go
 * through the type drivers (no VLAN twice, also under concurrency), ML2's rules for the request,
 * and the admin-only policy of segments.
 */
class SegmentsApiTest {
    static final String TYPE = "provider:network_type";
    static final String PHYSNET = "provider:physical_network";
    static final String SEG_ID = "provider:segmentation_id";

    ApiHarness h;
    final RequestContext admin = RequestContext.admin("admin-project");
    final RequestContext alice = RequestContext.member("alice", "project-a");

    @BeforeEach
    void start() {
        h = new ApiHarness(Config.defaults(NeutrinoOptions.ALL)
                .with(Ml2Options.VLAN_RANGES, List.of("physnet1:100:101", "physnet2:200:299", "physnet3:1:10"))
                .with(Ml2Options.PHYSICAL_NETWORK_MTUS, List.of("physnet2:1400")));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    static Map<String, Object> seg(String type, String physnet, Integer id) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(TYPE, type);
        if (physnet != null) m.put(PHYSNET, physnet);
        if (id != null) m.put(SEG_ID, id);
        return m;
    }

    ApiHarness.Result createNet(RequestContext ctx, Object... kv) {
        return h.call(ctx, "POST", "/v2.0/networks", body("network", kv));
    }

    @Test
    void aNetworkWithSeveralSegmentsShowsSegmentsAndNoProviderAttributes() {
        var r = createNet(admin, "name", "multi", "segments",
                List.of(seg("vlan", "physnet2", 250), seg("geneve", null, 7000)));
        assertThat(r.status()).isEqualTo(201);
        Map<String, Object> net = r.get("network");
        assertThat(net).doesNotContainKeys(TYPE, PHYSNET, SEG_ID);
        Map<String, Object> geneve = new java.util.HashMap<>();
        geneve.put(TYPE, "geneve");
        geneve.put(PHYSNET, null);
        geneve.put(SEG_ID, 7000);
        assertThat(net.get("segments")).isEqualTo(List.of(Map.of(TYPE, "vlan", PHYSNET, "physnet2", SEG_ID, 250),
                geneve));
        assertThat(net.get("mtu")).as("the smallest of physnet2 (1400) and geneve (1442)").isEqualTo(1400);
        String id = (String) net.get("id");
        assertThat(h.call(admin, "GET", "/v2.0/networks/" + id, null).get("network")).isEqualTo(net);

        // members see neither the segments nor the provider attributes (admin-only in Neutron's policy)
        var shared = h.call(admin, "PUT", "/v2.0/networks/" + id, body("network", "shared", true));
        assertThat(shared.status()).isEqualTo(200);
        Map<String, Object> seen = h.call(alice, "GET", "/v2.0/networks/" + id, null).get("network");
        assertThat(seen).doesNotContainKeys("segments", TYPE, PHYSNET, SEG_ID);

        // filters match any segment, as ML2's network_matches_filters
        var byVni = h.call(admin, "GET", "/v2.0/networks", Map.of(SEG_ID, List.of("7000")), null);
        assertThat(byVni.list("networks")).extracting(n -> n.get("id")).containsExactly(id);
        createNet(admin, "name", "plain");
        assertThat(h.call(admin, "GET", "/v2.0/networks", Map.of(SEG_ID, List.of("7000")), null).list("networks"))
                .extracting(n -> n.get("id")).containsExactly(id);

        // a network without segments matches every provider filter (ML2's network_matches_filters)
        String bare = (String) createNet(admin, "name", "bare").get("network").get("id");
        String bareSegment = (String) h.call(admin, "GET", "/v2.0/segments", Map.of("network_id", List.of(bare)),
                null).list("segments").get(0).get("id");
        assertThat(h.call(admin, "DELETE", "/v2.0/segments/" + bareSegment, null).status()).isEqualTo(204);
        var byVlan = h.call(admin, "GET", "/v2.0/networks", Map.of(PHYSNET, List.of("physnet2")), null);
        assertThat(byVlan.list("networks")).extracting(n -> n.get("id")).containsExactlyInAnyOrder(id, bare);
        assertThat(h.call(admin, "GET", "/v2.0/networks/" + bare, null).get("network")).containsEntry(TYPE, null);

        // segments on update are ignored as ML2 ignores them
        var upd = h.call(admin, "PUT", "/v2.0/networks/" + id, body("network", "segments",
                List.of(seg("geneve", null, 7001))));
        assertThat(upd.status()).isEqualTo(200);
        assertThat(upd.get("network").get("segments")).isEqualTo(net.get("segments"));
    }

    @Test
    void oneSegmentInSegmentsShowsAsProviderAttributes() {
        var r = createNet(admin, "segments", List.of(seg("vlan", "physnet1", null)));
        assertThat(r.status()).isEqualTo(201);
        Map<String, Object> net = r.get("network");
        assertThat(net).doesNotContainKey("segments");
        assertThat(net.get(TYPE)).isEqualTo("vlan");
        assertThat(net.get(PHYSNET)).isEqualTo("physnet1");
        assertThat((Integer) net.get(SEG_ID)).isBetween(100, 101);
    }

    @Test
    void requestsAreCheckedAsMl2Does() {
        var both = createNet(admin, TYPE, "geneve", "segments", List.of(seg("geneve", null, null)));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.errorType()).isEqualTo("SegmentsSetInConjunctionWithProviders");
        assertThat(both.get("NeutronError").get("message")).isEqualTo("Segments and provider values cannot both be set.");

        var dup = createNet(admin, "segments", List.of(seg("geneve", null, 5), seg("geneve", null, 5)));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.errorType()).isEqualTo("SegmentsContainDuplicateEntry");
        assertThat(dup.get("NeutronError").get("message")).isEqualTo("Duplicate segment entry in request.");

        var unknown = createNet(admin, "segments", List.of(Map.of(TYPE, "geneve", "color", "red")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.get("NeutronError").get("message")).isEqualTo("Unrecognized attribute(s) 'color'");

        var noType = createNet(admin, "segments", List.of(seg("geneve", null, 9), Map.of(PHYSNET, "physnet1")));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.get("NeutronError").get("message")).isEqualTo("Invalid input for operation: network_type required.");

        var badPhysnet = createNet(admin, "segments", List.of(seg("vlan", "nowhere", 5)));
        assertThat(badPhysnet.status()).isEqualTo(400);
        assertThat(badPhysnet.errorType()).isEqualTo("InvalidInput");

        var samePhysnet = createNet(admin, "segments", List.of(seg("vlan", "physnet1", null),
                seg("vlan", "physnet1", null)));
        assertThat(samePhysnet.status()).isEqualTo(409);
        assertThat(samePhysnet.errorType()).isEqualTo("NeutronDbObjectDuplicateEntry");
        assertThat((String) samePhysnet.get("NeutronError").get("message")).startsWith("Failed to create a "
                + "duplicate NetworkSegment: for attribute(s) ['network_id', 'network_type', 'physical_network']")
                .endsWith("-vlan-physnet1");

        var member = createNet(alice, "segments", List.of(seg("geneve", null, null)));
        assertThat(member.status()).isEqualTo(403);
        assertThat(member.errorType()).isEqualTo("PolicyNotAuthorized");
        assertThat((String) member.get("NeutronError").get("message")).contains("create_network:segments");

        assertThat(h.call(admin, "GET", "/v2.0/networks", null).list("networks")).as("nothing was created").isEmpty();
        assertThat(h.call(admin, "GET", "/v2.0/segments", null).list("segments")).isEmpty();
    }

    @Test
    void aVlanOrVniIsNeverHandedOutTwice() {
        assertThat(createNet(admin, "segments", List.of(seg("vlan", "physnet1", 100), seg("geneve", null, 42)))
                .status()).isEqualTo(201);
        var vlan = createNet(admin, TYPE, "vlan", PHYSNET, "physnet1", SEG_ID, 100);
        assertThat(vlan.status()).isEqualTo(409);
        assertThat(vlan.errorType()).isEqualTo("VlanIdInUse");
        var vni = createNet(admin, "segments", List.of(seg("vlan", "physnet1", 101), seg("geneve", null, 42)));
        assertThat(vni.status()).isEqualTo(409);
        assertThat(vni.errorType()).isEqualTo("TunnelIdInUse");
        // the failed request left VLAN 101 free: the only one left on physnet1
        var last = createNet(admin, "segments", List.of(seg("vlan", "physnet1", null), seg("geneve", null, null)));
        assertThat(last.status()).isEqualTo(201);
        assertThat(((Map<?, ?>) ((List<?>) last.get("network").get("segments")).get(0)).get(SEG_ID)).isEqualTo(101);
        var none = createNet(admin, "segments", List.of(seg("vlan", "physnet1", null)));
        assertThat(none.status()).isEqualTo(503);
        assertThat(none.errorType()).isEqualTo("NoNetworkAvailable");
    }

    @Test
    void concurrentRequestsNeverShareAVlan() throws Exception {
        int created;
        // physnet3 has 10 VLANs; 16 networks of two partial segments race for them
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ApiHarness.Result>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> createNet(admin, "segments",
                        List.of(seg("vlan", "physnet3", null), seg("geneve", null, null)))));
            }
            int n = 0;
            for (Future<ApiHarness.Result> f : results) {
                ApiHarness.Result r = f.get();
                assertThat(r.status()).isIn(201, 503, 409);
                if (r.status() == 201) n++;
            }
            assertThat(n).isBetween(1, 10);
            created = n;
        } finally {
            pool.shutdownNow();
        }
        var all = h.call(admin, "GET", "/v2.0/segments", Map.of("physical_network", List.of("physnet3")), null)
                .list("segments");
        Set<Object> vlans = new HashSet<>();
        for (Map<String, Object> s : all) assertThat(vlans.add(s.get("segmentation_id"))).isTrue();
        assertThat(all).as("one physnet3 segment per network created").hasSize(created);
        List<Map<String, Object>> geneve = h.call(admin, "GET", "/v2.0/segments",
                Map.of("network_type", List.of("geneve")), null).list("segments");
        assertThat(geneve).hasSameSizeAs(all);
        assertThat(geneve.stream().map(s -> s.get("segmentation_id")).distinct().count()).isEqualTo(geneve.size());
    }

    @Test
    void segmentsAreAddedThroughTheTypeDriversAndShowAsNeutronShowsThem() {
        String net = (String) createNet(admin, TYPE, "vlan", PHYSNET, "physnet2", SEG_ID, 200).get("network").get("id");
        var r = h.call(admin, "POST", "/v2.0/segments", body("segment", "network_id", net, "network_type", "vlan",
                "physical_network", "physnet1"));
        assertThat(r.status()).isEqualTo(201);
        Map<String, Object> s = r.get("segment");
        assertThat(s).containsOnlyKeys("id", "network_id", "name", "description", "physical_network", "network_type",
                "segmentation_id", "created_at", "updated_at", "revision_number");
        assertThat(s.get("name")).isNull();
        assertThat(s.get("description")).isEqualTo("");
        assertThat(s.get("network_id")).isEqualTo(net);
        assertThat((Integer) s.get("segmentation_id")).isBetween(100, 101);
        var network = h.call(admin, "GET", "/v2.0/networks/" + net, null).get("network");
        assertThat(network.get("segments")).asList().hasSize(2);
        assertThat(network.get("mtu")).isEqualTo(1400);

        // the same VLAN on another network is refused
        String other = (String) createNet(admin, "name", "other").get("network").get("id");
        var taken = h.call(admin, "POST", "/v2.0/segments", body("segment", "network_id", other, "network_type",
                "vlan", "physical_network", "physnet2", "segmentation_id", 200));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errorType()).isEqualTo("VlanIdInUse");
        var missing = h.call(admin, "POST", "/v2.0/segments", body("segment", "network_id",
                "5b4c1a0e-0000-4000-8000-000000000000", "network_type", "geneve"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorType()).isEqualTo("NetworkNotFound");
    }

    @Test
    void mechanismDriversSeeASegmentAddedOrRemovedAsAnUpdateOfItsNetwork() {
        List<dev.neutrino.ml2.Ml2Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        h.app.mechanisms().register(new dev.neutrino.ml2.MechanismDriver() {
            @Override public String name() { return "recorder"; }
            @Override public void precommit(dev.neutrino.ml2.Ml2Event e) { events.add(e); }
        });
        String net = (String) createNet(admin, TYPE, "vlan", PHYSNET, "physnet2", SEG_ID, 230).get("network").get("id");
        events.clear();
        var seg = h.call(admin, "POST", "/v2.0/segments", body("segment", "network_id", net, "network_type", "vlan",
                "physical_network", "physnet1", "segmentation_id", 101));
        assertThat(seg.status()).isEqualTo(201);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).methodName(true)).isEqualTo("update_network_precommit");
        assertThat(events.get(0).original()).containsEntry(SEG_ID, 230).doesNotContainKey("segments");
        assertThat(events.get(0).current().get("segments")).asList().hasSize(2);

        events.clear();
        assertThat(h.call(admin, "DELETE", "/v2.0/segments/" + seg.get("segment").get("id"), null).status())
                .isEqualTo(204);
        assertThat(events).extracting(e -> e.methodName(true)).containsExactly("update_network_precommit");
        assertThat(events.get(0).original().get("segments")).asList().hasSize(2);
        assertThat(events.get(0).current()).containsEntry(SEG_ID, 230);
    }

    @Test
    void aSegmentThatWouldLowerTheMtuBelowTheNetworksIsRefused() {
        String net = (String) createNet(admin, TYPE, "vlan", PHYSNET, "physnet1", SEG_ID, 100).get("network").get("id");
        var r = h.call(admin, "POST", "/v2.0/segments", body("segment", "network_id", net, "network_type", "geneve"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("NeutronError").get("message"))
                .isEqualTo("Invalid input for operation: Requested MTU is too big, maximum is 1442.");
    }

    @Test
    void segmentsAreForAdminsOnly() {
        String net = (String) createNet(alice, "name", "a").get("network").get("id");
        var create = h.call(alice, "POST", "/v2.0/segments", body("segment", "network_id", net,
                "network_type", "geneve"));
        assertThat(create.status()).isEqualTo(403);
        String id = (String) h.call(admin, "GET", "/v2.0/segments", Map.of("network_id", List.of(net)), null)
                .list("segments").get(0).get("id");
        assertThat(h.call(alice, "GET", "/v2.0/segments", null).list("segments")).isEmpty();
        assertThat(h.call(alice, "GET", "/v2.0/segments/" + id, null).status()).isEqualTo(404);
        assertThat(h.call(alice, "PUT", "/v2.0/segments/" + id, body("segment", "name", "x")).status())
                .isEqualTo(404);
        assertThat(h.call(alice, "DELETE", "/v2.0/segments/" + id, null).status()).isEqualTo(404);
        // a member's subnets do not show segment_id (get_subnet:segment_id is admin-only)
        var sub = h.call(alice, "POST", "/v2.0/subnets", body("subnet", "network_id", net, "ip_version", 4,
                "cidr", "10.0.0.0/24"));
        assertThat(sub.status()).isEqualTo(201);
        assertThat(sub.get("subnet")).doesNotContainKey("segment_id");
    }

    @Test
    void aSubnetsSegmentCanBeSetOnceOnANetworkWithOneSegment() {
        String net = (String) createNet(admin, TYPE, "vlan", PHYSNET, "physnet2", SEG_ID, 220).get("network").get("id");
        String seg = (String) h.call(admin, "GET", "/v2.0/segments", Map.of("network_id", List.of(net)), null)
                .list("segments").get(0).get("id");
        var sub = h.call(admin, "POST", "/v2.0/subnets", body("subnet", "network_id", net, "ip_version", 4,
                "cidr", "10.0.0.0/24"));
        String subnet = (String) sub.get("subnet").get("id");
        assertThat(sub.get("subnet").get("segment_id")).isNull();
        var set = h.call(admin, "PUT", "/v2.0/subnets/" + subnet, body("subnet", "segment_id", seg));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.get("subnet").get("segment_id")).isEqualTo(seg);
        assertThat(h.call(admin, "GET", "/v2.0/networks/" + net, null).get("network").get("l2_adjacency"))
                .isEqualTo(false);

        var unset = h.call(admin, "PUT", "/v2.0/subnets/" + subnet, body("subnet", "segment_id", null));
        assertThat(unset.status()).isEqualTo(400);
        assertThat(unset.errorType()).isEqualTo("SubnetSegmentAssociationChangeNotAllowed");

        // a second segment: no more moves on this network
        var second = h.call(admin, "POST", "/v2.0/segments", body("segment", "network_id", net,
                "network_type", "vlan", "physical_network", "physnet1", "segmentation_id", 100));
        assertThat(second.status()).isEqualTo(201);
        String net2 = (String) createNet(admin, "segments", List.of(seg("vlan", "physnet1", 101),
                seg("vlan", "physnet2", 211))).get("network").get("id");
        String onNet2 = (String) h.call(admin, "POST", "/v2.0/subnets", body("subnet", "network_id", net2,
                "ip_version", 4, "cidr", "10.1.0.0/24")).get("subnet").get("id");
        String seg2 = (String) h.call(admin, "GET", "/v2.0/segments", Map.of("network_id", List.of(net2)), null)
                .list("segments").get(0).get("id");
        var multiple = h.call(admin, "PUT", "/v2.0/subnets/" + onNet2, body("subnet", "segment_id", seg2));
        assertThat(multiple.status()).isEqualTo(400);
        assertThat(multiple.errorType()).isEqualTo("NoUpdateSubnetWhenMultipleSegmentsOnNetwork");
    }
}
