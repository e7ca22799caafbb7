package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.FLOATINGIPS;
import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.ROUTERS;
import static dev.neutrino.schema.Tables.QOS_POLICIES;
import static dev.neutrino.schema.Tables.RBAC_POLICIES;
import static dev.neutrino.schema.Tables.TAGS;

import dev.neutrino.common.NeutronException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A QoS policy's RBAC entries (object_type {@code qos_policy}, action {@code access_as_shared}), as
 * neutron/objects/rbac_db.py keeps them for QosPolicy: {@code shared} is a wildcard entry; an entry
 * cannot go while a project it gives the policy to uses it on a network or a port (RbacPolicyInUse).
 * As Zed counts them, the projects that use the policy include its owner: a wildcard entry cannot go
 * while the owner's own network or port uses the policy either, unless the owner has an entry of its own.
 */
final class QosPolicyRbac {
    private QosPolicyRbac() {}

    static final String OBJECT_TYPE = "qos_policy";
    static final String SHARED = "access_as_shared";

    /** What a non-admin may see and use: own policies and those shared with the project or everyone. */
    static Condition visible(String project) {
        return QOS_POLICIES.PROJECT_ID.eq(project).or(DSL.exists(DSL.selectOne().from(RBAC_POLICIES)
                .where(entryOf(QOS_POLICIES.ID).and(RBAC_POLICIES.TARGET_TENANT.in("*", String.valueOf(project))))));
    }

    /** An access_as_shared entry of the policy {@code policyId} (a column, for correlated queries). */
    static Condition entryOf(org.jooq.Field<String> policyId) {
        return RBAC_POLICIES.OBJECT_ID.eq(policyId).and(RBAC_POLICIES.OBJECT_TYPE.eq(OBJECT_TYPE))
                .and(RBAC_POLICIES.ACTION.eq(SHARED));
    }

    /** The wildcard entry of a policy made shared (attach_rbac: the policy's project owns it). */
    static void share(DSLContext dsl, String policyId, String owner) {
        if (dsl.fetchExists(RBAC_POLICIES, entry(policyId, "*"))) return;
        dsl.insertInto(RBAC_POLICIES)
                .set(RBAC_POLICIES.ID, UUID.randomUUID().toString())
                .set(RBAC_POLICIES.PROJECT_ID, owner)
                .set(RBAC_POLICIES.OBJECT_TYPE, OBJECT_TYPE)
                .set(RBAC_POLICIES.OBJECT_ID, policyId)
                .set(RBAC_POLICIES.TARGET_TENANT, "*")
                .set(RBAC_POLICIES.ACTION, SHARED)
                .set(RBAC_POLICIES.REVISION_NUMBER, 0L)
                .execute();
    }

    /** update_shared(False): the wildcard entry goes, if nothing depends on it. */
    static void unshare(DSLContext dsl, String policyId) {
        ensureRemovable(dsl, policyId, "*");
        deleteEntries(dsl, entry(policyId, "*"));
    }

    /** All entries of a deleted policy (the database's cascade in Neutron). */
    static void deleteAll(DSLContext dsl, String policyId) {
        deleteEntries(dsl, RBAC_POLICIES.OBJECT_ID.eq(policyId).and(RBAC_POLICIES.OBJECT_TYPE.eq(OBJECT_TYPE)));
    }

    private static void deleteEntries(DSLContext dsl, Condition which) {
        var ids = dsl.select(RBAC_POLICIES.ID).from(RBAC_POLICIES).where(which).fetch(RBAC_POLICIES.ID);
        if (ids.isEmpty()) return;
        dsl.deleteFrom(TAGS).where(TAGS.RESOURCE_ID.in(ids)).execute();
        dsl.deleteFrom(RBAC_POLICIES).where(RBAC_POLICIES.ID.in(ids)).execute();
    }

    static Condition entry(String policyId, String target) {
        return RBAC_POLICIES.OBJECT_ID.eq(policyId).and(RBAC_POLICIES.OBJECT_TYPE.eq(OBJECT_TYPE))
                .and(RBAC_POLICIES.ACTION.eq(SHARED)).and(RBAC_POLICIES.TARGET_TENANT.eq(target));
    }

    /**
     * RbacNeutronDbObjectMixin._validate_rbac_policy_delete: a project's entry may go when a wildcard
     * remains or the project uses the policy nowhere; the wildcard may go when every project using the
     * policy keeps an entry of its own.
     */
    static void ensureRemovable(DSLContext dsl, String policyId, String target) {
        Set<String> bound = boundProjects(dsl, policyId);
        if (!"*".equals(target)) {
            if (dsl.fetchExists(RBAC_POLICIES, entry(policyId, "*"))) return;
            if (bound.contains(target)) throw inUse(policyId, target);
            return;
        }
        Set<String> others = new HashSet<>(dsl.select(RBAC_POLICIES.TARGET_TENANT).from(RBAC_POLICIES)
                .where(RBAC_POLICIES.OBJECT_ID.eq(policyId).and(RBAC_POLICIES.OBJECT_TYPE.eq(OBJECT_TYPE))
                        .and(RBAC_POLICIES.ACTION.eq(SHARED)).and(RBAC_POLICIES.TARGET_TENANT.ne("*")))
                .fetch(RBAC_POLICIES.TARGET_TENANT));
        if (!others.containsAll(bound)) throw inUse(policyId, target);
    }

    /**
     * QosPolicy.get_bound_project_ids: the projects of the networks, ports, floating IPs and routers
     * (their gateway IP) that have the policy.
     */
    static Set<String> boundProjects(DSLContext dsl, String policyId) {
        Set<String> out = new HashSet<>(dsl.selectDistinct(NETWORKS.PROJECT_ID).from(NETWORKS)
                .where(NETWORKS.QOS_POLICY_ID.eq(policyId)).fetch(NETWORKS.PROJECT_ID));
        out.addAll(dsl.selectDistinct(PORTS.PROJECT_ID).from(PORTS).where(PORTS.QOS_POLICY_ID.eq(policyId))
                .fetch(PORTS.PROJECT_ID));
        out.addAll(dsl.selectDistinct(FLOATINGIPS.PROJECT_ID).from(FLOATINGIPS)
                .where(FLOATINGIPS.QOS_POLICY_ID.eq(policyId)).fetch(FLOATINGIPS.PROJECT_ID));
        out.addAll(dsl.selectDistinct(ROUTERS.PROJECT_ID).from(ROUTERS).where(ROUTERS.QOS_POLICY_ID.eq(policyId))
                .fetch(ROUTERS.PROJECT_ID));
        return out;
    }

    static NeutronException inUse(String policyId, String target) {
        return NeutronException.conflict("RbacPolicyInUse", "RBAC policy on object " + policyId
                + " cannot be removed because other objects depend on it.\nDetails: project_id=" + target);
    }
}
