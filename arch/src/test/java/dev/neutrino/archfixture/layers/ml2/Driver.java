package dev.neutrino.archfixture.layers.ml2;

import dev.neutrino.archfixture.layers.engine.RequestContext;
import dev.neutrino.archfixture.layers.server.Server;

/** Breaks "ml2 does not depend on server"; using the engine is fine. */
public class Driver {
    RequestContext context;
    Server server;
}
