package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subnets: defaults, gateway and allocation pools, IPv6 modes and the checks (neutron ipam, db_base_plugin_v2). */
class SubnetsTest extends ApiTest {

    private Resp createSubnet(String networkId, Object... kv) {
        Map<String, Object> body = obj("network_id", networkId, "ip_version", 4);
        body.putAll(obj(kv));
        return api.post("/v2.0/subnets", obj("subnet", body));
    }

    private static String pools(JsonNode subnet) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : subnet.path("allocation_pools")) {
            if (sb.length() > 0) sb.append(',');
            sb.append(p.path("start").asText()).append('-').append(p.path("end").asText());
        }
        return sb.toString();
    }

    private int subnetCount(String networkId) {
        return api.get("/v2.0/subnets?network_id=" + networkId).expect(200).at("/subnets").size();
    }

    @Test
    void ipv4Defaults() {
        String net = createNetworkId("n");
        JsonNode s = createSubnet(net, "cidr", "10.10.0.0/24", "name", "s1").expect(201).at("/subnet");
        assertThat(s.path("name").asText()).isEqualTo("s1");
        assertThat(s.path("network_id").asText()).isEqualTo(net);
        assertThat(s.path("ip_version").asInt()).isEqualTo(4);
        assertThat(s.path("cidr").asText()).isEqualTo("10.10.0.0/24");
        assertThat(s.path("gateway_ip").asText()).isEqualTo("10.10.0.1");
        assertThat(pools(s)).isEqualTo("10.10.0.2-10.10.0.254");
        assertThat(s.path("enable_dhcp").asBoolean()).isTrue();
        assertThat(s.path("dns_nameservers").isArray()).isTrue();
        assertThat(s.path("dns_nameservers").size()).isZero();
        assertThat(s.path("host_routes").size()).isZero();
        assertThat(s.path("ipv6_ra_mode").isNull()).isTrue();
        assertThat(s.path("ipv6_address_mode").isNull()).isTrue();
        assertThat(s.path("subnetpool_id").isNull()).isTrue();
        assertThat(s.path("project_id").asText()).isEqualTo(project);
        assertThat(s.path("tenant_id").asText()).isEqualTo(project);
        assertThat(s.path("created_at").asText()).matches(NetworksTest.TIMESTAMP);
        assertThat(s.path("description").asText()).isEmpty();
        assertThat(s.path("tags").isArray()).isTrue();
        // the network lists it
        JsonNode n = api.get("/v2.0/networks/" + net).expect(200).at("/network");
        assertThat(n.path("subnets").get(0).asText()).isEqualTo(s.path("id").asText());
        assertThat(n.path("subnets").size()).isEqualTo(1);
        assertThat(api.get("/v2.0/subnets/" + s.path("id").asText()).expect(200).at("/subnet")).isEqualTo(s);
    }

    @Test
    void gatewayAndPoolVariants() {
        String net = createNetworkId("n");
        JsonNode noGw = createSubnet(net, "cidr", "10.1.0.0/24", "gateway_ip", null).expect(201).at("/subnet");
        assertThat(noGw.path("gateway_ip").isNull()).isTrue();
        assertThat(pools(noGw)).isEqualTo("10.1.0.1-10.1.0.254");
        JsonNode lastGw = createSubnet(net, "cidr", "10.2.0.0/24", "gateway_ip", "10.2.0.254").expect(201)
                .at("/subnet");
        assertThat(pools(lastGw)).isEqualTo("10.2.0.1-10.2.0.253");
        JsonNode midGw = createSubnet(net, "cidr", "10.3.0.0/24", "gateway_ip", "10.3.0.100").expect(201)
                .at("/subnet");
        assertThat(pools(midGw)).isEqualTo("10.3.0.1-10.3.0.99,10.3.0.101-10.3.0.254");
        JsonNode given = createSubnet(net, "cidr", "10.4.0.0/24", "allocation_pools",
                arr(obj("start", "10.4.0.10", "end", "10.4.0.20"), obj("start", "10.4.0.100", "end", "10.4.0.110")))
                .expect(201).at("/subnet");
        assertThat(given.path("gateway_ip").asText()).isEqualTo("10.4.0.1");
        assertThat(pools(given)).isEqualTo("10.4.0.10-10.4.0.20,10.4.0.100-10.4.0.110");
        JsonNode small = createSubnet(net, "cidr", "10.5.0.0/29").expect(201).at("/subnet");
        assertThat(pools(small)).isEqualTo("10.5.0.2-10.5.0.6");
        // neutron accepts a gateway outside the subnet (no force_gateway_on_subnet any more)
        JsonNode outside = createSubnet(net, "cidr", "10.6.0.0/24", "gateway_ip", "10.99.0.1").expect(201)
                .at("/subnet");
        assertThat(outside.path("gateway_ip").asText()).isEqualTo("10.99.0.1");
        assertThat(pools(outside)).isEqualTo("10.6.0.1-10.6.0.254");
        JsonNode tiny = createSubnet(net, "cidr", "10.7.0.0/30").expect(201).at("/subnet");
        assertThat(tiny.path("gateway_ip").asText()).isEqualTo("10.7.0.1");
        assertThat(pools(tiny)).isEqualTo("10.7.0.2-10.7.0.2");
    }

    @Test
    void ipv6SlaacDefaults() {
        String net = createNetworkId("n6");
        JsonNode s = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6,
                "cidr", "2001:db8:1::/64", "ipv6_ra_mode", "slaac", "ipv6_address_mode", "slaac"))).expect(201)
                .at("/subnet");
        assertThat(s.path("ip_version").asInt()).isEqualTo(6);
        assertThat(s.path("cidr").asText()).isEqualTo("2001:db8:1::/64");
        // neutron (ipam_backend_mixin._gateway_ip_str): an IPv6 subnet's default gateway is the
        // subnet-router anycast address, the pool starts right after it (netaddr's RFC 5952 text)
        assertThat(s.path("gateway_ip").asText()).isEqualTo("2001:db8:1::");
        assertThat(pools(s)).isEqualTo("2001:db8:1::1-2001:db8:1:0:ffff:ffff:ffff:ffff");
        assertThat(s.path("ipv6_ra_mode").asText()).isEqualTo("slaac");
        assertThat(s.path("ipv6_address_mode").asText()).isEqualTo("slaac");
        // SLAAC needs a /64
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6, "cidr", "2001:db8:2::/80",
                "ipv6_address_mode", "slaac"))).expectError(400, null);
        // both modes must agree
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6, "cidr", "2001:db8:3::/64",
                "ipv6_ra_mode", "slaac", "ipv6_address_mode", "dhcpv6-stateful"))).expectError(400, null);
        // IPv6 modes on an IPv4 subnet
        createSubnet(net, "cidr", "10.9.0.0/24", "ipv6_address_mode", "slaac").expectError(400, null);
        assertThat(subnetCount(net)).isEqualTo(1);
    }

    @Test
    void ipv6StatefulDefaults() {
        String net = createNetworkId("n6");
        JsonNode s = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6,
                "cidr", "2001:db8:a::/120"))).expect(201).at("/subnet");
        assertThat(s.path("cidr").asText()).isEqualTo("2001:db8:a::/120");
        assertThat(s.path("gateway_ip").asText()).isEqualTo("2001:db8:a::");
        assertThat(pools(s)).isEqualTo("2001:db8:a::1-2001:db8:a::ff");
        assertThat(s.path("ipv6_address_mode").isNull()).isTrue();
        JsonNode gw = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6,
                "cidr", "2001:db8:b::/120", "gateway_ip", "2001:db8:b::1"))).expect(201).at("/subnet");
        assertThat(pools(gw)).isEqualTo("2001:db8:b::2-2001:db8:b::ff");
    }

    @Test
    void ipv6CidrIsStoredInCanonicalForm() {
        // neutron saves str(netaddr.IPNetwork(cidr)): lower case, compressed
        String net = createNetworkId("n6");
        JsonNode s = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6,
                "cidr", "2001:DB8:00c::/120"))).expect(201).at("/subnet");
        assertThat(s.path("cidr").asText()).isEqualTo("2001:db8:c::/120");
    }

    @Test
    void aCidrWithHostBitsIsTakenAsItsSubnet() {
        // neutron's create_subnet: "turn the CIDR into a proper subnet"
        String net = createNetworkId("n");
        assertThat(createSubnet(net, "cidr", "10.0.7.5/24").expect(201).text("/subnet/cidr")).isEqualTo("10.0.7.0/24");
    }

    @Test
    void invalidSubnetsAre400AndCreateNothing() {
        String net = createNetworkId("n");
        createSubnet(net, "cidr", "not-a-cidr").expectError(400, null);
        createSubnet(net, "cidr", "10.0.0.5").expectError(400, null);
        createSubnet(net, "cidr", "2001:db8::/64").expectError(400, null);
        createSubnet(net, "cidr", "10.0.0.0/24", "ip_version", 5).expectError(400, null);
        createSubnet(net, "cidr", "10.0.0.0/24", "gateway_ip", "10.0.0.0").expectError(400, null);
        createSubnet(net, "cidr", "10.0.0.0/24", "gateway_ip", "10.0.0.255").expectError(400, null);
        createSubnet(net, "cidr", "10.0.0.0/24", "gateway_ip", "nonsense").expectError(400, null);
        createSubnet(net, "cidr", "10.0.0.0/24", "allocation_pools",
                arr(obj("start", "10.0.1.10", "end", "10.0.1.20"))).expectError(400, null);
        createSubnet(net, "cidr", "10.0.0.0/24", "allocation_pools",
                arr(obj("start", "10.0.0.30", "end", "10.0.0.20"))).expectError(400, null);
        // neutron_lib: OverlappingAllocationPools is a Conflict
        createSubnet(net, "cidr", "10.0.0.0/24", "allocation_pools",
                arr(obj("start", "10.0.0.10", "end", "10.0.0.20"), obj("start", "10.0.0.15", "end", "10.0.0.30")))
                .expectError(409, "OverlappingAllocationPools");
        createSubnet(net, "cidr", "10.0.0.0/24", "dns_nameservers", arr("not-an-ip")).expectError(400, null);
        createSubnet(net, "cidr", "10.0.0.0/24", "bogus", 1).expectError(400, null);
        createSubnet(net).expectError(400, null);
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "cidr", "10.0.0.0/24")))
                .expectError(400, null);
        createSubnet("5d0a3ba0-0000-4000-8000-000000000000", "cidr", "10.0.0.0/24")
                .expectError(404, "NetworkNotFound");
        assertThat(subnetCount(net)).isZero();
    }

    @Test
    void gatewayInsideTheAllocationPoolIs409() {
        String net = createNetworkId("n");
        createSubnet(net, "cidr", "10.0.0.0/24", "gateway_ip", "10.0.0.15", "allocation_pools",
                arr(obj("start", "10.0.0.10", "end", "10.0.0.20"))).expectError(409,
                "GatewayConflictWithAllocationPools");
        assertThat(subnetCount(net)).isZero();
    }

    @Test
    void overlappingCidrOnTheSameNetworkIs400() {
        String net = createNetworkId("n");
        createSubnet(net, "cidr", "10.0.0.0/16").expect(201);
        createSubnet(net, "cidr", "10.0.5.0/24").expectError(400, null);
        assertThat(subnetCount(net)).isEqualTo(1);
        // another network may reuse it (overlapping IPs are allowed across networks)
        String other = createNetworkId("o");
        createSubnet(other, "cidr", "10.0.5.0/24").expect(201);
    }

    @Test
    void dnsAndHostRoutes() {
        String net = createNetworkId("n");
        JsonNode s = createSubnet(net, "cidr", "10.0.0.0/24", "dns_nameservers", arr("8.8.8.8", "1.1.1.1"),
                "host_routes", arr(obj("destination", "192.168.0.0/16", "nexthop", "10.0.0.254"))).expect(201)
                .at("/subnet");
        assertThat(s.path("dns_nameservers").toString()).isEqualTo("[\"8.8.8.8\",\"1.1.1.1\"]");
        assertThat(s.path("host_routes").get(0).path("destination").asText()).isEqualTo("192.168.0.0/16");
        assertThat(s.path("host_routes").get(0).path("nexthop").asText()).isEqualTo("10.0.0.254");
    }

    @Test
    void updateGatewayPoolsAndName() {
        String net = createNetworkId("n");
        String id = createSubnet(net, "cidr", "10.0.0.0/24").expect(201).text("/subnet/id");
        JsonNode u = api.put("/v2.0/subnets/" + id, obj("subnet", obj("name", "renamed", "allocation_pools",
                arr(obj("start", "10.0.0.100", "end", "10.0.0.200"))))).expect(200).at("/subnet");
        assertThat(u.path("name").asText()).isEqualTo("renamed");
        assertThat(pools(u)).isEqualTo("10.0.0.100-10.0.0.200");
        JsonNode g = api.put("/v2.0/subnets/" + id, obj("subnet", obj("gateway_ip", "10.0.0.50"))).expect(200)
                .at("/subnet");
        assertThat(g.path("gateway_ip").asText()).isEqualTo("10.0.0.50");
        api.put("/v2.0/subnets/" + id, obj("subnet", obj("cidr", "10.0.1.0/24"))).expectError(400, null);
        api.put("/v2.0/subnets/" + id, obj("subnet", obj("gateway_ip", "10.0.0.150"))).expectError(409, null);
        JsonNode shown = api.get("/v2.0/subnets/" + id).expect(200).at("/subnet");
        assertThat(shown.path("gateway_ip").asText()).isEqualTo("10.0.0.50");
        assertThat(shown.path("cidr").asText()).isEqualTo("10.0.0.0/24");
    }

    @Test
    void deleteSubnetAndNetwork() {
        String net = createNetworkId("n");
        String a = createSubnet(net, "cidr", "10.0.0.0/24").expect(201).text("/subnet/id");
        String b = createSubnet(net, "cidr", "10.0.1.0/24").expect(201).text("/subnet/id");
        api.delete("/v2.0/subnets/" + a).expect(204);
        api.get("/v2.0/subnets/" + a).expectError(404, "SubnetNotFound");
        assertThat(api.get("/v2.0/networks/" + net).expect(200).at("/network/subnets").size()).isEqualTo(1);
        // a network without ports goes with its subnets
        api.delete("/v2.0/networks/" + net).expect(204);
        api.get("/v2.0/subnets/" + b).expectError(404, "SubnetNotFound");
    }

    @Test
    void deletingAnAutomaticAddressSubnetTakesItsAddressesFromPorts() {
        String net = createNetworkId("n");
        String slaac = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6,
                "cidr", "2001:db8:5::/64", "ipv6_ra_mode", "slaac", "ipv6_address_mode", "slaac"))).expect(201)
                .text("/subnet/id");
        String v4 = createSubnet(net, "cidr", "10.0.5.0/24").expect(201).text("/subnet/id");
        JsonNode port = api.post("/v2.0/ports", obj("port", obj("network_id", net))).expect(201).at("/port");
        assertThat(port.path("fixed_ips").size()).isEqualTo(2);
        String id = port.path("id").asText();
        long revision = port.path("revision_number").asLong();

        // a user port's address from a subnet with DHCPv4 keeps that subnet
        api.delete("/v2.0/subnets/" + v4).expectError(409, "SubnetInUse");
        // an automatic (SLAAC) address does not: the port just loses it, as in Neutron
        api.delete("/v2.0/subnets/" + slaac).expect(204);
        JsonNode after = api.get("/v2.0/ports/" + id).expect(200).at("/port");
        assertThat(after.path("fixed_ips").size()).isEqualTo(1);
        assertThat(after.path("fixed_ips").get(0).path("subnet_id").asText()).isEqualTo(v4);
        assertThat(after.path("revision_number").asLong()).isGreaterThan(revision);
    }

    @Test
    void aNewAutomaticAddressSubnetGivesExistingPortsTheirAddress() {
        String net = createNetworkId("n");
        String v4 = createSubnet(net, "cidr", "10.0.6.0/24").expect(201).text("/subnet/id");
        JsonNode port = api.post("/v2.0/ports", obj("port", obj("network_id", net, "mac_address", "fa:16:3e:11:22:33")))
                .expect(201).at("/port");
        JsonNode routerPort = api.post("/v2.0/ports", obj("port", obj("network_id", net,
                "device_owner", "network:router_interface", "device_id", "r-1"))).expect(201).at("/port");
        String slaac = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6,
                "cidr", "2001:db8:6::/64", "ipv6_ra_mode", "slaac", "ipv6_address_mode", "slaac"))).expect(201)
                .text("/subnet/id");
        JsonNode after = api.get("/v2.0/ports/" + port.path("id").asText()).expect(200).at("/port");
        assertThat(after.path("fixed_ips").size()).isEqualTo(2);
        assertThat(after.path("fixed_ips").findValuesAsText("subnet_id")).containsExactlyInAnyOrder(v4, slaac);
        assertThat(after.path("fixed_ips").findValuesAsText("ip_address")).contains("2001:db8:6:0:f816:3eff:fe11:2233");
        assertThat(after.path("revision_number").asLong()).isGreaterThan(port.path("revision_number").asLong());
        // a router interface is added to a subnet explicitly (add_router_interface), not automatically
        JsonNode router = api.get("/v2.0/ports/" + routerPort.path("id").asText()).expect(200).at("/port");
        assertThat(router.path("fixed_ips").size()).isEqualTo(1);
        // and a stateful DHCPv6 subnet gives nobody anything until asked
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6, "cidr", "2001:db8:7::/64")))
                .expect(201);
        assertThat(api.get("/v2.0/ports/" + port.path("id").asText()).expect(200).at("/port/fixed_ips").size())
                .isEqualTo(2);
    }

    @Test
    void useDefaultSubnetpoolTakesTheDefaultPoolOfTheVersion() {
        String net = createNetworkId("n");
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4,
                "use_default_subnetpool", true))).expectError(400, "BadRequest");
        String pool = api.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "dflt", "is_default", true,
                "prefixes", J.arr("10.250.0.0/16"), "default_prefixlen", 28))).expect(201).text("/subnetpool/id");
        try {
            JsonNode s = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4,
                    "use_default_subnetpool", true))).expect(201).at("/subnet");
            assertThat(s.path("subnetpool_id").asText()).isEqualTo(pool);
            assertThat(s.path("cidr").asText()).startsWith("10.250.").endsWith("/28");
            assertThat(s.has("use_default_subnetpool")).as("not visible, as neutron-lib says").isFalse();
            api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4,
                    "use_default_subnetpool", true, "subnetpool_id", pool))).expectError(400, "BadRequest");
        } finally {
            api.put("/v2.0/subnetpools/" + pool, obj("subnetpool", obj("is_default", false))).expect(200);
        }
    }

    @Test
    void filterSubnets() {
        String net = createNetworkId("n");
        createSubnet(net, "cidr", "10.0.0.0/24", "name", "a").expect(201);
        createSubnet(net, "cidr", "10.0.1.0/24", "name", "b", "enable_dhcp", false).expect(201);
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 6, "cidr", "2001:db8::/64",
                "name", "c"))).expect(201);
        String base = "/v2.0/subnets?network_id=" + net;
        assertThat(values(api.get(base + "&ip_version=6").expect(200).at("/subnets"), "name")).containsExactly("c");
        assertThat(values(api.get(base + "&enable_dhcp=false").expect(200).at("/subnets"), "name"))
                .containsExactly("b");
        assertThat(values(api.get(base + "&cidr=10.0.1.0/24").expect(200).at("/subnets"), "name"))
                .containsExactly("b");
    }
    @Test
    void subnetPoolDefaultsAndCompaction() {
        JsonNode p = api.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "pool",
                "prefixes", arr("10.100.0.0/17", "10.100.128.0/17")))).expect(201).at("/subnetpool");
        assertThat(p.path("ip_version").asInt()).isEqualTo(4);
        // neutron SubnetPoolReader: min 8 (IPv4), max 32, default = min; prefixes compacted; and
        // _make_subnetpool_dict answers the prefix lengths as strings
        assertThat(p.path("min_prefixlen").asText()).isEqualTo("8");
        assertThat(p.path("max_prefixlen").isTextual()).isTrue();
        assertThat(p.path("max_prefixlen").asText()).isEqualTo("32");
        assertThat(p.path("default_prefixlen").asText()).isEqualTo("8");
        assertThat(api.get("/v2.0/subnetpools?min_prefixlen=8&id=" + p.path("id").asText()).expect(200)
                .at("/subnetpools").size()).as("filters still take numbers").isEqualTo(1);
        assertThat(p.path("prefixes").toString()).isEqualTo("[\"10.100.0.0/16\"]");
        assertThat(p.path("is_default").asBoolean()).isFalse();
        assertThat(p.path("shared").asBoolean()).isFalse();
        assertThat(p.path("project_id").asText()).isEqualTo(project);
    }

    @Test
    void poolsOfOneAddressScopeHaveDisjointPrefixes() {
        String scope = api.post("/v2.0/address-scopes", obj("address_scope", obj("name", "s", "ip_version", 4)))
                .expect(201).text("/address_scope/id");
        String first = api.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "a", "address_scope_id", scope,
                "prefixes", arr("20.0.0.0/18", "30.0.0.0/18")))).expect(201).text("/subnetpool/id");
        Resp clash = api.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "b", "address_scope_id", scope,
                "prefixes", arr("40.0.0.0/18", "30.0.0.0/12"))));
        clash.expectError(409, "AddressScopePrefixConflict");
        assertThat(clash.errorMessage()).isEqualTo("Failed to associate address scope: subnetpools within an "
                + "address scope must have unique prefixes.");
        api.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "c", "address_scope_id", scope,
                "prefixes", arr("20.10.0.0/24")))).expect(201);
        // growing into another pool of the scope is refused too; outside a scope anything goes
        api.put("/v2.0/subnetpools/" + first, obj("subnetpool", obj("prefixes", arr("20.0.0.0/12", "30.0.0.0/18"))))
                .expectError(409, "AddressScopePrefixConflict");
        JsonNode loose = api.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "d",
                "prefixes", arr("20.0.0.0/12", "10.11.12.13/24")))).expect(201).at("/subnetpool");
        assertThat(loose.path("prefixes").toString()).as("host bits dropped")
                .contains("\"10.11.12.0/24\"").contains("\"20.0.0.0/12\"");
    }

    @Test
    void subnetsFromAPool() {
        String pool = api.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "pool",
                "prefixes", arr("10.110.0.0/16"), "default_prefixlen", 24))).expect(201).text("/subnetpool/id");
        String net = createNetworkId("n");
        JsonNode a = createSubnet(net, "subnetpool_id", pool, "prefixlen", 26).expect(201).at("/subnet");
        assertThat(a.path("cidr").asText()).isEqualTo("10.110.0.0/26");
        assertThat(a.path("subnetpool_id").asText()).isEqualTo(pool);
        assertThat(a.path("gateway_ip").asText()).isEqualTo("10.110.0.1");
        assertThat(pools(a)).isEqualTo("10.110.0.2-10.110.0.62");
        JsonNode b = createSubnet(net, "subnetpool_id", pool, "prefixlen", 26).expect(201).at("/subnet");
        assertThat(b.path("cidr").asText()).isEqualTo("10.110.0.64/26");
        // without prefixlen: the pool's default_prefixlen, the lowest free /24
        JsonNode c = createSubnet(net, "subnetpool_id", pool).expect(201).at("/subnet");
        assertThat(c.path("cidr").asText()).isEqualTo("10.110.1.0/24");
        // a specific cidr from the pool
        JsonNode d = createSubnet(net, "subnetpool_id", pool, "cidr", "10.110.9.0/24").expect(201).at("/subnet");
        assertThat(d.path("cidr").asText()).isEqualTo("10.110.9.0/24");
        // below the pool's min_prefixlen (MinPrefixSubnetAllocationError is a BadRequest)
        createSubnet(net, "subnetpool_id", pool, "prefixlen", 4).expectError(400, null);
        assertThat(subnetCount(net)).isEqualTo(4);
    }
}
