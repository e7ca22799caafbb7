package dev.neutrino.ovn;

import static dev.neutrino.schema.Tables.QOS_RULES;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** QoS policies' rules as the translation needs them, read from {@code qos_rules} (ML2/OVN's _qos_rules). */
final class QosRuleReader {
    private QosRuleReader() {}

    /** The rules of these policies (null: of every policy), by policy id, in id order. */
    static Map<String, List<Translator.QosRule>> byPolicy(DSLContext dsl, Collection<String> policyIds) {
        Map<String, List<Translator.QosRule>> out = new HashMap<>();
        if (policyIds != null && policyIds.isEmpty()) return out;
        Condition c = policyIds == null ? DSL.noCondition() : QOS_RULES.QOS_POLICY_ID.in(policyIds);
        for (Record r : dsl.selectFrom(QOS_RULES).where(c).orderBy(QOS_RULES.ID).fetch()) {
            out.computeIfAbsent(r.get(QOS_RULES.QOS_POLICY_ID), k -> new ArrayList<>()).add(new Translator.QosRule(
                    r.get(QOS_RULES.TYPE), r.get(QOS_RULES.DIRECTION), r.get(QOS_RULES.MAX_KBPS),
                    r.get(QOS_RULES.MAX_BURST_KBPS), r.get(QOS_RULES.DSCP_MARK), r.get(QOS_RULES.MIN_KBPS)));
        }
        return out;
    }
}
