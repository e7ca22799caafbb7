package dev.neutrino.it;

import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security groups and rules (neutron/db/securitygroups_db.py, tempest test_security_groups[_negative]). */
class SecurityGroupsTest extends ApiTest {
    static final String GROUPS = "/v2.0/security-groups";
    static final String RULES = "/v2.0/security-group-rules";
    private final String groups = GROUPS;
    private final String rules = RULES;

    private JsonNode listGroups() {
        return api.get(groups + "?project_id=" + project).expect(200).at("/security_groups");
    }

    private JsonNode createGroup(String name) {
        return api.post(groups, obj("security_group", obj("name", name, "description", "d-" + name))).expect(201)
                .at("/security_group");
    }

    private Resp createRule(String sg, Object... kv) {
        Map<String, Object> rule = obj("security_group_id", sg, "direction", "ingress");
        rule.putAll(obj(kv));
        return api.post(rules, obj("security_group_rule", rule));
    }

    private JsonNode rulesOf(String sg) {
        return api.get(rules + "?security_group_id=" + sg).expect(200).at("/security_group_rules");
    }

    private static String key(JsonNode rule) {
        return rule.path("direction").asText() + "/" + rule.path("ethertype").asText();
    }

    @Test
    void listingCreatesTheDefaultGroupOnce() {
        JsonNode first = listGroups();
        assertThat(first.size()).isEqualTo(1);
        JsonNode sg = first.get(0);
        String id = sg.path("id").asText();
        assertThat(sg.path("name").asText()).isEqualTo("default");
        assertThat(sg.path("description").asText()).isEqualTo("Default security group");
        assertThat(sg.path("project_id").asText()).isEqualTo(project);
        assertThat(sg.path("tenant_id").asText()).isEqualTo(project);
        assertThat(sg.path("stateful").asBoolean()).isTrue();
        JsonNode embedded = sg.path("security_group_rules");
        assertThat(embedded.size()).isEqualTo(4);
        List<String> keys = new ArrayList<>();
        for (JsonNode r : embedded) {
            keys.add(key(r));
            assertThat(r.path("security_group_id").asText()).isEqualTo(id);
            assertThat(r.path("protocol").isNull()).isTrue();
            assertThat(r.path("port_range_min").isNull()).isTrue();
            assertThat(r.path("port_range_max").isNull()).isTrue();
            assertThat(r.path("remote_ip_prefix").isNull()).isTrue();
            assertThat(r.path("project_id").asText()).isEqualTo(project);
            if (r.path("direction").asText().equals("ingress")) {
                assertThat(r.path("remote_group_id").asText()).isEqualTo(id);
            } else {
                assertThat(r.path("remote_group_id").isNull()).isTrue();
            }
        }
        assertThat(keys).containsExactlyInAnyOrder("ingress/IPv4", "ingress/IPv6", "egress/IPv4", "egress/IPv6");
        assertThat(ids(rulesOf(id))).containsExactlyInAnyOrderElementsOf(ids(embedded));

        // listing again (also unfiltered) does not create a second one
        api.get(groups).expect(200);
        JsonNode second = listGroups();
        assertThat(ids(second)).containsExactly(id);
        JsonNode byName = api.get(groups + "?name=default&project_id=" + project).expect(200)
                .at("/security_groups");
        assertThat(ids(byName)).containsExactly(id);
    }

    @Test
    void adminListingAnotherProjectCreatesItsDefaultGroup() {
        // neutron: _ensure_default_security_group for the project_id/tenant_id filter
        String other = newProjectId();
        JsonNode theirs = api.get(groups + "?project_id=" + other).expect(200).at("/security_groups");
        assertThat(values(theirs, "name")).containsExactly("default");
        assertThat(values(theirs, "project_id")).containsExactly(other);
    }

