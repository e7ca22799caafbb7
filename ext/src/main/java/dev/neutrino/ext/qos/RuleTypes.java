package dev.neutrino.ext.qos;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.ext.qos.QosExtension.RuleType;
import dev.neutrino.model.Converters;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.PolicyNotAuthorized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v2.0/qos/rule-types[/{type}]}: the rule types the loaded QoS driver supports — ML2/OVN's
 * OVNQosDriver (neutron/services/qos/drivers/ovn/driver.py SUPPORTED_RULES) — and, with
 * qos-rule-type-details, each type's drivers and parameters. Details are for admins only
 * (qos_plugin.get_rule_type raises NotAuthorized otherwise).
 *
 * <p>qos-rule-type-filter: {@code all_rules} lists every rule type Neutron implements,
 * {@code all_supported} those at least one loaded driver supports (with the one driver, what the plain
 * list shows). As Zed's API layer passes them, each is a list of booleans and QosRuleType.get_objects
 * tests the list, not its value: {@code all_rules=false} lists every type as {@code all_rules=true}
 * does. A value that is no boolean is 400 InvalidInput, an empty one is ignored, any other query
 * parameter but {@code fields} (and the sorting and paging ones, which change nothing) is 400.
 */
final class RuleTypes {
    static final String DRIVER = "OVNQosDriver";
    /** neutron_lib.services.qos.constants.VALID_RULE_TYPES. */
    static final List<String> VALID_RULE_TYPES = List.of("bandwidth_limit", "dscp_marking", "minimum_bandwidth",
            "minimum_packet_rate", "packet_rate_limit");

    static final String ALL_RULES = "all_rules";
    static final String ALL_SUPPORTED = "all_supported";
    private static final List<String> NOT_FILTERS = List.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse");

    private final Policy policy;
    private final boolean filters;

    /** {@code filters}: qos-rule-type-filter is in the API. */
    RuleTypes(Policy policy, boolean filters) {
        this.policy = policy;
        this.filters = filters;
    }

    /** {@code seg}: "v2.0", "qos/rule-types"[, type]. */
    ApiResponse handle(ApiRequest req, String[] seg) {
        if (!req.method().equals("GET")) {
            throw new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested resource.");
        }
        enforce(req);
        if (seg.length == 2) {
            List<String> fields = req.query().getOrDefault("fields", List.of());
            List<Map<String, Object>> out = new ArrayList<>();
            for (String t : list(req.query())) {
                out.add(fields.isEmpty() || fields.contains("type") ? Map.of("type", t) : Map.of());
            }
            return ApiResponse.ok(Map.of("rule_types", out));
        }
        if (seg.length != 3 || !VALID_RULE_TYPES.contains(seg[2])) {
            throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        }
        if (!req.ctx().isAdmin()) throw new NeutronException(403, "NotAuthorized", "Not authorized.");
        RuleType t = RuleType.of(seg[2]);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", seg[2]);
        view.put("drivers", t == null || !t.supportedByOvn ? List.of() : List.of(Map.of("name", DRIVER,
                "supported_parameters", parameters(t))));
        return ApiResponse.ok(Map.of("rule_type", view));
    }

    /** The types listed for a query (driver manager's supported_rule_types). */
    List<String> list(Map<String, List<String>> query) {
        List<String> bad = new ArrayList<>();
        boolean allRules = false;
        boolean allSupported = false;
        for (var e : query.entrySet()) {
            String key = e.getKey();
            if (NOT_FILTERS.contains(key)) continue;
            if (!filters || !(key.equals(ALL_RULES) || key.equals(ALL_SUPPORTED))) {
                bad.add("'" + key + "'");
                continue;
            }
            boolean given = false;
            for (String v : e.getValue()) {
                if (v == null || v.isEmpty()) continue; // dropped, as without empty-string-filtering
                try {
                    Converters.BOOLEAN.convert(v);
                } catch (IllegalArgumentException ex) {
                    throw NeutronException.invalidInputGeneric(ex.getMessage());
                }
                given = true; // a non-empty list is true, whatever it holds
            }
            if (key.equals(ALL_RULES)) allRules |= given;
            else allSupported |= given;
        }
        if (!bad.isEmpty()) throw NeutronException.badRequest(bad + " is invalid attribute for filtering");
        List<String> out = new ArrayList<>();
        if (allRules) return VALID_RULE_TYPES;
        // all_supported: the union over the loaded drivers; without it their intersection: with OVN's
        // driver alone both are its SUPPORTED_RULES
        for (RuleType t : RuleType.values()) if (t.supportedByOvn) out.add(t.type);
        return out;
    }

    private void enforce(ApiRequest req) {
        try {
            policy.enforceAction(req.ctx().creds(), "get_rule_type", Map.of(), "rule_types");
        } catch (PolicyNotAuthorized e) {
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
    }

    /** The driver's SUPPORTED_RULES entry as the driver manager shows it (range or choices). */
    static List<Map<String, Object>> parameters(RuleType t) {
        List<Map<String, Object>> out = new ArrayList<>();
        switch (t) {
            case BANDWIDTH_LIMIT -> {
                out.add(range("max_kbps"));
                out.add(range("max_burst_kbps"));
                out.add(choices("direction", QosExtension.DIRECTIONS));
            }
            case DSCP_MARKING -> out.add(choices("dscp_mark", QosExtension.VALID_DSCP_MARKS));
            case MINIMUM_BANDWIDTH -> {
                out.add(range("min_kbps"));
                out.add(choices("direction", QosExtension.DIRECTIONS));
            }
            case PACKET_RATE_LIMIT, MINIMUM_PACKET_RATE -> { } // not OVN's
        }
        return out;
    }

    private static Map<String, Object> range(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("parameter_name", name);
        p.put("parameter_values", Map.of("start", 0, "end", QosExtension.DB_INTEGER_MAX_VALUE));
        p.put("parameter_type", "range");
        return p;
    }

    private static Map<String, Object> choices(String name, List<?> values) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("parameter_name", name);
        p.put("parameter_values", values);
        p.put("parameter_type", "choices");
        return p;
    }
}
