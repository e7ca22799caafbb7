package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.QOS_RULES;

import dev.neutrino.ext.qos.QosExtension.RuleType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/** The {@code qos_rules} table: every rule of every type, the columns of the other types NULL. */
final class QosRuleStore {
    private QosRuleStore() {}

    /** One stored rule: its type's parameters by name ({@code max_kbps}, {@code direction}...). */
    record Rule(String id, String policyId, RuleType type, Map<String, Object> parameters) {
        /** What the rule's sub-resource shows: its id and parameters. */
        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", id);
            v.putAll(parameters);
            return v;
        }

        /** What a policy's {@code rules} list shows (QosRule.to_dict): with the policy's id and the type. */
        Map<String, Object> policyView() {
            Map<String, Object> v = view();
            v.put("qos_policy_id", policyId);
            v.put("type", type.type);
            return v;
        }

        /** The parameter a conflict is judged on (QosRule.duplicates_compare_fields): direction, if it has one. */
        Object direction() {
            return parameters.get("direction");
        }
    }

    static Rule find(DSLContext dsl, String id) {
        Record r = dsl.selectFrom(QOS_RULES).where(QOS_RULES.ID.eq(id)).fetchOne();
        return r == null ? null : rule(r);
    }

    /** The rules of a policy, by type (in RuleType order) and id. */
    static List<Rule> ofPolicy(DSLContext dsl, String policyId) {
        return sorted(dsl.selectFrom(QOS_RULES).where(QOS_RULES.QOS_POLICY_ID.eq(policyId)).fetch().map(QosRuleStore::rule));
    }

    static Map<String, List<Map<String, Object>>> viewsByPolicy(DSLContext dsl, Collection<String> policyIds) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        List<Rule> all = sorted(dsl.selectFrom(QOS_RULES).where(QOS_RULES.QOS_POLICY_ID.in(policyIds)).fetch()
                .map(QosRuleStore::rule));
        for (Rule r : all) out.computeIfAbsent(r.policyId(), k -> new ArrayList<>()).add(r.policyView());
        return out;
    }

    private static List<Rule> sorted(List<Rule> rules) {
        List<Rule> out = new ArrayList<>(rules);
        out.sort(Comparator.comparing((Rule r) -> r.type().ordinal()).thenComparing(Rule::id));
        return out;
    }

    static void insert(DSLContext dsl, Rule r) {
        Map<String, Object> p = r.parameters();
        dsl.insertInto(QOS_RULES)
                .set(QOS_RULES.ID, r.id())
                .set(QOS_RULES.QOS_POLICY_ID, r.policyId())
                .set(QOS_RULES.TYPE, r.type().type)
                .set(QOS_RULES.DIRECTION, (String) p.get("direction"))
                .set(QOS_RULES.MAX_KBPS, asLong(p.get("max_kbps")))
                .set(QOS_RULES.MAX_BURST_KBPS, asLong(p.get("max_burst_kbps")))
                .set(QOS_RULES.MIN_KBPS, asLong(p.get("min_kbps")))
                .set(QOS_RULES.DSCP_MARK, p.get("dscp_mark") == null ? null : ((Number) p.get("dscp_mark")).intValue())
                .set(QOS_RULES.MAX_KPPS, asLong(p.get("max_kpps")))
                .set(QOS_RULES.MAX_BURST_KPPS, asLong(p.get("max_burst_kpps")))
                .set(QOS_RULES.MIN_KPPS, asLong(p.get("min_kpps")))
                .execute();
    }

    static void update(DSLContext dsl, Rule r) {
        Map<String, Object> p = r.parameters();
        dsl.update(QOS_RULES)
                .set(QOS_RULES.DIRECTION, (String) p.get("direction"))
                .set(QOS_RULES.MAX_KBPS, asLong(p.get("max_kbps")))
                .set(QOS_RULES.MAX_BURST_KBPS, asLong(p.get("max_burst_kbps")))
                .set(QOS_RULES.MIN_KBPS, asLong(p.get("min_kbps")))
                .set(QOS_RULES.DSCP_MARK, p.get("dscp_mark") == null ? null : ((Number) p.get("dscp_mark")).intValue())
                .set(QOS_RULES.MAX_KPPS, asLong(p.get("max_kpps")))
                .set(QOS_RULES.MAX_BURST_KPPS, asLong(p.get("max_burst_kpps")))
                .set(QOS_RULES.MIN_KPPS, asLong(p.get("min_kpps")))
                .where(QOS_RULES.ID.eq(r.id()))
                .execute();
    }

    static void delete(DSLContext dsl, String id) {
        dsl.deleteFrom(QOS_RULES).where(QOS_RULES.ID.eq(id)).execute();
    }

    private static Long asLong(Object v) {
        return v == null ? null : ((Number) v).longValue();
    }

    private static Rule rule(Record r) {
        RuleType type = RuleType.of(r.get(QOS_RULES.TYPE));
        Map<String, Object> p = new LinkedHashMap<>();
        switch (type) {
            case BANDWIDTH_LIMIT -> {
                p.put("max_kbps", r.get(QOS_RULES.MAX_KBPS).intValue());
                p.put("max_burst_kbps", r.get(QOS_RULES.MAX_BURST_KBPS).intValue());
                p.put("direction", r.get(QOS_RULES.DIRECTION));
            }
            case DSCP_MARKING -> p.put("dscp_mark", r.get(QOS_RULES.DSCP_MARK));
            case MINIMUM_BANDWIDTH -> {
                p.put("min_kbps", r.get(QOS_RULES.MIN_KBPS).intValue());
                p.put("direction", r.get(QOS_RULES.DIRECTION));
            }
            case PACKET_RATE_LIMIT -> {
                p.put("max_kpps", r.get(QOS_RULES.MAX_KPPS).intValue());
                p.put("max_burst_kpps", r.get(QOS_RULES.MAX_BURST_KPPS).intValue());
                p.put("direction", r.get(QOS_RULES.DIRECTION));
            }
            case MINIMUM_PACKET_RATE -> {
                p.put("min_kpps", r.get(QOS_RULES.MIN_KPPS).intValue());
                p.put("direction", r.get(QOS_RULES.DIRECTION));
            }
        }
        return new Rule(r.get(QOS_RULES.ID), r.get(QOS_RULES.QOS_POLICY_ID), type, p);
    }
}