    @Test
    void newGroupGetsTheTwoEgressRules() {
        JsonNode sg = createGroup("web");
        String id = sg.path("id").asText();
        assertThat(sg.path("name").asText()).isEqualTo("web");
        assertThat(sg.path("description").asText()).isEqualTo("d-web");
        assertThat(sg.path("project_id").asText()).isEqualTo(project);
        assertThat(sg.path("stateful").asBoolean()).isTrue();
        assertThat(sg.path("revision_number").isInt()).isTrue();
        assertThat(sg.path("created_at").asText()).matches(NetworksTest.TIMESTAMP);
        JsonNode embedded = sg.path("security_group_rules");
        List<String> keys = new ArrayList<>();
        for (JsonNode r : embedded) {
            keys.add(key(r));
            assertThat(r.path("remote_group_id").isNull()).isTrue();
            assertThat(r.path("remote_ip_prefix").isNull()).isTrue();
            assertThat(r.path("protocol").isNull()).isTrue();
        }
        assertThat(keys).containsExactlyInAnyOrder("egress/IPv4", "egress/IPv6");
        assertThat(rulesOf(id).size()).isEqualTo(2);
        // creating a group also gave the project its default group
        assertThat(values(listGroups(), "name")).containsExactlyInAnyOrder("default", "web");
        JsonNode shown = api.get(groups + "/" + id).expect(200).at("/security_group");
        assertThat(ids(shown.path("security_group_rules"))).containsExactlyInAnyOrderElementsOf(ids(embedded));
    }

    @Test
    void groupNamedDefaultIs409() {
        listGroups();
        api.post(groups, obj("security_group", obj("name", "default"))).expectError(409,
                "SecurityGroupDefaultAlreadyExists");
        String other = createGroup("other").path("id").asText();
        api.put(groups + "/" + other, obj("security_group", obj("name", "default"))).expectError(409, null);
        assertThat(values(listGroups(), "name")).containsExactlyInAnyOrder("default", "other");
    }

    @Test
    void updateAndDeleteGroup() {
        String id = createGroup("old").path("id").asText();
        JsonNode u = api.put(groups + "/" + id, obj("security_group", obj("name", "new", "description", "x")))
                .expect(200).at("/security_group");
        assertThat(u.path("name").asText()).isEqualTo("new");
        assertThat(u.path("description").asText()).isEqualTo("x");
        List<String> ruleIds = ids(rulesOf(id));
        api.delete(groups + "/" + id).expect(204);
        api.get(groups + "/" + id).expectError(404, "SecurityGroupNotFound");
        for (String r : ruleIds) api.get(rules + "/" + r).expectError(404, "SecurityGroupRuleNotFound");
        api.delete(groups + "/" + id).expectError(404, "SecurityGroupNotFound");
    }

    @Test
    void rulesByProtocolName() {
        String sg = createGroup("g").path("id").asText();
        JsonNode tcp = createRule(sg, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22)
                .expect(201).at("/security_group_rule");
        assertThat(tcp.path("protocol").asText()).isEqualTo("tcp");
        assertThat(tcp.path("port_range_min").asInt()).isEqualTo(22);
        assertThat(tcp.path("port_range_max").asInt()).isEqualTo(22);
        assertThat(tcp.path("direction").asText()).isEqualTo("ingress");
        assertThat(tcp.path("ethertype").asText()).isEqualTo("IPv4");
        assertThat(tcp.path("security_group_id").asText()).isEqualTo(sg);
        assertThat(tcp.path("project_id").asText()).isEqualTo(project);
        assertThat(tcp.path("remote_ip_prefix").isNull()).isTrue();
        assertThat(tcp.path("remote_group_id").isNull()).isTrue();
        JsonNode udp = createRule(sg, "protocol", "UDP", "port_range_min", 53, "port_range_max", 54)
                .expect(201).at("/security_group_rule");
        assertThat(udp.path("protocol").asText()).isEqualTo("udp");
        JsonNode icmp = createRule(sg, "protocol", "icmp", "port_range_min", 8, "port_range_max", 0)
                .expect(201).at("/security_group_rule");
        assertThat(icmp.path("port_range_min").asInt()).isEqualTo(8);
        assertThat(icmp.path("port_range_max").asInt()).isEqualTo(0);
        JsonNode v6 = createRule(sg, "protocol", "ipv6-icmp", "ethertype", "IPv6").expect(201)
                .at("/security_group_rule");
        assertThat(v6.path("ethertype").asText()).isEqualTo("IPv6");
        // the group shows its new rules
        JsonNode shown = api.get(groups + "/" + sg).expect(200).at("/security_group/security_group_rules");
        assertThat(ids(shown)).contains(tcp.path("id").asText(), udp.path("id").asText(),
                icmp.path("id").asText(), v6.path("id").asText()).hasSize(6);
    }

