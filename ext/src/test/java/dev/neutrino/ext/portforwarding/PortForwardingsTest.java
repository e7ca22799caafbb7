package dev.neutrino.ext.portforwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port forwardings below floating IPs as Zed's port_forwarding plugin answers them: a router with
 * its gateway on "public" and an interface on the user's subnet, two VM ports there, one floating IP.
 */
class PortForwardingsTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");
    static final RequestContext ALICE = RequestContext.member("alice", "p1");
    static final RequestContext BOB = RequestContext.member("bob", "p2");

    ApiHarness h;
    String ext;
    String net;
    String subnet;
    String router;
    Map<String, Object> vm1;
    Map<String, Object> vm2;
    Map<String, Object> fip;

    @BeforeEach
    void start() {
        h = new ApiHarness();
        ext = id(ok(ADMIN, "POST", "/v2.0/networks", "network",
                Map.of("name", "public", "router:external", true, "project_id", "ops")));
        ok(ADMIN, "POST", "/v2.0/subnets", "subnet", Map.of("network_id", ext, "ip_version", 4,
                "cidr", "172.24.4.0/24", "project_id", "ops"));
        net = id(ok(ALICE, "POST", "/v2.0/networks", "network", Map.of("name", "private")));
        subnet = id(ok(ALICE, "POST", "/v2.0/subnets", "subnet", Map.of("network_id", net, "ip_version", 4,
                "cidr", "10.0.0.0/24")));
        router = id(ok(ALICE, "POST", "/v2.0/routers", "router", Map.of("name", "r1",
                "external_gateway_info", Map.of("network_id", ext))));
        assertThat(h.call(ALICE, "PUT", "/v2.0/routers/" + router + "/add_router_interface",
                Map.of("subnet_id", subnet)).status()).isEqualTo(200);
        vm1 = ok(ALICE, "POST", "/v2.0/ports", "port", Map.of("network_id", net, "name", "vm1"));
        vm2 = ok(ALICE, "POST", "/v2.0/ports", "port", Map.of("network_id", net, "name", "vm2"));
        fip = ok(ALICE, "POST", "/v2.0/floatingips", "floatingip", Map.of("floating_network_id", ext));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    // ------------------------------------------------------------------ helpers

    Map<String, Object> ok(RequestContext ctx, String method, String path, String key, Map<String, Object> body) {
        ApiHarness.Result r = h.call(ctx, method, path, body == null ? null : Map.of(key, body));
        assertThat(r.status()).as("%s %s: %s", method, path, r.body()).isIn(200, 201);
        return r.get(key);
    }

    static String id(Map<String, Object> r) {
        return (String) r.get("id");
    }

    @SuppressWarnings("unchecked")
    static String ip(Map<String, Object> port) {
        return (String) ((List<Map<String, Object>>) port.get("fixed_ips")).get(0).get("ip_address");
    }

    String pfs() {
        return pfs(fip);
    }

    static String pfs(Map<String, Object> fip) {
        return "/v2.0/floatingips/" + fip.get("id") + "/port_forwardings";
    }

    static Map<String, Object> pf(Map<String, Object> port, String protocol, Object... kv) {
        Map<String, Object> pf = new LinkedHashMap<>();
        pf.put("internal_port_id", port.get("id"));
        pf.put("internal_ip_address", ip(port));
        pf.put("protocol", protocol);
        for (int i = 0; i < kv.length; i += 2) pf.put((String) kv[i], kv[i + 1]);
        return pf;
    }

    ApiHarness.Result post(RequestContext ctx, Map<String, Object> pf) {
        return h.call(ctx, "POST", pfs(), Map.of("port_forwarding", pf));
    }

    Map<String, Object> create(Map<String, Object> pf) {
        ApiHarness.Result r = post(ALICE, pf);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.get("port_forwarding");
    }

    Map<String, Object> showFip() {
        return ok(ALICE, "GET", "/v2.0/floatingips/" + fip.get("id"), "floatingip", null);
    }

    static void assertError(ApiHarness.Result r, int status, String type, String message) {
        assertThat(r.status()).as("%s", r.body()).isEqualTo(status);
        assertThat(r.errorType()).isEqualTo(type);
        if (message != null) assertThat(r.get("NeutronError").get("message")).isEqualTo(message);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aForwardingGivesItsFloatingIpTheRouterAndIsShownOnIt() {
        Map<String, Object> created = create(pf(vm1, "tcp", "internal_port", 22, "external_port", 2222,
                "description", "ssh"));
        assertThat(created).containsOnlyKeys("id", "external_port", "internal_port", "internal_ip_address",
                "protocol", "internal_port_id", "description", "external_port_range", "internal_port_range");
        assertThat(created).containsEntry("external_port", 2222).containsEntry("internal_port", 22)
                .containsEntry("external_port_range", "2222:2222").containsEntry("internal_port_range", "22:22")
                .containsEntry("protocol", "tcp").containsEntry("internal_ip_address", ip(vm1))
                .containsEntry("internal_port_id", vm1.get("id")).containsEntry("description", "ssh");
        Map<String, Object> f = showFip();
        assertThat(f).containsEntry("router_id", router).containsEntry("status", "ACTIVE")
                .containsEntry("port_id", null);
        assertThat(f.get("port_forwardings")).isEqualTo(List.of(Map.of("id", created.get("id"),
                "internal_ip_address", ip(vm1), "protocol", "tcp", "internal_port", 22, "external_port", 2222,
                "internal_port_id", vm1.get("id"))));

        String path = pfs() + "/" + created.get("id");
        assertThat(ok(ALICE, "GET", path, "port_forwarding", null)).isEqualTo(created);
        Map<String, Object> updated = ok(ALICE, "PUT", path, "port_forwarding", Map.of("external_port", 2200));
        assertThat(updated).containsEntry("external_port", 2200).containsEntry("external_port_range", "2200:2200")
                .containsEntry("internal_port", 22);
        assertThat(h.call(ALICE, "GET", pfs(), null).list("port_forwardings")).containsExactly(updated);

        assertThat(h.call(ALICE, "DELETE", path, null).status()).isEqualTo(204);
        assertError(h.call(ALICE, "GET", path, null), 404, "PortForwardingNotFound",
                "Port Forwarding " + created.get("id") + " could not be found.");
        Map<String, Object> after = showFip();
        assertThat(after).containsEntry("router_id", null).containsEntry("status", "DOWN")
                .containsEntry("port_forwardings", List.of());
    }

    @Test
    void twoVmsBehindOneFloatingIpAndTheListFiltersSortsAndSelects() {
        Map<String, Object> a = create(pf(vm1, "tcp", "internal_port", 80, "external_port", 8080));
        Map<String, Object> b = create(pf(vm2, "tcp", "internal_port", 80, "external_port", 8081));
        Map<String, Object> c = create(pf(vm2, "udp", "internal_port", 53, "external_port", 53));
        var q = Map.of("protocol", List.of("tcp"), "sort_key", List.of("external_port"), "sort_dir", List.of("desc"));
        assertThat(h.call(ALICE, "GET", pfs(), q, null).list("port_forwardings"))
                .extracting(p -> p.get("id")).containsExactly(b.get("id"), a.get("id"));
        var fields = Map.of("fields", List.of("external_port"), "internal_port_id", List.of((String) vm2.get("id")));
        assertThat(h.call(ALICE, "GET", pfs(), fields, null).list("port_forwardings"))
                .containsExactlyInAnyOrder(Map.of("external_port", 8081), Map.of("external_port", 53));
        assertError(h.call(ALICE, "GET", pfs(), Map.of("internal_port", List.of("80")), null), 400,
                "HTTPBadRequest", "['internal_port'] is invalid attribute for filtering");
        assertThat(c.get("protocol")).isEqualTo("udp");
        assertThat(showFip().get("port_forwardings")).asList().hasSize(3);
    }

    @Test
    void portRangesMustMatchAndMustNotOverlap() {
        Map<String, Object> range = create(pf(vm1, "udp", "internal_port_range", "5000:5009",
                "external_port_range", "6000:6009"));
        // created: null single ports; read back: none at all (as Zed answers)
        assertThat(range).containsEntry("external_port", null).containsEntry("internal_port", null)
                .containsEntry("external_port_range", "6000:6009").containsEntry("internal_port_range", "5000:5009");
        assertThat(ok(ALICE, "GET", pfs() + "/" + range.get("id"), "port_forwarding", null))
                .doesNotContainKeys("external_port", "internal_port").containsEntry("internal_port_range", "5000:5009");
        Map<String, Object> noProtocol = pf(vm2, "tcp", "external_port", 10, "internal_port", 1);
        noProtocol.put("protocol", null);
        assertError(post(ALICE, noProtocol), 400, "HTTPBadRequest",
                "Invalid input for protocol. Reason: None is not in valid_values.");
        // one internal port for a range of external ones (1-N)
        Map<String, Object> oneToN = create(pf(vm2, "udp", "internal_port", 7000, "external_port_range", "7000:7004"));
        assertThat(oneToN).containsEntry("internal_port", 7000).containsEntry("internal_port_range", "7000:7000");
        // the floating IP's list shows a range without its ports, as Zed's does
        assertThat(showFip().get("port_forwardings")).asList().anyMatch(p -> p instanceof Map<?, ?> m
                && m.get("id").equals(range.get("id")) && !m.containsKey("external_port"));

        assertError(post(ALICE, pf(vm2, "tcp", "internal_port_range", "100:102", "external_port_range", "100:105")),
                400, "BadRequest", "Bad port_forwarding request: Invalid ranges of internal and/or external ports. "
                        + "The relation between internal and external ports must be N-N or 1-N.");
        assertError(post(ALICE, pf(vm2, "udp", "internal_port", 9000, "external_port", 6005)), 400, "BadRequest",
                "Bad port_forwarding request: There is a port collision with the external_port_range. The following "
                        + "ranges collides: 6000:6009 and 6005:6005.");
        assertError(post(ALICE, pf(vm1, "udp", "internal_port", 5003, "external_port", 9000)), 400, "BadRequest",
                "Bad port_forwarding request: There is a port collision with the internal_port_range. The following "
                        + "ranges collides: 5000:5009 and 5003:5003.");
        assertThat(post(ALICE, pf(vm2, "tcp", "internal_port", 9000, "external_port", 6005)).status())
                .as("another protocol").isEqualTo(201);
        assertThat(post(ALICE, pf(vm2, "udp", "external_port_range", "1:2:3", "internal_port", 1)).status())
                .isEqualTo(400);
        assertThat(post(ALICE, pf(vm2, "udp", "external_port", 0, "internal_port", 1)).status()).isEqualTo(400);
        assertError(post(ALICE, pf(vm2, "TCP", "external_port", 10, "internal_port", 1)), 400, "HTTPBadRequest",
                "Invalid input for protocol. Reason: TCP is not in valid_values.");
        assertThat(post(ALICE, pf(vm2, "icmpx", "external_port", 10, "internal_port", 1)).status()).isEqualTo(400);
    }

    @Test
    void theInternalAddressMustBeThePortsAndReachableFromTheRouter() {
        Map<String, Object> bad = pf(vm1, "tcp", "internal_port", 22, "external_port", 22);
        bad.put("internal_ip_address", "10.0.0.250");
        assertError(post(ALICE, bad), 400, "BadRequest", "Bad port_forwarding request: Requested internal IP address "
                + "10.0.0.250 is not suitable for internal neutron port " + vm1.get("id") + ", as its fixed_ips are "
                + "[{'subnet_id': '" + subnet + "', 'ip_address': '" + ip(vm1) + "'}].");

        String other = id(ok(ALICE, "POST", "/v2.0/networks", "network", Map.of("name", "isolated")));
        String otherSubnet = id(ok(ALICE, "POST", "/v2.0/subnets", "subnet", Map.of("network_id", other,
                "ip_version", 4, "cidr", "10.9.0.0/24")));
        Map<String, Object> isolated = ok(ALICE, "POST", "/v2.0/ports", "port", Map.of("network_id", other));
        assertError(post(ALICE, pf(isolated, "tcp", "internal_port", 22, "external_port", 22)), 400, "BadRequest",
                "Bad port_forwarding request: External network " + ext + " is not reachable from subnet "
                        + otherSubnet + ". Cannot set Port forwarding for port " + isolated.get("id")
                        + " with Floating IP " + fip.get("id") + ".");

        // a port that has a floating IP of its own takes no forwarding
        Map<String, Object> own = ok(ALICE, "POST", "/v2.0/floatingips", "floatingip",
                Map.of("floating_network_id", ext, "port_id", vm2.get("id")));
        assertError(post(ALICE, pf(vm2, "tcp", "internal_port", 22, "external_port", 22)), 409,
                "PortHasBindingFloatingIP", "Cannot create port forwarding to floating IP "
                        + own.get("floating_ip_address") + " (" + own.get("id") + ") with port " + vm2.get("id")
                        + " using fixed IP " + ip(vm2) + ", as that port already has a binding floating IP.");
        // and an associated floating IP takes none
        assertError(h.call(ALICE, "POST", pfs(own), Map.of("port_forwarding",
                pf(vm1, "tcp", "internal_port", 22, "external_port", 22))), 409, "FloatingIPPortAlreadyAssociated", null);
    }

    @Test
    void aFloatingIpWithForwardingsCannotBeAssociatedAndKeepsItsRouter() {
        create(pf(vm1, "tcp", "internal_port", 22, "external_port", 22));
        assertError(h.call(ALICE, "PUT", "/v2.0/floatingips/" + fip.get("id"),
                Map.of("floatingip", Map.of("port_id", vm2.get("id")))), 409, "FipInUseByPortForwarding",
                "Floating IP " + fip.get("id") + " in use by Port Forwarding resources.");
        Map<String, Object> renamed = ok(ALICE, "PUT", "/v2.0/floatingips/" + fip.get("id"), "floatingip",
                Map.of("description", "web"));
        assertThat(renamed).containsEntry("router_id", router).containsEntry("status", "ACTIVE");
    }

    @Test
    void othersSeeNeitherTheFloatingIpNorItsForwardings() {
        Map<String, Object> created = create(pf(vm1, "tcp", "internal_port", 22, "external_port", 22));
        String notFound = "Floating IP " + fip.get("id") + " could not be found";
        assertError(h.call(BOB, "GET", pfs(), null), 404, "FloatingIPNotFound", notFound);
        assertError(h.call(BOB, "GET", pfs() + "/" + created.get("id"), null), 404, "FloatingIPNotFound", notFound);
        assertError(post(BOB, pf(vm1, "tcp", "internal_port", 23, "external_port", 23)), 404, "FloatingIPNotFound",
                notFound);
        assertError(h.call(BOB, "DELETE", pfs() + "/" + created.get("id"), null), 404, "FloatingIPNotFound", notFound);
        // a forwarding asked for below another floating IP is not found there
        Map<String, Object> other = ok(ALICE, "POST", "/v2.0/floatingips", "floatingip",
                Map.of("floating_network_id", ext));
        assertError(h.call(ALICE, "GET", pfs(other) + "/" + created.get("id"), null), 404, "PortForwardingNotFound",
                null);
        // the admin sees it and may create on it (for the floating IP's project)
        assertThat(h.call(ADMIN, "GET", pfs(), null).list("port_forwardings")).hasSize(1);
        assertThat(h.call(ADMIN, "POST", pfs(), Map.of("port_forwarding",
                pf(vm1, "tcp", "internal_port", 80, "external_port", 80))).status()).isEqualTo(201);
        assertThat(h.call(ALICE, "GET", pfs(), null).list("port_forwardings")).hasSize(2);
    }

    @Test
    void deletingTheInternalPortTakesItsForwardingsAlongButAFloatingIpWithForwardingsStays() {
        create(pf(vm1, "tcp", "internal_port", 22, "external_port", 22));
        Map<String, Object> kept = create(pf(vm2, "tcp", "internal_port", 22, "external_port", 23));
        assertThat(h.call(ALICE, "DELETE", "/v2.0/ports/" + vm1.get("id"), null).status()).isEqualTo(204);
        assertThat(h.call(ALICE, "GET", pfs(), null).list("port_forwardings")).extracting(p -> p.get("id"))
                .containsExactly(kept.get("id"));
        assertThat(showFip()).containsEntry("router_id", router);
        assertThat(h.call(ALICE, "DELETE", "/v2.0/ports/" + vm2.get("id"), null).status()).isEqualTo(204);
        assertThat(showFip()).containsEntry("router_id", null).containsEntry("status", "DOWN")
                .containsEntry("port_forwardings", List.of());

        Map<String, Object> vm3 = ok(ALICE, "POST", "/v2.0/ports", "port", Map.of("network_id", net));
        Map<String, Object> last = create(pf(vm3, "tcp", "internal_port", 22, "external_port", 22));
        // a floating IP with forwardings is not deleted (Zed's precommit check), without them it is
        assertError(h.call(ALICE, "DELETE", "/v2.0/floatingips/" + fip.get("id"), null), 409,
                "FipInUseByPortForwarding", "Floating IP " + fip.get("id") + " in use by Port Forwarding resources.");
        assertThat(h.call(ALICE, "DELETE", pfs() + "/" + last.get("id"), null).status()).isEqualTo(204);
        assertThat(h.call(ALICE, "DELETE", "/v2.0/floatingips/" + fip.get("id"), null).status()).isEqualTo(204);
    }

    @Test
    void aPortThatLosesTheAddressLosesItsForwarding() {
        create(pf(vm1, "tcp", "internal_port", 22, "external_port", 22));
        ok(ALICE, "PUT", "/v2.0/ports/" + vm1.get("id"), "port",
                Map.of("fixed_ips", List.of(Map.of("subnet_id", subnet, "ip_address", "10.0.0.77"))));
        assertThat(h.call(ALICE, "GET", pfs(), null).list("port_forwardings")).isEmpty();
        assertThat(showFip()).containsEntry("router_id", null);
    }

    @Test
    void concurrentOverlappingRangesOnOneFloatingIpLeaveExactlyOne() throws Exception {
        // unequal but overlapping ranges: no unique key catches them, the floating IP's row lock does (a
        // first forwarding gives the floating IP its router, so the others change only its revision)
        create(pf(vm1, "udp", "internal_port", 9999, "external_port", 9999));
        int n = 6;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String range = (3000 + i) + ":" + (3010 + i);
            Map<String, Object> body = pf(i % 2 == 0 ? vm1 : vm2, "tcp", "internal_port", 4000 + i,
                    "external_port_range", range);
            results.add(pool.submit(() -> {
                start.await();
                return post(ALICE, body).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var f : results) statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        pool.shutdown();
        assertThat(statuses).as("%s", statuses).containsOnly(201, 400).filteredOn(x -> x == 201).hasSize(1);
        assertThat(h.call(ALICE, "GET", pfs(), Map.of("protocol", List.of("tcp")), null).list("port_forwardings"))
                .hasSize(1);
    }

    @Test
    void theExtensionsAreAdvertised() {
        List<Map<String, Object>> exts = h.call(ALICE, "GET", "/v2.0/extensions", null).list("extensions");
        assertThat(exts).extracting(e -> e.get("alias")).contains("floating-ip-port-forwarding",
                "floating-ip-port-forwarding-description", "floating-ip-port-forwarding-detail",
                "floating-ip-port-forwarding-port-ranges", "expose-port-forwarding-in-fip");
    }
}
