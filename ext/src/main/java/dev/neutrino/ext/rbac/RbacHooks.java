package dev.neutrino.ext.rbac;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.NeutronException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import dev.neutrino.ext.core.Networks;

/**
 * Network RBAC policies: sharing a network with one project or all ('*'), or making it usable as
 * an external network. The wildcard entries keep {@code shared} / {@code router:external} in step.
 */
final class RbacHooks implements ResourceHooks {
    static final String SHARED = "access_as_shared";
    static final String EXTERNAL = "access_as_external";

    private final ResourceService networks;

    public RbacHooks(ResourceService networks) {
        this.networks = networks;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> policy) {
        String networkId = (String) policy.get("object_id");
        Map<String, Object> net = networks.findVisible(tx, networkId);
        if (net == null) throw NeutronException.notFound("network", networkId);
        if (!tx.ctx().isAdmin() && !tx.ctx().projectId().equals(net.get("project_id"))) {
            // visible (shared with the caller) but not the caller's: Neutron's words
            throw NeutronException.invalidInputGeneric("Only admins can manipulate policies on networks they do "
                    + "not own");
        }
        Condition same = field(name("object_id")).eq(networkId)
                .and(field(name("action")).eq(policy.get("action")))
                .and(field(name("target_tenant")).eq(policy.get("target_tenant")));
        if (tx.dsl().fetchExists(table(name("rbac_policies")), same)) {
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
        ensureUnused(tx, policy, null);
        networks.bumpRevision(tx, (String) policy.get("object_id"));
        if (SHARED.equals(policy.get("action")) && "*".equals(policy.get("target_tenant"))) {
            setFlag(tx, (String) policy.get("object_id"), SHARED, false);
        }
    }

    /** The last access_as_external entry gone, the network is no longer external (_process_ext_policy_delete). */
    @Override
    public void afterDelete(Tx tx, Map<String, Object> policy) {
        if (!EXTERNAL.equals(policy.get("action"))) return;
        String networkId = (String) policy.get("object_id");
        if (!tx.dsl().fetchExists(table(name("rbac_policies")), field(name("object_id")).eq(networkId)
                .and(field(name("action")).eq(EXTERNAL)))) {
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
        Condition ports = field(name("network_id")).eq(networkId)
                .and(field(name("project_id")).ne(net.get("project_id")))
                .and(field(name("device_owner")).notIn(Networks.NETWORK_OWNED));
        if (!"*".equals(target)) {
            ports = ports.and(field(name("project_id")).eq(target));
        } else {
            // projects that keep access through their own entry are fine
            ports = ports.and(field(name("project_id")).notIn(tx.dsl().select(field(name("target_tenant")))
                    .from(table(name("rbac_policies"))).where(field(name("object_id")).eq(networkId)
                            .and(field(name("action")).eq(SHARED)))));
        }
        if (tx.dsl().fetchExists(table(name("ports")), ports)) {
            throw inUse(networkId, "Callback neutron.plugins.ml2.plugin.Ml2Plugin.validate_network_rbac_policy_change "
                    + "failed");
        }
    }

    /** Neutron's _validate_ext_not_in_use_by_tenant: routers with a gateway on the network keep their access. */
    private static void ensureNoGatewayDependsOn(Tx tx, String networkId, String target, String newTarget) {
        var routerProjects = tx.dsl().select(field(name("routers", "project_id"), String.class))
                .from(table(name("routers"))).join(table(name("ports")))
                .on(field(name("ports", "device_id")).eq(field(name("routers", "id"))))
                .where(field(name("ports", "network_id")).eq(networkId)
                        .and(field(name("ports", "device_owner")).eq("network:router_gateway")))
                .fetchSet(field(name("routers", "project_id"), String.class));
        boolean stranded;
        if (!"*".equals(target)) {
            boolean wildcard = tx.dsl().fetchExists(table(name("rbac_policies")), field(name("object_id")).eq(networkId)
                    .and(field(name("action")).eq(EXTERNAL)).and(field(name("target_tenant")).eq("*")));
            stranded = !wildcard && routerProjects.contains(target);
        } else {
            // the wildcard: only if the network is not the default external network
            if (Boolean.TRUE.equals(tx.dsl().select(field(name("is_default"), Boolean.class)).from(table(name("networks")))
                    .where(field(name("id")).eq(networkId)).fetchOne(0, Boolean.class))) {
                throw inUse(networkId, "Default external networks must be shared to everyone.");
            }
            Set<String> withEntries = new HashSet<>(tx.dsl().select(field(name("target_tenant"), String.class))
                    .from(table(name("rbac_policies"))).where(field(name("object_id")).eq(networkId)
                            .and(field(name("action")).eq(EXTERNAL)).and(field(name("target_tenant")).ne("*")))
                    .fetch(field(name("target_tenant"), String.class)));
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
        String column = SHARED.equals(action) ? "shared" : "router_external";
        var update = tx.dsl().update(table(name("networks"))).set(field(name(column)), (Object) value);
        // an internal network is nobody's default external network (Neutron drops its externalnetworks row)
        if (!value && !SHARED.equals(action)) update = update.set(field(name("is_default")), (Object) false);
        update.where(field(name("id")).eq(networkId)).execute();
    }
}
