package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.QOS_POLICIES;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;

/**
 * QoS policies as neutron/services/qos/qos_plugin.py keeps them: visible to their project and, when
 * shared, to all; one default per project (qos-default); not deleted while a network or a port uses
 * it (QosPolicyInUse); shown with their rules.
 */
final class QosPolicyHooks implements ResourceHooks {
    @Override
    public void beforeCreate(Tx tx, Map<String, Object> policy) {
        if (Boolean.TRUE.equals(policy.get("is_default"))) {
            checkSingleDefault(tx, (String) policy.get("project_id"), null);
        }
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (Boolean.TRUE.equals(changes.get("is_default")) && !Boolean.TRUE.equals(current.get("is_default"))) {
            checkSingleDefault(tx, (String) current.get("project_id"), (String) current.get("id"));
        }
    }

    private static void checkSingleDefault(Tx tx, String project, String except) {
        Condition c = QOS_POLICIES.PROJECT_ID.eq(project).and(QOS_POLICIES.IS_DEFAULT.isTrue());
        if (except != null) c = c.and(QOS_POLICIES.ID.ne(except));
        if (tx.dsl().fetchExists(QOS_POLICIES, c)) {
            throw NeutronException.conflict("QoSPolicyDefaultAlreadyExists",
                    "A default QoS policy exists for project " + project + ".");
        }
    }

    /** QosPolicy.ensure_not_in_use: networks first, then ports, as Neutron's binding models are checked. */
    @Override
    public void beforeDelete(Tx tx, Map<String, Object> policy) {
        String id = (String) policy.get("id");
        String network = tx.dsl().select(NETWORKS.ID).from(NETWORKS).where(NETWORKS.QOS_POLICY_ID.eq(id)).limit(1)
                .fetchOne(NETWORKS.ID);
        if (network != null) throw inUse(id, "network", network);
        String port = tx.dsl().select(PORTS.ID).from(PORTS).where(PORTS.QOS_POLICY_ID.eq(id)).limit(1)
                .fetchOne(PORTS.ID);
        if (port != null) throw inUse(id, "port", port);
    }

    private static NeutronException inUse(String policy, String type, String id) {
        return NeutronException.conflict("QosPolicyInUse", "QoS Policy " + policy + " is used by " + type + " "
                + id + ".");
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> policies) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> p : policies) ids.add((String) p.get("id"));
        if (ids.isEmpty()) return;
        Map<String, List<Map<String, Object>>> byPolicy = QosRuleStore.viewsByPolicy(tx.dsl(), ids);
        for (Map<String, Object> p : policies) p.put("rules", byPolicy.getOrDefault(p.get("id"), new ArrayList<>()));
    }

    @Override
    public Condition visibleTo(Tx tx) {
        return QOS_POLICIES.PROJECT_ID.eq(tx.ctx().projectId()).or(QOS_POLICIES.SHARED.isTrue());
    }
}
