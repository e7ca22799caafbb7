package dev.neutrino.model.defs;

import dev.neutrino.model.ResourceDef;
import java.util.List;

/** Every resource Neutrino serves, in the order GET /v2.0 lists them. */
public final class Resources {
    private Resources() {}

    public static final List<ResourceDef> ALL = List.of(Networks.DEF, Subnets.DEF, Ports.DEF,
            SecurityGroups.GROUP, SecurityGroups.RULE, SubnetPools.POOL, SubnetPools.ADDRESS_SCOPE,
            RbacPolicies.DEF, Routers.DEF, FloatingIps.DEF, Segments.DEF);
}