    @Test
    void rulesByProtocolNumber() {
        String sg = createGroup("g").path("id").asText();
        JsonNode six = createRule(sg, "protocol", "6", "port_range_min", 80, "port_range_max", 81).expect(201)
                .at("/security_group_rule");
        assertThat(six.path("protocol").asText()).isEqualTo("6");
        JsonNode gre = createRule(sg, "protocol", 47).expect(201).at("/security_group_rule");
        assertThat(gre.path("protocol").asText()).isEqualTo("47");
        JsonNode any = createRule(sg, "protocol", "132", "ethertype", "IPv6").expect(201)
                .at("/security_group_rule");
        assertThat(any.path("protocol").asText()).isEqualTo("132");
        JsonNode byFilter = api.get(rules + "?security_group_id=" + sg + "&protocol=6").expect(200)
                .at("/security_group_rules");
        assertThat(ids(byFilter)).containsExactly(six.path("id").asText());
    }

    @Test
    void invalidProtocolIs400() {
        String sg = createGroup("g").path("id").asText();
        for (Object p : new Object[] {"foo", "256", -1, "tcpx"}) {
            createRule(sg, "protocol", p).expectError(400, null);
        }
        assertThat(rulesOf(sg).size()).isEqualTo(2);
    }

    @Test
    void portRangeChecks() {
        String sg = createGroup("g").path("id").asText();
        createRule(sg, "protocol", "tcp", "port_range_min", 90, "port_range_max", 80)
                .expectError(400, "SecurityGroupInvalidPortRange");
        createRule(sg, "protocol", "udp", "port_range_min", 0, "port_range_max", 10).expectError(400, null);
        createRule(sg, "port_range_min", 80, "port_range_max", 80)
                .expectError(400, "SecurityGroupProtocolRequiredWithPorts");
        createRule(sg, "protocol", "tcp", "port_range_min", 70000, "port_range_max", 70000)
                .expectError(400, null);
        createRule(sg, "protocol", "icmp", "port_range_min", 256).expectError(400, null);
        assertThat(createRule(sg, "protocol", "icmp", "port_range_min", 1, "port_range_max", 256)
                .expectError(400, "SecurityGroupInvalidIcmpValue").text("/NeutronError/message"))
                .isEqualTo("Invalid value for ICMP code (port_range_max) 256. It must be 0 to 255.");
        createRule(sg, "protocol", "icmp", "port_range_max", 1).expectError(400, null);
        createRule(sg, "protocol", "tcp", "port_range_min", "abc", "port_range_max", 1).expectError(400, null);
        assertThat(rulesOf(sg).size()).isEqualTo(2);
        // a single port, and the whole range
        createRule(sg, "protocol", "tcp", "port_range_min", 443, "port_range_max", 443).expect(201);
        createRule(sg, "protocol", "tcp", "port_range_min", "1000", "port_range_max", "2000").expect(201);
    }

    @Test
    void portsOnlyForProtocolsWithPorts() {
        // neutron: SecurityGroupInvalidProtocolForPort for e.g. gre with a port range
        String sg = createGroup("g").path("id").asText();
        createRule(sg, "protocol", "gre", "port_range_min", 1, "port_range_max", 2).expectError(400, null);
        assertThat(rulesOf(sg).size()).isEqualTo(2);
    }

    @Test
    void wholePortRangeIsStoredAsNoRange() {
        // neutron _make_canonical_port_range: 1-65535 becomes None/None
        String sg = createGroup("g").path("id").asText();
        JsonNode all = createRule(sg, "protocol", "tcp", "port_range_min", 1, "port_range_max", 65535).expect(201)
                .at("/security_group_rule");
        assertThat(all.path("port_range_min").isNull()).isTrue();
        assertThat(all.path("port_range_max").isNull()).isTrue();
    }

