package dev.neutrino.ext.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FloatingIpsTest extends L3TestBase {
    Map<String, Object> ext;
    Map<String, Object> extSubnet;
    Object routerId;
    Map<String, Object> net;
    Map<String, Object> sub;
    Map<String, Object> vm;

    @BeforeEach
    void fixtures() {
        ext = externalNetwork();
        extSubnet = subnet(ext.get("id"), "172.24.4.0/24");
        routerId = router(USER, "{'router': {'name': 'r1', 'external_gateway_info': {'network_id': '"
                + ext.get("id") + "'}}}").get("id");
        net = network(USER, "private");
        sub = subnet(USER, net.get("id"), "10.0.0.0/24");
        action(USER, routerId, "add_router_interface", "{'subnet_id': '" + sub.get("id") + "'}");
        vm = userPort("{'port': {'network_id': '" + net.get("id") + "', 'name': 'vm1', "
                + "'device_id': 'vm-1', 'device_owner': 'compute:nova'}}");
    }

    Map<String, Object> fip(RequestContext ctx, String extra) {
        return create(ctx, "floatingips", "floatingip", "{'floatingip': {'floating_network_id': '" + ext.get("id")
                + "'" + extra + "}}");
    }

    Map<String, Object> fip(String extra) {
        return fip(USER, extra);
    }

    String vmIp() {
        return (String) fixedIps(vm).get(0).get("ip_address");
    }

    @Test
    void anUnassociatedFloatingIpIsDownAndHoldsAHiddenPort() {
        Map<String, Object> f = fip("");
        assertThat(f).containsEntry("floating_network_id", ext.get("id")).containsEntry("status", "DOWN")
                .containsEntry("router_id", null).containsEntry("port_id", null)
                .containsEntry("fixed_ip_address", null).containsEntry("port_details", null)
                .containsEntry("project_id", "p1").containsEntry("tenant_id", "p1")
                .containsEntry("description", "").containsEntry("tags", List.of())
                .doesNotContainKeys("subnet_id", "floating_port_id");
        String address = (String) f.get("floating_ip_address");
        assertThat(Cidr.parse("172.24.4.0/24").contains(IpAddress.parse(address))).isTrue();

        List<Map<String, Object>> ports = portsOf(f.get("id"));
        assertThat(ports).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("device_owner", "network:floatingip").containsEntry("project_id", "")
                    .containsEntry("network_id", ext.get("id")).containsEntry("status", "N/A");
            assertThat(fixedIps(p)).containsExactly(Map.of("subnet_id", extSubnet.get("id"), "ip_address", address));
        });
        assertThat(list(USER, "ports", query("device_owner", "network:floatingip"))).isEmpty();
        assertThat(show(USER, "floatingips", "floatingip", f.get("id"))).isEqualTo(f);
    }

    @Test
    void associatingAPortFindsTheRouterAndReportsThePort() {
        Map<String, Object> f = fip(", 'port_id': '" + vm.get("id") + "', 'description': 'web'");
        assertThat(f).containsEntry("port_id", vm.get("id")).containsEntry("fixed_ip_address", vmIp())
                .containsEntry("router_id", routerId).containsEntry("status", "ACTIVE")
                .containsEntry("description", "web");
        assertThat(f.get("port_details")).isEqualTo(Map.of("name", "vm1", "network_id", net.get("id"),
                "mac_address", vm.get("mac_address"), "admin_state_up", true, "status", vm.get("status"),
                "device_id", "vm-1", "device_owner", "compute:nova"));

        assertThat(list(USER, "floatingips", query("port_id", (String) vm.get("id")))).hasSize(1);
        assertThat(list(USER, "floatingips", query("router_id", (String) routerId))).hasSize(1);
        assertThat(list(USER, "floatingips", query("status", "DOWN"))).isEmpty();
    }

    @Test
    void associationFollowsUpdates() {
        Map<String, Object> f = fip("");
        Object id = f.get("id");
        f = update(USER, "floatingips", "floatingip", id, "{'floatingip': {'port_id': '" + vm.get("id") + "'}}");
        assertThat(f).containsEntry("status", "ACTIVE").containsEntry("router_id", routerId)
                .containsEntry("fixed_ip_address", vmIp()).containsEntry("revision_number", 2);

        f = update(USER, "floatingips", "floatingip", id, "{'floatingip': {'description': 'kept'}}");
        assertThat(f).as("a description change keeps the association").containsEntry("port_id", vm.get("id"))
                .containsEntry("status", "ACTIVE").containsEntry("description", "kept");

        f = update(USER, "floatingips", "floatingip", id, "{'floatingip': {'port_id': null}}");
        assertThat(f).containsEntry("status", "DOWN").containsEntry("router_id", null)
                .containsEntry("port_id", null).containsEntry("fixed_ip_address", null)
                .containsEntry("port_details", null);

        // an empty update disassociates too (neutron-tempest-plugin's test_blank_update_clears_association)
        update(USER, "floatingips", "floatingip", id, "{'floatingip': {'port_id': '" + vm.get("id") + "'}}");
        f = update(USER, "floatingips", "floatingip", id, "{'floatingip': {}}");
        assertThat(f).containsEntry("port_id", null).containsEntry("status", "DOWN");
        assertError(fails(USER, "PUT", "/v2.0/floatingips/" + id, "{'floatingip': {'floating_network_id': '"
                + ext.get("id") + "'}}"), 400, "HTTPBadRequest", "Cannot update read-only attribute "
                + "floating_network_id");
    }

    @Test
    void aChosenAddressOrSubnet() {
        Map<String, Object> f = fip(ADMIN, ", 'floating_ip_address': '172.24.4.50'");
        assertThat(f).containsEntry("floating_ip_address", "172.24.4.50").containsEntry("project_id", "p1");
        assertError(fails(ADMIN, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + ext.get("id") + "', 'floating_ip_address': '172.24.4.50'}}"), 409,
                "IpAddressAlreadyAllocated", "IP address 172.24.4.50 already allocated in subnet "
                        + extSubnet.get("id"));
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + ext.get("id") + "', 'floating_ip_address': '172.24.4.51'}}"), 403, "PolicyNotAuthorized",
                "(rule:create_floatingip and rule:create_floatingip:floating_ip_address) is disallowed by policy");

        Map<String, Object> extSubnet2 = subnet(ext.get("id"), "198.51.100.0/24");
        Map<String, Object> g = fip(", 'subnet_id': '" + extSubnet2.get("id") + "'");
        assertThat((String) g.get("floating_ip_address")).startsWith("198.51.100.");
        assertThat(g).doesNotContainKey("subnet_id");
    }

    @Test
    void theFloatingNetworkMustBeExternalWithIpv4() {
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + net.get("id") + "'}}"), 400, "BadRequest", "Bad floatingip request: Network "
                        + net.get("id") + " is not a valid external network.");
        Map<String, Object> v6only = create("networks", "network", "{'network': {'router:external': true}}");
        subnet(v6only.get("id"), "2001:db8:99::/64");
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + v6only.get("id") + "'}}"), 400, "BadRequest", "Bad floatingip request: Network "
                        + v6only.get("id") + " does not contain any IPv4 subnet.");
        String missing = "7d7f8c1e-2b5a-4a0e-9a3c-6c7d1f2e3b4a";
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                + missing + "'}}"), 404, "NetworkNotFound", "Network " + missing + " could not be found.");
        assertThat(list(ADMIN, "floatingips", Map.of())).isEmpty();
        assertThat(list(ADMIN, "ports", query("device_owner", "network:floatingip"))).isEmpty();
    }

    @Test
    void theFixedAddressMustBeOneIpv4AddressOfThePort() {
        Map<String, Object> sub2 = subnet(USER, net.get("id"), "10.1.0.0/24");
        Map<String, Object> multi = userPort("{'port': {'network_id': '" + net.get("id")
                + "', 'fixed_ips': [{'subnet_id': '" + sub.get("id") + "', 'ip_address': '10.0.0.10'}, "
                + "{'subnet_id': '" + sub2.get("id") + "', 'ip_address': '10.1.0.10'}]}}");
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + ext.get("id") + "', 'port_id': '" + multi.get("id") + "'}}"), 400, "BadRequest",
                "Bad floatingip request: Port " + multi.get("id") + " has multiple fixed IPv4 addresses.  Must "
                        + "provide a specific IPv4 address when assigning a floating IP.");
        Map<String, Object> f = fip(", 'port_id': '" + multi.get("id") + "', 'fixed_ip_address': '10.0.0.10'");
        assertThat(f).containsEntry("fixed_ip_address", "10.0.0.10").containsEntry("router_id", routerId);

        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + ext.get("id") + "', 'port_id': '" + multi.get("id") + "', 'fixed_ip_address': "
                        + "'10.0.0.99'}}"), 400, "BadRequest", "Bad floatingip request: Port " + multi.get("id")
                        + " does not have fixed ip 10.0.0.99.");
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + ext.get("id") + "', 'fixed_ip_address': '10.0.0.10'}}"), 400, "BadRequest",
                "Bad floatingip request: fixed_ip_address cannot be specified without a port_id.");
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + ext.get("id") + "', 'port_id': '" + multi.get("id") + "', 'fixed_ip_address': "
                        + "'2001:db8::5'}}"), 400, "BadRequest", "Bad floatingip request: Cannot process floating "
                        + "IP association with 2001:db8::5, since that is not an IPv4 address.");
        // the failed requests left no floating ports behind
        assertThat(list(ADMIN, "ports", query("device_owner", "network:floatingip"))).hasSize(1);
    }

    @Test
    void aPortBehindNoRouterCannotBeAssociated() {
        Map<String, Object> island = network(USER, "island");
        Map<String, Object> islandSubnet = subnet(USER, island.get("id"), "10.50.0.0/24");
        Map<String, Object> p = port(USER, island.get("id"));
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + ext.get("id") + "', 'port_id': '" + p.get("id") + "'}}"), 404,
                "ExternalGatewayForFloatingIPNotFound", "External network " + ext.get("id") + " is not reachable "
                        + "from subnet " + islandSubnet.get("id") + ".  Therefore, cannot associate Port "
                        + p.get("id") + " with a Floating IP.");
    }

    @Test
    void oneFloatingIpPerFixedIpAndExternalNetwork() {
        fip(", 'port_id': '" + vm.get("id") + "'");
        Map<String, Object> second = fip("");
        assertError(fails(USER, "PUT", "/v2.0/floatingips/" + second.get("id"), "{'floatingip': {'port_id': '"
                        + vm.get("id") + "'}}"), 409, "FloatingIPPortAlreadyAssociated", "Cannot associate floating IP "
                        + second.get("floating_ip_address") + " (" + second.get("id") + ") with port " + vm.get("id")
                        + " using fixed IP " + vmIp() + ", as that fixed IP already has a floating IP on external "
                        + "network " + ext.get("id") + ".");
    }

    @Test
    void movingToAnotherAddressOfThePortStillRespectsOneFloatingIpPerAddress() {
        // two addresses vm1 did not get (its own is drawn at random from the pool)
        @SuppressWarnings("unchecked")
        String vmIp = (String) ((List<Map<String, Object>>) vm.get("fixed_ips")).get(0).get("ip_address");
        String first = vmIp.matches("10\\.0\\.0\\.1[01]") ? "10.0.0.20" : "10.0.0.10";
        String second = first.equals("10.0.0.10") ? "10.0.0.11" : "10.0.0.21";
        Map<String, Object> multi = userPort("{'port': {'network_id': '" + net.get("id") + "', 'fixed_ips': "
                + "[{'subnet_id': '" + sub.get("id") + "', 'ip_address': '" + first + "'}, {'subnet_id': '"
                + sub.get("id") + "', 'ip_address': '" + second + "'}]}}");
        fip(", 'port_id': '" + multi.get("id") + "', 'fixed_ip_address': '" + first + "'");
        Map<String, Object> b = fip(", 'port_id': '" + multi.get("id") + "', 'fixed_ip_address': '" + second + "'");
        assertThat(b).containsEntry("fixed_ip_address", second).containsEntry("status", "ACTIVE");
        assertThat(fails(USER, "PUT", "/v2.0/floatingips/" + b.get("id"), "{'floatingip': {'port_id': '"
                + multi.get("id") + "', 'fixed_ip_address': '" + first + "'}}").type())
                .isEqualTo("FloatingIPPortAlreadyAssociated");
        assertError(fails(USER, "PUT", "/v2.0/floatingips/" + b.get("id"), "{'floatingip': {'fixed_ip_address': "
                + "'" + first + "'}}"), 400, "BadRequest", "Bad floatingip request: fixed_ip_address cannot be "
                + "specified without a port_id.");
        // the same association again is no change
        Map<String, Object> same = update(USER, "floatingips", "floatingip", b.get("id"), "{'floatingip': "
                + "{'port_id': '" + multi.get("id") + "', 'fixed_ip_address': '" + second + "'}}");
        assertThat(same).containsEntry("fixed_ip_address", second);
    }

    @Test
    void deletingThePortDisassociatesItsFloatingIps() {
        Map<String, Object> f = fip(", 'port_id': '" + vm.get("id") + "'");
        delete(USER, "ports", vm.get("id"));
        Map<String, Object> after = show(USER, "floatingips", "floatingip", f.get("id"));
        assertThat(after).containsEntry("port_id", null).containsEntry("fixed_ip_address", null)
                .containsEntry("router_id", null).containsEntry("status", "DOWN");
    }

    @Test
    void theFloatingPortLivesAndDiesWithTheFloatingIp() {
        Map<String, Object> f = fip("");
        String portId = (String) portsOf(f.get("id")).get(0).get("id");
        assertError(fails("DELETE", "/v2.0/ports/" + portId, null), 409, "ServicePortInUse",
                "Port " + portId + " cannot be deleted directly via the port API: has device owner "
                        + "network:floatingip.");
        delete(USER, "floatingips", f.get("id"));
        assertThat(fails("GET", "/v2.0/ports/" + portId, null).status()).isEqualTo(404);
        assertThat(fails(USER, "GET", "/v2.0/floatingips/" + f.get("id"), null).status()).isEqualTo(404);
    }

    @Test
    void theRouterKeepsWhatItsFloatingIpsNeed() {
        fip(", 'port_id': '" + vm.get("id") + "'");
        assertError(fails(USER, "PUT", "/v2.0/routers/" + routerId + "/remove_router_interface", "{'subnet_id': '"
                        + sub.get("id") + "'}"), 409, "RouterInterfaceInUseByFloatingIP", "Router interface for subnet "
                        + sub.get("id") + " on router " + routerId + " cannot be deleted, as it is required by one or "
                        + "more floating IPs.");
        assertError(fails(USER, "PUT", "/v2.0/routers/" + routerId, "{'router': {'external_gateway_info': null}}"),
                409, "RouterExternalGatewayInUseByFloatingIp", "Gateway cannot be updated for router " + routerId
                        + ", since a gateway to external network " + ext.get("id") + " is required by one or more "
                        + "floating IPs.");
        assertThat(show(USER, "routers", "router", routerId).get("external_gateway_info")).isNotNull();
    }

    @Test
    void floatingIpsArePrivateToTheirProject() {
        Map<String, Object> f = fip(", 'port_id': '" + vm.get("id") + "'");
        assertThat(list(OTHER, "floatingips", Map.of())).isEmpty();
        assertThat(fails(OTHER, "GET", "/v2.0/floatingips/" + f.get("id"), null).status()).isEqualTo(404);
        assertError(fails(OTHER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                        + ext.get("id") + "', 'port_id': '" + vm.get("id") + "'}}"), 404, "PortNotFound",
                "Port " + vm.get("id") + " could not be found.");
        assertThat(list(ADMIN, "floatingips", Map.of())).hasSize(1);
    }

    @Test
    void quotaCountsFloatingIpsNotTheirHiddenPorts() {
        call(ADMIN, "PUT", "/v2.0/quotas/p1", json("{'quota': {'floatingip': 1, 'port': 0}}"));
        fip("");
        assertError(fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                + ext.get("id") + "'}}"), 409, "OverQuota", "Quota exceeded for resources: ['floatingip'].");
    }

    @Test
    void deletingAnExternalNetworkTakesItsUnassociatedFloatingIps() {
        Map<String, Object> other = create("networks", "network", "{'network': {'name': 'public2', "
                + "'router:external': true, 'project_id': 'ops'}}");
        subnet(other.get("id"), "172.25.0.0/24");
        Map<String, Object> f = create(USER, "floatingips", "floatingip", "{'floatingip': {'floating_network_id': '"
                + other.get("id") + "'}}");
        delete("networks", other.get("id"));
        assertError(fails("GET", "/v2.0/floatingips/" + f.get("id"), null), 404, "FloatingIPNotFound",
                "Floating IP " + f.get("id") + " could not be found");
        assertThat(portsOf(f.get("id"))).isEmpty();
    }

    @Test
    void aNetworkInUseKeepsAllItsFloatingIps() {
        Map<String, Object> unassociated = fip("");
        Map<String, Object> associated = fip(", 'port_id': '" + vm.get("id") + "'");
        // the router's gateway and the associated floating IP still use the network: Neutron refuses,
        // and the unassociated one (removed first) is kept too, because the refusal rolls it all back
        NeutronException e = fails("DELETE", "/v2.0/networks/" + ext.get("id"), null);
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.type()).isEqualTo("NetworkInUse");
        assertThat(show("floatingips", "floatingip", unassociated.get("id"))).containsEntry("port_id", null);
        assertThat(show("floatingips", "floatingip", associated.get("id"))).containsEntry("port_id", vm.get("id"));
    }
}
