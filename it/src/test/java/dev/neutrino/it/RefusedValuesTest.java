package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values Neutron refuses with a 400 that were a 500 or were taken: null for attributes with a fixed
 * set of values, numbers that are no booleans, a string for a list, host routes with host bits,
 * timestamps that are not, project ids no Keystone makes, quota flags that are no booleans.
 */
class RefusedValuesTest extends ApiTest {

    private String securityGroup() {
        return api.post("/v2.0/security-groups", obj("security_group", obj("name", "sg"))).expect(201)
                .text("/security_group/id");
    }

    @Test
    void nullIsNotInAFixedSetOfValues() {
        String sg = securityGroup();
        for (String attr : List.of("ethertype", "direction")) {
            Map<String, Object> rule = obj("security_group_id", sg, "direction", "ingress", "ethertype", "IPv4");
            rule.put(attr, null);
            api.post("/v2.0/security-group-rules", obj("security_group_rule", rule)).expectError(400, "HTTPBadRequest");
        }
        String net = createNetworkId("rbac");
        for (String attr : List.of("object_type", "action")) {
            Map<String, Object> policy = obj("object_type", "network", "object_id", net, "action", "access_as_shared",
                    "target_tenant", "other");
            policy.put(attr, null);
            // object_type's converter raises InvalidInput (neutron-server 21 answers 500 to a null one);
            // action's validator refuses None (neutron-server 21: HTTPBadRequest)
            api.post("/v2.0/rbac-policies", obj("rbac_policy", policy))
                    .expectError(400, attr.equals("object_type") ? "InvalidInput" : "HTTPBadRequest");
        }
        api.post("/v2.0/ports", obj("port", obj("network_id", net, "binding:vnic_type", null)))
                .expectError(400, "HTTPBadRequest");
        String port = api.post("/v2.0/ports", obj("port", obj("network_id", net))).expect(201).text("/port/id");
        Resp r = api.put("/v2.0/ports/" + port, obj("port", obj("binding:vnic_type", null)))
                .expectError(400, "HTTPBadRequest");
        assertThat(r.errorMessage()).startsWith("Invalid input for binding:vnic_type. Reason: 'None' is not in "
                + "['normal', 'direct', ");
        assertThat(api.get("/v2.0/ports/" + port).expect(200).text("/port/binding:vnic_type")).isEqualTo("normal");
        assertThat(api.get("/v2.0/rbac-policies?object_id=" + net).expect(200).at("/rbac_policies")).isEmpty();
    }

    @Test
    void onlyWhatConvertToBooleanTakesIsABoolean() {
        for (String bad : List.of("1180591620717411303424", "1e400", "1.0", "2", "-1", "\"x\"", "\"\"", "[]", "{}")) {
            // neutron-lib's converters raise InvalidInput (neutron-server 21: "'2' cannot be converted to boolean.")
            api.post("/v2.0/networks", "{\"network\": {\"name\": \"b\", \"admin_state_up\": " + bad + "}}")
                    .expectError(400, "InvalidInput");
        }
        assertThat(api.get("/v2.0/networks?project_id=" + project).expect(200).at("/networks")).isEmpty();
        for (String good : List.of("0", "\"f\"", "\"No\"", "false")) {
            Resp r = api.post("/v2.0/networks", "{\"network\": {\"admin_state_up\": " + good + "}}").expect(201);
            assertThat(r.at("/network/admin_state_up").asBoolean(true)).as(good).isFalse();
        }
        for (String good : List.of("1", "\"t\"", "\"YES\"", "true")) {
            Resp r = api.post("/v2.0/networks", "{\"network\": {\"admin_state_up\": " + good + "}}").expect(201);
            assertThat(r.at("/network/admin_state_up").asBoolean(false)).as(good).isTrue();
        }
    }

