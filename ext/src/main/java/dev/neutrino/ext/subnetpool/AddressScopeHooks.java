package dev.neutrino.ext.subnetpool;

import static dev.neutrino.schema.Tables.ADDRESS_SCOPES;
import static dev.neutrino.schema.Tables.SUBNETPOOLS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.NeutronException;
import dev.neutrino.ext.rbac.api.SharedObjectRbac;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;

/**
 * Address scopes: shared ones are visible to all (with rbac-address-scope: to the projects their RBAC
 * entries name, {@code shared} being the wildcard entry), can't be unshared, can't go while pools use
 * them.
 */
final class AddressScopeHooks implements ResourceHooks {
    private final SharedObjectRbac rbac;

    /** @param rbac the scopes' RBAC (rbac-address-scope), or null when that extension is off */
    AddressScopeHooks(SharedObjectRbac rbac) {
        this.rbac = rbac;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> scope) {
        if (Boolean.TRUE.equals(scope.get("shared")) && !tx.ctx().isAdmin()) {
            throw new NeutronException(403, "PolicyNotAuthorized", "(rule:create_address_scope:shared) is "
                    + "disallowed by policy");
        }
    }

    @Override
    public void afterCreate(Tx tx, Map<String, Object> scope) {
        if (rbac != null && Boolean.TRUE.equals(scope.get("shared"))) {
            rbac.share(tx.dsl(), (String) scope.get("id"), (String) scope.get("project_id"));
        }
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        // update_address_scope reads shared as the caller sees it
        boolean shared = Boolean.TRUE.equals(current.get("shared"))
                || rbac != null && rbac.isSharedWith(tx.dsl(), (String) current.get("id"), tx.ctx().projectId());
        if (shared && Boolean.FALSE.equals(changes.get("shared"))) {
            throw NeutronException.badRequest("Shared address scope can't be unshared");
        }
        if (rbac != null && Boolean.TRUE.equals(changes.get("shared"))) {
            rbac.share(tx.dsl(), (String) current.get("id"), (String) current.get("project_id"));
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> scope) {
        if (tx.dsl().fetchExists(SUBNETPOOLS, SUBNETPOOLS.ADDRESS_SCOPE_ID.eq((String) scope.get("id")))) {
            throw NeutronException.conflict("AddressScopeInUse", "Unable to complete operation on address scope "
                    + scope.get("id") + ". There are one or more subnet pools in use on the address scope");
        }
        if (rbac != null) rbac.deleteAll(tx.dsl(), (String) scope.get("id"));
    }

    @Override
    public Condition visibleTo(Tx tx) {
        if (rbac != null) return rbac.visibleTo(tx.ctx().projectId());
        return ADDRESS_SCOPES.PROJECT_ID.eq(tx.ctx().projectId())
                .or(ADDRESS_SCOPES.SHARED.isTrue());
    }

    /** {@code shared} as the caller sees it (an entry for everyone or for the caller's project). */
    @Override
    public void extend(Tx tx, List<Map<String, Object>> scopes) {
        if (rbac != null) rbac.extendShared(tx, scopes);
    }

    /** The {@code shared} filter as the caller sees it (Zed's RBAC query hook). */
    @Override
    public Condition filter(Tx tx, dev.neutrino.model.Attribute attribute, List<String> values) {
        return rbac != null && attribute.name().equals("shared") ? rbac.sharedFilter(tx, values) : null;
    }
}
