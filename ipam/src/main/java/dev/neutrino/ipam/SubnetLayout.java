package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A subnet's cidr, gateway and allocation pools, worked out and checked the way Neutron does on
 * subnet create and update. Pools are kept sorted by address.
 */
public final class SubnetLayout {
    private final Cidr cidr;
    private final IpAddress gateway;
    private final List<AllocationPool> allocationPools;

    private SubnetLayout(Cidr cidr, IpAddress gateway, List<AllocationPool> allocationPools) {
        this.cidr = cidr;
        this.gateway = gateway;
        this.allocationPools = sorted(allocationPools);
    }

    /** A layout as stored (no checks): for loading a subnet from the database. */
    public static SubnetLayout of(Cidr cidr, IpAddress gatewayOrNull, List<AllocationPool> allocationPools) {
        return new SubnetLayout(cidr.canonical(), gatewayOrNull, allocationPools);
    }

    /**
     * POST /v2.0/subnets with a cidr. In Neutron's order: an explicit gateway is checked
     * ({@link GatewayRules#validate}, InvalidInput 400); an unspecified one becomes
     * {@link GatewayRules#defaultGateway}; without requested pools the defaults are generated,
     * otherwise they are validated ({@link PoolRules#validate}) and must not hold the gateway
     * (GatewayConflictWithAllocationPools 409, also when the gateway is the default one). Last,
     * as the IPAM subnet request does, a gateway that is the network or broadcast address of an
     * IPv4 cidr is refused with IpamValueInvalid (409): that only happens to the default gateway
     * of a /31.
     *
     * @param cidr the subnet's cidr; host bits are cleared as Neutron does
     * @param requestedPools the requested allocation_pools, or null when absent (an empty list
     *     means a subnet without pools)
     */
    public static SubnetLayout create(Cidr cidr, GatewayRequest gateway, List<AllocationPool> requestedPools) {
        Cidr net = cidr.canonical();
        IpAddress gw = switch (Objects.requireNonNull(gateway, "gateway")) {
            case GatewayRequest.Explicit explicit -> {
                GatewayRules.validate(net, explicit.address());
                yield explicit.address();
            }
            case GatewayRequest.NoGateway none -> null;
            case GatewayRequest.Unspecified unspecified -> GatewayRules.defaultGateway(net).orElse(null);
        };
        List<AllocationPool> pools;
        if (requestedPools == null) {
            pools = PoolRules.defaults(net, gw);
        } else {
            pools = List.copyOf(requestedPools);
            PoolRules.validate(net, pools);
            if (gw != null) PoolRules.validateGatewayOutside(gw, pools);
        }
        if (gw != null && GatewayRules.isInvalidInSubnet(net, gw)) {
            throw IpamErrors.ipamValueInvalid("Gateway IP " + gw + " cannot be allocated in CIDR " + net);
        }
        return new SubnetLayout(net, gw, pools);
    }

    /**
     * A subnet that a subnet pool allocated by prefix length (no cidr, no gateway and no pools in
     * the request): Neutron then takes the address after the network address as gateway for both
     * IP versions (so an IPv6 subnet gets ::1 here, while one created with a cidr gets ::), and
     * generates the pools around it.
     */
    public static SubnetLayout forAllocatedPrefix(Cidr cidr) {
        Cidr net = cidr.canonical();
        IpAddress gw = GatewayRules.firstHost(net).orElse(null);
        return new SubnetLayout(net, gw, PoolRules.defaults(net, gw));
    }

    /**
     * PUT /v2.0/subnets/{id}: applies a new gateway and/or pools as Neutron's update does. An
     * explicit gateway is checked as on create; requested pools are validated; when the gateway
     * changed or pools were given, the resulting gateway must lie outside the resulting pools.
     * Pools are never regenerated: changing only the gateway keeps the current pools.
     *
     * @param gateway unspecified keeps the current gateway, none removes it
     * @param requestedPools new pools, or null to keep the current ones
     */
    public SubnetLayout update(GatewayRequest gateway, List<AllocationPool> requestedPools) {
        IpAddress gw = switch (Objects.requireNonNull(gateway, "gateway")) {
            case GatewayRequest.Explicit explicit -> {
                GatewayRules.validate(cidr, explicit.address());
                yield explicit.address();
            }
            case GatewayRequest.NoGateway none -> null;
            case GatewayRequest.Unspecified unspecified -> this.gateway;
        };
        List<AllocationPool> pools = allocationPools;
        if (requestedPools != null) {
            pools = List.copyOf(requestedPools);
            PoolRules.validate(cidr, pools);
        }
        boolean gatewayChanged = !Objects.equals(gw, this.gateway);
        if ((gatewayChanged || requestedPools != null) && gw != null) {
            PoolRules.validateGatewayOutside(gw, pools);
        }
        return new SubnetLayout(cidr, gw, pools);
    }

    public Cidr cidr() {
        return cidr;
    }

    public Optional<IpAddress> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** Sorted by address, unmodifiable. */
    public List<AllocationPool> allocationPools() {
        return allocationPools;
    }

    private static List<AllocationPool> sorted(List<AllocationPool> pools) {
        List<AllocationPool> copy = new ArrayList<>(pools);
        copy.sort(null);
        return List.copyOf(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubnetLayout other && cidr.equals(other.cidr)
                && Objects.equals(gateway, other.gateway) && allocationPools.equals(other.allocationPools);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cidr, gateway, allocationPools);
    }

    @Override
    public String toString() {
        return "SubnetLayout[cidr=" + cidr + ", gateway=" + gateway + ", allocationPools=" + allocationPools + "]";
    }
}
