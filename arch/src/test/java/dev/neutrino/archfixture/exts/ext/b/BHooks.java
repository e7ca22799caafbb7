package dev.neutrino.archfixture.exts.ext.b;

import dev.neutrino.archfixture.exts.ext.a.AExtension;
import dev.neutrino.archfixture.exts.ext.a.AInternals;
import dev.neutrino.archfixture.exts.ext.a.AResources;
import dev.neutrino.archfixture.exts.ext.a.ATables;
import dev.neutrino.archfixture.exts.ext.a.api.AView;

/** Uses a's declarations (fine) and a's behaviour (not fine). */
public class BHooks {
    AExtension declaration;
    ATables tables;
    ATables.Row row;
    AView view;
    AResources resources;
    BHelper ownHelper;

    void afterCreate() {
        AInternals.apply();
    }
}
