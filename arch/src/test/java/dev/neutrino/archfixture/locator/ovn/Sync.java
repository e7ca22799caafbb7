package dev.neutrino.archfixture.locator.ovn;

import dev.neutrino.archfixture.locator.engine.App;
import java.util.function.Function;

/** Looks services up by name (not fine), and calls an unrelated overload (fine). */
public class Sync {
    Object run(App app) {
        Function<String, Object> lookup = app::service;
        app.service(1);
        return app.service("ports") + "" + lookup.apply("networks");
    }
}
