package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.FLOATINGIPS;
import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.QOS_POLICIES;
import static dev.neutrino.schema.Tables.ROUTERS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.model.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;

/**
 * QoS policies as neutron/services/qos/qos_plugin.py keeps them: visible to their project and to the
 * projects an RBAC entry shares them with ({@code shared} is the wildcard entry, {@link QosPolicyRbac});
 * one default per project (qos-default); not deleted while a network, a port, a floating IP or a
 * router's gateway uses it
 * (QosPolicyInUse), their RBAC entries deleted with them; shown with their rules and, as
 * QosPolicy.to_dict, {@code shared} when shared with everyone or with the caller's project.
 */
final class QosPolicyHooks implements ResourceHooks {
    @Override
    public void beforeCreate(Tx tx, Map<String, Object> policy) {
        if (Boolean.TRUE.equals(policy.get("is_default"))) {
            checkSingleDefault(tx, (String) policy.get("project_id"), null);
        }
    }

    @Override
    public void afterCreate(Tx tx, Map<String, Object> policy) {
        if (Boolean.TRUE.equals(policy.get("shared"))) {
            QosPolicyRbac.RBAC.share(tx.dsl(), (String) policy.get("id"), (String) policy.get("project_id"));
        }
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (Boolean.TRUE.equals(changes.get("is_default")) && !Boolean.TRUE.equals(current.get("is_default"))) {
            checkSingleDefault(tx, (String) current.get("project_id"), (String) current.get("id"));
        }
        // update_shared: the wildcard entry follows; unsharing is refused while a project depends on it
        String id = (String) current.get("id");
        if (Boolean.TRUE.equals(changes.get("shared"))) {
            QosPolicyRbac.RBAC.share(tx.dsl(), id, (String) current.get("project_id"));
        } else if (Boolean.FALSE.equals(changes.get("shared"))) {
            QosPolicyRbac.RBAC.unshare(tx.dsl(), id);
        }
    }

    /** What a non-admin may see and attach (see {@link QosPolicyRbac#visible}). */
    static Condition visible(String project) {
        return QosPolicyRbac.RBAC.visibleTo(project);
    }

    private static void checkSingleDefault(Tx tx, String project, String except) {
        Condition c = QOS_POLICIES.PROJECT_ID.eq(project).and(QOS_POLICIES.IS_DEFAULT.isTrue());
        if (except != null) c = c.and(QOS_POLICIES.ID.ne(except));
        if (tx.dsl().fetchExists(QOS_POLICIES, c)) {
            throw NeutronException.conflict("QoSPolicyDefaultAlreadyExists",
                    "A default QoS policy exists for project " + project + ".");
        }
    }

    /**
     * QosPolicy.ensure_not_in_use: networks first, then ports, floating IPs ("fip") and routers, as
     * Neutron's binding models are checked.
     */
    @Override
    public void beforeDelete(Tx tx, Map<String, Object> policy) {
        String id = (String) policy.get("id");
        String network = tx.dsl().select(NETWORKS.ID).from(NETWORKS).where(NETWORKS.QOS_POLICY_ID.eq(id)).limit(1)
                .fetchOne(NETWORKS.ID);
        if (network != null) throw inUse(id, "network", network);
        String port = tx.dsl().select(PORTS.ID).from(PORTS).where(PORTS.QOS_POLICY_ID.eq(id)).limit(1)
                .fetchOne(PORTS.ID);
        if (port != null) throw inUse(id, "port", port);
        String fip = tx.dsl().select(FLOATINGIPS.ID).from(FLOATINGIPS).where(FLOATINGIPS.QOS_POLICY_ID.eq(id))
                .limit(1).fetchOne(FLOATINGIPS.ID);
        if (fip != null) throw inUse(id, "fip", fip);
        String router = tx.dsl().select(ROUTERS.ID).from(ROUTERS).where(ROUTERS.QOS_POLICY_ID.eq(id)).limit(1)
                .fetchOne(ROUTERS.ID);
        if (router != null) throw inUse(id, "router", router);
        QosPolicyRbac.RBAC.deleteAll(tx.dsl(), id);
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
        QosPolicyRbac.RBAC.extendShared(tx, policies);
    }

    /**
     * The {@code shared} filter as Zed's RBAC query hook answers it: shared means an access_as_shared
     * entry for everyone or for the caller's project (what the policy shows the caller as shared).
     */
    @Override
    public Condition filter(Tx tx, Attribute attribute, List<String> values) {
        return attribute.name().equals("shared") ? QosPolicyRbac.RBAC.sharedFilter(tx, values) : null;
    }

    @Override
    public Condition visibleTo(Tx tx) {
        return visible(tx.ctx().projectId());
    }
}
