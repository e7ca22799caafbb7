package dev.neutrino.ext.addressgroup;

import static dev.neutrino.schema.Tables.ADDRESS_GROUPS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.Map;

/**
 * A security group rule's {@code remote_address_group_id} (security-groups-remote-address-group): a
 * group of the rule's project, or any group for an admin (AddressGroupDbMixin.check_address_group
 * with the rule's project as the context's: AddressGroupNotFound).
 */
final class AddressGroupRuleHooks implements ResourceHooks {
    @Override
    public void beforeCreate(Tx tx, Map<String, Object> rule) {
        Object id = rule.get("remote_address_group_id");
        if (id == null) return;
        var c = ADDRESS_GROUPS.ID.eq(String.valueOf(id));
        if (!tx.ctx().isAdmin()) c = c.and(ADDRESS_GROUPS.PROJECT_ID.eq(String.valueOf(rule.get("project_id"))));
        if (!tx.dsl().fetchExists(ADDRESS_GROUPS, c)) throw notFound(String.valueOf(id));
    }

    static NeutronException notFound(String id) {
        return new NeutronException(404, "AddressGroupNotFound", "Address group " + id + " could not be found.");
    }
}
