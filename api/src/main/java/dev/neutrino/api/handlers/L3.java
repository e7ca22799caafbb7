package dev.neutrino.api.handlers;

import dev.neutrino.api.Neutrino;
import dev.neutrino.api.ResourceHooks;
import dev.neutrino.api.ResourceService;
import dev.neutrino.api.Tx;
import java.util.Map;
import dev.neutrino.model.defs.FloatingIps;
import dev.neutrino.model.defs.Routers;

/** The L3 service: routers, their interfaces and gateways, floating IPs. */
public final class L3 {
    private L3() {}

    /** Adds the L3 resources, actions and port hooks to the application. */
    public static void register(Neutrino app) {
        L3Ports l3 = new L3Ports(app);
        RouterHooks routers = new RouterHooks(l3);
        FloatingIpHooks floatingIps = new FloatingIpHooks(l3);
        app.add(Routers.DEF, routers);
        app.add(FloatingIps.DEF, floatingIps);
        RouterInterfaces actions = new RouterInterfaces(l3);
        app.addAction("routers", "add_router_interface", actions::add);
        app.addAction("routers", "remove_router_interface", actions::remove);
        app.addAction("routers", "add_extraroutes", actions::addExtraRoutes);
        app.addAction("routers", "remove_extraroutes", actions::removeExtraRoutes);
        app.ports().addHooks(new L3PortHooks(l3, floatingIps));
        // as Neutron's _process_l3_delete: a network's floating IPs that are not associated go with it
        app.networks().addHooks(new ResourceHooks() {
            @Override
            public void beforeDelete(Tx tx, Map<String, Object> network) {
                ResourceService fips = app.service(FloatingIps.DEF.collection());
                Map<String, Object> unassociated = new java.util.HashMap<>();
                unassociated.put("floating_network_id", network.get("id"));
                unassociated.put("port_id", null);
                for (Map<String, Object> fip : fips.find(tx, unassociated)) fips.deleteIn(tx, fip);
            }
        });
    }
}
