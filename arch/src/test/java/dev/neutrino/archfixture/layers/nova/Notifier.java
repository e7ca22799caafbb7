package dev.neutrino.archfixture.layers.nova;

import dev.neutrino.archfixture.layers.common.Strings;
import dev.neutrino.archfixture.layers.engine.Engine;
import dev.neutrino.archfixture.layers.ml2.Driver;

/** Uses ml2 and common (fine) and the engine (not fine). */
public class Notifier {
    Driver core;
    Strings strings;
    Engine engine;
}
