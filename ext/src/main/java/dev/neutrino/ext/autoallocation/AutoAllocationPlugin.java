package dev.neutrino.ext.autoallocation;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Networks;
import dev.neutrino.ext.core.Subnets;
import dev.neutrino.ext.l3.L3Extension;
import dev.neutrino.ext.l3.Routers;
import dev.neutrino.ext.subnetpool.SubnetPools;
import dev.neutrino.policy.Policy;

/**
 * Auto-allocated topology ({@link AutoAllocationExtension}): {@code is_default} on networks and
 * {@code /v2.0/auto-allocated-topology}, which builds with the API's own operations (L3's router
 * interface action among them, so L3 is installed first).
 */
public final class AutoAllocationPlugin {
    private AutoAllocationPlugin() {}

    public static void install(Engine engine, Database db, Policy policy) {
        engine.service(Networks.DEF).addHooks(new IsDefaultHooks());
        AutoAllocation topology = new AutoAllocation(db, policy, engine.service(Networks.DEF),
                engine.service(Subnets.DEF), engine.service(Routers.DEF), engine.service(SubnetPools.POOL),
                engine.action(L3Extension.ADD_ROUTER_INTERFACE), engine.action(L3Extension.REMOVE_ROUTER_INTERFACE));
        engine.endpoint("auto-allocated-topology", topology::handle);
    }
}
