package dev.neutrino.ext.floatingippools;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import java.util.List;

/**
 * neutron_lib/api/definitions/floatingip_pools.py: {@code GET /v2.0/floatingip_pools}, the subnets
 * floating IPs come from ({@link FloatingIpPools}).
 */
@Declaration
public final class FloatingIpPoolsExtension {
    private FloatingIpPoolsExtension() {}

    public static final ExtensionDef FLOATINGIP_POOLS = ExtensionDef.builder("floatingip-pools",
            "Floating IP Pools Extension",
            "Provides a floating IP pools API.",
            "2018-03-21T10:00:00-00:00")
            .requires("router")
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(FLOATINGIP_POOLS);
}
