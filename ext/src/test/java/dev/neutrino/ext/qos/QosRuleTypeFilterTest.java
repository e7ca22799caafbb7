package dev.neutrino.ext.qos;

import static dev.neutrino.ext.qos.QosApiTest.ADMIN;
import static dev.neutrino.ext.qos.QosApiTest.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * qos-rule-type-filter as Zed answers it with ML2/OVN's QoS driver, compared with the real server
 * (noauth, MariaDB, ML2/OVN; it lists the types of a set, in no fixed order): the API layer converts each value of {@code all_rules}/{@code all_supported}
 * with convert_to_boolean_if_not_none into a list, QosRuleType.get_objects hands the list on and the
 * driver manager tests it for truth (neutron/services/qos/drivers/manager.py supported_rule_types).
 */
class QosRuleTypeFilterTest extends QosHarness {
    static final List<String> OVN = List.of("bandwidth_limit", "dscp_marking", "minimum_bandwidth");
    static final List<String> ALL = List.of("bandwidth_limit", "dscp_marking", "minimum_bandwidth",
            "minimum_packet_rate", "packet_rate_limit");

    ApiHarness.Result types(Map<String, List<String>> query) {
        return h.call(ALICE, "GET", "/v2.0/qos/rule-types", query, null);
    }

    static List<Object> names(ApiHarness.Result r) {
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        return r.list("rule_types").stream().map(t -> t.get("type")).toList();
    }

    @Test
    void theExtensionsAreAdvertised() {
        assertThat(h.call(ADMIN, "GET", "/v2.0/extensions", null).list("extensions"))
                .extracting(e -> e.get("alias"))
                .contains("qos-rule-type-filter", "qos-pps", "qos-pps-minimum", "qos-pps-minimum-rule-alias");
    }

    @Test
    void withoutFiltersAndWithAllSupportedTheListIsWhatOvnsDriverSupports() {
        assertThat(names(types(Map.of()))).containsExactlyElementsOf(OVN);
        assertThat(names(types(Map.of("all_supported", List.of("true"))))).containsExactlyElementsOf(OVN);
        assertThat(names(types(Map.of("all_supported", List.of("1"))))).containsExactlyElementsOf(OVN);
    }

    @Test
    void allRulesListsEveryRuleTypeNeutronImplements() {
        assertThat(names(types(Map.of("all_rules", List.of("true"))))).containsExactlyElementsOf(ALL);
        assertThat(names(types(Map.of("all_rules", List.of("True"), "all_supported", List.of("true")))))
                .as("all_rules wins").containsExactlyElementsOf(ALL);
    }

    @Test
    void aFalseValueIsStillAGivenFilterAsZedTestsTheListNotItsValue() {
        assertThat(names(types(Map.of("all_rules", List.of("false"))))).containsExactlyElementsOf(ALL);
        assertThat(names(types(Map.of("all_supported", List.of("false"))))).containsExactlyElementsOf(OVN);
        assertThat(names(types(Map.of("all_rules", List.of(""))))).as("an empty value is dropped")
                .containsExactlyElementsOf(OVN);
    }

    @Test
    void badValuesAndUnknownFiltersAre400() {
        ApiHarness.Result bad = types(Map.of("all_rules", List.of("maybe")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorType()).isEqualTo("InvalidInput");
        assertThat(bad.get("NeutronError").get("message"))
                .isEqualTo("Invalid input for operation: 'maybe' cannot be converted to boolean.");
        assertThat(types(Map.of("all_supported", List.of("2"))).status()).isEqualTo(400);
        ApiHarness.Result unknown = types(Map.of("type", List.of("dscp_marking")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.get("NeutronError").get("message")).isEqualTo("['type'] is invalid attribute for filtering");
        assertThat(names(types(Map.of("fields", List.of("type"))))).containsExactlyElementsOf(OVN);
    }

    @Test
    void packetRateTypesHaveNoDriverInTheirDetails() {
        ApiHarness.Result pps = h.call(ADMIN, "GET", "/v2.0/qos/rule-types/packet_rate_limit", null);
        assertThat(pps.status()).isEqualTo(200);
        assertThat(pps.get("rule_type")).isEqualTo(Map.of("type", "packet_rate_limit", "drivers", List.of()));
        assertThat(h.call(ADMIN, "GET", "/v2.0/qos/rule-types/minimum_packet_rate", null).get("rule_type"))
                .containsEntry("drivers", List.of());
    }
}
