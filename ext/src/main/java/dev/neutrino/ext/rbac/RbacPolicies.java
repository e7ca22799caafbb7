package dev.neutrino.ext.rbac;

import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;

/**
 * neutron_lib/api/definitions/rbac_policies? (neutron/extensions/rbac.py): RBAC entries of networks, QoS
 * policies, security groups, address scopes and subnet pools (the types of the other extensions are
 * checked by them and refused while they are off).
 */
@dev.neutrino.model.Declaration
public final class RbacPolicies {
    private RbacPolicies() {}

    public static final List<String> OBJECT_TYPES = List.of("network", "qos_policy", "security_group",
            "address_scope", "subnetpool");
    public static final List<String> ACTIONS = List.of("access_as_shared", "access_as_external");

    /**
     * neutron/extensions/rbac.py convert_valid_object_type: trimmed and lower-cased, one of the RBAC
     * object types (Zed's message; 400).
     */
    static Object objectType(Object value) {
        if (value instanceof String s && OBJECT_TYPES.contains(s.strip().toLowerCase(java.util.Locale.ROOT))) {
            return s.strip().toLowerCase(java.util.Locale.ROOT);
        }
        throw new IllegalArgumentException(notAnObjectType(value));
    }

    /** Zed's words for an object type that is none. */
    static String notAnObjectType(Object value) {
        return "'" + (value == null ? "None" : value) + "' is not a valid RBAC object type";
    }

    public static final ResourceDef DEF = ResourceDef.builder("rbac_policy", "rbac_policies")
            .path("rbac-policies")
            .project()
            .add(string("object_type").required().convert(RbacPolicies::objectType).query())
            .add(string("object_id").required().validate(Validators.UUID).query())
            .add(string("target_tenant").required().put().validate(Validators.string(255)).query())
            .add(string("action").required().validate(Validators.values(ACTIONS)).query())
            .build();
}
