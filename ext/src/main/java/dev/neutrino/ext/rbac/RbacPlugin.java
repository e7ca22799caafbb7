package dev.neutrino.ext.rbac;

import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Networks;

/** Network RBAC ({@link RbacExtension}). */
public final class RbacPlugin {
    private RbacPlugin() {}

    public static void install(Engine engine) {
        engine.service(RbacPolicies.DEF).addHooks(new RbacHooks(engine.service(Networks.DEF)));
    }
}
