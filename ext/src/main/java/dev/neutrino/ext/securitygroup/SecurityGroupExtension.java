package dev.neutrino.ext.securitygroup;

import static dev.neutrino.model.Attribute.COMPUTED;
import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.Validators;
import java.util.List;
import java.util.Map;

/**
 * neutron_lib/api/definitions/security_groups.py and stateful_security_group.py: the security
 * group and rule resources ({@link SecurityGroups}) and the ports' {@code security_groups}.
 */
@Declaration
public final class SecurityGroupExtension {
    private SecurityGroupExtension() {}

    public static final ExtensionDef SECURITY_GROUP = ExtensionDef.builder("security-group",
            "security-group",
            "The security groups extension.",
            "2012-10-05T10:00:00-00:00")
            .resource(SecurityGroups.GROUP)
            .resource(SecurityGroups.RULE)
            .attributes("ports",
                    list("security_groups").post(COMPUTED).put().convert(Converters.LIST_OR_EMPTY)
                    .validate(Validators.listOf(Validators.UUID)).filter().computed())
            .build();

    public static final ExtensionDef STATEFUL_SECURITY_GROUP = ExtensionDef.builder("stateful-security-group",
            "Stateful security group",
            "Indicates if the security group is stateful or not",
            "2019-11-26T09:00:00-00:00")
            .requires("security-group")
            .attributes("security_groups",
                    bool("stateful").post(true).put().validate(Validators.BOOLEAN).query())
            .build();

    /** rbac_security_groups.py: object_type security_group in RBAC policies (a shim: no attributes). */
    public static final ExtensionDef RBAC_SECURITY_GROUPS = ExtensionDef.builder("rbac-security-groups",
            "Add security_group type to network RBAC",
            "Add security_group type to network RBAC",
            "2019-02-14T00:00:00-00:00")
            .requires("rbac-policies", "security-group")
            .build();

    /** security_groups_shared_filtering.py: a group's {@code shared} as the caller sees it, a filter. */
    public static final ExtensionDef SECURITY_GROUPS_SHARED_FILTERING = ExtensionDef.builder(
            "security-groups-shared-filtering",
            "Security group filtering on the shared field",
            "Support filtering security groups on the shared field",
            "2021-10-05T09:00:00-00:00")
            .requires("rbac-security-groups")
            .attributes("security_groups", bool("shared").filter().computed())
            .build();

    /** security_groups_normalized_cidr.py: a rule's remote_ip_prefix without host bits. */
    public static final ExtensionDef SECURITY_GROUPS_NORMALIZED_CIDR = ExtensionDef.builder(
            "security-groups-normalized-cidr",
            "Normalized CIDR field for security group rules",
            "Add new field with normalized remote_ip_prefix cidr in SG rule",
            "2020-07-28T10:00:00-00:00")
            .requires("security-group")
            .attributes("security_group_rules", string("normalized_cidr").query())
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(RBAC_SECURITY_GROUPS, SECURITY_GROUP,
            SECURITY_GROUPS_NORMALIZED_CIDR, SECURITY_GROUPS_SHARED_FILTERING, STATEFUL_SECURITY_GROUP);
}
