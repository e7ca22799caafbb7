package dev.neutrino.ext.subnetpool;

import static dev.neutrino.schema.Tables.ADDRESS_SCOPES;
import static dev.neutrino.schema.Tables.SUBNETPOOLS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.NeutronException;
import java.util.Map;
import org.jooq.Condition;

/** Address scopes: shared ones are visible to all, can't be unshared, can't go while pools use them. */
final class AddressScopeHooks implements ResourceHooks {
    @Override
    public void beforeCreate(Tx tx, Map<String, Object> scope) {
        if (Boolean.TRUE.equals(scope.get("shared")) && !tx.ctx().isAdmin()) {
            throw new NeutronException(403, "PolicyNotAuthorized", "(rule:create_address_scope:shared) is "
                    + "disallowed by policy");
        }
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (Boolean.TRUE.equals(current.get("shared")) && Boolean.FALSE.equals(changes.get("shared"))) {
            throw NeutronException.badRequest("Shared address scope can't be unshared");
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> scope) {
        if (tx.dsl().fetchExists(SUBNETPOOLS, SUBNETPOOLS.ADDRESS_SCOPE_ID.eq((String) scope.get("id")))) {
            throw NeutronException.conflict("AddressScopeInUse", "Unable to complete operation on address scope "
                    + scope.get("id") + ". There are one or more subnet pools in use on the address scope");
        }
    }

    @Override
    public Condition visibleTo(Tx tx) {
        return ADDRESS_SCOPES.PROJECT_ID.eq(tx.ctx().projectId())
                .or(ADDRESS_SCOPES.SHARED.isTrue());
    }
}
