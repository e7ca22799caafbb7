package dev.neutrino.api.handlers;

import dev.neutrino.api.Neutrino;

/** The L3 service: routers, their interfaces and gateways, floating IPs. */
public final class L3 {
    private L3() {}

    /** Adds the L3 resources, actions and port hooks to the application. */
    public static void register(Neutrino app) {
        // routers and floating IPs are being added
    }
}
