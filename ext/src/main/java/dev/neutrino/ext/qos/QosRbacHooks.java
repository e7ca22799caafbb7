package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.QOS_POLICIES;
import static dev.neutrino.schema.Tables.RBAC_POLICIES;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.Map;
import java.util.Objects;
import org.jooq.Record2;

/**
 * RBAC entries of object_type {@code qos_policy} (neutron/objects/rbac_db.py validate_rbac_policy_change
 * for QosPolicy): only {@code access_as_shared}; only the policy's project or an admin may write them;
 * an entry that a using project depends on cannot be removed or retargeted (RbacPolicyInUse); a
 * wildcard entry is the policy's {@code shared}. Entries of other object types are not this class's.
 */
final class QosRbacHooks implements ResourceHooks {
    /** The callback Zed's messages name (Neutron appends a per-process hash, left out here). */
    static final String CALLBACK = "neutron.objects.qos.policy.RbacNeutronDbObjectMixin.validate_rbac_policy_change";

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> entry) {
        if (!QosPolicyRbac.OBJECT_TYPE.equals(entry.get("object_type"))) return;
        String policyId = (String) entry.get("object_id");
        ownedOrAdmin(tx, policyId);
        if (!QosPolicyRbac.SHARED.equals(entry.get("action"))) {
            throw new NeutronException(400, "InvalidActionForType", "Invalid action '" + entry.get("action")
                    + "' for object type 'qos_policy'. Valid actions: ('access_as_shared',)");
        }
        if (tx.dsl().fetchExists(RBAC_POLICIES, QosPolicyRbac.entry(policyId, (String) entry.get("target_tenant")))) {
            throw NeutronException.conflict("DuplicateRbacPolicy", "An RBAC policy already exists with those values.");
        }
        if ("*".equals(entry.get("target_tenant"))) setShared(tx, policyId, true);
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (!QosPolicyRbac.OBJECT_TYPE.equals(current.get("object_type"))) return;
        String policyId = (String) current.get("object_id");
        Record2<String, String> policy = ownedOrAdmin(tx, policyId);
        Object target = changes.get("target_tenant");
        String previous = (String) current.get("target_tenant");
        if (target == null || target.equals(previous)) return;
        // validate_rbac_policy_update: retargeting to one project is removing the old target's entry
        if (!"*".equals(target) && !previous.equals(policy.value2())) ensureRemovable(tx, policyId, previous);
        if ("*".equals(previous)) setShared(tx, policyId, false);
        if ("*".equals(target)) setShared(tx, policyId, true);
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> entry) {
        if (!QosPolicyRbac.OBJECT_TYPE.equals(entry.get("object_type"))) return;
        String policyId = (String) entry.get("object_id");
        String target = (String) entry.get("target_tenant");
        String owner = tx.dsl().select(QOS_POLICIES.PROJECT_ID).from(QOS_POLICIES)
                .where(QOS_POLICIES.ID.eq(policyId)).fetchOne(QOS_POLICIES.PROJECT_ID);
        if (owner != null && !owner.equals(target)) ensureRemovable(tx, policyId, target);
        if ("*".equals(target)) setShared(tx, policyId, false);
    }

    /**
     * Through {@code /v2.0/rbac-policies} the refusal comes from a callback, and Zed's RBAC mixin wraps
     * it (its message names the callback, here without the callback's per-process hash suffix).
     */
    private static void ensureRemovable(Tx tx, String policyId, String target) {
        try {
            QosPolicyRbac.ensureRemovable(tx.dsl(), policyId, target);
        } catch (NeutronException e) {
            throw NeutronException.conflict("RbacPolicyInUse", "RBAC policy on object " + policyId
                    + " cannot be removed because other objects depend on it.\nDetails: Callback " + CALLBACK
                    + " failed with \"" + e.getMessage() + "\"");
        }
    }

    /** The policy (id, project), which the caller must own unless admin (InvalidInput as Zed's). */
    private static Record2<String, String> ownedOrAdmin(Tx tx, String policyId) {
        Record2<String, String> policy = tx.dsl().select(QOS_POLICIES.ID, QOS_POLICIES.PROJECT_ID).from(QOS_POLICIES)
                .where(QOS_POLICIES.ID.eq(policyId)).fetchOne();
        if (policy == null) throw QosExtensionDriver.policyNotFound(policyId);
        if (!tx.ctx().isAdmin() && !Objects.equals(policy.value2(), tx.ctx().projectId())) {
            // raised in a callback, which Zed's RBAC mixin wraps (here without the callback's hash suffix)
            throw NeutronException.invalidInputGeneric("Callback " + CALLBACK + " failed with \"Invalid input for "
                    + "operation: Only admins can manipulate policies on objects they do not own.\"");
        }
        return policy;
    }

    private static void setShared(Tx tx, String policyId, boolean shared) {
        tx.dsl().update(QOS_POLICIES).set(QOS_POLICIES.SHARED, shared).where(QOS_POLICIES.ID.eq(policyId)).execute();
    }
}
