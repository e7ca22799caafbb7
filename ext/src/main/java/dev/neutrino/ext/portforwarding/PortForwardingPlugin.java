package dev.neutrino.ext.portforwarding;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ext.core.Subnets;
import dev.neutrino.ext.l3.FloatingIps;

/**
 * The port_forwarding service plugin ({@link PortForwardingExtension}): forwardings below floating
 * IPs, kept by a service of their own (no top-level path), their checks, what they do to floating IPs
 * and internal ports. ML2/OVN's driver needs nothing here: a forwarding's change is a change of its
 * floating IP, whose northbound rows (the {@code pf-floatingip-*} load balancers) the OVN module
 * computes from the table.
 */
public final class PortForwardingPlugin {
    private PortForwardingPlugin() {}

    public static void install(Engine engine, Database db) {
        if (!engine.hasExtension(PortForwardingExtension.PORT_FORWARDING.alias())) return;
        ResourceService floatingIps = engine.service(FloatingIps.DEF);
        ResourceService ports = engine.service(Ports.DEF);
        ResourceService forwardings = new ResourceService(PortForwardings.DEF, db, null, engine::fireCommitted,
                engine.policy());
        forwardings.addHooks(new PortForwardingHooks(floatingIps, ports, engine.service(Subnets.DEF)));
        floatingIps.addHooks(new FloatingIpForwardingHooks(
                engine.hasExtension(PortForwardingExtension.EXPOSE.alias())));
        ports.addHooks(new InternalPortHooks(forwardings, ports));
        engine.subEndpoint(FloatingIps.DEF, PortForwardingExtension.COLLECTION,
                new PortForwardingEndpoint(db, floatingIps, forwardings, engine.policy())::handle);
    }
}
