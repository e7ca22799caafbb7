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
    }
}
