package dev.neutrino.ext.rbac;

import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;

/**
 * neutron_lib/api/definitions/rbac_policies? (neutron/extensions/rbac.py): RBAC entries of networks and
 * QoS policies ({@code qos_policy}, whose entries the qos extension checks; refused while it is off).
 */
@dev.neutrino.model.Declaration
public final class RbacPolicies {
    private RbacPolicies() {}

    public static final List<String> OBJECT_TYPES = List.of("network", "qos_policy");
    public static final List<String> ACTIONS = List.of("access_as_shared", "access_as_external");

    public static final ResourceDef DEF = ResourceDef.builder("rbac_policy", "rbac_policies")
            .path("rbac-policies")
            .project()
            .add(string("object_type").required().validate(Validators.values(OBJECT_TYPES)).query())
            .add(string("object_id").required().validate(Validators.UUID).query())
            .add(string("target_tenant").required().put().validate(Validators.string(255)).query())
            .add(string("action").required().validate(Validators.values(ACTIONS)).query())
            .build();
}
