package dev.neutrino.ext.addressgroup;

import static dev.neutrino.model.Attribute.list;

import dev.neutrino.model.Converters;
import dev.neutrino.model.Declaration;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;

/**
 * neutron_lib/api/definitions/address_group.py: a project's named set of CIDRs, a security group rule's
 * remote ({@code remote_address_group_id}). {@code addresses} is not a column: it is the group's rows of
 * {@code address_associations}, each without host bits. Standard attributes but no tags (Zed's model
 * has no tag support).
 */
@Declaration
public final class AddressGroups {
    private AddressGroups() {}

    public static final ResourceDef DEF = ResourceDef.builder("address_group", "address_groups")
            .path("address-groups")
            .name()
            .project()
            .standardWithoutTags()
            .add(list("addresses").post(List.of()).convert(Converters.LIST_OR_EMPTY)
                    .validate(Validators.listOf(Validators.SUBNET)).computed())
            .build();
}
