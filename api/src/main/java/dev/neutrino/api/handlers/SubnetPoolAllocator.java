package dev.neutrino.api.handlers;

import dev.neutrino.api.Tx;
import dev.neutrino.common.Cidr;

/** What subnets need from subnet pools: the default pool of a family and a prefix from a pool. */
public interface SubnetPoolAllocator {
    /** The id of the default pool (is_default) for the IP version, or null. */
    String defaultPool(Tx tx, int ipVersion);

    /**
     * Allocates a cidr from the pool: the requested one (checked against the pool), or a free prefix
     * of {@code prefixlen} (the pool's default when null). Checks the project's pool quota.
     */
    Cidr allocate(Tx tx, String poolId, int ipVersion, Cidr requested, Integer prefixlen, String projectId);
}
