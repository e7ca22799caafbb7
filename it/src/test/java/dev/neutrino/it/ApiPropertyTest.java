package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.common.Json;
import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ext.Neutrino;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.model.Attribute;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.ResourceDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jooq.Record;

/**
 * Any request to any endpoint — generated methods, paths (every collection, member, tag and action
 * path, quotas, extensions, the extensions' own endpoints, ids that exist, that do not and that are
 * garbage), query strings, headers and bodies (attributes of the resource with any JSON value, bulk,
 * JSON that is not an object, bytes that are not JSON or not UTF-8) — against a server on H2 is
 * never a 5xx (but Neutron's 503 for an exhausted VLAN or tunnel range); a refusal has a NeutronError
 * body and leaves the database exactly as it was.
 */
class ApiPropertyTest {
    private static final List<String> PROJECTS = List.of("prop-a", "prop-b");

    private static ServerUnderTest server;
    private static Database db;
    /** Collection path segment → its declaration (every extension and ML2 extension driver loaded). */
    private static final Map<String, ResourceDef> DEFS = new TreeMap<>();
    /** Collection path segment → its member actions. */
    private static final Map<String, List<String>> ACTIONS = new TreeMap<>();
    private static final List<String> EXTENSIONS = new ArrayList<>();
    /** Ids of resources that exist (when the property starts). */
    private static final List<String> IDS = new ArrayList<>();
    /** Collection path segment → the id of its seeded resource. */
    private static final Map<String, String> SEEDED = new TreeMap<>();
    /** Collection path segment → a body that creates one (the mutations start from it). */
    private static final Map<String, Map<String, Object>> CREATE = new TreeMap<>();
    private static Map<String, List<String>> snapshot;

    /** One generated request. */
    record Req(String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return method + " " + target + " " + headers + (body == null ? "" : " "
                    + new String(body, StandardCharsets.UTF_8));
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        Config all = Config.defaults(NeutrinoOptions.ALL).with(Ml2Options.EXTENSION_DRIVERS,
                Neutrino.EXTENSION_DRIVERS.stream().map(d -> d.name()).toList());
        server = ServerUnderTest.start(TestDatabases.all().get(0), c -> c.with(Ml2Options.EXTENSION_DRIVERS,
                all.get(Ml2Options.EXTENSION_DRIVERS)));
        db = server.server().database();
        Engine engine = new Neutrino(all, null).engine();
        for (ResourceService s : engine.services()) DEFS.put(s.def().path(), s.def());
        for (ExtensionDef e : engine.extensions()) {
            EXTENSIONS.add(e.alias());
            for (ExtensionDef.Action a : e.actions()) {
                ACTIONS.computeIfAbsent(DEFS.values().stream().filter(d -> d.collection().equals(a.collection()))
                        .map(ResourceDef::path).findFirst().orElse(a.collection()), k -> new ArrayList<>()).add(a.name());
            }
        }
        seed();
        snapshot = snapshot();
        assertThat(snapshot.keySet()).as("tables").hasSizeGreaterThan(15).contains("ports", "networks", "quotas");
        assertThat(snapshot.values().stream().mapToInt(List::size).sum()).as("rows").isGreaterThan(30);
    }

