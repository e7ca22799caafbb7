package dev.neutrino.ext.core;

import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ext.core.api.SecurityGroupLookup;
import dev.neutrino.ext.core.api.SubnetPoolAllocator;
import dev.neutrino.ml2.ExtensionManager;
import dev.neutrino.ml2.MechanismManager;
import dev.neutrino.ml2.TypeDrivers;

/**
 * The ML2 core plugin's behaviour on its resources: networks (segments through the type drivers),
 * subnets (IPAM, subnet pools through {@link SubnetPoolAllocator}), ports (IPs, MACs, binding,
 * security groups through {@link SecurityGroupLookup}), and the mechanism drivers told of every
 * change of the three.
 */
public final class Core {
    private Core() {}

    public static void install(Engine engine, TypeDrivers types, MechanismManager mechanisms,
                               ExtensionManager extensionDrivers, SecurityGroupLookup securityGroups,
                               SubnetPoolAllocator subnetPools, String baseMac, CoreLimits limits) {
        ResourceService networks = engine.service(Networks.DEF);
        ResourceService subnets = engine.service(Subnets.DEF);
        ResourceService ports = engine.service(Ports.DEF);
        networks.addHooks(new NetworkHooks(types, extensionDrivers));
        subnets.addHooks(new SubnetHooks(networks, ports, subnetPools, limits));
        ports.addHooks(new PortHooks(networks, subnets, securityGroups, baseMac, limits, mechanisms,
                extensionDrivers));
        for (ResourceService s : new ResourceService[] {networks, subnets, ports}) s.listen(mechanisms);
    }
}
