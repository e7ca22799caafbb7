package dev.neutrino.ext.rbac;

import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Networks;
import java.util.ArrayList;
import java.util.List;

/**
 * RBAC ({@link RbacExtension}): networks here; the entries of QoS policies, security groups, address
 * scopes and subnet pools are checked by their extensions.
 */
public final class RbacPlugin {
    private RbacPlugin() {}

    public static void install(Engine engine) {
        List<String> types = new ArrayList<>(List.of(RbacHooks.NETWORK));
        if (engine.hasExtension("qos")) types.add("qos_policy"); // its entries: the qos extension's SharedObjectRbac
        // their entries: api.SharedObjectRbac, attached by the security group and subnet pool extensions
        if (engine.hasExtension("rbac-security-groups")) types.add("security_group");
        if (engine.hasExtension("rbac-address-scope")) types.add("address_scope");
        if (engine.hasExtension("rbac-subnetpool")) types.add("subnetpool");
        engine.service(RbacPolicies.DEF).addHooks(new RbacHooks(engine.service(Networks.DEF), List.copyOf(types)));
    }
}
