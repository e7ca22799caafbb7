package dev.neutrino.ext.qos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import dev.neutrino.ml2.CommittedChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The qos family as Neutron Zed's QoS plugin with ML2/OVN answers it, on H2. */
class QosApiTest extends QosHarness {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");
    static final RequestContext BOB = RequestContext.member("bob", "project-b");

    final List<CommittedChange> feed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        h.app().onChange(feed::add);
    }

    static Map<String, Object> body(String key, Object... kv) {
        Map<String, Object> inner = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) inner.put((String) kv[i], kv[i + 1]);
        return Map.of(key, inner);
    }

    @Test
    void theFamilyIsAdvertisedOnlyWithTheQosExtensionDriver() {
        List<Map<String, Object>> ext = h.call(ADMIN, "GET", "/v2.0/extensions", null).list("extensions");
        assertThat(ext).extracting(e -> e.get("alias")).contains("qos", "qos-bw-limit-direction", "qos-default",
                "qos-rule-type-details", "qos-rules-alias", "qos-port-network-policy");
        try (ApiHarness without = new ApiHarness()) {
            assertThat(without.call(ADMIN, "GET", "/v2.0/extensions", null).list("extensions"))
                    .extracting(e -> e.get("alias")).doesNotContain("qos", "qos-default");
            assertThat(without.call(ADMIN, "GET", "/v2.0/qos/policies", null).status()).isEqualTo(404);
        }
    }

    @Test
    void aPolicyIsShownWithItsRulesAndItsRulesAreSubResources() {
        String id = policy("name", "gold", "project_id", "project-a", "description", "d");
        ApiHarness.Result shown = admin("GET", "/v2.0/qos/policies/" + id, null);
        assertThat(shown.get("policy")).containsEntry("name", "gold").containsEntry("shared", false)
                .containsEntry("is_default", false).containsEntry("project_id", "project-a")
                .containsEntry("tenant_id", "project-a").containsEntry("rules", List.of())
                .containsKeys("tags", "revision_number", "created_at", "description");
        assertThat(admin("PUT", "/v2.0/qos/policies/" + id + "/tags/red", null).status()).isIn(200, 201);
        shown = admin("GET", "/v2.0/qos/policies/" + id, null);
        assertThat(shown.get("policy")).containsEntry("tags", List.of("red"));
        assertThat(h.call(ADMIN, "GET", "/v2.0/qos/policies", Map.of("tags", List.of("red")), null).list("policies"))
                .extracting(p -> p.get("id")).containsExactly(id);
        long rev = ((Number) shown.get("policy").get("revision_number")).longValue();

        ApiHarness.Result bw = admin("POST", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules",
                body("bandwidth_limit_rule", "max_kbps", "10000"));
        assertThat(bw.status()).as("%s", bw.body()).isEqualTo(201);
        String bwId = (String) bw.get("bandwidth_limit_rule").get("id");
        assertThat(bw.get("bandwidth_limit_rule")).isEqualTo(Map.of("id", bwId, "max_kbps", 10000,
                "max_burst_kbps", 0, "direction", "egress"));
        ApiHarness.Result dscp = admin("POST", "/v2.0/qos/policies/" + id + "/dscp_marking_rules",
                body("dscp_marking_rule", "dscp_mark", 26));
        assertThat(dscp.status()).isEqualTo(201);
        ApiHarness.Result min = admin("POST", "/v2.0/qos/policies/" + id + "/minimum_bandwidth_rules",
                body("minimum_bandwidth_rule", "min_kbps", 1000));
        assertThat(min.status()).isEqualTo(201);
        assertThat(min.get("minimum_bandwidth_rule")).containsEntry("direction", "egress");

        Map<String, Object> p = admin("GET", "/v2.0/qos/policies/" + id, null).get("policy");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) p.get("rules");
        assertThat(rules).extracting(r -> r.get("type")).containsExactly("bandwidth_limit", "dscp_marking",
                "minimum_bandwidth");
        assertThat(rules.get(0)).containsEntry("qos_policy_id", id).containsEntry("max_kbps", 10000);
        assertThat(((Number) p.get("revision_number")).longValue()).as("a rule change is the policy's").isEqualTo(rev + 3);
        assertThat(feed).anyMatch(c -> c.resource().equals("policy") && c.id().equals(id));

        assertThat(admin("GET", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules", null)
                .list("bandwidth_limit_rules")).hasSize(1);
        assertThat(admin("GET", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules/" + bwId, null)
                .get("bandwidth_limit_rule")).containsEntry("max_kbps", 10000);
        ApiHarness.Result up = admin("PUT", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules/" + bwId,
                body("bandwidth_limit_rule", "max_kbps", 2000, "max_burst_kbps", 200));
        assertThat(up.get("bandwidth_limit_rule")).containsEntry("max_kbps", 2000).containsEntry("max_burst_kbps", 200);
        assertThat(admin("GET", "/v2.0/qos/policies/" + id + "/dscp_marking_rules/" + bwId, null).errorType())
                .as("a rule of another type").isEqualTo("QosRuleNotFound");
        assertThat(admin("DELETE", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules/" + bwId, null).status())
                .isEqualTo(204);
        assertThat(admin("GET", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules", null)
                .list("bandwidth_limit_rules")).isEmpty();
        assertThat(admin("DELETE", "/v2.0/qos/policies/" + id, null).status()).isEqualTo(204);
        assertThat(admin("GET", "/v2.0/qos/policies/" + id + "/dscp_marking_rules", null).errorType())
                .isEqualTo("QosPolicyNotFound");
    }

    @Test
    void rulesAreValidatedAndConflictsAre409() {
        String id = policy("name", "p");
        String rules = "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules";
        assertThat(admin("POST", rules, body("bandwidth_limit_rule", "max_kbps", -1)).status()).isEqualTo(400);
        assertThat(admin("POST", rules, body("bandwidth_limit_rule", "max_kbps", 1, "direction", "up")).status())
                .isEqualTo(400);
        assertThat(admin("POST", rules, body("bandwidth_limit_rule", "max_burst_kbps", 1)).status()).isEqualTo(400);
        assertThat(admin("POST", rules, body("bandwidth_limit_rule", "max_kbps", 1, "dscp_mark", 8)).status())
                .isEqualTo(400);
        assertThat(admin("POST", "/v2.0/qos/policies/" + id + "/dscp_marking_rules",
                body("dscp_marking_rule", "dscp_mark", 7)).status()).isEqualTo(400);

        assertThat(admin("POST", rules, body("bandwidth_limit_rule", "max_kbps", 1000)).status()).isEqualTo(201);
        assertThat(admin("POST", rules, body("bandwidth_limit_rule", "max_kbps", 2000)).errorType())
                .isEqualTo("QoSRulesConflict");
        ApiHarness.Result ingress = admin("POST", rules, body("bandwidth_limit_rule", "max_kbps", 3000,
                "direction", "ingress"));
        assertThat(ingress.status()).as("another direction").isEqualTo(201);
        String ingressId = (String) ingress.get("bandwidth_limit_rule").get("id");
        assertThat(admin("PUT", rules + "/" + ingressId, body("bandwidth_limit_rule", "direction", "egress"))
                .errorType()).isEqualTo("QoSRulesConflict");
        assertThat(admin("POST", "/v2.0/qos/policies/" + id + "/minimum_bandwidth_rules",
                body("minimum_bandwidth_rule", "min_kbps", 5000)).errorType()).isEqualTo("QoSRuleParameterConflict");
        assertThat(admin("POST", "/v2.0/qos/policies/" + id + "/dscp_marking_rules",
                body("dscp_marking_rule", "dscp_mark", 0)).status()).isEqualTo(201);
        assertThat(admin("POST", "/v2.0/qos/policies/" + id + "/dscp_marking_rules",
                body("dscp_marking_rule", "dscp_mark", 8)).errorType()).isEqualTo("QoSRulesConflict");
    }

    @Test
    void aPolicyInUseCannotBeDeletedAndPortsAndNetworksTakeVisiblePoliciesOnly() {
        String pa = policy("name", "a", "project_id", "project-a");
        String pb = policy("name", "b", "project_id", "project-b");
        String shared = policy("name", "s", "project_id", "project-b", "shared", true);
        ApiHarness.Result net = h.call(ALICE, "POST", "/v2.0/networks", body("network", "name", "n",
                "qos_policy_id", pa));
        assertThat(net.status()).as("%s", net.body()).isEqualTo(201);
        assertThat(net.get("network")).containsEntry("qos_policy_id", pa);
        String netId = (String) net.get("network").get("id");
        assertThat(h.call(ALICE, "POST", "/v2.0/networks", body("network", "qos_policy_id", pb)).errorType())
                .isEqualTo("QosPolicyNotFound");
        ApiHarness.Result port = h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", netId,
                "qos_policy_id", shared));
        assertThat(port.status()).as("%s", port.body()).isEqualTo(201);
        assertThat(port.get("port")).containsEntry("qos_policy_id", shared).containsEntry("qos_network_policy_id", pa);
        assertThat(h.call(ALICE, "GET", "/v2.0/ports", null).list("ports")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("qos_network_policy_id", pa));
        assertThat(h.call(ALICE, "PUT", "/v2.0/ports/" + port.get("port").get("id"),
                body("port", "qos_network_policy_id", pb)).status()).as("read-only").isEqualTo(400);
        String portId = (String) port.get("port").get("id");
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies", null).list("policies"))
                .extracting(p -> p.get("name")).containsExactlyInAnyOrder("a", "s");

        ApiHarness.Result inUse = admin("DELETE", "/v2.0/qos/policies/" + pa, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.errorType()).isEqualTo("QosPolicyInUse");
        assertThat((String) inUse.get("NeutronError").get("message")).isEqualTo("QoS Policy " + pa
                + " is used by network " + netId + ".");
        assertThat(admin("DELETE", "/v2.0/qos/policies/" + shared, null).errorType()).isEqualTo("QosPolicyInUse");
        assertThat(h.call(ALICE, "PUT", "/v2.0/ports/" + portId, body("port", "qos_policy_id", null)).status())
                .isEqualTo(200);
        assertThat(admin("DELETE", "/v2.0/qos/policies/" + shared, null).status()).isEqualTo(204);
        assertThat(h.call(ALICE, "PUT", "/v2.0/networks/" + netId, body("network", "qos_policy_id", pb)).errorType())
                .isEqualTo("QosPolicyNotFound");
    }

    @Test
    void oneDefaultPerProjectAndNewNetworksGetIt() {
        String d = policy("name", "d", "project_id", "project-a", "is_default", true);
        assertThat(admin("POST", "/v2.0/qos/policies", body("policy", "name", "d2", "project_id", "project-a",
                "is_default", true)).errorType()).isEqualTo("QoSPolicyDefaultAlreadyExists");
        String other = policy("name", "o", "project_id", "project-a");
        assertThat(admin("PUT", "/v2.0/qos/policies/" + other, body("policy", "is_default", true)).status())
                .isEqualTo(409);
        assertThat(h.call(ALICE, "POST", "/v2.0/networks", body("network", "name", "n")).get("network"))
                .containsEntry("qos_policy_id", d);
        assertThat(h.call(BOB, "POST", "/v2.0/networks", body("network", "name", "n")).get("network"))
                .containsEntry("qos_policy_id", null);
    }

    @Test
    void onlyAdminsWritePoliciesAndRules() {
        String id = policy("name", "p", "project_id", "project-a");
        assertThat(h.call(ALICE, "POST", "/v2.0/qos/policies", body("policy", "name", "x")).status()).isEqualTo(403);
        assertThat(h.call(ALICE, "POST", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules",
                body("bandwidth_limit_rule", "max_kbps", 1)).status()).isEqualTo(403);
        String rule = (String) admin("POST", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules",
                body("bandwidth_limit_rule", "max_kbps", 1)).get("bandwidth_limit_rule").get("id");
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules/" + rule, null)
                .status()).isEqualTo(200);
        assertThat(h.call(ALICE, "DELETE", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules/" + rule, null)
                .status()).isEqualTo(403);
        assertThat(h.call(BOB, "GET", "/v2.0/qos/policies/" + id + "/bandwidth_limit_rules/" + rule, null)
                .errorType()).isEqualTo("QosPolicyNotFound");
    }

    @Test
    void ruleTypesAreOvnsAndDetailsAreForAdmins() {
        assertThat(admin("GET", "/v2.0/qos/rule-types", null).list("rule_types")).extracting(t -> t.get("type"))
                .containsExactly("bandwidth_limit", "dscp_marking", "minimum_bandwidth");
        Map<String, Object> bw = admin("GET", "/v2.0/qos/rule-types/bandwidth_limit", null).get("rule_type");
        assertThat(bw).containsEntry("type", "bandwidth_limit");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drivers = (List<Map<String, Object>>) bw.get("drivers");
        assertThat(drivers).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("name", "OVNQosDriver");
            assertThat(d.get("supported_parameters").toString()).contains("max_kbps", "range", "direction",
                    "ingress");
        });
        assertThat(admin("GET", "/v2.0/qos/rule-types/packet_rate_limit", null).get("rule_type"))
                .containsEntry("drivers", List.of());
        assertThat(admin("GET", "/v2.0/qos/rule-types/nope", null).status()).isEqualTo(404);
        assertThat(h.call(ALICE, "GET", "/v2.0/qos/rule-types/bandwidth_limit", null).status()).isEqualTo(403);
    }

    @Test
    void aliasEndpointsReachARuleByItsIdAlone() {
        String id = policy("name", "p");
        String rule = (String) admin("POST", "/v2.0/qos/policies/" + id + "/dscp_marking_rules",
                body("dscp_marking_rule", "dscp_mark", 8)).get("dscp_marking_rule").get("id");
        assertThat(admin("GET", "/v2.0/qos/alias-dscp-marking-rules/" + rule, null).get("alias_dscp_marking_rule"))
                .containsEntry("dscp_mark", 8);
        assertThat(admin("PUT", "/v2.0/qos/alias-dscp-marking-rules/" + rule,
                body("alias_dscp_marking_rule", "dscp_mark", 16)).get("alias_dscp_marking_rule"))
                .containsEntry("dscp_mark", 16);
        assertThat(admin("GET", "/v2.0/qos/alias-bandwidth-limit-rules/" + rule, null).errorType())
                .isEqualTo("QosRuleNotFound");
        assertThat(admin("DELETE", "/v2.0/qos/alias-dscp-marking-rules/" + rule, null).status()).isEqualTo(204);
        assertThat(admin("GET", "/v2.0/qos/policies/" + id, null).get("policy")).containsEntry("rules", List.of());
    }
}
