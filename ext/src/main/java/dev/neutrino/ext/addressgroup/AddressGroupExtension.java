package dev.neutrino.ext.addressgroup;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.policy.RuleDefault;
import java.util.List;

/**
 * neutron_lib/api/definitions/address_group.py and security_groups_remote_address_group.py: address
 * groups with their {@code add_addresses} / {@code remove_addresses} actions ({@link AddressGroupPlugin}),
 * and the rules' {@code remote_address_group_id} (declared with the rule, shown with this extension).
 */
@Declaration
public final class AddressGroupExtension {
    private AddressGroupExtension() {}

    public static final ExtensionDef ADDRESS_GROUP = ExtensionDef.builder("address-group",
            "Address group",
            "Support address group",
            "2020-07-15T10:00:00-00:00")
            .requires("security-group")
            .resource(AddressGroups.DEF)
            .action("address_groups", "add_addresses")
            .action("address_groups", "remove_addresses")
            // Zed defines get_address_group only; the rest fall to its "default" rule, admin_or_owner
            .policy(owner("create_address_group", "POST", "/address-groups"))
            .policy(owner("update_address_group", "PUT", "/address-groups/{id}"))
            .policy(owner("delete_address_group", "DELETE", "/address-groups/{id}"))
            .policy(owner("add_addresses", "PUT", "/address-groups/{id}/add_addresses"))
            .policy(owner("remove_addresses", "PUT", "/address-groups/{id}/remove_addresses"))
            .build();

    private static RuleDefault owner(String name, String method, String path) {
        return RuleDefault.of(name, "rule:admin_or_owner", "Zed's default rule for " + name, method, path);
    }

    public static final ExtensionDef.Action ADD_ADDRESSES = ADDRESS_GROUP.actions().get(0);
    public static final ExtensionDef.Action REMOVE_ADDRESSES = ADDRESS_GROUP.actions().get(1);

    public static final ExtensionDef SECURITY_GROUPS_REMOTE_ADDRESS_GROUP = ExtensionDef.builder(
            "security-groups-remote-address-group",
            "Remote address group id field for security group rules",
            "Add new field of remote address group id in SG rules",
            "2020-08-25T10:00:00-00:00")
            .requires("security-group", "address-group")
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(ADDRESS_GROUP, SECURITY_GROUPS_REMOTE_ADDRESS_GROUP);
}
