package dev.neutrino.ext.rbac;

import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Networks;
import java.util.ArrayList;
import java.util.List;

/** RBAC ({@link RbacExtension}): networks here; QoS policies' entries are checked by the qos extension. */
public final class RbacPlugin {
    private RbacPlugin() {}

    public static void install(Engine engine) {
        List<String> types = new ArrayList<>(List.of(RbacHooks.NETWORK));
        if (engine.hasExtension("qos")) types.add("qos_policy"); // its entries: dev.neutrino.ext.qos.QosRbacHooks
        engine.service(RbacPolicies.DEF).addHooks(new RbacHooks(engine.service(Networks.DEF), List.copyOf(types)));
    }
}
