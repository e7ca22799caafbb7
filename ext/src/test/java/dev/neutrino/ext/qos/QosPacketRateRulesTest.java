package dev.neutrino.ext.qos;

import static dev.neutrino.ext.qos.QosApiTest.ADMIN;
import static dev.neutrino.ext.qos.QosApiTest.ALICE;
import static dev.neutrino.ext.qos.QosApiTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * qos-pps, qos-pps-minimum and qos-pps-minimum-rule-alias, and ML2/OVN's QoS driver refusing what it
 * does not support, as Zed answers them (qos_plugin.py, qos_policy_validator.py, drivers/manager.py,
 * drivers/ovn/driver.py, neutron_lib/exceptions/qos.py). The admin's answers here were compared with
 * the real Zed server (noauth, MariaDB, ML2/OVN), except the validation messages of refused values,
 * whose wording differs (Zed: "any is not in valid_values").
 */
class QosPacketRateRulesTest extends QosHarness {
    ApiHarness.Result rule(String policy, String type, Object... kv) {
        return admin("POST", "/v2.0/qos/policies/" + policy + "/" + type + "_rules", body(type + "_rule", kv));
    }

    static String message(ApiHarness.Result r) {
        return (String) r.get("NeutronError").get("message");
    }

    @Test
    void packetRateRulesWaitUntilNoServerOfAnOlderReleaseRuns() {
        java.util.concurrent.atomic.AtomicBoolean olderServers = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        h.close();
        h = new ApiHarness(QOS, release -> {
                    asked.add(release);
                    return !olderServers.get();
                });
        String p = policy("name", "upgrading", "project_id", "project-a");
        for (String type : List.of("packet_rate_limit", "minimum_packet_rate")) {
            ApiHarness.Result r = rule(p, type, type.equals("packet_rate_limit") ? "max_kpps" : "min_kpps", 100);
            assertThat(r.status()).as("%s %s", type, r.body()).isEqualTo(409);
            assertThat(r.errorType()).isEqualTo("QosRuleNotYetAvailable");
            assertThat(message(r)).contains(QosRules.PACKET_RATE_SINCE);
        }
        assertThat(asked).containsOnly(QosRules.PACKET_RATE_SINCE);
        // the rule kinds an older server knows are not held back
        assertThat(rule(p, "bandwidth_limit", "max_kbps", 1000).status()).isEqualTo(201);
        assertThat(admin("GET", "/v2.0/qos/policies/" + p + "/packet_rate_limit_rules", null)
                .list("packet_rate_limit_rules")).isEmpty();
        olderServers.set(false); // the last old server stopped
        assertThat(rule(p, "packet_rate_limit", "max_kpps", 100).status()).isEqualTo(201);
        assertThat(rule(p, "minimum_packet_rate", "min_kpps", 100).status()).isEqualTo(201);
    }

    @Test
    void packetRateLimitRulesHaveTheirAttributesDefaultsAndDirections() {
        String p = policy("name", "pps", "project_id", "project-a");
        ApiHarness.Result r = rule(p, "packet_rate_limit", "max_kpps", 1000);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        String id = (String) r.get("packet_rate_limit_rule").get("id");
        assertThat(r.get("packet_rate_limit_rule")).isEqualTo(Map.of("id", id, "max_kpps", 1000,
                "max_burst_kpps", 0, "direction", "egress"));
        assertThat(rule(p, "packet_rate_limit", "max_burst_kpps", 10).status()).as("max_kpps is required")
                .isEqualTo(400);
        assertThat(rule(p, "packet_rate_limit", "max_kpps", -1, "direction", "ingress").status()).isEqualTo(400);
        assertThat(rule(p, "packet_rate_limit", "max_kpps", 1, "direction", "any").status())
                .as("no 'any' for a limit").isEqualTo(400);
        ApiHarness.Result dup = rule(p, "packet_rate_limit", "max_kpps", 5);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.errorType()).isEqualTo("QoSRulesConflict");
        assertThat(message(dup)).isEqualTo("Rule packet_rate_limit conflicts with rule " + id
                + " which already exists in QoS Policy " + p + ".");
        ApiHarness.Result ingress = rule(p, "packet_rate_limit", "max_kpps", 5, "direction", "ingress");
        assertThat(ingress.status()).isEqualTo(201);
        String ingressId = (String) ingress.get("packet_rate_limit_rule").get("id");

