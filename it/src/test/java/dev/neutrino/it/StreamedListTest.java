package dev.neutrino.it;

import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lists longer than the engine's read chunk (1,000 rows): they are read chunk by chunk from the
 * database and written as they are read. Every way of slicing a list of 2,500 ports (sort, limit and
 * marker, page_reverse, fields) must give exactly the items the whole list and the single-port
 * answers give, and a client that goes away mid-answer must not keep a database connection.
 */
class StreamedListTest extends ApiTest {
    private static final int PORTS = 2500;

    private String network;

    /** PORTS ports on a new network; names repeat (every 700th), so sorting by name needs the id. */
    private List<String> ports() {
        api.put("/v2.0/quotas/" + project, obj("quota", obj("port", -1))).expect(200); // the default is 500
        network = createNetworkId("streamed");
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", network, "cidr", "10.60.0.0/16", "ip_version", 4)))
                .expect(201);
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < PORTS; from += 250) {
            List<Object> items = new ArrayList<>();
            for (int i = from; i < from + 250; i++) {
                Map<String, Object> p = obj("network_id", network, "name", String.format("s-%04d", (i * 7) % 700));
                if (i % 10 == 0) p.put("device_owner", "compute:bench");
                items.add(p);
            }
            ids.addAll(ids(api.post("/v2.0/ports", obj("ports", items)).expect(201).at("/ports")));
        }
        return ids;
    }

    private String base() {
        return "/v2.0/ports?network_id=" + network;
    }

    private static Map<String, String> links(Resp r) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode l : r.at("/ports_links")) out.put(l.path("rel").asText(), l.path("href").asText());
        return out;
    }

    /** Follows "next" (or "previous") links from {@code first}; all items in the order walked. */
    private List<JsonNode> walk(String first, String rel, int pageSize) {
        List<JsonNode> seen = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            Resp r = api.get(next).expect(200);
            JsonNode items = r.at("/ports");
            assertThat(items.size()).isLessThanOrEqualTo(pageSize);
            List<JsonNode> page = new ArrayList<>();
            items.forEach(page::add);
            if (rel.equals("previous")) seen.addAll(0, page);
            else seen.addAll(page);
            next = items.isEmpty() ? null : links(r).get(rel);
            assertThat(++pages).as("pages").isLessThan(PORTS / pageSize + 3);
        }
        return seen;
    }

    @Test
    void slicesOfALongListAgreeWithTheWholeListAndWithShow() {
        List<String> created = ports();
        JsonNode whole = api.get(base()).expect(200).at("/ports");
        assertThat(whole.size()).isEqualTo(PORTS);
        assertThat(new HashSet<>(ids(whole))).isEqualTo(new HashSet<>(created));
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode p : whole) byId.put(p.path("id").asText(), p);
        for (JsonNode p : whole) {
            assertThat(p.path("fixed_ips")).hasSize(1);
            assertThat(p.path("security_groups")).hasSize(1);
        }
        // every item as its own answer gives it (a sample across all chunks)
        for (int i = 0; i < PORTS; i += 97) {
            String id = created.get(i);
            assertThat(api.get("/v2.0/ports/" + id).expect(200).at("/port")).isEqualTo(byId.get(id));
        }
        // the default order (id) walked in pages of 600 is the whole list
        List<String> idOrder = ids(whole);
        assertThat(walk(base() + "&limit=600", "next", 600)).containsExactlyElementsOf(whole);

        // by name descending (ties by id descending), in pages crossing the chunk boundary
        String byName = base() + "&sort_key=name&sort_dir=desc";
        JsonNode sorted = api.get(byName).expect(200).at("/ports");
        List<JsonNode> sortedList = new ArrayList<>();
        sorted.forEach(sortedList::add);
        assertThat(sortedList).containsExactlyInAnyOrderElementsOf(whole);
        for (int i = 1; i < sortedList.size(); i++) {
            String a = sortedList.get(i - 1).path("name").asText();
            String b = sortedList.get(i).path("name").asText();
            assertThat(a.compareTo(b)).as("name order at %d", i).isGreaterThanOrEqualTo(0);
            if (a.equals(b)) { // the database's own id order, reversed
                assertThat(idOrder.indexOf(sortedList.get(i - 1).path("id").asText()))
                        .isGreaterThan(idOrder.indexOf(sortedList.get(i).path("id").asText()));
            }
        }
        assertThat(walk(byName + "&limit=1100", "next", 1100)).containsExactlyElementsOf(sortedList);

        // page_reverse from the end walks backwards to the same list
        String last = sortedList.get(sortedList.size() - 1).path("id").asText();
        List<JsonNode> backwards = walk(byName + "&limit=700&page_reverse=True&marker=" + last, "previous", 700);
        assertThat(backwards).containsExactlyElementsOf(sortedList.subList(0, sortedList.size() - 1));

        // fields: only those attributes, the same values, from a marker on
        String marker = sortedList.get(299).path("id").asText();
        JsonNode slim = api.get(byName + "&fields=id&fields=name&fields=fixed_ips&limit=1500&marker=" + marker)
                .expect(200).at("/ports");
        assertThat(slim.size()).isEqualTo(1500);
        for (int i = 0; i < slim.size(); i++) {
            JsonNode full = sortedList.get(300 + i);
            JsonNode p = slim.get(i);
            Set<String> keys = new HashSet<>();
            p.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("id", "name", "fixed_ips");
            assertThat(p.path("id")).isEqualTo(full.path("id"));
            assertThat(p.path("fixed_ips")).isEqualTo(full.path("fixed_ips"));
        }

        // a filter on a long list
        JsonNode compute = api.get(base() + "&device_owner=compute:bench").expect(200).at("/ports");
        List<JsonNode> expected = new ArrayList<>();
        for (JsonNode p : whole) if (p.path("device_owner").asText().equals("compute:bench")) expected.add(p);
        assertThat(compute).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(PORTS / 10);
    }

    @Test
    void aClientThatLeavesMidListLeavesNoConnectionCheckedOut() throws Exception {
        ports();
        var pool = server.server().database().dataSource().getHikariPoolMXBean();
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Socket s = new Socket()) {
                s.setReceiveBufferSize(4096); // the server blocks on a full socket while it still reads
                s.connect(new InetSocketAddress(server.baseUri().getHost(), server.baseUri().getPort()), 10_000);
                OutputStream out = s.getOutputStream();
                out.write(("GET " + base() + " HTTP/1.1\r\nHost: x\r\nX-Project-Id: " + project + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] head = in.readNBytes(2000);
                assertThat(new String(head, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
                Thread.sleep(200);
            } // closed mid-answer
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (pool.getActiveConnections() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(pool.getActiveConnections()).as("connections still checked out").isZero();
        // and the server still answers
        assertThat(api.get(base() + "&limit=1").expect(200).at("/ports")).hasSize(1);
    }
}
