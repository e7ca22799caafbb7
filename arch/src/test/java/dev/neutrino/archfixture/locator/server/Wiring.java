package dev.neutrino.archfixture.locator.server;

import dev.neutrino.archfixture.locator.engine.App;

/** The server wires everything: it may look up. */
public class Wiring {
    Object wire(App app) {
        return app.service("ports");
    }
}
