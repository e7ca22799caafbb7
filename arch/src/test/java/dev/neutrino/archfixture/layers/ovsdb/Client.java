package dev.neutrino.archfixture.layers.ovsdb;

import dev.neutrino.archfixture.layers.common.Strings;
import dev.neutrino.archfixture.layers.model.ResourceDef;
import dev.neutrino.archfixture.layers.ovsdb.sub.Codec;

/** Uses itself and common (fine) and model (not fine). */
public class Client {
    Codec codec;
    Strings strings;
    ResourceDef def;
}