        ApiHarness.Result up = admin("PUT", "/v2.0/qos/policies/" + p + "/packet_rate_limit_rules/" + id,
                body("packet_rate_limit_rule", "max_kpps", 2000, "max_burst_kpps", 200));
        assertThat(up.get("packet_rate_limit_rule")).containsEntry("max_kpps", 2000).containsEntry("max_burst_kpps", 200);
        assertThat(admin("PUT", "/v2.0/qos/policies/" + p + "/packet_rate_limit_rules/" + ingressId,
                body("packet_rate_limit_rule", "direction", "egress")).errorType()).isEqualTo("QoSRulesConflict");
        assertThat(admin("GET", "/v2.0/qos/policies/" + p + "/packet_rate_limit_rules", null)
                .list("packet_rate_limit_rules")).hasSize(2);
        assertThat(h.call(ADMIN, "GET", "/v2.0/qos/policies/" + p + "/packet_rate_limit_rules",
                Map.of("direction", List.of("ingress")), null).list("packet_rate_limit_rules"))
                .extracting(x -> x.get("id")).containsExactly(ingressId);
        assertThat(admin("GET", "/v2.0/qos/alias-packet-rate-limit-rules/" + id, null).status())
                .as("qos-rules-alias has no packet rate limit alias").isEqualTo(404);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) admin("GET", "/v2.0/qos/policies/" + p, null)
                .get("policy").get("rules");
        assertThat(rules).extracting(x -> x.get("type")).containsOnly("packet_rate_limit");
        assertThat(rules).allSatisfy(x -> assertThat(x).containsEntry("qos_policy_id", p).containsKey("max_burst_kpps"));
        assertThat(admin("DELETE", "/v2.0/qos/policies/" + p + "/packet_rate_limit_rules/" + id, null).status())
                .isEqualTo(204);
    }

    @Test
    void minimumPacketRateRulesTakeAnyButNotBesideADirection() {
        String p = policy("name", "min", "project_id", "project-a");
        ApiHarness.Result any = rule(p, "minimum_packet_rate", "min_kpps", 1000, "direction", "any");
        assertThat(any.status()).as("%s", any.body()).isEqualTo(201);
        String anyId = (String) any.get("minimum_packet_rate_rule").get("id");
        assertThat(any.get("minimum_packet_rate_rule")).isEqualTo(Map.of("id", anyId, "min_kpps", 1000,
                "direction", "any"));
        assertThat(rule(p, "minimum_packet_rate", "direction", "egress").status()).as("min_kpps is required")
                .isEqualTo(400);
        assertThat(rule(p, "minimum_packet_rate", "min_kpps", 1, "direction", "up").status()).isEqualTo(400);

        ApiHarness.Result egress = rule(p, "minimum_packet_rate", "min_kpps", 10);
        assertThat(egress.status()).isEqualTo(409);
        assertThat(egress.errorType()).isEqualTo("QoSRuleParameterConflict");
        assertThat(message(egress)).isEqualTo("Unable to add the rule with value egress to the policy " + p
                + " as the existing rule of type minimum_packet_rate has value any.");
        assertThat(rule(p, "minimum_packet_rate", "min_kpps", 10, "direction", "any").errorType())
                .isEqualTo("QoSRulesConflict");

        // the other way round: directions first, then any
        String q = policy("name", "min2", "project_id", "project-a");
        assertThat(rule(q, "minimum_packet_rate", "min_kpps", 10).status()).isEqualTo(201);
        ApiHarness.Result ingress = rule(q, "minimum_packet_rate", "min_kpps", 10, "direction", "ingress");
        assertThat(ingress.status()).isEqualTo(201);
        ApiHarness.Result anyAfter = rule(q, "minimum_packet_rate", "min_kpps", 10, "direction", "any");
        assertThat(anyAfter.errorType()).isEqualTo("QoSRuleParameterConflict");
        assertThat(message(anyAfter)).startsWith("Unable to add the rule with value any to the policy " + q);
        String ingressId = (String) ingress.get("minimum_packet_rate_rule").get("id");
        assertThat(admin("PUT", "/v2.0/qos/policies/" + q + "/minimum_packet_rate_rules/" + ingressId,
                body("minimum_packet_rate_rule", "direction", "any")).errorType())
                .as("tempest's test_rule_update_direction_conflict").isEqualTo("QoSRuleParameterConflict");
    }

    @Test
    void theMinimumPacketRateAliasReadsUpdatesAndDeletesWithoutThePolicy() {
        String p = policy("name", "a", "project_id", "project-a");
        String id = (String) rule(p, "minimum_packet_rate", "min_kpps", 100).get("minimum_packet_rate_rule").get("id");
        String path = "/v2.0/qos/alias-minimum-packet-rate-rules/" + id;
        assertThat(admin("GET", path, null).get("alias_minimum_packet_rate_rule")).containsEntry("min_kpps", 100)
                .containsEntry("direction", "egress");
        ApiHarness.Result up = admin("PUT", path, body("alias_minimum_packet_rate_rule", "min_kpps", 200,
                "direction", "any"));
        assertThat(up.status()).as("%s", up.body()).isEqualTo(200);
        assertThat(up.get("alias_minimum_packet_rate_rule")).containsEntry("min_kpps", 200).containsEntry("direction", "any");
        assertThat(admin("GET", "/v2.0/qos/policies/" + p + "/minimum_packet_rate_rules/" + id, null)
                .get("minimum_packet_rate_rule")).containsEntry("min_kpps", 200);
        assertThat(admin("DELETE", path, null).status()).isEqualTo(204);
        assertThat(admin("GET", path, null).errorType()).isEqualTo("QosRuleNotFound");
    }

    @Test
    void ovnsDriverRefusesPacketRateRulesOnNetworksAndPorts() {
        String pps = policy("name", "pps", "project_id", "project-a", "shared", true);
        assertThat(rule(pps, "packet_rate_limit", "max_kpps", 1000).status())
                .as("a policy nothing uses takes any rule").isEqualTo(201);
        assertThat(rule(pps, "minimum_packet_rate", "min_kpps", 1000, "direction", "any").status()).isEqualTo(201);

        ApiHarness.Result net = h.call(ALICE, "POST", "/v2.0/networks", body("network", "name", "n",
                "qos_policy_id", pps));
        assertThat(net.status()).isEqualTo(409);
        assertThat(net.errorType()).isEqualTo("QosRuleNotSupportedByNetwork");
        assertThat(message(net)).as("the first refused rule, by type in VALID_RULE_TYPES order")
                .startsWith("Rule minimum_packet_rate is not supported by network ");
        assertThat(h.call(ALICE, "GET", "/v2.0/networks", null).list("networks")).as("rolled back").isEmpty();

        String netId = (String) h.call(ALICE, "POST", "/v2.0/networks", body("network", "name", "n")).get("network")
                .get("id");
        assertThat(h.call(ALICE, "PUT", "/v2.0/networks/" + netId, body("network", "qos_policy_id", pps))
                .errorType()).isEqualTo("QosRuleNotSupportedByNetwork");
        ApiHarness.Result port = h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", netId,
                "qos_policy_id", pps));
        assertThat(port.status()).isEqualTo(409);
        assertThat(port.errorType()).isEqualTo("QosRuleNotSupported");
        assertThat(message(port)).startsWith("Rule minimum_packet_rate is not supported by port ");

        String portId = (String) h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", netId)).get("port")
                .get("id");
        ApiHarness.Result update = h.call(ALICE, "PUT", "/v2.0/ports/" + portId, body("port", "qos_policy_id", pps));
        assertThat(update.errorType()).isEqualTo("QosRuleNotSupported");
        assertThat(message(update)).isEqualTo("Rule minimum_packet_rate is not supported by port " + portId);

        // a rule the driver does not take cannot join a policy a port uses (its network's included)
        String bw = policy("name", "bw", "project_id", "project-a");
        assertThat(rule(bw, "bandwidth_limit", "max_kbps", 1000).status()).isEqualTo(201);
        assertThat(h.call(ALICE, "PUT", "/v2.0/networks/" + netId, body("network", "qos_policy_id", bw)).status())
                .isEqualTo(200);
        ApiHarness.Result added = rule(bw, "minimum_packet_rate", "min_kpps", 10);
        assertThat(added.status()).isEqualTo(409);
        assertThat(added.errorType()).isEqualTo("QosRuleNotSupported");
        assertThat(message(added)).isEqualTo("Rule minimum_packet_rate is not supported by port " + portId);
        assertThat(admin("GET", "/v2.0/qos/policies/" + bw + "/minimum_packet_rate_rules", null)
                .list("minimum_packet_rate_rules")).as("rolled back").isEmpty();
    }

    @Test
    void aPortWhoseVnicOvnsDriverDoesNotServeTakesNoRules() {
        String bw = policy("name", "bw", "project_id", "project-a", "shared", true);
        String empty = policy("name", "empty", "project_id", "project-a", "shared", true);
        assertThat(rule(bw, "bandwidth_limit", "max_kbps", 1000).status()).isEqualTo(201);
        String netId = (String) h.call(ALICE, "POST", "/v2.0/networks", body("network", "name", "n")).get("network")
                .get("id");
        ApiHarness.Result direct = h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", netId,
                "binding:vnic_type", "direct", "qos_policy_id", bw));
        assertThat(direct.status()).as("%s", direct.body()).isEqualTo(409);
        assertThat(direct.errorType()).isEqualTo("QosRuleNotSupported");
        assertThat(message(direct)).startsWith("Rule bandwidth_limit is not supported by port ");
        assertThat(h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", netId,
                "binding:vnic_type", "direct", "qos_policy_id", empty)).status()).as("a policy without rules")
                .isEqualTo(201);
        assertThat(h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", netId,
                "qos_policy_id", bw)).status()).as("a normal port").isEqualTo(201);
    }

    @Test
    void minimumRulesDoNotChangeUnderAComputePort() {
        String c = policy("name", "c", "project_id", "project-a");
        String m = policy("name", "m", "project_id", "project-a");
        String existing = (String) rule(m, "minimum_bandwidth", "min_kbps", 100).get("minimum_bandwidth_rule").get("id");
        String netId = (String) h.call(ALICE, "POST", "/v2.0/networks", body("network", "name", "n")).get("network")
                .get("id");
        assertThat(h.call(ADMIN, "POST", "/v2.0/ports", body("port", "network_id", netId, "project_id", "project-a",
                "device_owner", "compute:nova", "device_id", "vm1", "qos_policy_id", c)).status()).isEqualTo(201);
        ApiHarness.Result min = rule(c, "minimum_bandwidth", "min_kbps", 100);
        assertThat(min.status()).as("as the real Zed server answered").isEqualTo(501);
        assertThat(min.errorType()).isEqualTo("NotImplementedError");
        assertThat(message(min)).isEqualTo("Cannot update QoS policies/rules backed by resources tracked in Placement");
        assertThat(rule(c, "minimum_packet_rate", "min_kpps", 100).errorType())
                .as("the driver check comes first").isEqualTo("QosRuleNotSupported");
        assertThat(rule(c, "bandwidth_limit", "max_kbps", 100).status()).isEqualTo(201);

        // a compute port following its network's policy counts too, for changes and removals
        assertThat(h.call(ALICE, "PUT", "/v2.0/networks/" + netId, body("network", "qos_policy_id", m)).status())
                .as("the port has a policy of its own").isEqualTo(200);
        assertThat(h.call(ADMIN, "POST", "/v2.0/ports", body("port", "network_id", netId, "project_id", "project-a",
                "device_owner", "compute:nova", "device_id", "vm2")).status()).isEqualTo(201);
        assertThat(admin("PUT", "/v2.0/qos/policies/" + m + "/minimum_bandwidth_rules/" + existing,
                body("minimum_bandwidth_rule", "min_kbps", 200)).status()).isEqualTo(501);
        assertThat(admin("DELETE", "/v2.0/qos/policies/" + m + "/minimum_bandwidth_rules/" + existing, null).status())
                .isEqualTo(501);
        assertThat(admin("GET", "/v2.0/qos/policies/" + m + "/minimum_bandwidth_rules/" + existing, null)
                .get("minimum_bandwidth_rule")).as("rolled back").containsEntry("min_kbps", 100);
    }
}
