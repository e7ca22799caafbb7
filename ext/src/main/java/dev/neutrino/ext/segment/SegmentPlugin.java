package dev.neutrino.ext.segment;

import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Networks;
import dev.neutrino.ml2.MechanismManager;
import dev.neutrino.ml2.TypeDrivers;

/** Segments as a resource of their own ({@link SegmentExtension}). */
public final class SegmentPlugin {
    private SegmentPlugin() {}

    public static void install(Engine engine, TypeDrivers types, MechanismManager mechanisms) {
        engine.service(Segments.DEF).addHooks(new SegmentHooks(types, engine.service(Networks.DEF), mechanisms));
        if (engine.hasExtension(SegmentExtension.SEGMENTS_PEER_SUBNET_HOST_ROUTES.alias())) {
            var subnets = engine.service(dev.neutrino.ext.core.Subnets.DEF);
            subnets.addHooks(new SegmentHostRoutes(subnets));
        }
    }
}
