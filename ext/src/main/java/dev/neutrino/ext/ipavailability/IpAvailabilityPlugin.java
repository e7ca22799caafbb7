package dev.neutrino.ext.ipavailability;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Networks;
import dev.neutrino.ext.core.Subnets;
import dev.neutrino.policy.Policy;

/** {@code /v2.0/network-ip-availabilities} ({@link IpAvailabilityExtension}). */
public final class IpAvailabilityPlugin {
    private IpAvailabilityPlugin() {}

    public static void install(Engine engine, Database db, Policy policy) {
        IpAvailability availability = new IpAvailability(db, policy, engine.service(Networks.DEF),
                engine.service(Subnets.DEF));
        engine.endpoint(IpAvailability.PATH, availability::handle);
    }
}
