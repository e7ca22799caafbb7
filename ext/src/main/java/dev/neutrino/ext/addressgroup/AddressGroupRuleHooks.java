package dev.neutrino.ext.addressgroup;

import static dev.neutrino.schema.Tables.ADDRESS_GROUPS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.common.ReleaseGate;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.Map;

/**
 * A security group rule's {@code remote_address_group_id} (security-groups-remote-address-group): a
 * group of the rule's project, or any group for an admin (AddressGroupDbMixin.check_address_group
 * with the rule's project as the context's: AddressGroupNotFound).
 */
final class AddressGroupRuleHooks implements ResourceHooks {
    /**
     * The first release whose OVN translation matches a rule's remote address group: a server of an
     * older release would write that rule's ACL without it (open to everyone), so no such rule is made
     * while one runs.
     */
    static final String REMOTE_ADDRESS_GROUP_SINCE = "0.3.0-SNAPSHOT";

    private final ReleaseGate gate;

    AddressGroupRuleHooks(ReleaseGate gate) {
        this.gate = gate;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> rule) {
        Object id = rule.get("remote_address_group_id");
        if (id == null) return;
        if (!gate.allAtLeast(REMOTE_ADDRESS_GROUP_SINCE)) {
            throw NeutronException.conflict("RemoteAddressGroupNotYetAvailable", "Security group rules with a "
                    + "remote address group cannot be created while servers of a release older than "
                    + REMOTE_ADDRESS_GROUP_SINCE + " still run on this database (a rolling upgrade is in progress).");
        }
        var c = ADDRESS_GROUPS.ID.eq(String.valueOf(id));
        if (!tx.ctx().isAdmin()) c = c.and(ADDRESS_GROUPS.PROJECT_ID.eq(String.valueOf(rule.get("project_id"))));
        if (!tx.dsl().fetchExists(ADDRESS_GROUPS, c)) throw notFound(String.valueOf(id));
    }

    static NeutronException notFound(String id) {
        return new NeutronException(404, "AddressGroupNotFound", "Address group " + id + " could not be found.");
    }
}
