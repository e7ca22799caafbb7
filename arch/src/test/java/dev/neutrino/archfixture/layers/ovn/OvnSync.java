package dev.neutrino.archfixture.layers.ovn;

import dev.neutrino.archfixture.layers.engine.Engine;
import dev.neutrino.archfixture.layers.engine.RequestContext;
import dev.neutrino.archfixture.layers.ext.qos.QosRules;
import dev.neutrino.archfixture.layers.ml2.Driver;

/** Uses RequestContext and ml2 (fine), the Engine and an extension (not fine). */
public class OvnSync extends Driver {
    RequestContext allowedContext;
    Engine engine;
    QosRules qos;
}
