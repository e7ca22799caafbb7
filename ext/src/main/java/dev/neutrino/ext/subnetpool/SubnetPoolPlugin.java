package dev.neutrino.ext.subnetpool;

import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ext.core.api.SubnetPoolAllocator;

/** Subnet pools and address scopes ({@link SubnetPoolExtension}). */
public final class SubnetPoolPlugin {
    private SubnetPoolPlugin() {}

    /** Attaches the hooks; returns what the core's subnets use of subnet pools. */
    public static SubnetPoolAllocator install(Engine engine) {
        ResourceService pools = engine.service(SubnetPools.POOL);
        ResourceService scopes = engine.service(SubnetPools.ADDRESS_SCOPE);
        SubnetPoolHooks hooks = new SubnetPoolHooks(pools, scopes);
        pools.addHooks(hooks);
        scopes.addHooks(new AddressScopeHooks());
        return hooks;
    }
}
