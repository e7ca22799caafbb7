package dev.neutrino.ext.portbindings;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ml2.MechanismManager;
import dev.neutrino.policy.Policy;

/** Serves {@link PortBindingsExtension}'s {@code /v2.0/ports/{id}/bindings} below the ports. */
public final class PortBindingsPlugin {
    private PortBindingsPlugin() {}

    public static void install(Engine engine, Database db, MechanismManager mechanisms, Policy policy) {
        var bindings = new PortBindings(db, engine.service(Ports.DEF), mechanisms, policy);
        engine.subEndpoint(Ports.DEF, PortBindingsExtension.PATH, bindings::handle);
    }
}
