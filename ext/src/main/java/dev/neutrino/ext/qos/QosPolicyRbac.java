package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.FLOATINGIPS;
import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.QOS_POLICIES;
import static dev.neutrino.schema.Tables.ROUTERS;

import dev.neutrino.ext.rbac.api.SharedObjectRbac;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * A QoS policy's RBAC entries (object_type {@code qos_policy}, action {@code access_as_shared}), as
 * neutron/objects/rbac_db.py keeps them for QosPolicy (the behaviour is {@link SharedObjectRbac}'s):
 * {@code shared} is the wildcard entry, kept in the policy's {@code shared} column too; an entry cannot
 * go while a project it gives the policy to uses it (RbacPolicyInUse). As Zed counts them, the projects
 * that use the policy include its owner: a wildcard entry cannot go while the owner's own network or
 * port uses the policy either, unless the owner has an entry of its own.
 */
final class QosPolicyRbac {
    private QosPolicyRbac() {}

    static final SharedObjectRbac RBAC = new SharedObjectRbac("qos_policy", QOS_POLICIES, QOS_POLICIES.ID,
            QOS_POLICIES.PROJECT_ID, QOS_POLICIES.SHARED, QosPolicyRbac::boundProjects,
            "neutron.objects.qos.policy.RbacNeutronDbObjectMixin", QosExtensionDriver::policyNotFound);

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
}