    @Test
    void remoteIpPrefixGetsAMask() {
        String sg = createGroup("g").path("id").asText();
        JsonNode host = createRule(sg, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22,
                "remote_ip_prefix", "10.1.2.3").expect(201).at("/security_group_rule");
        assertThat(host.path("remote_ip_prefix").asText()).isEqualTo("10.1.2.3/32");
        JsonNode net = createRule(sg, "remote_ip_prefix", "192.168.0.0/16").expect(201).at("/security_group_rule");
        assertThat(net.path("remote_ip_prefix").asText()).isEqualTo("192.168.0.0/16");
        JsonNode v6 = createRule(sg, "ethertype", "IPv6", "remote_ip_prefix", "2001:DB8::/32").expect(201)
                .at("/security_group_rule");
        assertThat(v6.path("remote_ip_prefix").asText()).isEqualTo("2001:db8::/32");
        JsonNode v6host = createRule(sg, "ethertype", "IPv6", "remote_ip_prefix", "2001:db8::1").expect(201)
                .at("/security_group_rule");
        assertThat(v6host.path("remote_ip_prefix").asText()).isEqualTo("2001:db8::1/128");
    }

    @Test
    void remoteIpPrefixKeepsHostBitsAndReportsNormalizedCidr() {
        // neutron keeps the prefix as given (AuthenticIPNetwork) and adds normalized_cidr
        // (security-groups-normalized-cidr, supported by ML2 in Zed)
        String sg = createGroup("g").path("id").asText();
        JsonNode r = createRule(sg, "remote_ip_prefix", "10.0.0.5/24").expect(201).at("/security_group_rule");
        assertThat(r.path("remote_ip_prefix").asText()).isEqualTo("10.0.0.5/24");
        assertThat(r.path("normalized_cidr").asText()).isEqualTo("10.0.0.0/24");
    }

    @Test
    void remoteIpPrefixMustMatchEthertype() {
        String sg = createGroup("g").path("id").asText();
        createRule(sg, "ethertype", "IPv6", "remote_ip_prefix", "10.0.0.0/8")
                .expectError(400, "SecurityGroupRuleParameterConflict");
        createRule(sg, "ethertype", "IPv4", "remote_ip_prefix", "2001:db8::/32")
                .expectError(400, "SecurityGroupRuleParameterConflict");
        createRule(sg, "remote_ip_prefix", "not-a-cidr").expectError(400, null);
        createRule(sg, "ethertype", "IPv5").expectError(400, null);
        createRule(sg, "direction", "sideways").expectError(400, null);
        assertThat(rulesOf(sg).size()).isEqualTo(2);
    }

    @Test
    void ethertypeIsCaseInsensitive() {
        String sg = createGroup("g").path("id").asText();
        JsonNode r = createRule(sg, "ethertype", "ipv6", "protocol", "tcp", "port_range_min", 1,
                "port_range_max", 2).expect(201).at("/security_group_rule");
        assertThat(r.path("ethertype").asText()).isEqualTo("IPv6");
    }

    @Test
    void remoteGroup() {
        String a = createGroup("a").path("id").asText();
        String b = createGroup("b").path("id").asText();
        JsonNode r = createRule(a, "remote_group_id", b, "protocol", "tcp", "port_range_min", 5432,
                "port_range_max", 5432).expect(201).at("/security_group_rule");
        assertThat(r.path("remote_group_id").asText()).isEqualTo(b);
        assertThat(r.path("remote_ip_prefix").isNull()).isTrue();
        createRule(a, "remote_group_id", "5d0a3ba0-0000-4000-8000-000000000000").expectError(404,
                "SecurityGroupNotFound");
        createRule(a, "remote_group_id", b, "remote_ip_prefix", "10.0.0.0/8").expectError(400, null);
        // deleting the remote group removes the rules that point at it
        api.delete(groups + "/" + b).expect(204);
        api.get(rules + "/" + r.path("id").asText()).expectError(404, "SecurityGroupRuleNotFound");
        assertThat(rulesOf(a).size()).isEqualTo(2);
    }

    @Test
    void ruleForMissingGroupIs404() {
        createRule("5d0a3ba0-0000-4000-8000-000000000000").expectError(404, "SecurityGroupNotFound");
        api.post(rules, obj("security_group_rule", obj("direction", "ingress"))).expectError(400, null);
    }

