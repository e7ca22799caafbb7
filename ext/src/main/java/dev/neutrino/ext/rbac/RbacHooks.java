package dev.neutrino.ext.rbac;

import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.RBAC_POLICIES;
import static dev.neutrino.schema.Tables.ROUTERS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.NeutronException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import dev.neutrino.ext.core.Networks;

/**
 * Network RBAC policies: sharing a network with one project or all ('*'), or making it usable as
 * an external network. The wildcard entries keep {@code shared} / {@code router:external} in step.
 * Entries of another object type are checked by the extension that owns the type (qos_policy: qos);
 * a type whose extension is off is refused as the object_type converter refuses an unknown one.
 */
final class RbacHooks implements ResourceHooks {
    static final String SHARED = "access_as_shared";
    static final String EXTERNAL = "access_as_external";

    static final String NETWORK = "network";

    private final ResourceService networks;
    private final List<String> objectTypes;

    /** {@code objectTypes}: the object types in the API (network and those of enabled extensions). */
    public RbacHooks(ResourceService networks, List<String> objectTypes) {
        this.networks = networks;
        this.objectTypes = objectTypes;
    }

    private static boolean notNetwork(Map<String, Object> policy) {
        return !NETWORK.equals(policy.get("object_type"));
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> policy) {
        if (!objectTypes.contains(policy.get("object_type"))) {
            throw NeutronException.badRequest("Invalid input for operation: "
                    + RbacPolicies.notAnObjectType(policy.get("object_type")) + ".");
        }
        if (notNetwork(policy)) return;
        String networkId = (String) policy.get("object_id");
        Map<String, Object> net = networks.findVisible(tx, networkId);
        if (net == null) throw NeutronException.notFound("network", networkId);
        if (!tx.ctx().isAdmin() && !tx.ctx().projectId().equals(net.get("project_id"))) {
            // visible (shared with the caller) but not the caller's: Neutron's words
            throw NeutronException.invalidInputGeneric("Only admins can manipulate policies on networks they do "
                    + "not own");
        }
        Condition same = RBAC_POLICIES.OBJECT_ID.eq(networkId)
                .and(RBAC_POLICIES.ACTION.eq((String) policy.get("action")))
                .and(RBAC_POLICIES.TARGET_TENANT.eq((String) policy.get("target_tenant")));
        if (tx.dsl().fetchExists(RBAC_POLICIES, same)) {
            throw NeutronException.conflict("DuplicateRbacPolicy",
                    "An RBAC policy already exists with those values.");
        }
        networks.bumpRevision(tx, networkId); // the network's rbac entries changed
        if (EXTERNAL.equals(policy.get("action"))) {
            // as Neutron's _process_ext_policy_create: any access_as_external entry makes the network
            // external (router:external is "has an external entry", not "has the wildcard")
            setFlag(tx, networkId, EXTERNAL, true);
        } else if ("*".equals(policy.get("target_tenant"))) {
            setFlag(tx, networkId, SHARED, true);
        }
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (notNetwork(current)) return;
        Object target = changes.get("target_tenant");
        if (target != null && !target.equals(current.get("target_tenant"))) {
            ensureUnused(tx, current, (String) target);
            networks.bumpRevision(tx, (String) current.get("object_id"));
            if (SHARED.equals(current.get("action"))) {
                if ("*".equals(current.get("target_tenant"))) setFlag(tx, (String) current.get("object_id"), SHARED,
                        false);
                if ("*".equals(target)) setFlag(tx, (String) current.get("object_id"), SHARED, true);
            }
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> policy) {
        if (notNetwork(policy)) return;
        ensureUnused(tx, policy, null);
        networks.bumpRevision(tx, (String) policy.get("object_id"));
        if (SHARED.equals(policy.get("action")) && "*".equals(policy.get("target_tenant"))) {
            setFlag(tx, (String) policy.get("object_id"), SHARED, false);
        }
    }

    /** The last access_as_external entry gone, the network is no longer external (_process_ext_policy_delete). */
    @Override
    public void afterDelete(Tx tx, Map<String, Object> policy) {
        if (notNetwork(policy) || !EXTERNAL.equals(policy.get("action"))) return;
        String networkId = (String) policy.get("object_id");
        if (!tx.dsl().fetchExists(RBAC_POLICIES, RBAC_POLICIES.OBJECT_ID.eq(networkId)
                .and(RBAC_POLICIES.ACTION.eq(EXTERNAL)))) {
            setFlag(tx, networkId, EXTERNAL, false);
        }
    }

    /**
     * A policy whose removal (or retargeting to {@code newTarget}) would strand other projects'
     * ports (access_as_shared) or routers' gateways (access_as_external) cannot go.
     */
    private void ensureUnused(Tx tx, Map<String, Object> policy, String newTarget) {
        String networkId = (String) policy.get("object_id");
        String target = (String) policy.get("target_tenant");
        Map<String, Object> net = networks.store().find(tx.dsl(), networkId);
        if (net == null) return;
        if (EXTERNAL.equals(policy.get("action"))) {
            ensureNoGatewayDependsOn(tx, networkId, target, newTarget);
            return;
        }
        Condition ports = PORTS.NETWORK_ID.eq(networkId)
                .and(PORTS.PROJECT_ID.ne((String) net.get("project_id")))
                .and(PORTS.DEVICE_OWNER.notIn(Networks.NETWORK_OWNED));
        if (!"*".equals(target)) {
            ports = ports.and(PORTS.PROJECT_ID.eq(target));
        } else {
            // projects that keep access through their own entry are fine
            ports = ports.and(PORTS.PROJECT_ID.notIn(tx.dsl().select(RBAC_POLICIES.TARGET_TENANT)
                    .from(RBAC_POLICIES).where(RBAC_POLICIES.OBJECT_ID.eq(networkId)
                            .and(RBAC_POLICIES.ACTION.eq(SHARED)))));
        }
        if (tx.dsl().fetchExists(PORTS, ports)) {
            throw inUse(networkId, "Callback neutron.plugins.ml2.plugin.Ml2Plugin.validate_network_rbac_policy_change "
                    + "failed");
        }
    }

    /** Neutron's _validate_ext_not_in_use_by_tenant: routers with a gateway on the network keep their access. */
    private static void ensureNoGatewayDependsOn(Tx tx, String networkId, String target, String newTarget) {
        var routerProjects = tx.dsl().select(ROUTERS.PROJECT_ID)
                .from(ROUTERS).join(PORTS)
                .on(PORTS.DEVICE_ID.eq(ROUTERS.ID))
                .where(PORTS.NETWORK_ID.eq(networkId)
                        .and(PORTS.DEVICE_OWNER.eq("network:router_gateway")))
                .fetchSet(ROUTERS.PROJECT_ID);
        boolean stranded;
        if (!"*".equals(target)) {
            boolean wildcard = tx.dsl().fetchExists(RBAC_POLICIES, RBAC_POLICIES.OBJECT_ID.eq(networkId)
                    .and(RBAC_POLICIES.ACTION.eq(EXTERNAL)).and(RBAC_POLICIES.TARGET_TENANT.eq("*")));
            stranded = !wildcard && routerProjects.contains(target);
        } else {
            // the wildcard: only if the network is not the default external network
            if (Boolean.TRUE.equals(tx.dsl().select(NETWORKS.IS_DEFAULT).from(NETWORKS)
                    .where(NETWORKS.ID.eq(networkId)).fetchOne(0, Boolean.class))) {
                throw inUse(networkId, "Default external networks must be shared to everyone.");
            }
            Set<String> withEntries = new HashSet<>(tx.dsl().select(RBAC_POLICIES.TARGET_TENANT)
                    .from(RBAC_POLICIES).where(RBAC_POLICIES.OBJECT_ID.eq(networkId)
                            .and(RBAC_POLICIES.ACTION.eq(EXTERNAL)).and(RBAC_POLICIES.TARGET_TENANT.ne("*")))
                    .fetch(RBAC_POLICIES.TARGET_TENANT));
            if (newTarget != null) withEntries.add(newTarget);
            stranded = !withEntries.containsAll(routerProjects);
        }
        if (stranded) {
            throw inUse(networkId, "There are routers attached to this network that depend on this policy for "
                    + "access.");
        }
    }

    private static NeutronException inUse(String networkId, String details) {
        return NeutronException.conflict("RbacPolicyInUse", "RBAC policy on object " + networkId
                + " cannot be removed because other objects depend on it.\nDetails: " + details);
    }

    private static void setFlag(Tx tx, String networkId, Object action, boolean value) {
        Field<Boolean> column = SHARED.equals(action) ? NETWORKS.SHARED : NETWORKS.ROUTER_EXTERNAL;
        var update = tx.dsl().update(NETWORKS).set(column, value);
        // an internal network is nobody's default external network (Neutron drops its externalnetworks row)
        if (!value && !SHARED.equals(action)) update = update.set(NETWORKS.IS_DEFAULT, false);
        update.where(NETWORKS.ID.eq(networkId)).execute();
    }
}
