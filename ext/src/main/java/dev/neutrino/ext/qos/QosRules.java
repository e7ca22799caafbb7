package dev.neutrino.ext.qos;

import dev.neutrino.common.NeutronException;
import dev.neutrino.common.ReleaseGate;
import dev.neutrino.db.Database;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.Requests;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.qos.QosExtension.RuleType;
import dev.neutrino.ext.qos.QosRuleStore.Rule;
import dev.neutrino.model.Attribute;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.PolicyNotAuthorized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A policy's rules, as qos_plugin's create/get/update/delete_policy_rule answer them:
 * {@code /v2.0/qos/policies/{policy_id}/{type}_rules[/{rule_id}]} and, with qos-rules-alias,
 * {@code /v2.0/qos/alias-{type}-rules/{rule_id}} (GET, PUT, DELETE without the policy's id). A rule
 * change is a change of its policy: the policy's revision goes up, which tells the change feed (OVN).
 * Policy targets carry the policy's project, as Neutron's do.
 */
final class QosRules {
    private static final Set<String> NOT_FILTERS = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse");

    private final Database db;
    private final ResourceService policies;
    private final Policy policy;
    private final Runnable committed;
    private final ReleaseGate gate;
    /**
     * The first release that stores packet rate rules (expand V15): a server of an older release
     * cannot read a policy that has one, so none is created while such a server still runs.
     */
    static final String PACKET_RATE_SINCE = "0.3.0-SNAPSHOT";

    /** {@code committed}: tells the engine's commit listeners of a write through an alias endpoint. */
    QosRules(Database db, ResourceService policies, Policy policy, Runnable committed, ReleaseGate gate) {
        this.db = db;
        this.policies = policies;
        this.policy = policy;
        this.committed = committed;
        this.gate = gate;
    }

    /** {@code seg}: "v2.0", "qos/policies", policy id, "{type}_rules"[, rule id]. */
    ApiResponse handle(RuleType type, ApiRequest req, String[] seg) {
        String policyId = seg[2];
        String method = req.method();
        if (seg.length == 4) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(Map.of(type.def.collection(), list(type, req, policyId)));
                case "POST" -> ApiResponse.created(Map.of(type.def.singular(), create(type, req, policyId)));
                default -> throw methodNotAllowed();
            };
        }
        if (seg.length != 5) throw notFound();
        String ruleId = seg[4];
        return switch (method) {
            case "GET" -> ApiResponse.ok(Map.of(type.def.singular(), show(type, req, policyId, ruleId, "get_")));
            case "PUT" -> ApiResponse.ok(Map.of(type.def.singular(),
                    update(type, req, policyId, ruleId, type.def.singular(), "")));
            case "DELETE" -> {
                delete(type, req.ctx(), policyId, ruleId, "");
                yield ApiResponse.noContent();
            }
            default -> throw methodNotAllowed();
        };
    }

    /** {@code seg}: "v2.0", "qos/alias-{type}-rules", rule id. */
    ApiResponse handleAlias(RuleType type, ApiRequest req, String[] seg) {
        if (seg.length != 3) throw seg.length == 2 ? methodNotAllowed() : notFound();
        String ruleId = seg[2];
        String key = "alias_" + type.def.singular();
        String policyId = db.tx(dsl -> {
            Rule r = QosRuleStore.find(dsl, ruleId);
            return r == null || r.type() != type ? null : r.policyId();
        });
        if (policyId == null) throw ruleNotFound(ruleId, null);
        return switch (req.method()) {
            case "GET" -> ApiResponse.ok(Map.of(key, show(type, req, policyId, ruleId, "get_alias_")));
            case "PUT" -> {
                ApiResponse answer = ApiResponse.ok(Map.of(key, update(type, req, policyId, ruleId, key, "alias_")));
                committed.run();
                yield answer;
            }
            case "DELETE" -> {
                delete(type, req.ctx(), policyId, ruleId, "alias_");
                committed.run();
                yield ApiResponse.noContent();
            }
            default -> throw methodNotAllowed();
        };
    }

    // ------------------------------------------------------------------ operations

    private List<Map<String, Object>> list(RuleType type, ApiRequest req, String policyId) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (var e : req.query().entrySet()) {
            if (NOT_FILTERS.contains(e.getKey())) continue;
            Attribute a = type.def.attribute(e.getKey());
            if (a == null || !a.isFilter()) {
                throw NeutronException.badRequest("['" + e.getKey() + "'] is invalid attribute for filtering");
            }
            filters.put(e.getKey(), e.getValue());
        }
        List<String> fields = req.query().getOrDefault("fields", List.of());
        return db.tx(dsl -> {
            Map<String, Object> parent = visiblePolicy(new Tx(dsl, req.ctx()), policyId);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Rule r : QosRuleStore.ofPolicy(dsl, policyId)) {
                if (r.type() != type) continue;
                Map<String, Object> view = r.view();
                if (matches(view, filters)
                        && policy.checkAction(req.ctx().creds(), "get_policy_" + type.def.singular(),
                                target(view, parent), type.def.collection())) {
                    out.add(select(view, fields));
                }
            }
            return out;
        });
    }

    private Map<String, Object> show(RuleType type, ApiRequest req, String policyId, String ruleId, String prefix) {
        List<String> fields = req.query().getOrDefault("fields", List.of());
        return db.tx(dsl -> {
            Map<String, Object> parent = visiblePolicy(new Tx(dsl, req.ctx()), policyId);
            Rule r = QosRuleStore.find(dsl, ruleId);
            if (r == null || r.type() != type || !r.policyId().equals(policyId)) throw ruleNotFound(ruleId, policyId);
            Map<String, Object> view = r.view();
            if (!policy.checkAction(req.ctx().creds(), prefix + "policy_" + type.def.singular(), target(view, parent),
                    type.def.collection())) {
                throw ruleNotFound(ruleId, policyId);
            }
            return select(view, fields);
        });
    }

    private Map<String, Object> create(RuleType type, ApiRequest req, String policyId) {
        RequestContext ctx = req.ctx();
        Map<String, Object> body = bodyOf(req, type.def.singular());
        Map<String, Object> data = Requests.prepareCreate(type.def, body, ctx);
        if ((type == RuleType.PACKET_RATE_LIMIT || type == RuleType.MINIMUM_PACKET_RATE)
                && !gate.allAtLeast(PACKET_RATE_SINCE)) {
            throw NeutronException.conflict("QosRuleNotYetAvailable", "Rules of type " + type.type
                    + " cannot be created while servers of a release older than " + PACKET_RATE_SINCE
                    + " still run on this database (a rolling upgrade is in progress).");
        }
        Map<String, Object> result = db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> parent = policies.findVisible(tx, policyId);
            Map<String, Object> target = new LinkedHashMap<>(body);
            target.put("project_id", parent != null ? parent.get("project_id") : ctx.projectId());
            enforce(ctx, "create_policy_" + type.def.singular(), target, type);
            if (parent == null) throw QosExtensionDriver.policyNotFound(policyId);
            Map<String, Object> parameters = new LinkedHashMap<>();
            for (String p : type.parameters()) parameters.put(p, data.get(p));
            Rule rule = new Rule(UUID.randomUUID().toString(), policyId, type, parameters);
            List<Rule> existing = QosRuleStore.ofPolicy(dsl, policyId);
            checkConflicts(existing, rule);
            QosRuleStore.insert(dsl, rule);
            OvnQosSupport.checkPolicyInUse(dsl, policyId, QosRuleStore.ofPolicy(dsl, policyId));
            rejectForBoundPort(dsl, type, policyId);
            policies.bumpRevision(tx, policyId);
            return rule.view();
        });
        return result;
    }

    private Map<String, Object> update(RuleType type, ApiRequest req, String policyId, String ruleId, String key,
                                       String prefix) {
        RequestContext ctx = req.ctx();
        Map<String, Object> body = bodyOf(req, key);
        Map<String, Object> changes = Requests.prepareUpdate(type.def, body, ctx);
        Map<String, Object> result = db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> parent = visiblePolicy(tx, policyId);
            Rule r = QosRuleStore.find(dsl, ruleId);
            if (r == null || r.type() != type || !r.policyId().equals(policyId)) throw ruleNotFound(ruleId, policyId);
            Map<String, Object> target = new LinkedHashMap<>(r.view());
            target.putAll(changes);
            authorize(ctx, prefix + "update_policy_" + type.def.singular(), prefix + "get_policy_"
                    + type.def.singular(), target(target, parent), target(r.view(), parent), type, ruleId, policyId);
            Map<String, Object> parameters = new LinkedHashMap<>(r.parameters());
            for (String p : type.parameters()) if (changes.containsKey(p)) parameters.put(p, changes.get(p));
            Rule updated = new Rule(r.id(), policyId, type, parameters);
            checkConflicts(QosRuleStore.ofPolicy(dsl, policyId), updated);
            QosRuleStore.update(dsl, updated);
            OvnQosSupport.checkPolicyInUse(dsl, policyId, QosRuleStore.ofPolicy(dsl, policyId));
            rejectForBoundPort(dsl, type, policyId);
            policies.bumpRevision(tx, policyId);
            return updated.view();
        });
        return result;
    }

    private void delete(RuleType type, RequestContext ctx, String policyId, String ruleId, String prefix) {
        db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> parent = visiblePolicy(tx, policyId);
            Rule r = QosRuleStore.find(dsl, ruleId);
            if (r == null || r.type() != type || !r.policyId().equals(policyId)) throw ruleNotFound(ruleId, policyId);
            authorize(ctx, prefix + "delete_policy_" + type.def.singular(), prefix + "get_policy_"
                    + type.def.singular(), target(r.view(), parent), target(r.view(), parent), type, ruleId, policyId);
            QosRuleStore.delete(dsl, ruleId);
            rejectForBoundPort(dsl, type, policyId);
            policies.bumpRevision(tx, policyId);
            return null;
        });
    }

    /**
     * qos_policy_validator.py in Zed's order: check_bandwidth_rule_conflict (a minimum above a limit:
     * QoSRuleParameterConflict), check_min_pps_rule_conflict (a minimum packet rate for "any" beside one
     * with a direction, or the reverse: QoSRuleParameterConflict), check_rules_conflict (a second rule of
     * the same type and direction: QoSRulesConflict).
     */
    static void checkConflicts(List<Rule> existing, Rule rule) {
        Map<String, Object> data = rule.parameters();
        for (Rule r : existing) {
            if (r.id().equals(rule.id())) continue;
            if (r.type() == RuleType.MINIMUM_BANDWIDTH && data.containsKey("max_kbps")
                    && num(r.parameters().get("min_kbps")) > num(data.get("max_kbps"))) {
                throw parameterConflict(data.get("max_kbps"), rule.policyId(), r, r.parameters().get("min_kbps"));
            }
            if (r.type() == RuleType.BANDWIDTH_LIMIT && data.containsKey("min_kbps")
                    && num(r.parameters().get("max_kbps")) < num(data.get("min_kbps"))) {
                throw parameterConflict(data.get("min_kbps"), rule.policyId(), r, r.parameters().get("max_kbps"));
            }
        }
        if (rule.type() == RuleType.MINIMUM_PACKET_RATE && rule.direction() != null) {
            boolean any = QosExtension.ANY.equals(rule.direction());
            for (Rule r : existing) {
                if (r.id().equals(rule.id()) || r.type() != RuleType.MINIMUM_PACKET_RATE) continue;
                boolean otherAny = QosExtension.ANY.equals(r.direction());
                if (any != otherAny) throw parameterConflict(rule.direction(), rule.policyId(), r, r.direction());
            }
        }
        for (Rule r : existing) {
            if (r.id().equals(rule.id())) continue;
            if (r.type() == rule.type() && Objects.equals(r.direction(), rule.direction())) {
                throw NeutronException.conflict("QoSRulesConflict", "Rule " + rule.type().type
                        + " conflicts with rule " + r.id() + " which already exists in QoS Policy " + rule.policyId()
                        + ".");
            }
        }
    }

    /**
     * reject_rule_update_for_bound_port: a minimum bandwidth or packet rate rule may not be added,
     * changed or removed while a compute port uses the policy (its own or its network's), as Placement
     * would have to follow. Zed answers 501 with the body key {@code NotImplementedError}; here the
     * key is NeutronError's, the type and message Zed's.
     */
    static void rejectForBoundPort(org.jooq.DSLContext dsl, RuleType type, String policyId) {
        if (type != RuleType.MINIMUM_BANDWIDTH && type != RuleType.MINIMUM_PACKET_RATE) return;
        if (OvnQosSupport.computePortUses(dsl, policyId)) {
            throw new NeutronException(501, "NotImplementedError",
                    "Cannot update QoS policies/rules backed by resources tracked in Placement");
        }
    }

    private static NeutronException parameterConflict(Object value, String policyId, Rule existing, Object existingValue) {
        return NeutronException.conflict("QoSRuleParameterConflict", "Unable to add the rule with value " + value
                + " to the policy " + policyId + " as the existing rule of type " + existing.type().type
                + " has value " + existingValue + ".");
    }

    private static long num(Object v) {
        return ((Number) v).longValue();
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> visiblePolicy(Tx tx, String policyId) {
        Map<String, Object> parent = policies.findVisible(tx, policyId);
        if (parent == null) throw QosExtensionDriver.policyNotFound(policyId);
        return parent;
    }

    private static Map<String, Object> target(Map<String, Object> view, Map<String, Object> parent) {
        Map<String, Object> t = new LinkedHashMap<>(view);
        t.put("project_id", parent.get("project_id"));
        t.put("tenant_id", parent.get("project_id"));
        return t;
    }

    private void enforce(RequestContext ctx, String action, Map<String, Object> target, RuleType type) {
        try {
            policy.enforceAction(ctx.creds(), action, target, type.def.collection());
        } catch (PolicyNotAuthorized e) {
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
    }

    /** Refused: a 404 when the caller may not get the rule either, else 403. */
    private void authorize(RequestContext ctx, String action, String getAction, Map<String, Object> target,
                           Map<String, Object> view, RuleType type, String ruleId, String policyId) {
        try {
            policy.enforceAction(ctx.creds(), action, target, type.def.collection());
        } catch (PolicyNotAuthorized e) {
            if (!policy.checkAction(ctx.creds(), getAction, view, type.def.collection())) {
                throw ruleNotFound(ruleId, policyId);
            }
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bodyOf(ApiRequest req, String key) {
        if (!(req.body() instanceof Map<?, ?> m)) throw NeutronException.badRequest("Resource body required");
        Object inner = m.get(key);
        if (m.size() != 1 || !(inner instanceof Map<?, ?>)) {
            throw NeutronException.badRequest("Unable to find '" + key + "' in request body");
        }
        return new LinkedHashMap<>((Map<String, Object>) inner);
    }

    private static boolean matches(Map<String, Object> view, Map<String, List<String>> filters) {
        for (var f : filters.entrySet()) {
            if (!f.getValue().contains(String.valueOf(view.get(f.getKey())))) return false;
        }
        return true;
    }

    private static Map<String, Object> select(Map<String, Object> view, List<String> fields) {
        if (fields.isEmpty()) return view;
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) if (view.containsKey(f)) out.put(f, view.get(f));
        return out;
    }

    static NeutronException ruleNotFound(String ruleId, String policyId) {
        return new NeutronException(404, "QosRuleNotFound", "QoS rule " + ruleId + " for policy " + policyId
                + " could not be found.");
    }

    private static NeutronException notFound() {
        return new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
    }

    private static NeutronException methodNotAllowed() {
        return new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested resource.");
    }
}
