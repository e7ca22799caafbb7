package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** List queries on networks: filters, fields, sorting and pagination (neutron api_common). */
class ListingTest extends ApiTest {

    /** Creates networks (name, admin_state_up, mtu) in this test's project with one bulk request. */
    private List<String> networks(Object[]... specs) {
        List<Object> items = new ArrayList<>();
        for (Object[] s : specs) items.add(obj("name", s[0], "admin_state_up", s[1], "mtu", s[2]));
        return ids(api.post("/v2.0/networks", obj("networks", items)).expect(201).at("/networks"));
    }

    private JsonNode list(String query) {
        return api.get("/v2.0/networks?project_id=" + project + (query.isEmpty() ? "" : "&" + query)).expect(200)
                .at("/networks");
    }

    @Test
    void filterByAttribute() {
        List<String> ids = networks(new Object[] {"a", true, 1400}, new Object[] {"b", false, 1400},
                new Object[] {"c", true, 1300});
        assertThat(values(list("name=a"), "name")).containsExactly("a");
        assertThat(values(list("admin_state_up=false"), "name")).containsExactly("b");
        assertThat(values(list("admin_state_up=False"), "name")).containsExactly("b");
        assertThat(values(list("mtu=1400"), "name")).containsExactlyInAnyOrder("a", "b");
        assertThat(values(list("mtu=1400&admin_state_up=true"), "name")).containsExactly("a");
        assertThat(values(list("id=" + ids.get(2)), "name")).containsExactly("c");
        assertThat(list("name=zzz").size()).isZero();
    }

    @Test
    void repeatedFilterKeyMeansOr() {
        networks(new Object[] {"a", true, 1400}, new Object[] {"b", true, 1400}, new Object[] {"c", true, 1400});
        assertThat(values(list("name=a&name=c"), "name")).containsExactlyInAnyOrder("a", "c");
        assertThat(values(list("name=a&name=c&name=nope"), "name")).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void booleanFilterSharedFalse() {
        api.post("/v2.0/networks", obj("network", obj("name", "s", "shared", true))).expect(201);
        api.post("/v2.0/networks", obj("network", obj("name", "p"))).expect(201);
        assertThat(values(list("shared=false"), "name")).containsExactly("p");
        assertThat(values(list("shared=true"), "name")).containsExactly("s");
        assertThat(values(list("shared=False"), "name")).containsExactly("p");
        assertThat(values(list("shared=0"), "name")).containsExactly("p");
    }

    @Test
    void filterByProject() {
        createNetwork("mine");
        String other = newProjectId();
        server.as(other).post("/v2.0/networks", obj("network", obj("name", "theirs"))).expect(201);
        JsonNode theirs = api.get("/v2.0/networks?project_id=" + other).expect(200).at("/networks");
        assertThat(values(theirs, "name")).containsExactly("theirs");
        JsonNode both = api.get("/v2.0/networks?project_id=" + other + "&project_id=" + project).expect(200)
                .at("/networks");
        assertThat(values(both, "name")).containsExactlyInAnyOrder("mine", "theirs");
    }

    @Test
    void filterByTenantId() {
        createNetwork("mine");
        String other = newProjectId();
        server.as(other).post("/v2.0/networks", obj("network", obj("name", "theirs"))).expect(201);
        JsonNode byTenant = api.get("/v2.0/networks?tenant_id=" + other).expect(200).at("/networks");
        assertThat(values(byTenant, "name")).containsExactly("theirs");
    }

    @Test
    void unknownFilterIs400() {
        Resp r = api.get("/v2.0/networks?bogus=1").expectError(400, null);
        assertThat(r.errorMessage()).contains("bogus");
        api.get("/v2.0/networks?admin_state_up=maybe").expectError(400, null);
    }

    @Test
    void fieldsLimitsTheAttributes() {
        createNetwork("f");
        JsonNode n = list("fields=id&fields=name").get(0);
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("id", "name");
        JsonNode one = list("fields=mtu").get(0);
        names.clear();
        one.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("mtu");
        assertThat(one.path("mtu").asInt()).isEqualTo(1442);
        String id = createNetworkId("g");
        JsonNode shown = api.get("/v2.0/networks/" + id + "?fields=status&fields=tenant_id").expect(200)
                .at("/network");
        names.clear();
        shown.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("status", "tenant_id");
    }

    @Test
    void sortBySeveralKeys() {
        networks(new Object[] {"b", true, 1300}, new Object[] {"a", true, 1400}, new Object[] {"b", true, 1400},
                new Object[] {"a", false, 1300}, new Object[] {"c", true, 1350});
        JsonNode asc = list("sort_key=name&sort_dir=asc&sort_key=mtu&sort_dir=desc");
        List<String> got = new ArrayList<>();
        for (JsonNode n : asc) got.add(n.path("name").asText() + n.path("mtu").asInt());
        assertThat(got).containsExactly("a1400", "a1300", "b1400", "b1300", "c1350");
        JsonNode desc = list("sort_key=mtu&sort_dir=asc&sort_key=name&sort_dir=desc");
        got.clear();
        for (JsonNode n : desc) got.add(n.path("name").asText() + n.path("mtu").asInt());
        assertThat(got).containsExactly("b1300", "a1300", "c1350", "b1400", "a1400");
        JsonNode byIdDesc = list("sort_key=id&sort_dir=desc");
        List<String> ids = ids(byIdDesc);
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.reverseOrder());
        assertThat(ids).isEqualTo(sorted);
    }

