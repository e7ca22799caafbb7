package dev.neutrino.ext.l3;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.core.Networks;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ext.core.Subnets;
import dev.neutrino.policy.Policy;
import java.util.HashMap;
import java.util.Map;

/**
 * The L3 service plugin: routers, their interfaces and gateways, floating IPs ({@link L3Extension}).
 * Its behaviour on the core's ports (router ports are L3's to delete, a deleted port's floating IPs
 * are disassociated) and networks (an external network's unassociated floating IPs go with it) is
 * hooked onto those resources here.
 */
public final class L3 {
    private L3() {}

    /** Attaches L3's hooks and action handlers to the engine's services. */
    public static void install(Engine engine, Database db, Policy policy) {
        ResourceService ports = engine.service(Ports.DEF);
        ResourceService networks = engine.service(Networks.DEF);
        ResourceService floatingIps = engine.service(FloatingIps.DEF);
        L3Ports l3 = new L3Ports(db, policy, ports, engine.service(Subnets.DEF), networks,
                engine.service(Routers.DEF), floatingIps);
        FloatingIpHooks fipHooks = new FloatingIpHooks(l3);
        engine.service(Routers.DEF).addHooks(new RouterHooks(l3, engine.hasExtension("qos-gateway-ip")));
        floatingIps.addHooks(fipHooks);
        RouterInterfaces actions = new RouterInterfaces(l3);
        engine.handle(L3Extension.ADD_ROUTER_INTERFACE, actions::add);
        engine.handle(L3Extension.REMOVE_ROUTER_INTERFACE, actions::remove);
        if (engine.hasExtension(L3Extension.EXTRAROUTE_ATOMIC.alias())) {
            engine.handle(L3Extension.ADD_EXTRAROUTES, actions::addExtraRoutes);
            engine.handle(L3Extension.REMOVE_EXTRAROUTES, actions::removeExtraRoutes);
        }
        ports.addHooks(new L3PortHooks(l3, fipHooks));
        // as Neutron's _process_l3_delete: a network's floating IPs that are not associated go with it
        networks.addHooks(new ResourceHooks() {
            @Override
            public void beforeDelete(Tx tx, Map<String, Object> network) {
                Map<String, Object> unassociated = new HashMap<>();
                unassociated.put("floating_network_id", network.get("id"));
                unassociated.put("port_id", null);
                for (Map<String, Object> fip : floatingIps.find(tx, unassociated)) floatingIps.deleteIn(tx, fip);
            }
        });
    }
}
