package dev.neutrino.ext.core.api;

import dev.neutrino.engine.Tx;
import dev.neutrino.common.Cidr;

/** What the core's subnets need from the subnet pool extension (implemented there, given to the core by the wiring): the default pool of a family and a prefix from a pool. */
public interface SubnetPoolAllocator {
    /** The id of the default pool (is_default) for the IP version, or null. */
    String defaultPool(Tx tx, int ipVersion);

    /**
     * Allocates a cidr from the pool: the requested one (checked against the pool), or a free prefix
     * of {@code prefixlen} (the pool's default when null). Checks the project's pool quota.
     */
    Cidr allocate(Tx tx, String poolId, int ipVersion, Cidr requested, Integer prefixlen, String projectId);
}