    @Test
    void invalidSortIs400() {
        api.get("/v2.0/networks?sort_key=bogus&sort_dir=asc").expectError(400, null);
        api.get("/v2.0/networks?sort_key=name&sort_dir=sideways").expectError(400, null);
        api.get("/v2.0/networks?sort_key=name&sort_key=id&sort_dir=asc").expectError(400, null);
        api.get("/v2.0/networks?limit=-1").expectError(400, null);
        api.get("/v2.0/networks?limit=abc").expectError(400, null);
    }

    private static Map<String, String> linksOf(Resp r) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode l : r.at("/networks_links")) out.put(l.path("rel").asText(), l.path("href").asText());
        return out;
    }

    @Test
    void paginationWalksEveryItemExactlyOnce() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) created.add(createNetworkId("p" + i));
        List<String> seen = new ArrayList<>();
        String next = "/v2.0/networks?project_id=" + project + "&limit=2&sort_key=name&sort_dir=asc";
        int pages = 0;
        while (next != null) {
            Resp r = api.get(next).expect(200);
            JsonNode items = r.at("/networks");
            assertThat(items.size()).isLessThanOrEqualTo(2);
            seen.addAll(values(items, "name"));
            next = linksOf(r).get("next");
            if (next != null) assertThat(next).startsWith(api.base() + "/v2.0/networks?").contains("limit=2");
            assertThat(++pages).as("pages").isLessThan(10);
        }
        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6");
    }

    @Test
    void paginationLinks() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) created.add(createNetworkId("q" + i));
        String base = "/v2.0/networks?project_id=" + project + "&sort_key=name&sort_dir=asc";

        Resp first = api.get(base + "&limit=2").expect(200);
        assertThat(values(first.at("/networks"), "name")).containsExactly("q0", "q1");
        Map<String, String> links = linksOf(first);
        assertThat(links).containsKeys("next", "previous");
        assertThat(links.get("next")).contains("marker=" + created.get(1)).doesNotContain("page_reverse");
        assertThat(links.get("previous")).contains("marker=" + created.get(0)).contains("page_reverse=True");

        Resp second = api.get(links.get("next")).expect(200);
        assertThat(values(second.at("/networks"), "name")).containsExactly("q2", "q3");

        // previous of the second page is the first page again, in the same order
        Resp back = api.get(linksOf(second).get("previous")).expect(200);
        assertThat(values(back.at("/networks"), "name")).containsExactly("q0", "q1");

        // the last, short page has no next link but a previous one
        Resp last = api.get(linksOf(second).get("next")).expect(200);
        assertThat(values(last.at("/networks"), "name")).containsExactly("q4");
        assertThat(linksOf(last)).doesNotContainKey("next").containsKey("previous");

        // no limit: no links at all
        assertThat(api.get(base).expect(200).json().has("networks_links")).isFalse();
    }

    @Test
    void pageReverseWithMarker() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) created.add(createNetworkId("r" + i));
        String base = "/v2.0/networks?project_id=" + project + "&sort_key=name&sort_dir=asc&limit=2";
        Resp r = api.get(base + "&marker=" + created.get(3) + "&page_reverse=True").expect(200);
        assertThat(values(r.at("/networks"), "name")).containsExactly("r1", "r2");
        Resp start = api.get(base + "&marker=" + created.get(1) + "&page_reverse=True").expect(200);
        assertThat(values(start.at("/networks"), "name")).containsExactly("r0");
        // a short reversed page has no previous link, but a next one
        assertThat(linksOf(start)).containsKey("next").doesNotContainKey("previous");
        Resp fwd = api.get(linksOf(start).get("next")).expect(200);
        assertThat(values(fwd.at("/networks"), "name")).containsExactly("r1", "r2");
    }

    @Test
    void pagingWithDescendingSortAndDuplicates() {
        // equal names: the id tie-breaker keeps the order stable across pages
        List<String> created = networks(new Object[] {"d", true, 1400}, new Object[] {"d", true, 1400},
                new Object[] {"d", true, 1400}, new Object[] {"e", true, 1400}, new Object[] {"c", true, 1400});
        List<String> all = ids(list("sort_key=name&sort_dir=desc"));
        List<String> seen = new ArrayList<>();
        String next = "/v2.0/networks?project_id=" + project + "&limit=2&sort_key=name&sort_dir=desc";
        while (next != null) {
            Resp r = api.get(next).expect(200);
            seen.addAll(ids(r.at("/networks")));
            next = linksOf(r).get("next");
            assertThat(seen.size()).isLessThanOrEqualTo(10);
        }
        assertThat(seen).isEqualTo(all).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void unknownMarkerIs404() {
        createNetwork("m");
        api.get("/v2.0/networks?limit=1&marker=5d0a3ba0-0000-4000-8000-000000000000").expectError(404, null);
    }

    @Test
    void emptyLastPageLinksLikeNeutron() {
        // Neutron: a page with no items drops the marker from its previous link
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) created.add(createNetworkId("e" + i));
        String base = "/v2.0/networks?project_id=" + project + "&sort_key=name&sort_dir=asc&limit=2";
        Resp empty = api.get(base + "&marker=" + created.get(3)).expect(200);
        assertThat(empty.at("/networks").size()).isZero();
        Map<String, String> links = linksOf(empty);
        assertThat(links).doesNotContainKey("next").containsKey("previous");
        Resp prev = api.get(links.get("previous")).expect(200);
        assertThat(values(prev.at("/networks"), "name")).containsExactly("e2", "e3");
    }

    @Test
    void tagFilters() {
        List<String> ids = networks(new Object[] {"t1", true, 1400}, new Object[] {"t2", true, 1400},
                new Object[] {"t3", true, 1400}, new Object[] {"t4", true, 1400});
        api.put("/v2.0/networks/" + ids.get(0) + "/tags", obj("tags", arr("red", "blue"))).expect(200);
        api.put("/v2.0/networks/" + ids.get(1) + "/tags", obj("tags", arr("red"))).expect(200);
        api.put("/v2.0/networks/" + ids.get(2) + "/tags", obj("tags", arr("green"))).expect(200);
        assertThat(values(list("tags=red"), "name")).containsExactlyInAnyOrder("t1", "t2");
        assertThat(values(list("tags=red,blue"), "name")).containsExactly("t1");
        assertThat(values(list("tags=red&tags=blue"), "name")).containsExactly("t1");
        assertThat(values(list("tags-any=blue,green"), "name")).containsExactlyInAnyOrder("t1", "t3");
        assertThat(values(list("not-tags=red,blue"), "name")).containsExactlyInAnyOrder("t2", "t3", "t4");
        assertThat(values(list("not-tags-any=red,green"), "name")).containsExactly("t4");
        assertThat(values(list("tags=red&not-tags=blue"), "name")).containsExactly("t2");
    }
}