    @Test
    void duplicateRuleIs409() {
        String sg = createGroup("g").path("id").asText();
        String first = createRule(sg, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22,
                "remote_ip_prefix", "10.0.0.0/8").expect(201).text("/security_group_rule/id");
        Resp dup = createRule(sg, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22,
                "remote_ip_prefix", "10.0.0.0/8").expectError(409, "SecurityGroupRuleExists");
        assertThat(dup.errorMessage()).contains(first);
        // the default egress rules count too
        api.post(rules, obj("security_group_rule", obj("security_group_id", sg, "direction", "egress",
                "ethertype", "IPv6"))).expectError(409, "SecurityGroupRuleExists");
        // a different direction or port is no duplicate
        createRule(sg, "protocol", "tcp", "port_range_min", 22, "port_range_max", 23,
                "remote_ip_prefix", "10.0.0.0/8").expect(201);
        assertThat(rulesOf(sg).size()).isEqualTo(4);
    }

    @Test
    void duplicateRuleIs409ForEquivalentValues() {
        // neutron _rule_to_key: protocol name and number are the same, 0.0.0.0/0 is the same as no prefix
        String sg = createGroup("g").path("id").asText();
        createRule(sg, "protocol", "tcp", "port_range_min", 22, "port_range_max", 22).expect(201);
        createRule(sg, "protocol", "6", "port_range_min", 22, "port_range_max", 22)
                .expectError(409, "SecurityGroupRuleExists");
        api.post(rules, obj("security_group_rule", obj("security_group_id", sg, "direction", "egress",
                "remote_ip_prefix", "0.0.0.0/0"))).expectError(409, "SecurityGroupRuleExists");
        assertThat(rulesOf(sg).size()).isEqualTo(3);
    }

    @Test
    void rulesCannotBeUpdatedButDeleted() {
        String sg = createGroup("g").path("id").asText();
        String r = createRule(sg, "protocol", "tcp", "port_range_min", 1, "port_range_max", 2).expect(201)
                .text("/security_group_rule/id");
        api.put(rules + "/" + r, obj("security_group_rule", obj("port_range_max", 3))).expectError(400, null);
        api.delete(rules + "/" + r).expect(204);
        api.get(rules + "/" + r).expectError(404, "SecurityGroupRuleNotFound");
        api.delete(rules + "/" + r).expectError(404, "SecurityGroupRuleNotFound");
    }

    @Test
    void rulesBumpTheirGroupsRevision() {
        JsonNode sg = createGroup("rev");
        String id = sg.path("id").asText();
        long created = sg.path("revision_number").asLong();
        String rule = createRule(id, "direction", "ingress", "protocol", "tcp", "port_range_min", 60,
                "port_range_max", 70).expect(201).text("/security_group_rule/id");
        long afterAdd = api.get("/v2.0/security-groups/" + id).expect(200).at("/security_group/revision_number").asLong();
        assertThat(afterAdd).isGreaterThan(created);
        api.delete("/v2.0/security-group-rules/" + rule).expect(204);
        assertThat(api.get("/v2.0/security-groups/" + id).expect(200).at("/security_group/revision_number").asLong())
                .isGreaterThan(afterAdd);
    }

    @Test
    void bulkItemsMayRepeatTheResourceKey() {
        // neutron's prepare_request_body takes {"security_groups": [{"security_group": {...}}, ...]} too
        JsonNode created = api.post("/v2.0/security-groups", obj("security_groups", J.arr(
                obj("security_group", obj("name", "bulk-a")), obj("name", "bulk-b")))).expect(201)
                .at("/security_groups");
        assertThat(values(created, "name")).containsExactly("bulk-a", "bulk-b");
    }

    @Test
    void ipv6ProtocolNumbersNeedIpv6() {
        String sg = createGroup("v6only").path("id").asText();
        for (int proto : new int[] {41, 43, 44, 58, 59, 60}) {
            createRule(sg, "direction", "ingress", "protocol", proto, "ethertype", "IPv4")
                    .expectError(400, "SecurityGroupEthertypeConflictWithProtocol");
            createRule(sg, "direction", "ingress", "protocol", proto, "ethertype", "IPv6").expect(201);
        }
    }
}
