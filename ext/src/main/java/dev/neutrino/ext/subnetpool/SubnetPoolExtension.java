package dev.neutrino.ext.subnetpool;

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
 * neutron_lib/api/definitions/subnetpool.py, subnet_allocation, default_subnetpools and
 * address_scope.py: subnet pools, address scopes ({@link SubnetPools}) and what they add to subnets
 * and networks.
 */
@Declaration
public final class SubnetPoolExtension {
    private SubnetPoolExtension() {}

    public static final ExtensionDef SUBNET_ALLOCATION = ExtensionDef.builder("subnet_allocation",
            "Subnet Allocation",
            "Enables allocation of subnets from a subnet pool",
            "2015-03-30T10:00:00-00:00")
            .resource(SubnetPools.POOL)
            .attributes("subnets",
                    string("subnetpool_id").post(COMPUTED).validate(Validators.UUID_OR_NONE).query())
            .build();

    public static final ExtensionDef DEFAULT_SUBNETPOOLS = ExtensionDef.builder("default-subnetpools",
            "Default Subnetpools",
            "Provides ability to mark and use a subnetpool as the default.",
            "2016-02-18T18:00:00-00:00")
            .requires("subnet_allocation")
            .attributes("subnets",
                    bool("use_default_subnetpool").post(false).convert(Converters.BOOLEAN).hidden().computed())
            .build();

    public static final ExtensionDef ADDRESS_SCOPE = ExtensionDef.builder("address-scope",
            "Address scope",
            "Address scopes extension.",
            "2015-07-26T10:00:00-00:00")
            .requires("subnet_allocation")
            .resource(SubnetPools.ADDRESS_SCOPE)
            .attributes("networks",
                    string("ipv4_address_scope").computed(),
                    string("ipv6_address_scope").computed())
            .attributes("subnetpools",
                    string("address_scope_id").post(null).put().validate(Validators.UUID_OR_NONE).query())
            .build();

    /** rbac_address_scope.py: object_type address_scope in RBAC policies (a shim). */
    public static final ExtensionDef RBAC_ADDRESS_SCOPE = ExtensionDef.builder("rbac-address-scope",
            "Add address_scope type to RBAC",
            "Add address_scope type to RBAC",
            "2020-02-12T00:00:00-00:00")
            .requires("rbac-policies", "address-scope")
            .build();

    /** rbac_subnetpool.py: object_type subnetpool in RBAC policies (a shim). */
    public static final ExtensionDef RBAC_SUBNETPOOL = ExtensionDef.builder("rbac-subnetpool",
            "Add subnetpool type to RBAC",
            "Add subnetpool type to RBAC",
            "2020-02-05T00:00:00-00:00")
            .requires("rbac-policies", "rbac-address-scope")
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(ADDRESS_SCOPE, DEFAULT_SUBNETPOOLS, RBAC_ADDRESS_SCOPE,
            RBAC_SUBNETPOOL, SUBNET_ALLOCATION);
}
