package dev.neutrino.ext.rbac;

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
 * neutron_lib/api/definitions/rbac_policies: the rbac_policy resource ({@link RbacPolicies}).
 */
@Declaration
public final class RbacExtension {
    private RbacExtension() {}

    public static final ExtensionDef RBAC_POLICIES = ExtensionDef.builder("rbac-policies",
            "RBAC Policies",
            "Allows creation and modification of policies that control tenant "
                    + "access to resources.",
            "2015-06-17T12:15:12-00:00")
            .resource(RbacPolicies.DEF)
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(RBAC_POLICIES);
}
