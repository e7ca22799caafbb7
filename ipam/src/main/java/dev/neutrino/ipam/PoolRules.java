package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.util.ArrayList;
import java.util.List;

/** Neutron's default allocation pools and its checks of requested ones. */
public final class PoolRules {
    private PoolRules() {}

    /**
     * The addresses of a cidr that pools may cover (validate_allocation_pools): for IPv4 up to /30
     * all but the network and broadcast addresses, for IPv4 /31 and /32 every address, for IPv6
     * all but the network (subnet-router anycast) address. A /128 has no usable address.
     */
    static AllocationPool usableRange(Cidr cidr) {
        IpAddress network = cidr.network();
        IpAddress last = cidr.broadcast();
        if (cidr.version() == 4) {
            return cidr.prefixLength() <= 30 ? new AllocationPool(network.plus(1), last.plus(-1))
                    : new AllocationPool(network, last);
        }
        return cidr.prefixLength() == 128 ? null : new AllocationPool(network.plus(1), last);
    }

    /**
     * The pools Neutron generates when none are requested (ipam.utils.generate_pools): the usable
     * range (see {@link #usableRange}) minus the gateway, which splits it in two when it falls
     * inside. A single-address subnet (/32, /128) gets that address as its pool, even when it is
     * also the gateway (an IPv6 /128 without explicit gateway). Sorted by address.
     *
     * @param gateway the subnet's gateway, or null for none
     */
    public static List<AllocationPool> defaults(Cidr cidr, IpAddress gateway) {
        Cidr net = cidr.canonical();
        if (net.prefixLength() == net.address().bits()) {
            return List.of(AllocationPool.single(net.network()));
        }
        AllocationPool usable = usableRange(net);
        if (gateway == null || !usable.contains(gateway)) {
            return List.of(usable);
        }
        List<AllocationPool> pools = new ArrayList<>(2);
        if (gateway.compareTo(usable.start()) > 0) pools.add(new AllocationPool(usable.start(), gateway.plus(-1)));
        if (gateway.compareTo(usable.end()) < 0) pools.add(new AllocationPool(gateway.plus(1), usable.end()));
        return List.copyOf(pools);
    }

    /**
     * Checks requested pools as ipam_backend_mixin.validate_allocation_pools does, in its order:
     * each pool (in request order) must have the subnet's IP version (else InvalidAllocationPool,
     * 400) and lie in the usable range (else OutOfBoundsAllocationPool, 400); then the first
     * overlapping pair in request order is reported (OverlappingAllocationPools, 409). An empty
     * list is valid: a subnet may have no pools at all.
     */
    public static void validate(Cidr cidr, List<AllocationPool> pools) {
        Cidr net = cidr.canonical();
        AllocationPool usable = usableRange(net);
        for (AllocationPool pool : pools) {
            if (pool.version() != net.version()) {
                throw IpamErrors.invalidAllocationPool(pool.toString());
            }
            if (usable == null || pool.start().compareTo(usable.start()) < 0
                    || pool.end().compareTo(usable.end()) > 0) {
                throw IpamErrors.outOfBoundsAllocationPool(pool, net);
            }
        }
        for (int i = 0; i < pools.size(); i++) {
            for (int j = i + 1; j < pools.size(); j++) {
                if (pools.get(i).overlaps(pools.get(j))) {
                    throw IpamErrors.overlappingAllocationPools(pools.get(i), pools.get(j), net);
                }
            }
        }
    }

    /**
     * validate_gw_out_of_pools: the gateway must not lie in any pool (first hit in list order).
     *
     * @throws dev.neutrino.common.NeutronException GatewayConflictWithAllocationPools (409)
     */
    public static void validateGatewayOutside(IpAddress gateway, List<AllocationPool> pools) {
        for (AllocationPool pool : pools) {
            if (pool.contains(gateway)) {
                throw IpamErrors.gatewayConflictWithAllocationPools(gateway, pool);
            }
        }
    }
}
