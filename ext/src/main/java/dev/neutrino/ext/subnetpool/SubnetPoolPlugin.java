package dev.neutrino.ext.subnetpool;

import static dev.neutrino.schema.Tables.ADDRESS_SCOPES;
import static dev.neutrino.schema.Tables.RBAC_POLICIES;
import static dev.neutrino.schema.Tables.SUBNETPOOLS;
import static dev.neutrino.schema.Tables.SUBNETS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ext.core.api.SubnetPoolAllocator;
import dev.neutrino.ext.rbac.RbacPolicies;
import dev.neutrino.ext.rbac.api.SharedObjectRbac;
import java.util.HashSet;

/** Subnet pools and address scopes ({@link SubnetPoolExtension}). */
public final class SubnetPoolPlugin {
    private SubnetPoolPlugin() {}

    /** Attaches the hooks; returns what the core's subnets use of subnet pools. */
    public static SubnetPoolAllocator install(Engine engine) {
        ResourceService pools = engine.service(SubnetPools.POOL);
        ResourceService scopes = engine.service(SubnetPools.ADDRESS_SCOPE);
        SharedObjectRbac scopeRbac = engine.hasExtension("rbac-address-scope") ? SCOPE_RBAC : null;
        SharedObjectRbac poolRbac = engine.hasExtension("rbac-subnetpool") ? POOL_RBAC : null;
        SubnetPoolHooks hooks = new SubnetPoolHooks(pools, scopes, poolRbac);
        pools.addHooks(hooks);
        scopes.addHooks(new AddressScopeHooks(scopeRbac));
        ResourceService entries = engine.service(RbacPolicies.DEF);
        if (scopeRbac != null) entries.addHooks(scopeRbac.entryHooks());
        if (poolRbac != null) entries.addHooks(poolRbac.entryHooks());
        return hooks;
    }

    /** rbac-address-scope: the projects of the subnet pools in a scope use it (get_bound_project_ids). */
    static final SharedObjectRbac SCOPE_RBAC = new SharedObjectRbac("address_scope", ADDRESS_SCOPES,
            ADDRESS_SCOPES.ID, ADDRESS_SCOPES.PROJECT_ID, ADDRESS_SCOPES.SHARED,
            (dsl, id) -> new HashSet<>(dsl.selectDistinct(SUBNETPOOLS.PROJECT_ID).from(SUBNETPOOLS)
                    .where(SUBNETPOOLS.ADDRESS_SCOPE_ID.eq(id)).fetch(SUBNETPOOLS.PROJECT_ID)),
            "neutron.objects.address_scope.RbacNeutronDbObjectMixin", id -> NeutronException.notFound("address_scope", id));

    private static final String POOL_CALLBACK = "neutron.objects.subnetpool.RbacNeutronDbObjectMixin";

    /**
     * rbac-subnetpool: the projects of the subnets allocated from a pool use it; a pool in an address
     * scope is shared only with projects the scope is shared with (SubnetPool.validate_rbac_policy_create).
     */
    static final SharedObjectRbac POOL_RBAC = new SharedObjectRbac("subnetpool", SUBNETPOOLS,
            SUBNETPOOLS.ID, SUBNETPOOLS.PROJECT_ID, SUBNETPOOLS.SHARED,
            (dsl, id) -> new HashSet<>(dsl.selectDistinct(SUBNETS.PROJECT_ID).from(SUBNETS)
                    .where(SUBNETS.SUBNETPOOL_ID.eq(id)).fetch(SUBNETS.PROJECT_ID)),
            POOL_CALLBACK, id -> NeutronException.notFound("subnetpool", id))
            .withCreateCheck((tx, entry) -> {
                String poolId = (String) entry.get("object_id");
                String scope = tx.dsl().select(SUBNETPOOLS.ADDRESS_SCOPE_ID).from(SUBNETPOOLS)
                        .where(SUBNETPOOLS.ID.eq(poolId)).fetchOne(SUBNETPOOLS.ADDRESS_SCOPE_ID);
                if (scope == null) return;
                boolean reachable = tx.dsl().fetchExists(RBAC_POLICIES, RBAC_POLICIES.OBJECT_ID.eq(scope)
                        .and(RBAC_POLICIES.OBJECT_TYPE.eq("address_scope"))
                        .and(RBAC_POLICIES.ACTION.eq(SharedObjectRbac.SHARED))
                        .and(RBAC_POLICIES.TARGET_TENANT.in("*", (String) entry.get("target_tenant"))));
                if (!reachable) {
                    throw NeutronException.invalidInputGeneric("Callback " + POOL_CALLBACK
                            + ".validate_rbac_policy_change failed with \"Failed to create RBAC policy on object "
                            + poolId + " because target project doesn't have access to associated address scope..\"");
                }
            });
}
