package dev.neutrino.ext.subnetpool;

import static dev.neutrino.model.Attribute.COMPUTED;
import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;

/** neutron_lib/api/definitions/subnetpool.py and address_scope.py. */
@dev.neutrino.model.Declaration
public final class SubnetPools {
    private SubnetPools() {}

    public static final ResourceDef POOL = ResourceDef.builder("subnetpool", "subnetpools")
            .name()
            .project()
            .standard()
            .add(list("prefixes").required().put().validate(Validators.listOf(Validators.SUBNET)))
            .add(integer("default_quota").post(null).put().convert(Converters.INTEGER_OR_NONE)
                    .validate(Validators.range(0, Integer.MAX_VALUE)).query())
            .add(integer("ip_version").query())
            .add(integer("default_prefixlen").post(COMPUTED).put().validate(Validators.range(0, 128)).query().renderedAsText())
            .add(integer("min_prefixlen").post(COMPUTED).put().validate(Validators.range(0, 128)).query().renderedAsText())
            .add(integer("max_prefixlen").post(COMPUTED).put().validate(Validators.range(0, 128)).query().renderedAsText())
            .add(bool("is_default").post(false).put().validate(Validators.BOOLEAN).query())
            .add(bool("shared").post(false).validate(Validators.BOOLEAN).query())
            .build();

    public static final ResourceDef ADDRESS_SCOPE = ResourceDef.builder("address_scope", "address_scopes")
            .path("address-scopes")
            .name()
            .project()
            .standard()
            .add(integer("ip_version").required().validate(Validators.values(java.util.List.of(4, 6))).query())
            .add(bool("shared").post(false).put().validate(Validators.BOOLEAN).query())
            .build();
}