    @AfterContainer
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    /** A few resources of each kind to aim at, and each project's default security group made. */
    private static void seed() {
        Client admin = server.as("prop-a");
        for (String p : PROJECTS) server.as(p).get("/v2.0/security-groups").expect(200);
        server.client().get("/v2.0/security-groups").expect(200);
        String ext = admin.post("/v2.0/networks", obj("network", obj("name", "ext", "router:external", true)))
                .expect(201).text("/network/id");
        admin.post("/v2.0/subnets", obj("subnet", obj("network_id", ext, "cidr", "172.24.4.0/24", "ip_version", 4)))
                .expect(201);
        String net = admin.post("/v2.0/networks", obj("network", obj("name", "n"))).expect(201).text("/network/id");
        String subnet = admin.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "cidr", "10.0.0.0/24",
                "ip_version", 4))).expect(201).text("/subnet/id");
        String port = admin.post("/v2.0/ports", obj("port", obj("network_id", net))).expect(201).text("/port/id");
        String router = admin.post("/v2.0/routers", obj("router", obj("name", "r", "external_gateway_info",
                obj("network_id", ext)))).expect(201).text("/router/id");
        admin.put("/v2.0/routers/" + router + "/add_router_interface", obj("subnet_id", subnet)).expect(200);
        String fip = admin.post("/v2.0/floatingips", obj("floatingip", obj("floating_network_id", ext)))
                .expect(201).text("/floatingip/id");
        String sg = admin.post("/v2.0/security-groups", obj("security_group", obj("name", "sg"))).expect(201)
                .text("/security_group/id");
        String rule = admin.post("/v2.0/security-group-rules", obj("security_group_rule", obj("security_group_id", sg,
                "direction", "ingress", "protocol", "tcp", "port_range_min", 22, "port_range_max", 22))).expect(201)
                .text("/security_group_rule/id");
        String scope = admin.post("/v2.0/address-scopes", obj("address_scope", obj("name", "s", "ip_version", 4)))
                .expect(201).text("/address_scope/id");
        String pool = admin.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "p", "prefixes",
                arr("10.100.0.0/16"), "default_prefixlen", 24, "address_scope_id", scope))).expect(201)
                .text("/subnetpool/id");
        String rbac = admin.post("/v2.0/rbac-policies", obj("rbac_policy", obj("object_type", "network",
                "object_id", net, "action", "access_as_shared", "target_tenant", "prop-b"))).expect(201)
                .text("/rbac_policy/id");
        String segment = admin.get("/v2.0/segments?network_id=" + net).expect(200).text("/segments/0/id");
        admin.put("/v2.0/networks/" + net + "/tags/t1", null).expect(201);
        IDS.addAll(List.of(ext, net, subnet, port, router, fip, sg, rule, scope, pool, rbac, segment));
        SEEDED.putAll(Map.ofEntries(Map.entry("networks", net), Map.entry("subnets", subnet), Map.entry("ports", port),
                Map.entry("routers", router), Map.entry("floatingips", fip), Map.entry("security-groups", sg),
                Map.entry("security-group-rules", rule), Map.entry("address-scopes", scope),
                Map.entry("subnetpools", pool), Map.entry("rbac-policies", rbac), Map.entry("segments", segment)));
        CREATE.put("networks", obj("name", "made"));
        CREATE.put("subnets", obj("network_id", net, "ip_version", 4, "cidr", "10.0.9.0/24"));
        CREATE.put("ports", obj("network_id", net, "fixed_ips", arr(obj("subnet_id", subnet))));
        CREATE.put("routers", obj("name", "made", "external_gateway_info", obj("network_id", ext)));
        CREATE.put("floatingips", obj("floating_network_id", ext));
        CREATE.put("security-groups", obj("name", "made"));
        CREATE.put("security-group-rules", obj("security_group_id", sg, "direction", "egress", "protocol", "udp",
                "port_range_min", 53, "port_range_max", 53));
        CREATE.put("address-scopes", obj("name", "made", "ip_version", 6));
        CREATE.put("subnetpools", obj("name", "made", "prefixes", arr("10.200.0.0/16"), "default_prefixlen", 26));
        CREATE.put("rbac-policies", obj("object_type", "network", "object_id", net, "action", "access_as_shared",
                "target_tenant", "prop-c"));
        CREATE.put("segments", obj("network_id", net, "network_type", "vlan", "physical_network", "physnet1"));
    }

    /**
     * Every table's rows, sorted, as CSV lines; but the server registry, whose heartbeat the server
     * writes on its own every 10 s (no request's change).
     */
    private static Map<String, List<String>> snapshot() {
        return db.tx(dsl -> {
            Map<String, List<String>> out = new TreeMap<>();
            for (String table : dsl.fetch("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = "
                    + "'PUBLIC'").getValues(0, String.class)) {
                if (table.equals("neutrino_servers")) continue;
                List<String> rows = new ArrayList<>();
                for (Record r : dsl.fetch("SELECT * FROM \"" + table + "\"")) rows.add(r.formatCSV(false));
                rows.sort(null);
                out.put(table, rows);
            }
            return out;
        });
    }

    @Property(tries = 2000)
    void anyRequestIsAnsweredWithoutA5xxAndARefusalChangesNothing(@ForAll("requests") Req req) {
        StringBuilder head = new StringBuilder(req.method()).append(' ').append(req.target()).append(" HTTP/1.1\r\n");
        req.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        RawHttp.Answer a = RawHttp.send(server.baseUri(), head.toString(), req.body());
        net.jqwik.api.statistics.Statistics.collect(req.method(), a.status());
        if (a.status() >= 500) {
            // Neutron's only 5xx for a request: a pool of VLANs or tunnel ids used up (ResourceExhausted)
            assertThat(a.status()).as("%s -> %s", req, a).isEqualTo(503);
            assertThat(a.errorType()).as("%s -> %s", req, a).isIn("NoNetworkAvailable", "MacAddressGenerationFailure");
        }
        Map<String, List<String>> after = snapshot();
        if (a.status() >= 400) {
            if (!req.method().equals("HEAD")) assertThat(a.errorType()).as("%s -> %s", req, a).isNotNull();
            assertThat(after).as("%s -> %s changed the database", req, a).isEqualTo(snapshot);
        }
        snapshot = after;
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Req> requests() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, aimed()), net.jqwik.api.Tuple.of(1, anything()));
    }

    /** A request close to one that works: a create, an update, a list or a show, with mutations. */
    private static Arbitrary<Req> aimed() {
        Arbitrary<String> collection = Arbitraries.of(new ArrayList<>(CREATE.keySet()));
        return Combinators.combine(collection, Arbitraries.integers().between(0, 9), queries(), headers())
                .flatAs((coll, kind, query, headers) -> {
                    ResourceDef def = DEFS.get(coll);
                    String member = "/v2.0/" + coll + "/" + SEEDED.get(coll);
                    Map<String, String> h = new LinkedHashMap<>(headers);
                    if (kind < 4) {
                        boolean bulk = kind == 3;
                        return mutated(def, CREATE.get(coll), false).map(b -> new Req("POST", "/v2.0/" + coll, json(h),
                                body(bulk ? obj(def.collection(), arr(b, b)) : obj(def.singular(), b))));
                    }
                    if (kind < 7) {
                        return mutated(def, obj(), true).map(b -> new Req("PUT", member, json(h),
                                body(obj(def.singular(), b))));
                    }
                    String target = kind == 7 ? "/v2.0/" + coll + query : kind == 8 ? member + query : member;
                    return Arbitraries.just(new Req(kind == 9 ? "DELETE" : "GET", target, h, null));
                });
    }

    private static Map<String, String> json(Map<String, String> headers) {
        headers.putIfAbsent("Content-Type", "application/json");
        return headers;
    }

    private static byte[] body(Object json) {
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }

    /** Anything: method, path, query, headers and body drawn independently. */
    private static Arbitrary<Req> anything() {
        Arbitrary<String> method = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(30, "GET"), net.jqwik.api.Tuple.of(28, "POST"), net.jqwik.api.Tuple.of(28, "PUT"),
                net.jqwik.api.Tuple.of(6, "DELETE"), net.jqwik.api.Tuple.of(2, "HEAD"), net.jqwik.api.Tuple.of(2, "PATCH"),
                net.jqwik.api.Tuple.of(2, "OPTIONS"), net.jqwik.api.Tuple.of(2, "BREW"));
        Arbitrary<String> collection = Arbitraries.of(new ArrayList<>(DEFS.keySet()));
        return Combinators.combine(method, collection, paths(), queries(), headers(), Arbitraries.integers()
                .between(0, 99)).flatAs((m, coll, path, query, headers, bodyKind) -> {
                    String target = path.replace("{c}", coll).replace("{id}", SEEDED.getOrDefault(coll,
                            UUID.randomUUID().toString())) + query;
                    return bodies(m, coll, bodyKind).map(body -> {
                        Map<String, String> h = new LinkedHashMap<>(headers);
                        if (body != null) json(h);
                        return new Req(m, target, h, body);
                    });
                });
    }

    /** {@code base} with up to two attributes it may carry set to anything or dropped. */
    private static Arbitrary<Map<String, Object>> mutated(ResourceDef def, Map<String, Object> base, boolean update) {
        List<String> names = new ArrayList<>();
        for (Attribute a : def.attributes()) if (update ? a.allowPut() : a.allowPost()) names.add(a.name());
        if (names.isEmpty()) names.add("name");
        Arbitrary<Map.Entry<String, Object>> one = Combinators.combine(Arbitraries.of(names),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, values()), net.jqwik.api.Tuple.of(2,
                        Arbitraries.just(DROP)), net.jqwik.api.Tuple.of(2, Arbitraries.just(NULL))))
                .as((k, v) -> (Map.Entry<String, Object>) new java.util.AbstractMap.SimpleEntry<>(k, v));
        return one.list().ofMaxSize(3).map(ms -> {
            Map<String, Object> b = new LinkedHashMap<>(base);
            for (Map.Entry<String, Object> m : ms) {
                if (m.getValue() == DROP) b.remove(m.getKey());
                else b.put(m.getKey(), m.getValue() == NULL ? null : m.getValue());
            }
            return b;
        });
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.of(IDS), Arbitraries.of(IDS), Arbitraries.create(() ->
                UUID.randomUUID().toString()), strings().map(ApiPropertyTest::encode),
                Arbitraries.of("%ZZ", "%00", "%2F", "%2E%2E", ".json", "a%20b", "x".repeat(300), "%FF%FE"));
    }

    private static Arbitrary<String> paths() {
        Arbitrary<String> id = ids();
        Arbitrary<String> action = Arbitraries.of(ACTIONS.values().stream().flatMap(List::stream).distinct()
                .toList());
        return Arbitraries.oneOf(
                Arbitraries.of("/", "/v2.0/", "/v2.0", "/v2.0/{c}", "/v2.0/{c}.json", "/v2.0/{c}/", "/v2.0/quotas",
                        "/v2.0/quotas/tenant", "/v2.0/quotas/project", "/v2.0/extensions", "/v2.0/agents",
                        "/v2.0/service-providers", "/v2.0/network-ip-availabilities", "/v2.0/auto-allocated-topology",
                        "/v3/x", "/v2.0/nothing-here"),
                id.map(i -> "/v2.0/{c}/" + i),
                Arbitraries.of("/v2.0/{c}/{id}", "/v2.0/{c}/{id}", "/v2.0/{c}/{id}.json", "/v2.0/{c}/{id}/tags",
                        "/v2.0/{c}/{id}/tags/t1", "/v2.0/{c}/{id}/tags/new"),
                action.map(a -> "/v2.0/{c}/{id}/" + a),
                id.map(i -> "/v2.0/{c}/" + i + "/tags"),
                Combinators.combine(id, strings()).as((i, t) -> "/v2.0/{c}/" + i + "/tags/" + encode(t)),
                Combinators.combine(id, action).as((i, a) -> "/v2.0/{c}/" + i + "/" + a),
                Arbitraries.of(PROJECTS).map(p -> "/v2.0/quotas/" + p),
                Combinators.combine(Arbitraries.of(PROJECTS), Arbitraries.of("details", "default", "x"))
                        .as((p, s) -> "/v2.0/quotas/" + p + "/" + s),
                id.map(i -> "/v2.0/quotas/" + i),
                Arbitraries.of(EXTENSIONS).map(e -> "/v2.0/extensions/" + e),
                id.map(i -> "/v2.0/network-ip-availabilities/" + i),
                id.map(i -> "/v2.0/auto-allocated-topology/" + i),
                id.map(i -> "/v2.0/agents/" + i),
                id.map(i -> "/v2.0/service-providers/" + i));
    }

    private static final List<String> QUERY_KEYS = List.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse", "tags", "tags-any", "not-tags", "not-tags-any", "id", "name", "project_id", "tenant_id",
            "network_id", "device_id", "device_owner", "fixed_ips", "ip_address", "ip_address_substr", "subnet_id",
            "shared", "admin_state_up", "router:external", "created_at", "updated_at", "revision_number", "description",
            "cidr", "ip_version", "status", "mac_address", "security_group_id", "direction", "ethertype",
            "object_type", "action", "target_tenant", "segmentation_id", "provider:network_type", "is_default",
            "changed_since", "unknown_key", "binding:host_id", "floating_ip_address", "port_id", "router_id");

    private static Arbitrary<String> queries() {
        Arbitrary<String> pair = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(QUERY_KEYS),
                strings()), Arbitraries.oneOf(strings(), Arbitraries.of(IDS), Arbitraries.of("0", "1", "-1", "2",
                "asc", "desc", "true", "false", "name", "id", "2020-01-01T00:00:00Z"))).as((k, v) -> encode(k) + "="
                + encode(v));
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""),
                pair.list().ofMinSize(1).ofMaxSize(4).map(l -> "?" + String.join("&", l)),
                Arbitraries.of("?a=%ZZ", "?name=%FF%FE", "?%", "?limit=1&marker=x", "?fields=", "?&&=&", "?x"));
    }

    private static Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> project = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, Arbitraries.of("prop-a",
                "prop-b", "neutrino-default-project", "")), net.jqwik.api.Tuple.of(1, Arbitraries.of("p".repeat(300),
                "a b", "<x>", "é")));
        Arbitrary<String> ifMatch = Arbitraries.of("revision_number=1", "revision_number=2", "revision_number=x",
                "revision_number=99999999999999999999", "*", "garbage");
        Arbitrary<String> contentType = Arbitraries.of("application/json", "text/plain", "application/xml", "");
        return Combinators.combine(project.injectNull(0.15), ifMatch.injectNull(0.8), contentType.injectNull(0.85))
                .as((p, i, c) -> {
                    Map<String, String> h = new LinkedHashMap<>();
                    if (p != null) h.put("X-Project-Id", p);
                    if (i != null) h.put("If-Match", i);
                    if (c != null) h.put("Content-Type", c);
                    return h;
                });
    }

    /** A body for the method and collection: mostly the resource's own attributes with any values. */
    private static Arbitrary<byte[]> bodies(String method, String collection, int kind) {
        if (!method.equals("POST") && !method.equals("PUT") && kind < 90) return Arbitraries.just(null);
        ResourceDef def = DEFS.get(collection);
        Arbitrary<Map<String, Object>> attrs = attributes(def);
        Arbitrary<Object> json;
        if (kind < 60) {
            json = attrs.map(m -> obj(def.singular(), m));
        } else if (kind < 68) {
            json = attrs.list().ofMinSize(0).ofMaxSize(3).map(l -> obj(def.collection(), new ArrayList<>(l)));
        } else if (kind < 80) {
            // an action's or quota's body: keys they read
            json = Arbitraries.maps(Arbitraries.of("subnet_id", "port_id", "router", "routes", "quota", "network",
                    "check_limit", "force", "tags", def.singular()), values()).ofMaxSize(3)
                    .map(m -> (Object) new LinkedHashMap<>(m));
        } else if (kind < 88) {
            json = values();
        } else {
            return Arbitraries.of("", " ", "{", "{\"network\": }", "[1,2", "null", "\"x\"", "{}{}", "\u0000")
                    .map(s -> s.getBytes(StandardCharsets.UTF_8))
                    .flatMap(b -> Arbitraries.of(b, notUtf8(b)));
        }
        return json.map(j -> Json.write(j).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] notUtf8(byte[] b) {
        byte[] out = new byte[b.length + 2];
        System.arraycopy(b, 0, out, 0, b.length);
        out[b.length] = (byte) 0xff;
        out[b.length + 1] = (byte) 0xfe;
        return out;
    }

    private static final Object DROP = new Object();
    private static final Object NULL = new Object();

    private static Arbitrary<Map<String, Object>> attributes(ResourceDef def) {
        List<String> names = new ArrayList<>();
        for (Attribute a : def.attributes()) names.add(a.name());
        names.add("unknown_attribute");
        return Arbitraries.maps(Arbitraries.of(names), values()).ofMaxSize(5).map(LinkedHashMap::new);
    }

    // ------------------------------------------------------------------ JSON values

    private static final List<String> INTERESTING = List.of("", " ", "x", "None", "true", "1", "0", "-1", "1.0",
            "10.0.0.5", "10.0.0.0/24", "10.0.0.1/24", "10.0.1.0/24", "172.24.4.10", "0.0.0.0/0", "127.0.0.0/8", "::1",
            "2001:db8::/64", "fe80::/64", "fa:16:3e:00:00:01", "01:00:00:00:00:00", "IPv4", "IPv6", "ingress",
            "egress", "tcp", "udp", "icmp", "6", "normal", "direct", "network", "access_as_shared",
            "access_as_external", "*", "slaac", "dhcpv6-stateful", "flat", "vlan", "geneve", "physnet1", "compute:nova",
            "network:router_interface", "network:floatingip", "prop-a", "prop-b", "2020-01-01T00:00:00Z",
            "x".repeat(300), "\u0000", "\uD800", "é", "😀", "a\nb");

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(Arbitraries.of(INTERESTING), Arbitraries.of(INTERESTING),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(6));
    }

    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE),
                Arbitraries.of(0, 1, -1, 2, 4, 6, 22, 24, 32, 64, 128, 255, 256, 1500, 4094, 65535, 65536,
                        Integer.MAX_VALUE, Integer.MIN_VALUE).map(i -> (Object) i),
                Arbitraries.of(1L << 40, BigInteger.TWO.pow(70), new BigDecimal("1e400"), new BigDecimal("1.5"),
                        new BigDecimal("-0.0")).map(n -> (Object) n),
                strings().map(s -> (Object) s),
                Arbitraries.of(IDS).map(s -> (Object) s),
                Arbitraries.of(IDS).map(s -> (Object) s))
                .injectNull(0.1);
    }

    private static Arbitrary<Object> values() {
        return Arbitraries.recursive(ApiPropertyTest::scalars, inner -> Arbitraries.oneOf(inner,
                inner.list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l)),
                Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of("ip_address", "subnet_id", "mac_address",
                        "destination", "nexthop", "opt_name", "opt_value", "network_id", "enable_snat",
                        "external_fixed_ips", "segmentation_id", "network_type", "physical_network", "x"),
                        strings()), inner).ofMaxSize(3).map(m -> (Object) new LinkedHashMap<>(m))), 0, 3);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