    @Test
    void nameserversAreAListAndHostRoutesHaveNoHostBits() {
        String net = createNetworkId("routes");
        Map<String, Object> base = obj("network_id", net, "ip_version", 4, "cidr", "10.30.0.0/24");
        for (Object dns : List.of("8.8.8.8", 8, obj("a", "8.8.8.8"), arr("8.8.8.8", "8.8.8.8"), arr("x"))) {
            Map<String, Object> s = new java.util.LinkedHashMap<>(base);
            s.put("dns_nameservers", dns);
            api.post("/v2.0/subnets", obj("subnet", s)).expectError(400, "HTTPBadRequest");
        }
        for (Object route : List.of(obj("destination", "10.40.0.1/24", "nexthop", "10.30.0.2"),
                obj("destination", "127.0.0.0/8", "nexthop", "10.30.0.2"),
                obj("destination", "10.40.0.0/24", "nexthop", "10.30.0.2", "x", 1),
                obj("destination", "10.40.0.0/24"), "10.40.0.0/24")) {
            Map<String, Object> s = new java.util.LinkedHashMap<>(base);
            s.put("host_routes", arr(route));
            Resp r = api.post("/v2.0/subnets", obj("subnet", s)).expectError(400, "HTTPBadRequest");
            if (route instanceof Map<?, ?> m && "10.40.0.1/24".equals(m.get("destination"))) {
                assertThat(r.errorMessage()).isEqualTo("Invalid input for host_routes. Reason: '10.40.0.1/24' is not "
                        + "a recognized CIDR, '10.40.0.0/24' is recommended.");
            }
        }
        assertThat(api.get("/v2.0/subnets?network_id=" + net).expect(200).at("/subnets")).isEmpty();
        String subnet = api.post("/v2.0/subnets", obj("subnet", base)).expect(201).text("/subnet/id");
        api.put("/v2.0/subnets/" + subnet, obj("subnet", obj("dns_nameservers", "8.8.8.8")))
                .expectError(400, "HTTPBadRequest");
        api.put("/v2.0/subnets/" + subnet, obj("subnet", obj("host_routes",
                arr(obj("destination", "10.40.0.1/24", "nexthop", "10.30.0.2"))))).expectError(400, "HTTPBadRequest");
        api.put("/v2.0/subnets/" + subnet, obj("subnet", obj("dns_nameservers", null, "host_routes", null)))
                .expect(200);
    }

    @Test
    void aTimestampFilterMustBeATimestamp() {
        String net = createNetworkId("stamped");
        for (String collection : List.of("networks", "ports", "subnets", "security-groups", "routers", "floatingips",
                "subnetpools", "address-scopes", "rbac-policies", "security-group-rules", "segments")) {
            for (String filter : List.of("created_at=garbage", "updated_at=2020-13-45T99:99:99Z", "created_at=",
                    "updated_at=1")) {
                api.get("/v2.0/" + collection + "?" + filter).expectError(400, "HTTPBadRequest");
            }
        }
        String created = api.get("/v2.0/networks/" + net).expect(200).text("/network/created_at");
        assertThat(ids(api.get("/v2.0/networks?project_id=" + project + "&created_at=" + created).expect(200)
                .at("/networks"))).containsExactly(net);
        assertThat(ids(api.get("/v2.0/networks?project_id=" + project + "&created_at=2001-01-01T00:00:00Z")
                .expect(200).at("/networks"))).isEmpty();
    }

    @Test
    void projectIdsNoKeystoneMakesAreRefused() {
        int groups = api.get("/v2.0/security-groups?fields=id").expect(200).at("/security_groups").size();
        for (String bad : List.of("p".repeat(1024), "p".repeat(256), "a b", "<script>", "x/y", "é")) {
            api.as(bad).get("/v2.0/ports").expectError(400, "HTTPBadRequest");
            api.as(bad).get("/v2.0/security-groups").expectError(400, "HTTPBadRequest");
        }
        assertThat(api.get("/v2.0/security-groups?fields=id").expect(200).at("/security_groups")).hasSize(groups);
        // empty is no project: the default one, as Neutron's noauth gives a fake one
        api.send("GET", "/v2.0/networks", null, Map.of("X-Project-Id", "")).expect(200);
        assertThat(api.as("p".repeat(255)).get("/v2.0/networks").status()).isEqualTo(200);
        for (String path : List.of("/v2.0/quotas/" + "q".repeat(300), "/v2.0/quotas/a%20b",
                "/v2.0/quotas/" + "q".repeat(300) + "/details")) {
            api.get(path).expectError(400, "HTTPBadRequest");
        }
        api.put("/v2.0/quotas/" + "q".repeat(300), obj("quota", obj("network", 5))).expectError(400, "HTTPBadRequest");
        assertThat(api.get("/v2.0/quotas").expect(200).at("/quotas").toString()).doesNotContain("qqqqqqqq");
    }

    @Test
    void quotaFlagsAreBooleans() {
        for (String flag : List.of("check_limit", "force")) {
            api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 5, flag, "x")))
                    .expectError(400, "HTTPBadRequest");
            api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 5, flag, 2)))
                    .expectError(400, "HTTPBadRequest");
        }
        assertThat(api.get("/v2.0/quotas/" + project).expect(200).at("/quota/network").asInt()).isEqualTo(100);
        createNetwork("one");
        createNetwork("two");
        Resp below = api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 1, "check_limit", "true")))
                .expectError(400, "HTTPBadRequest");
        // quota-check-limit, neutron-server 21's message
        assertThat(below.errorMessage()).isEqualTo("Quota limit 1 for network must be greater than or equal to "
                + "already used 2");
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", -1, "check_limit", true))).expect(200);
        api.put("/v2.0/quotas/" + project, obj("quota", obj("network", 1, "check_limit", false))).expect(200);
    }
}
