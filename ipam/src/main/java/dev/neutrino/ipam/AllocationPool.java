package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.Objects;

/**
 * An inclusive range of addresses a subnet hands out automatically (Neutron's allocation pool,
 * a netaddr IPRange). Both ends have the same IP version and {@code start <= end}; otherwise the
 * constructor throws Neutron's InvalidAllocationPool (400), as Neutron does when it turns the
 * request's {@code {"start": .., "end": ..}} into a range.
 */
public record AllocationPool(IpAddress start, IpAddress end) implements Comparable<AllocationPool> {
    private static final Comparator<AllocationPool> ORDER =
            Comparator.comparing(AllocationPool::start).thenComparing(AllocationPool::end);

    public AllocationPool {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.version() != end.version() || start.compareTo(end) > 0) {
            throw IpamErrors.invalidAllocationPool(IpamErrors.poolDict(start.toString(), end.toString()));
        }
    }

    /**
     * Parses the two ends as the API gives them; an unparsable end is an invalid pool too, as in
     * Neutron's pools_to_ip_range (the API layer normally refuses bad addresses earlier, with
     * "Invalid input for allocation_pools").
     */
    public static AllocationPool of(String start, String end) {
        IpAddress first = IpAddress.tryParse(start);
        IpAddress last = IpAddress.tryParse(end);
        if (first == null || last == null) {
            throw IpamErrors.invalidAllocationPool(IpamErrors.poolDict(start, end));
        }
        return new AllocationPool(first, last);
    }

    public static AllocationPool single(IpAddress address) {
        return new AllocationPool(address, address);
    }

    public int version() {
        return start.version();
    }

    /** Number of addresses in the pool. */
    public BigInteger size() {
        return end.value().subtract(start.value()).add(BigInteger.ONE);
    }

    public boolean contains(IpAddress ip) {
        return ip.version() == version() && ip.compareTo(start) >= 0 && ip.compareTo(end) <= 0;
    }

    public boolean overlaps(AllocationPool other) {
        return other.version() == version() && start.compareTo(other.end) <= 0 && other.start.compareTo(end) <= 0;
    }

    /** True when the whole pool lies in the cidr. */
    public boolean isWithin(Cidr cidr) {
        return cidr.contains(start) && cidr.contains(end);
    }

    @Override
    public int compareTo(AllocationPool other) {
        return ORDER.compare(this, other);
    }

    /** "start-end", as netaddr prints an IPRange (and as Neutron's messages show pools). */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
