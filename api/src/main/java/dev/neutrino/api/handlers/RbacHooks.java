package dev.neutrino.api.handlers;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.neutrino.api.ResourceHooks;
import dev.neutrino.api.ResourceService;
import dev.neutrino.api.Tx;
import dev.neutrino.common.NeutronException;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.Condition;

/**
 * Network RBAC policies: sharing a network with one project or all ('*'), or making it usable as
 * an external network. The wildcard entries keep {@code shared} / {@code router:external} in step.
 */
public final class RbacHooks implements ResourceHooks {
    private final Supplier<ResourceService> networks;

    public RbacHooks(Supplier<ResourceService> networks) {
        this.networks = networks;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> policy) {
        String networkId = (String) policy.get("object_id");
        Map<String, Object> net = networks.get().findVisible(tx, networkId);
        if (net == null || (!tx.ctx().isAdmin() && !tx.ctx().projectId().equals(net.get("project_id")))) {
            throw NeutronException.notFound("network", networkId);
        }
        Condition same = field(name("object_id")).eq(networkId)
                .and(field(name("action")).eq(policy.get("action")))
                .and(field(name("target_tenant")).eq(policy.get("target_tenant")));
        if (tx.dsl().fetchExists(table(name("rbac_policies")), same)) {
            throw NeutronException.conflict("DuplicateRbacPolicy",
                    "An RBAC policy already exists with those values.");
        }
        if ("*".equals(policy.get("target_tenant"))) {
            setFlag(tx, networkId, policy.get("action"), true);
        }
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        Object target = changes.get("target_tenant");
        if (target != null && !target.equals(current.get("target_tenant"))) {
            ensureUnused(tx, current);
            if ("*".equals(current.get("target_tenant"))) setFlag(tx, (String) current.get("object_id"),
                    current.get("action"), false);
            if ("*".equals(target)) setFlag(tx, (String) current.get("object_id"), current.get("action"), true);
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> policy) {
        ensureUnused(tx, policy);
        if ("*".equals(policy.get("target_tenant"))) {
            setFlag(tx, (String) policy.get("object_id"), policy.get("action"), false);
        }
    }

    /** A policy whose removal would strand other projects' ports cannot go. */
    private void ensureUnused(Tx tx, Map<String, Object> policy) {
        if (!"access_as_shared".equals(policy.get("action"))) return;
        String networkId = (String) policy.get("object_id");
        String target = (String) policy.get("target_tenant");
        Map<String, Object> net = networks.get().store().find(tx.dsl(), networkId);
        if (net == null) return;
        Condition ports = field(name("network_id")).eq(networkId)
                .and(field(name("project_id")).ne(net.get("project_id")))
                .and(field(name("device_owner")).notIn(NetworkHooks.NETWORK_OWNED));
        if (!"*".equals(target)) {
            ports = ports.and(field(name("project_id")).eq(target));
        } else {
            // projects that keep access through their own entry are fine
            ports = ports.and(field(name("project_id")).notIn(tx.dsl().select(field(name("target_tenant")))
                    .from(table(name("rbac_policies"))).where(field(name("object_id")).eq(networkId)
                            .and(field(name("action")).eq("access_as_shared")))));
        }
        if (tx.dsl().fetchExists(table(name("ports")), ports)) {
            throw NeutronException.conflict("RbacPolicyInUse", "RBAC policy on object " + networkId
                    + " cannot be removed because other objects depend on it.\nDetails: Callback "
                    + "neutron.plugins.ml2.plugin.Ml2Plugin.validate_network_rbac_policy_change failed");
        }
    }

    private static void setFlag(Tx tx, String networkId, Object action, boolean value) {
        String column = "access_as_shared".equals(action) ? "shared" : "router_external";
        tx.dsl().update(table(name("networks"))).set(field(name(column)), value)
                .where(field(name("id")).eq(networkId)).execute();
    }
}
