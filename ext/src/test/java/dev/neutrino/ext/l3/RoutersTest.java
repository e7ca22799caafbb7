package dev.neutrino.ext.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.NeutronException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutersTest extends L3TestBase {
    Map<String, Object> ext;
    Map<String, Object> extSubnet;

    @BeforeEach
    void external() {
        ext = externalNetwork();
        extSubnet = subnet(ext.get("id"), "172.24.4.0/24");
    }

    String gw(String extra) {
        return "{'network_id': '" + ext.get("id") + "'" + extra + "}";
    }

    @Test
    void aRouterWithoutGatewayIsActiveWithEmptyExtensions() {
        Map<String, Object> r = router(USER, "{'router': {'name': 'r1'}}");
        assertThat(r).containsEntry("name", "r1").containsEntry("status", "ACTIVE")
                .containsEntry("admin_state_up", true).containsEntry("project_id", "p1")
                .containsEntry("tenant_id", "p1").containsEntry("external_gateway_info", null)
                .containsEntry("routes", List.of()).containsEntry("availability_zone_hints", List.of())
                .containsEntry("availability_zones", List.of()).containsEntry("revision_number", 1)
                .doesNotContainKey("enable_snat");
        assertThat(show(USER, "routers", "router", r.get("id"))).isEqualTo(r);
    }

    @Test
    void settingTheGatewayCreatesAHiddenGatewayPortOnTheExternalNetwork() {
        Map<String, Object> r = router(USER, "{'router': {'name': 'r1', 'external_gateway_info': " + gw("") + "}}");
        Map<String, Object> info = gatewayInfo(r);
        assertThat(info).containsEntry("network_id", ext.get("id")).containsEntry("enable_snat", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> extIps = (List<Map<String, Object>>) info.get("external_fixed_ips");
        assertThat(extIps).hasSize(1);
        assertThat(extIps.get(0)).containsEntry("subnet_id", extSubnet.get("id"));

        List<Map<String, Object>> ports = portsOf(r.get("id"));
        assertThat(ports).hasSize(1);
        Map<String, Object> gwPort = ports.get(0);
        assertThat(gwPort).containsEntry("device_owner", "network:router_gateway")
                .containsEntry("device_id", r.get("id")).containsEntry("project_id", "")
                .containsEntry("network_id", ext.get("id"));
        assertThat(fixedIps(gwPort)).isEqualTo(extIps);
        // hidden from the project
        assertThat(list(USER, "ports", Map.of())).isEmpty();
    }

    @Test
    void theGatewayCanBeClearedChangedAndReaddressed() {
        Map<String, Object> r = router(ADMIN, "{'router': {'name': 'r1'}}");
        Object id = r.get("id");
        r = update("routers", "router", id, "{'router': {'external_gateway_info': " + gw(", 'enable_snat': false, "
                + "'external_fixed_ips': [{'ip_address': '172.24.4.10'}]") + "}}");
        assertThat(gatewayInfo(r)).containsEntry("enable_snat", false)
                .containsEntry("external_fixed_ips", List.of(Map.of("subnet_id", extSubnet.get("id"),
                        "ip_address", "172.24.4.10")));
        String firstPort = (String) portsOf(id).get(0).get("id");

        r = update("routers", "router", id, "{'router': {'external_gateway_info': " + gw(", 'external_fixed_ips': "
                + "[{'ip_address': '172.24.4.20'}]") + "}}");
        assertThat(gatewayInfo(r).get("external_fixed_ips")).isEqualTo(List.of(Map.of("subnet_id",
                extSubnet.get("id"), "ip_address", "172.24.4.20")));
        assertThat(gatewayInfo(r)).as("enable_snat falls back to the default").containsEntry("enable_snat", true);
        assertThat(portsOf(id)).singleElement().extracting(p -> p.get("id")).as("same port re-addressed")
                .isEqualTo(firstPort);

        Map<String, Object> ext2 = create("networks", "network", "{'network': {'router:external': true}}");
        subnet(ext2.get("id"), "198.51.100.0/24");
        r = update("routers", "router", id, "{'router': {'external_gateway_info': {'network_id': '"
                + ext2.get("id") + "'}}}");
        assertThat(gatewayInfo(r)).containsEntry("network_id", ext2.get("id"));
        assertThat(portsOf(id)).singleElement().satisfies(p -> {
            assertThat(p.get("id")).isNotEqualTo(firstPort);
            assertThat(p).containsEntry("network_id", ext2.get("id"));
        });
        assertThat(fails("GET", "/v2.0/ports/" + firstPort, null).status()).as("old gateway port deleted")
                .isEqualTo(404);
    }

    @Test
    void clearingTheGatewayDeletesItsPort() {
        Map<String, Object> r = router(ADMIN, "{'router': {'external_gateway_info': " + gw("") + "}}");
        String portId = (String) portsOf(r.get("id")).get(0).get("id");
        r = update("routers", "router", r.get("id"), "{'router': {'external_gateway_info': null}}");
        assertThat(r.get("external_gateway_info")).isNull();
        assertThat(portsOf(r.get("id"))).isEmpty();
        assertError(fails("GET", "/v2.0/ports/" + portId, null), 404, "PortNotFound",
                "Port " + portId + " could not be found.");
        // {} clears too and is a no-op on a router without gateway
        r = update("routers", "router", r.get("id"), "{'router': {'external_gateway_info': {}}}");
        assertThat(r.get("external_gateway_info")).isNull();
    }

    @Test
    void theGatewayMustBeOnAnExternalNetwork() {
        Map<String, Object> net = network(USER, "private");
        NeutronException e = fails(USER, "POST", "/v2.0/routers", "{'router': {'external_gateway_info': "
                + "{'network_id': '" + net.get("id") + "'}}}");
        assertError(e, 400, "BadRequest", "Bad router request: Network " + net.get("id")
                + " is not an external network.");
        assertThat(list(ADMIN, "routers", Map.of())).as("nothing left behind").isEmpty();
        assertThat(list(ADMIN, "ports", Map.of())).isEmpty();

        String missing = "9d3c2ad1-7b31-4e7a-9bd3-1f2f0e7e4a11";
        assertError(fails(USER, "POST", "/v2.0/routers", "{'router': {'external_gateway_info': {'network_id': '"
                + missing + "'}}}"), 404, "NetworkNotFound", "Network " + missing + " could not be found.");
    }

    @Test
    void theGatewayInfoIsValidated() {
        assertError(fails("POST", "/v2.0/routers", "{'router': {'external_gateway_info': {'enable_snat': true}}}"),
                400, "HTTPBadRequest", "Invalid input for external_gateway_info. Reason: Validation of "
                        + "dictionary's keys failed. Expected keys: {'network_id'} Provided keys: {'enable_snat'}.");
        assertError(fails("POST", "/v2.0/routers", "{'router': {'external_gateway_info': " + gw(", 'foo': 1") + "}}"),
                400, "HTTPBadRequest", "Invalid input for external_gateway_info. Reason: Unexpected keys "
                        + "supplied: foo.");
        assertError(fails("POST", "/v2.0/routers", "{'router': {'external_gateway_info': "
                + gw(", 'external_fixed_ips': [{'ip_address': '172.24.4.1'}]") + "}}"), 400, "BadRequest",
                "Bad router request: External IP 172.24.4.1 is the same as the gateway IP.");
    }

    @Test
    void onlyAdminsChooseSnatAndExternalAddresses() {
        assertError(fails(USER, "POST", "/v2.0/routers", "{'router': {'external_gateway_info': "
                        + gw(", 'enable_snat': false") + "}}"), 403, "PolicyNotAuthorized",
                "(rule:create_router and (rule:create_router:external_gateway_info and "
                        + "(rule:create_router:external_gateway_info:network_id and "
                        + "rule:create_router:external_gateway_info:enable_snat))) is disallowed by policy");
        Map<String, Object> r = router(USER, "{'router': {}}");
        NeutronException e = fails(USER, "PUT", "/v2.0/routers/" + r.get("id"), "{'router': "
                + "{'external_gateway_info': " + gw(", 'external_fixed_ips': [{'ip_address': '172.24.4.9'}]") + "}}");
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).contains("rule:update_router:external_gateway_info:external_fixed_ips");
        assertThat(portsOf(r.get("id"))).isEmpty();
        // an admin may
        r = update("routers", "router", r.get("id"), "{'router': {'external_gateway_info': "
                + gw(", 'enable_snat': false, 'external_fixed_ips': [{'ip_address': '172.24.4.9'}]") + "}}");
        assertThat(gatewayInfo(r)).containsEntry("enable_snat", false);
    }

    @Test
    void aRouterWithInterfacesCannotBeDeletedButItsGatewayGoesWithIt() {
        Map<String, Object> r = router(USER, "{'router': {'external_gateway_info': " + gw("") + "}}");
        Map<String, Object> net = network(USER, "private");
        Map<String, Object> sub = subnet(USER, net.get("id"), "10.0.0.0/24");
        Map<String, Object> itf = action(USER, r.get("id"), "add_router_interface",
                "{'subnet_id': '" + sub.get("id") + "'}");

        assertError(fails(USER, "DELETE", "/v2.0/routers/" + r.get("id"), null), 409, "RouterInUse",
                "Router " + r.get("id") + " has ports still attached: " + itf.get("port_id"));

        action(USER, r.get("id"), "remove_router_interface", "{'subnet_id': '" + sub.get("id") + "'}");
        delete(USER, "routers", r.get("id"));
        assertThat(portsOf(r.get("id"))).isEmpty();
        assertThat(list(ADMIN, "ports", query("network_id", (String) ext.get("id")))).isEmpty();
    }

    @Test
    void routersArePrivateToTheirProject() {
        Map<String, Object> mine = router(USER, "{'router': {'name': 'mine'}}");
        Map<String, Object> theirs = router(OTHER, "{'router': {'name': 'theirs'}}");
        assertThat(list(USER, "routers", Map.of())).extracting(r -> r.get("name")).containsExactly("mine");
        assertThat(list(ADMIN, "routers", Map.of())).hasSize(2);
        assertThat(fails(USER, "GET", "/v2.0/routers/" + theirs.get("id"), null).status()).isEqualTo(404);
        assertError(fails(USER, "PUT", "/v2.0/routers/" + theirs.get("id") + "/add_router_interface",
                "{'subnet_id': '" + extSubnet.get("id") + "'}"), 404, "RouterNotFound",
                "Router " + theirs.get("id") + " could not be found");
        assertThat(mine.get("id")).isNotNull();
    }

    @Test
    void descriptionTagsFiltersAndAvailabilityZones() {
        Map<String, Object> r = router(USER, "{'router': {'name': 'r1', 'description': 'edge', "
                + "'availability_zone_hints': ['az1', 'az2']}}");
        assertThat(r).containsEntry("description", "edge")
                .containsEntry("availability_zone_hints", List.of("az1", "az2"))
                .containsEntry("availability_zones", List.of("az1", "az2"));
        router(USER, "{'router': {'name': 'r2', 'admin_state_up': false}}");
        assertThat(call(USER, "PUT", "/v2.0/routers/" + r.get("id") + "/tags/blue", (Object) null).status())
                .isIn(200, 201);
        assertThat(show(USER, "routers", "router", r.get("id")).get("tags")).isEqualTo(List.of("blue"));
        assertThat(list(USER, "routers", query("tags", "blue"))).extracting(x -> x.get("name")).containsExactly("r1");
        assertThat(list(USER, "routers", query("admin_state_up", "false"))).extracting(x -> x.get("name"))
                .containsExactly("r2");
        assertError(fails(USER, "PUT", "/v2.0/routers/" + r.get("id"), "{'router': {'availability_zone_hints': "
                + "['az3']}}"), 400, "HTTPBadRequest", "Cannot update read-only attribute availability_zone_hints");
        assertError(fails(USER, "POST", "/v2.0/routers", "{'router': {'availability_zone_hints': ['a', 'a']}}"),
                400, "HTTPBadRequest", "Invalid input for availability_zone_hints. Reason: Duplicate items in the "
                        + "list: 'a'.");
    }

    // ------------------------------------------------------------------ routes

    @Test
    void routesNeedANexthopOnAConnectedSubnet() {
        Map<String, Object> r = router(USER, "{'router': {'external_gateway_info': " + gw("") + "}}");
        Map<String, Object> net = network(USER, "private");
        Map<String, Object> sub = subnet(USER, net.get("id"), "10.0.0.0/24");
        action(USER, r.get("id"), "add_router_interface", "{'subnet_id': '" + sub.get("id") + "'}");

        Map<String, Object> updated = update(USER, "routers", "router", r.get("id"), "{'router': {'routes': "
                + "[{'destination': '192.168.0.0/16', 'nexthop': '10.0.0.5'}, "
                + "{'destination': '0.0.0.0/0', 'nexthop': '172.24.4.254'}]}}");
        assertThat(updated.get("routes")).isEqualTo(List.of(
                Map.of("destination", "192.168.0.0/16", "nexthop", "10.0.0.5"),
                Map.of("destination", "0.0.0.0/0", "nexthop", "172.24.4.254")));

        assertError(fails(USER, "PUT", "/v2.0/routers/" + r.get("id"), "{'router': {'routes': "
                        + "[{'destination': '192.168.0.0/16', 'nexthop': '10.9.0.5'}]}}"), 400, "InvalidRoutes",
                "Invalid format for routes: [{'destination': '192.168.0.0/16', 'nexthop': '10.9.0.5'}], the "
                        + "nexthop is not connected with router");
        assertError(fails(USER, "PUT", "/v2.0/routers/" + r.get("id"), "{'router': {'routes': "
                        + "[{'destination': '192.168.0.0/16', 'nexthop': '10.0.0.1'}]}}"), 400, "InvalidRoutes",
                "Invalid format for routes: [{'destination': '192.168.0.0/16', 'nexthop': '10.0.0.1'}], the "
                        + "nexthop is used by router");
        assertError(fails(USER, "PUT", "/v2.0/routers/" + r.get("id"), "{'router': {'routes': "
                        + "[{'destination': '192.168.0.1/16', 'nexthop': '10.0.0.5'}]}}"), 400, "HTTPBadRequest",
                "Invalid input for routes. Reason: '192.168.0.1/16' is not a recognized CIDR, '192.168.0.0/16' is "
                        + "recommended.");
        assertError(fails(USER, "POST", "/v2.0/routers", "{'router': {'routes': []}}"), 400, "HTTPBadRequest",
                "Attribute 'routes' not allowed in POST");

        // the interface a route needs stays; the gateway a route needs too
        assertError(fails(USER, "PUT", "/v2.0/routers/" + r.get("id") + "/remove_router_interface",
                "{'subnet_id': '" + sub.get("id") + "'}"), 409, "RouterInterfaceInUseByRoute",
                "Router interface for subnet " + sub.get("id") + " on router " + r.get("id") + " cannot be "
                        + "deleted, as it is required by one or more routes.");
        assertThat(fails(USER, "PUT", "/v2.0/routers/" + r.get("id"), "{'router': {'external_gateway_info': null}}")
                .type()).isEqualTo("InvalidRoutes");

        Map<String, Object> cleared = update(USER, "routers", "router", r.get("id"), "{'router': {'routes': null}}");
        assertThat(cleared.get("routes")).isEqualTo(List.of());
    }

    @Test
    void atMostThirtyRoutes() {
        Map<String, Object> r = router(USER, "{'router': {'external_gateway_info': " + gw("") + "}}");
        StringBuilder routes = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            if (i > 0) routes.append(", ");
            routes.append("{'destination': '10.").append(i).append(".0.0/16', 'nexthop': '172.24.4.200'}");
        }
        assertError(fails(USER, "PUT", "/v2.0/routers/" + r.get("id"), "{'router': {'routes': [" + routes + "]}}"),
                400, "RoutesExhausted", "Unable to complete operation for " + r.get("id") + ". The number of "
                        + "routes exceeds the maximum 30.");
    }

    @Test
    void extraRoutesAreAddedAndRemovedAtomically() {
        Map<String, Object> r = router(USER, "{'router': {'external_gateway_info': " + gw("") + "}}");
        Object id = r.get("id");
        // two next hops that are not the gateway's own address (drawn at random from the pool)
        @SuppressWarnings("unchecked")
        String gwIp = (String) ((List<Map<String, Object>>) ((Map<String, Object>) r.get("external_gateway_info"))
                .get("external_fixed_ips")).get(0).get("ip_address");
        String hop1 = gwIp.matches("172\\.24\\.4\\.10[01]") ? "172.24.4.110" : "172.24.4.100";
        String hop2 = hop1.equals("172.24.4.100") ? "172.24.4.101" : "172.24.4.111";
        Map<String, Object> out = action(USER, id, "add_extraroutes", "{'router': {'routes': ["
                + "{'destination': '10.1.0.0/16', 'nexthop': '" + hop1 + "'}, "
                + "{'destination': '10.2.0.0/16', 'nexthop': '" + hop1 + "'}]}}");
        @SuppressWarnings("unchecked")
        Map<String, Object> rendered = (Map<String, Object>) out.get("router");
        assertThat(rendered).containsEntry("id", id);
        assertThat(rendered.get("routes")).asList().hasSize(2);

        action(USER, id, "add_extraroutes", "{'router': {'routes': ["
                + "{'destination': '10.1.0.0/16', 'nexthop': '" + hop1 + "'}, "
                + "{'destination': '10.1.0.0/16', 'nexthop': '" + hop2 + "'}]}}");
        assertThat(show(USER, "routers", "router", id).get("routes")).isEqualTo(List.of(
                Map.of("destination", "10.1.0.0/16", "nexthop", hop1),
                Map.of("destination", "10.1.0.0/16", "nexthop", hop2),
                Map.of("destination", "10.2.0.0/16", "nexthop", hop1)));

        action(USER, id, "remove_extraroutes", "{'router': {'routes': ["
                + "{'destination': '10.1.0.0/16', 'nexthop': '" + hop1 + "'}, "
                + "{'destination': '10.9.0.0/16', 'nexthop': '" + hop1 + "'}]}}");
        assertThat(show(USER, "routers", "router", id).get("routes")).isEqualTo(List.of(
                Map.of("destination", "10.1.0.0/16", "nexthop", hop2),
                Map.of("destination", "10.2.0.0/16", "nexthop", hop1)));

        assertThat(fails(USER, "PUT", "/v2.0/routers/" + id + "/add_extraroutes", "{'router': {'routes': ["
                + "{'destination': '10.3.0.0/16', 'nexthop': '192.0.2.1'}]}}").type()).isEqualTo("InvalidRoutes");
        assertThat(show(USER, "routers", "router", id).get("revision_number")).isEqualTo(4);
    }

    // ------------------------------------------------------------------ the router's ports elsewhere

    @Test
    void aRoutersPortsCannotBeDeletedThroughThePortApi() {
        Map<String, Object> r = router(ADMIN, "{'router': {'external_gateway_info': " + gw("") + "}}");
        Map<String, Object> net = network(ADMIN, "private");
        Map<String, Object> sub = subnet(ADMIN, net.get("id"), "10.0.0.0/24");
        Map<String, Object> itf = action(r.get("id"), "add_router_interface", "{'subnet_id': '" + sub.get("id") + "'}");
        String gwPort = (String) portsOf(r.get("id")).stream()
                .filter(p -> p.get("device_owner").equals("network:router_gateway")).findFirst().get().get("id");

        assertError(fails("DELETE", "/v2.0/ports/" + itf.get("port_id"), null), 409, "ServicePortInUse",
                "Port " + itf.get("port_id") + " cannot be deleted directly via the port API: has device owner "
                        + "network:router_interface.");
        assertError(fails("DELETE", "/v2.0/ports/" + gwPort, null), 409, "ServicePortInUse",
                "Port " + gwPort + " cannot be deleted directly via the port API: has device owner "
                        + "network:router_gateway.");
        // and they keep their network and subnet in use
        assertThat(fails("DELETE", "/v2.0/subnets/" + sub.get("id"), null).type()).isEqualTo("SubnetInUse");
        assertThat(fails("DELETE", "/v2.0/networks/" + net.get("id"), null).type()).isEqualTo("NetworkInUse");
        assertThat(fails("DELETE", "/v2.0/networks/" + ext.get("id"), null).type()).isEqualTo("NetworkInUse");
    }

    @Test
    void theExtensionsAreListed() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exts = (List<Map<String, Object>>) ((Map<String, Object>) call(ADMIN, "GET",
                "/v2.0/extensions", (Object) null).body()).get("extensions");
        assertThat(exts).extracting(e -> e.get("alias")).contains("router", "ext-gw-mode", "extraroute",
                "extraroute-atomic", "fip-port-details", "router_availability_zone");
        assertThat(exts).filteredOn(e -> e.get("alias").equals("router")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("name", "Neutron L3 Router")
                        .containsEntry("updated", "2012-07-20T10:00:00-00:00"));
    }

    @Test
    void routerQuota() {
        call(ADMIN, "PUT", "/v2.0/quotas/p1", json("{'quota': {'router': 1}}"));
        router(USER, "{'router': {}}");
        assertError(fails(USER, "POST", "/v2.0/routers", "{'router': {}}"), 409, "OverQuota",
                "Quota exceeded for resources: ['router'].");
    }
}
