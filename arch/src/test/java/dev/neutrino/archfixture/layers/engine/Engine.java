package dev.neutrino.archfixture.layers.engine;

import dev.neutrino.archfixture.layers.ml2.Driver;

/** Breaks "engine does not depend on ml2". */
public class Engine {
    Driver driver;
}
