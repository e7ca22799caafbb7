package dev.neutrino.ext.trunk;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ext.core.Networks;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ml2.MechanismManager;
import dev.neutrino.policy.Policy;

/**
 * The trunk service plugin ({@link TrunkExtension}): trunks with their rules and the ML2/OVN trunk
 * driver's wiring, the subport actions, and what trunks do to ports.
 */
public final class TrunkPlugin {
    private TrunkPlugin() {}

    public static void install(Engine engine, Database db, MechanismManager mechanisms, Policy policy) {
        ResourceService ports = engine.service(Ports.DEF);
        ResourceService trunks = engine.service(Trunks.DEF);
        OvnTrunkDriver driver = new OvnTrunkDriver(mechanisms, ports);
        TrunkRules rules = new TrunkRules(ports, engine.service(Networks.DEF), driver);
        trunks.addHooks(new TrunkHooks(rules, driver, ports));
        ports.addHooks(new TrunkPortHooks(trunks, engine.hasExtension(TrunkExtension.TRUNK_DETAILS.alias())));
        TrunkActions actions = new TrunkActions(db, trunks, ports, rules, driver, policy);
        engine.handle(TrunkExtension.ADD_SUBPORTS, actions::add);
        engine.handle(TrunkExtension.REMOVE_SUBPORTS, actions::remove);
        engine.subEndpoint(Trunks.DEF, TrunkExtension.GET_SUBPORTS, actions::getSubports);
    }
}
