package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ports: MAC, fixed IPs from IPAM, security groups and the in-use checks (neutron db_base_plugin_v2, ipam). */
class PortsTest extends ApiTest {
    static final String MAC = "^fa:16:3e(:[0-9a-f]{2}){3}$";

    private String subnet(String net, String cidr, Object... kv) {
        Map<String, Object> body = obj("network_id", net, "ip_version", cidr.contains(":") ? 6 : 4, "cidr", cidr);
        body.putAll(obj(kv));
        return api.post("/v2.0/subnets", obj("subnet", body)).expect(201).text("/subnet/id");
    }

    private Resp createPort(String net, Object... kv) {
        Map<String, Object> body = obj("network_id", net);
        body.putAll(obj(kv));
        return api.post("/v2.0/ports", obj("port", body));
    }

    private int portCount(String net) {
        return api.get("/v2.0/ports?network_id=" + net).expect(200).at("/ports").size();
    }

    private static List<String> ips(JsonNode port) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : port.path("fixed_ips")) out.add(f.path("ip_address").asText());
        return out;
    }

    private static BigInteger num(String ip) throws Exception {
        return new BigInteger(1, InetAddress.getByName(ip).getAddress());
    }

    @Test
    void portDefaults() throws Exception {
        String net = createNetworkId("n");
        String sub = subnet(net, "10.20.0.0/24");
        JsonNode p = createPort(net, "name", "p1").expect(201).at("/port");
        assertThat(p.path("name").asText()).isEqualTo("p1");
        assertThat(p.path("network_id").asText()).isEqualTo(net);
        assertThat(p.path("mac_address").asText()).matches(MAC);
        assertThat(p.path("admin_state_up").asBoolean()).isTrue();
        assertThat(p.path("status").asText()).isEqualTo("DOWN");
        assertThat(p.path("device_id").asText()).isEmpty();
        assertThat(p.path("device_owner").asText()).isEmpty();
        assertThat(p.path("project_id").asText()).isEqualTo(project);
        assertThat(p.path("port_security_enabled").asBoolean()).isTrue();
        assertThat(p.path("allowed_address_pairs").size()).isZero();
        assertThat(p.path("extra_dhcp_opts").size()).isZero();
        assertThat(p.path("binding:vnic_type").asText()).isEqualTo("normal");
        assertThat(p.path("binding:vif_type").asText()).isEqualTo("unbound");
        assertThat(p.path("created_at").asText()).matches(NetworksTest.TIMESTAMP);
        JsonNode fixed = p.path("fixed_ips");
        assertThat(fixed.size()).isEqualTo(1);
        assertThat(fixed.get(0).path("subnet_id").asText()).isEqualTo(sub);
        BigInteger ip = num(fixed.get(0).path("ip_address").asText());
        assertThat(ip).isBetween(num("10.20.0.2"), num("10.20.0.254"));
        // the project's default security group
        JsonNode sgs = p.path("security_groups");
        assertThat(sgs.size()).isEqualTo(1);
        JsonNode sg = api.get(SecurityGroupsTest.GROUPS + "/" + sgs.get(0).asText()).expect(200)
                .at("/security_group");
        assertThat(sg.path("name").asText()).isEqualTo("default");
        assertThat(sg.path("project_id").asText()).isEqualTo(project);
        assertThat(api.get("/v2.0/ports/" + p.path("id").asText()).expect(200).at("/port")).isEqualTo(p);
    }

    @Test
    void portWithoutSubnetsHasNoAddresses() {
        String net = createNetworkId("n");
        JsonNode p = createPort(net).expect(201).at("/port");
        assertThat(p.path("fixed_ips").size()).isZero();
        assertThat(p.path("mac_address").asText()).matches(MAC);
    }

    @Test
    void oneAddressPerFamily() {
        String net = createNetworkId("n");
        String v4 = subnet(net, "10.21.0.0/24");
        String v6 = subnet(net, "2001:db8:21::/64", "ipv6_ra_mode", "slaac", "ipv6_address_mode", "slaac");
        JsonNode p = createPort(net).expect(201).at("/port");
        assertThat(p.path("fixed_ips").size()).isEqualTo(2);
        String mac = p.path("mac_address").asText();
        for (JsonNode f : p.path("fixed_ips")) {
            if (f.path("subnet_id").asText().equals(v6)) {
                // SLAAC: EUI-64 from the MAC, fa:16:3e:xx:yy:zz -> f816:3eff:fexx:yyzz
                // (RFC 5952 text as netaddr prints it: a single zero group stays, no leading zeros)
                String[] b = mac.split(":");
                String expected = "2001:db8:21:0:f816:3eff:fe" + b[3] + ":"
                        + Integer.toHexString(Integer.parseInt(b[4] + b[5], 16));
                assertThat(f.path("ip_address").asText()).isEqualTo(expected);
            } else {
                assertThat(f.path("subnet_id").asText()).isEqualTo(v4);
                assertThat(f.path("ip_address").asText()).startsWith("10.21.0.");
            }
        }
    }

    @Test
    void chosenSubnet() {
        String net = createNetworkId("n");
        subnet(net, "10.22.0.0/24");
        String b = subnet(net, "10.23.0.0/24");
        JsonNode p = createPort(net, "fixed_ips", arr(obj("subnet_id", b))).expect(201).at("/port");
        assertThat(p.path("fixed_ips").size()).isEqualTo(1);
        assertThat(p.path("fixed_ips").get(0).path("subnet_id").asText()).isEqualTo(b);
        assertThat(ips(p).get(0)).startsWith("10.23.0.");
    }

    @Test
    void chosenAddressAndAddressInUse() {
        String net = createNetworkId("n");
        String sub = subnet(net, "10.24.0.0/24");
        JsonNode p = createPort(net, "fixed_ips", arr(obj("ip_address", "10.24.0.50"))).expect(201).at("/port");
        assertThat(ips(p)).containsExactly("10.24.0.50");
        assertThat(p.path("fixed_ips").get(0).path("subnet_id").asText()).isEqualTo(sub);
        JsonNode q = createPort(net, "fixed_ips", arr(obj("subnet_id", sub, "ip_address", "10.24.0.51")))
                .expect(201).at("/port");
        assertThat(ips(q)).containsExactly("10.24.0.51");
        createPort(net, "fixed_ips", arr(obj("ip_address", "10.24.0.50"))).expectError(409,
                "IpAddressAlreadyAllocated");
        assertThat(portCount(net)).isEqualTo(2);
        // freed by deleting the port
        api.delete("/v2.0/ports/" + p.path("id").asText()).expect(204);
        createPort(net, "fixed_ips", arr(obj("ip_address", "10.24.0.50"))).expect(201);
    }

    @Test
    void invalidAddressesAre400() {
        String net = createNetworkId("n");
        String sub = subnet(net, "10.25.0.0/24");
        createPort(net, "fixed_ips", arr(obj("ip_address", "10.99.0.5"))).expectError(400, null);
        createPort(net, "fixed_ips", arr(obj("subnet_id", sub, "ip_address", "10.99.0.5"))).expectError(400, null);
        createPort(net, "fixed_ips", arr(obj("ip_address", "nonsense"))).expectError(400, null);
        createPort(net, "fixed_ips", arr(obj("ip_address", "10.25.0.0"))).expectError(400, null);
        createPort(net, "fixed_ips", arr(obj("ip_address", "10.25.0.255"))).expectError(400, null);
        createPort(net, "fixed_ips", arr(obj("subnet_id", "5d0a3ba0-0000-4000-8000-000000000000")))
                .expect(404);
        createPort(net, "mac_address", "not-a-mac").expectError(400, null);
        createPort("5d0a3ba0-0000-4000-8000-000000000000").expectError(404, "NetworkNotFound");
        assertThat(portCount(net)).isZero();
    }

    @Test
    void exhaustedPoolIs409() {
        String net = createNetworkId("n");
        subnet(net, "10.26.0.0/29"); // pool .2-.6
        Set<String> got = new HashSet<>();
        for (int i = 0; i < 5; i++) got.add(ips(createPort(net).expect(201).at("/port")).get(0));
        assertThat(got).containsExactlyInAnyOrder("10.26.0.2", "10.26.0.3", "10.26.0.4", "10.26.0.5",
                "10.26.0.6");
        createPort(net).expectError(409, "IpAddressGenerationFailure");
        assertThat(portCount(net)).isEqualTo(5);
    }

    @Test
    void macAddresses() {
        String net = createNetworkId("n");
        JsonNode p = createPort(net, "mac_address", "FA:16:3E:AA:BB:CC").expect(201).at("/port");
        assertThat(p.path("mac_address").asText()).isEqualTo("fa:16:3e:aa:bb:cc");
        createPort(net, "mac_address", "fa:16:3e:aa:bb:cc").expectError(409, "MacAddressInUse");
        // another network may use the same MAC
        createPort(createNetworkId("o"), "mac_address", "fa:16:3e:aa:bb:cc").expect(201);
        Set<String> macs = new HashSet<>();
        for (int i = 0; i < 10; i++) macs.add(createPort(net).expect(201).at("/port/mac_address").asText());
        assertThat(macs).hasSize(10).allSatisfy(m -> assertThat(m).matches(MAC));
    }

    @Test
    void updateFixedIps() {
        String net = createNetworkId("n");
        String sub = subnet(net, "10.27.0.0/24");
        String id = createPort(net).expect(201).text("/port/id");
        JsonNode u = api.put("/v2.0/ports/" + id, obj("port", obj("fixed_ips",
                arr(obj("ip_address", "10.27.0.10"), obj("subnet_id", sub, "ip_address", "10.27.0.11")))))
                .expect(200).at("/port");
        assertThat(ips(u)).containsExactlyInAnyOrder("10.27.0.10", "10.27.0.11");
        assertThat(u.path("revision_number").asInt()).isGreaterThan(1);
        String other = createPort(net).expect(201).text("/port/id");
        api.put("/v2.0/ports/" + other, obj("port", obj("fixed_ips", arr(obj("ip_address", "10.27.0.10")))))
                .expectError(409, "IpAddressAlreadyAllocated");
        JsonNode filtered = api.get("/v2.0/ports?fixed_ips=ip_address%3D10.27.0.11").expect(200).at("/ports");
        assertThat(ids(filtered)).containsExactly(id);
    }

    @Test
    void updatePortAttributes() {
        String net = createNetworkId("n");
        String id = createPort(net).expect(201).text("/port/id");
        JsonNode u = api.put("/v2.0/ports/" + id, obj("port", obj("name", "vm-port", "device_id", "vm-1",
                "device_owner", "compute:nova", "admin_state_up", false))).expect(200).at("/port");
        assertThat(u.path("name").asText()).isEqualTo("vm-port");
        assertThat(u.path("device_id").asText()).isEqualTo("vm-1");
        assertThat(u.path("device_owner").asText()).isEqualTo("compute:nova");
        assertThat(u.path("admin_state_up").asBoolean()).isFalse();
        JsonNode byDevice = api.get("/v2.0/ports?device_id=vm-1").expect(200).at("/ports");
        assertThat(ids(byDevice)).containsExactly(id);
        api.put("/v2.0/ports/" + id, obj("port", obj("network_id", createNetworkId("x")))).expectError(400, null);
        api.put("/v2.0/ports/" + id, obj("port", obj("status", "ACTIVE"))).expectError(400, null);
    }

    @Test
    void networkWithPortsCannotBeDeleted() {
        String net = createNetworkId("n");
        String sub = subnet(net, "10.28.0.0/24");
        String port = createPort(net).expect(201).text("/port/id");
        api.delete("/v2.0/networks/" + net).expectError(409, "NetworkInUse");
        api.delete("/v2.0/subnets/" + sub).expectError(409, "SubnetInUse");
        api.get("/v2.0/networks/" + net).expect(200);
        api.get("/v2.0/subnets/" + sub).expect(200);
        api.get("/v2.0/ports/" + port).expect(200);
        api.delete("/v2.0/ports/" + port).expect(204);
        api.get("/v2.0/ports/" + port).expectError(404, "PortNotFound");
        api.delete("/v2.0/subnets/" + sub).expect(204);
        api.delete("/v2.0/networks/" + net).expect(204);
    }

    @Test
    void networkOwnedPortsDoNotBlockDeletion() {
        String net = createNetworkId("n");
        subnet(net, "10.29.0.0/24");
        String dhcp = createPort(net, "device_owner", "network:dhcp").expect(201).text("/port/id");
        api.delete("/v2.0/networks/" + net).expect(204);
        api.get("/v2.0/ports/" + dhcp).expectError(404, "PortNotFound");
    }

    @Test
    void securityGroupInUseCannotBeDeleted() {
        String groups = SecurityGroupsTest.GROUPS;
        String sg = api.post(groups, obj("security_group", obj("name", "web"))).expect(201)
                .text("/security_group/id");
        String net = createNetworkId("n");
        JsonNode p = createPort(net, "security_groups", arr(sg)).expect(201).at("/port");
        assertThat(p.path("security_groups").get(0).asText()).isEqualTo(sg);
        assertThat(p.path("security_groups").size()).isEqualTo(1);
        api.delete(groups + "/" + sg).expectError(409, "SecurityGroupInUse");
        api.get(groups + "/" + sg).expect(200);
        api.put("/v2.0/ports/" + p.path("id").asText(), obj("port", obj("security_groups", arr()))).expect(200);
        api.delete(groups + "/" + sg).expect(204);
        createPort(net, "security_groups", arr("5d0a3ba0-0000-4000-8000-000000000000"))
                .expectError(404, "SecurityGroupNotFound");
    }

    @Test
    void portSecurityDisabledHasNoGroups() {
        String net = createNetworkId("n");
        JsonNode p = createPort(net, "port_security_enabled", false).expect(201).at("/port");
        assertThat(p.path("port_security_enabled").asBoolean()).isFalse();
        assertThat(p.path("security_groups").size()).isZero();
    }

    @Test
    void bulkPortsAreAllOrNothing() {
        String net = createNetworkId("n");
        subnet(net, "10.30.0.0/24");
        JsonNode ports = api.post("/v2.0/ports", obj("ports", arr(obj("network_id", net), obj("network_id", net))))
                .expect(201).at("/ports");
        assertThat(ports.size()).isEqualTo(2);
        assertThat(ips(ports.get(0))).doesNotContainAnyElementsOf(ips(ports.get(1)));
        api.post("/v2.0/ports", obj("ports", arr(obj("network_id", net, "fixed_ips",
                arr(obj("ip_address", "10.30.0.77"))), obj("network_id", net, "fixed_ips",
                arr(obj("ip_address", "10.30.0.77")))))).expectError(409, null);
        assertThat(portCount(net)).isEqualTo(2);
    }
}
