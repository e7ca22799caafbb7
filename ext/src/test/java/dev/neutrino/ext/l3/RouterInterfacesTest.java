package dev.neutrino.ext.l3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterInterfacesTest extends L3TestBase {
    Map<String, Object> ext;
    Map<String, Object> extSubnet;
    Map<String, Object> router;
    Object routerId;
    Map<String, Object> net;
    Map<String, Object> sub;

    @BeforeEach
    void fixtures() {
        ext = externalNetwork();
        extSubnet = subnet(ext.get("id"), "172.24.4.0/24");
        router = router(USER, "{'router': {'name': 'r1', 'external_gateway_info': {'network_id': '"
                + ext.get("id") + "'}}}");
        routerId = router.get("id");
        net = network(USER, "private");
        sub = subnet(USER, net.get("id"), "10.0.0.0/24");
    }

    String path(String action) {
        return "/v2.0/routers/" + routerId + "/" + action;
    }

    @Test
    void bySubnetTheInterfaceTakesTheSubnetsGateway() {
        Map<String, Object> info = action(USER, routerId, "add_router_interface", "{'subnet_id': '" + sub.get("id")
                + "'}");
        assertThat(info).containsOnlyKeys("id", "tenant_id", "project_id", "port_id", "subnet_id", "subnet_ids",
                "network_id");
        assertThat(info).containsEntry("id", routerId).containsEntry("tenant_id", "p1")
                .containsEntry("project_id", "p1").containsEntry("subnet_id", sub.get("id"))
                .containsEntry("subnet_ids", List.of(sub.get("id"))).containsEntry("network_id", net.get("id"));

        Map<String, Object> port = show(USER, "ports", "port", info.get("port_id"));
        assertThat(port).containsEntry("device_owner", "network:router_interface")
                .containsEntry("device_id", routerId).containsEntry("project_id", "p1")
                .containsEntry("network_id", net.get("id"));
        assertThat(fixedIps(port)).containsExactly(Map.of("subnet_id", sub.get("id"), "ip_address", "10.0.0.1"));
        assertThat(show(USER, "routers", "router", routerId).get("revision_number")).as("router revision bumped")
                .isEqualTo(2);
    }

    @Test
    void byPortTheProjectsPortBecomesTheInterface() {
        Map<String, Object> port = userPort("{'port': {'network_id': '" + net.get("id")
                + "', 'fixed_ips': [{'subnet_id': '" + sub.get("id") + "', 'ip_address': '10.0.0.254'}]}}");
        Map<String, Object> info = action(USER, routerId, "add_router_interface", "{'port_id': '" + port.get("id")
                + "'}");
        assertThat(info).containsEntry("port_id", port.get("id")).containsEntry("subnet_id", sub.get("id"))
                .containsEntry("subnet_ids", List.of(sub.get("id"))).containsEntry("tenant_id", "p1");
        assertThat(show(USER, "ports", "port", port.get("id"))).containsEntry("device_id", routerId)
                .containsEntry("device_owner", "network:router_interface");

        // the same port again is now in use by the router
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'port_id': '" + port.get("id") + "'}"),
                409, "PortInUse", "Unable to complete operation on port " + port.get("id") + " for network "
                        + net.get("id") + ". Port already has an attached device " + routerId + ".");

        Map<String, Object> removed = action(USER, routerId, "remove_router_interface", "{'port_id': '"
                + port.get("id") + "'}");
        assertThat(removed).containsEntry("port_id", port.get("id")).containsEntry("subnet_id", sub.get("id"));
        assertThat(fails(USER, "GET", "/v2.0/ports/" + port.get("id"), null).status()).as("port deleted")
                .isEqualTo(404);
    }

    @Test
    void exactlyOneOfSubnetIdAndPortId() {
        assertError(fails(USER, "PUT", path("add_router_interface"), "{}"), 400, "BadRequest",
                "Bad router request: Either subnet_id or port_id must be specified.");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': '" + sub.get("id")
                + "', 'port_id': '" + sub.get("id") + "'}"), 400, "BadRequest",
                "Bad router request: Cannot specify both subnet-id and port-id.");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': 'nope'}"), 400, "BadRequest",
                "Bad router request: 'nope' is not a valid UUID.");
        assertError(fails(USER, "PUT", path("remove_router_interface"), "{'foo': 1}"), 400, "BadRequest",
                "Bad router request: Either subnet_id or port_id must be specified.");
    }

    @Test
    void aSubnetWithoutGatewayCannotBeAttached() {
        Map<String, Object> net2 = network(USER, "n2");
        Map<String, Object> noGw = create(USER, "subnets", "subnet", "{'subnet': {'network_id': '" + net2.get("id")
                + "', 'ip_version': 4, 'cidr': '10.5.0.0/24', 'gateway_ip': null}}");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': '" + noGw.get("id") + "'}"),
                400, "BadRequest", "Bad router request: Subnet for router interface must have a gateway IP.");
        String missing = "0b9a8d2c-9f0e-4d4b-8c62-3b8f6d7a1e55";
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': '" + missing + "'}"),
                404, "SubnetNotFound", "Subnet " + missing + " could not be found.");
    }

    @Test
    void aSubnetIsAttachedOnceAndNeverOverlapsAnother() {
        action(USER, routerId, "add_router_interface", "{'subnet_id': '" + sub.get("id") + "'}");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': '" + sub.get("id") + "'}"),
                400, "BadRequest", "Bad router request: Router already has a port on subnet " + sub.get("id") + ".");

        Map<String, Object> net2 = network(USER, "n2");
        Map<String, Object> same = subnet(USER, net2.get("id"), "10.0.0.0/16");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': '" + same.get("id") + "'}"),
                400, "BadRequest", "Bad router request: Cidr 10.0.0.0/16 of subnet " + same.get("id")
                        + " overlaps with cidr 10.0.0.0/24 of subnet " + sub.get("id") + ".");

        Map<String, Object> net3 = network(USER, "n3");
        Map<String, Object> clash = subnet(USER, net3.get("id"), "172.24.4.0/25");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': '" + clash.get("id") + "'}"),
                400, "BadRequest", "Bad router request: Cidr 172.24.4.0/25 of subnet " + clash.get("id")
                        + " overlaps with cidr 172.24.4.0/24 of subnet " + extSubnet.get("id") + ".");
        assertThat(portsOf(routerId)).hasSize(2);
    }

    @Test
    void portsMustBeFreeAndAddressed() {
        Map<String, Object> used = userPort("{'port': {'network_id': '" + net.get("id")
                + "', 'device_id': 'vm-1'}}");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'port_id': '" + used.get("id") + "'}"),
                409, "PortInUse", "Unable to complete operation on port " + used.get("id") + " for network "
                        + net.get("id") + ". Port already has an attached device vm-1.");

        Map<String, Object> bare = network(USER, "bare");
        Map<String, Object> noIp = port(USER, bare.get("id"));
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'port_id': '" + noIp.get("id") + "'}"),
                400, "BadRequest", "Bad router request: Router port must have at least one fixed IP.");

        Map<String, Object> sub2 = subnet(USER, net.get("id"), "10.1.0.0/24");
        Map<String, Object> twoV4 = userPort("{'port': {'network_id': '" + net.get("id")
                + "', 'fixed_ips': [{'subnet_id': '" + sub.get("id") + "'}, {'subnet_id': '" + sub2.get("id")
                + "'}]}}");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'port_id': '" + twoV4.get("id") + "'}"),
                400, "BadRequest", "Bad router request: Cannot have multiple IPv4 subnets on router port.");
        assertThat(show(USER, "ports", "port", twoV4.get("id"))).as("refused port untouched")
                .containsEntry("device_id", "").containsEntry("device_owner", "");

        String missing = "4f0c0a44-8a3e-4a55-9a39-51ec2f0e1a27";
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'port_id': '" + missing + "'}"),
                404, "PortNotFound", "Port " + missing + " could not be found.");
    }

    @Test
    void removalNeedsAnExistingInterface() {
        Map<String, Object> info = action(USER, routerId, "add_router_interface", "{'subnet_id': '"
                + sub.get("id") + "'}");
        Map<String, Object> other = port(USER, net.get("id"));
        assertError(fails(USER, "PUT", path("remove_router_interface"), "{'port_id': '" + other.get("id") + "'}"),
                404, "RouterInterfaceNotFound", "Router " + routerId + " does not have an interface with id "
                        + other.get("id"));
        Map<String, Object> net2 = network(USER, "n2");
        Map<String, Object> sub2 = subnet(USER, net2.get("id"), "10.9.0.0/24");
        assertError(fails(USER, "PUT", path("remove_router_interface"), "{'subnet_id': '" + sub2.get("id") + "'}"),
                404, "RouterInterfaceNotFoundForSubnet", "Router " + routerId + " has no interface on subnet "
                        + sub2.get("id"));
        assertError(fails(USER, "PUT", path("remove_router_interface"), "{'port_id': '" + info.get("port_id")
                        + "', 'subnet_id': '" + sub2.get("id") + "'}"), 400, "SubnetMismatchForPort",
                "Subnet on port " + info.get("port_id") + " does not match the requested subnet " + sub2.get("id")
                        + ".");

        Map<String, Object> removed = action(USER, routerId, "remove_router_interface", "{'subnet_id': '"
                + sub.get("id") + "'}");
        assertThat(removed).containsEntry("id", routerId).containsEntry("port_id", info.get("port_id"))
                .containsEntry("subnet_ids", List.of(sub.get("id"))).containsEntry("network_id", net.get("id"));
        assertThat(portsOf(routerId)).extracting(p -> p.get("device_owner")).containsExactly("network:router_gateway");
        // the subnet is free again
        delete(USER, "ports", other.get("id"));
        delete(USER, "subnets", sub.get("id"));
    }

    @Test
    void ipv6PrefixesOfOneNetworkShareOneInterfacePort() {
        Map<String, Object> v6a = create(USER, "subnets", "subnet", "{'subnet': {'network_id': '" + net.get("id")
                + "', 'ip_version': 6, 'cidr': '2001:db8:1::/64', 'ipv6_ra_mode': 'slaac', "
                + "'ipv6_address_mode': 'slaac'}}");
        Map<String, Object> v6b = create(USER, "subnets", "subnet", "{'subnet': {'network_id': '" + net.get("id")
                + "', 'ip_version': 6, 'cidr': '2001:db8:2::/64', 'ipv6_ra_mode': 'slaac', "
                + "'ipv6_address_mode': 'slaac'}}");
        Map<String, Object> a = action(USER, routerId, "add_router_interface", "{'subnet_id': '" + v6a.get("id") + "'}");
        Map<String, Object> b = action(USER, routerId, "add_router_interface", "{'subnet_id': '" + v6b.get("id") + "'}");
        assertThat(b.get("port_id")).isEqualTo(a.get("port_id"));
        assertThat(fixedIps(show(USER, "ports", "port", a.get("port_id")))).extracting(ip -> ip.get("ip_address"))
                .as("IPv6 subnets default to the subnet-router anycast gateway")
                .containsExactlyInAnyOrder("2001:db8:1::", "2001:db8:2::");

        action(USER, routerId, "remove_router_interface", "{'subnet_id': '" + v6a.get("id") + "'}");
        assertThat(fixedIps(show(USER, "ports", "port", a.get("port_id")))).extracting(ip -> ip.get("ip_address"))
                .containsExactly("2001:db8:2::");

        Map<String, Object> ra = create(USER, "subnets", "subnet", "{'subnet': {'network_id': '"
                + network(USER, "n6").get("id") + "', 'ip_version': 6, 'cidr': '2001:db8:9::/64', "
                + "'ipv6_address_mode': 'slaac'}}");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': '" + ra.get("id") + "'}"),
                400, "BadRequest", "Bad router request: IPv6 subnet " + ra.get("id") + " configured to receive RAs "
                        + "from an external router cannot be added to Neutron Router..");  // sic, as Neutron says
    }

    @Test
    void anotherProjectsSubnetCannotBeAttached() {
        Map<String, Object> theirs = network(OTHER, "theirs");
        Map<String, Object> theirSubnet = subnet(OTHER, theirs.get("id"), "10.7.0.0/24");
        assertError(fails(USER, "PUT", path("add_router_interface"), "{'subnet_id': '" + theirSubnet.get("id")
                + "'}"), 404, "SubnetNotFound", "Subnet " + theirSubnet.get("id") + " could not be found.");
        assertThat(portsOf(routerId)).hasSize(1);
    }

    @Test
    void anAdminAttachesAnyProjectsSubnetWithAPortOfTheRoutersProject() {
        Map<String, Object> theirs = network(OTHER, "theirs");
        Map<String, Object> theirSubnet = subnet(OTHER, theirs.get("id"), "10.7.0.0/24");
        Map<String, Object> info = action(ADMIN, routerId, "add_router_interface", "{'subnet_id': '"
                + theirSubnet.get("id") + "'}");
        assertThat(info).containsEntry("tenant_id", "p1").containsEntry("network_id", theirs.get("id"));
    }
}
