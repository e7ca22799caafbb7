package dev.neutrino.ext.qos;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.ext.qos.QosExtension.RuleType;
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
 */
final class RuleTypes {
    static final String DRIVER = "OVNQosDriver";
    /** neutron_lib.services.qos.constants.VALID_RULE_TYPES. */
    static final List<String> VALID_RULE_TYPES = List.of("bandwidth_limit", "dscp_marking", "minimum_bandwidth",
            "packet_rate_limit", "minimum_packet_rate");

    private final Policy policy;

    RuleTypes(Policy policy) {
        this.policy = policy;
    }

    /** {@code seg}: "v2.0", "qos/rule-types"[, type]. */
    ApiResponse handle(ApiRequest req, String[] seg) {
        if (!req.method().equals("GET")) {
            throw new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested resource.");
        }
        enforce(req);
        if (seg.length == 2) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (RuleType t : RuleType.values()) out.add(Map.of("type", t.type));
            return ApiResponse.ok(Map.of("rule_types", out));
        }
        if (seg.length != 3 || !VALID_RULE_TYPES.contains(seg[2])) {
            throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        }
        if (!req.ctx().isAdmin()) throw new NeutronException(403, "NotAuthorized", "Not authorized.");
        RuleType t = RuleType.of(seg[2]);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", seg[2]);
        view.put("drivers", t == null ? List.of() : List.of(Map.of("name", DRIVER,
                "supported_parameters", parameters(t))));
        return ApiResponse.ok(Map.of("rule_type", view));
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
