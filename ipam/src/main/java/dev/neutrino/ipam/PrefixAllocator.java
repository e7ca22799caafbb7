package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Carves subnets out of a subnet pool's prefixes as Neutron's SubnetAllocator does. The pool's
 * prefixes are compacted (overlaps and adjacent halves merged) like Neutron stores them.
 */
public final class PrefixAllocator {
    private final IpRangeSet space;
    private final List<Cidr> prefixes;
    private final PrefixBounds bounds;

    /**
     * @throws dev.neutrino.common.NeutronException EmptySubnetPoolPrefixList or
     *     PrefixVersionMismatch (400), or IllegalArgumentException when the bounds are for the
     *     other IP version
     */
    public PrefixAllocator(Collection<Cidr> prefixes, PrefixBounds bounds) {
        int version = versionOf(prefixes);
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        if (bounds.ipVersion() != version) {
            throw new IllegalArgumentException("IPv" + bounds.ipVersion() + " bounds for IPv" + version + " prefixes");
        }
        this.space = IpRangeSet.of(version, prefixes);
        this.prefixes = space.toCidrs();
    }

    /**
     * A subnet pool request as the API gives it (SubnetPoolReader): prefixes first (non-empty, one
     * IP version), then the bounds, unspecified ones null.
     */
    public static PrefixAllocator forPool(Collection<Cidr> prefixes, Integer minPrefixlen, Integer maxPrefixlen,
                                          Integer defaultPrefixlen) {
        int version = versionOf(prefixes);
        return new PrefixAllocator(prefixes,
                PrefixBounds.resolve(version, minPrefixlen, maxPrefixlen, defaultPrefixlen));
    }

    /** The minimal, sorted list of cidrs covering the given ones (what Neutron stores as prefixes). */
    public static List<Cidr> compact(Collection<Cidr> cidrs) {
        return IpRangeSet.of(versionOf(cidrs), cidrs).toCidrs();
    }

    /**
     * PUT /subnetpools: the new prefixes must keep every address of the current ones.
     *
     * @throws dev.neutrino.common.NeutronException IllegalSubnetPoolPrefixUpdate (400)
     */
    public static void checkPrefixUpdate(Collection<Cidr> current, Collection<Cidr> updated) {
        for (int version : new int[] {4, 6}) {
            IpRangeSet kept = IpRangeSet.of(version, ofVersion(updated, version));
            if (!kept.containsAll(IpRangeSet.of(version, ofVersion(current, version)))) {
                throw IpamErrors.illegalSubnetPoolPrefixUpdate(
                        "Existing prefixes must be a subset of the new prefixes");
            }
        }
    }

    public int ipVersion() {
        return space.version();
    }

    /** The compacted prefixes, sorted by address. */
    public List<Cidr> prefixes() {
        return prefixes;
    }

    public PrefixBounds bounds() {
        return bounds;
    }

    /**
     * A subnet of the given prefix length (AnySubnetRequest). Neutron lists the free space as the
     * fewest cidrs, orders them smallest block first (then by address), and takes the start of
     * the first block that is large enough: a best fit, which keeps large blocks whole.
     *
     * @param used the cidrs of the pool's existing subnets (other versions are ignored)
     * @throws dev.neutrino.common.NeutronException Max/MinPrefixSubnetAllocationError (400), or
     *     SubnetAllocationError (500) when no block is large enough
     */
    public Cidr allocate(int prefixlen, Collection<Cidr> used) {
        bounds.check(prefixlen);
        List<Cidr> free = new ArrayList<>(available(used));
        free.sort(Comparator.comparingInt(Cidr::prefixLength).reversed());
        for (Cidr block : free) {
            if (block.prefixLength() <= prefixlen) return new Cidr(block.network(), prefixlen);
        }
        throw IpamErrors.subnetAllocationError("Insufficient prefix space to allocate subnet size /" + prefixlen);
    }

    /**
     * A specific cidr (SpecificSubnetRequest): its prefix length must fit the bounds, and all of
     * it must be in the pool's prefixes and clear of existing subnets. Host bits are cleared.
     *
     * @throws dev.neutrino.common.NeutronException Max/MinPrefixSubnetAllocationError (400) or
     *     SubnetAllocationError (500)
     */
    public Cidr allocate(Cidr requested, Collection<Cidr> used) {
        Cidr cidr = requested.canonical();
        bounds.check(cidr.prefixLength());
        if (cidr.version() != ipVersion() || !space.minus(usedSet(used)).contains(cidr)) {
            throw IpamErrors.subnetAllocationError(
                    "Cannot allocate requested subnet from the available set of prefixes");
        }
        return cidr;
    }

    /** The free space as the fewest cidrs, sorted by address. */
    public List<Cidr> available(Collection<Cidr> used) {
        return space.minus(usedSet(used)).toCidrs();
    }

    /**
     * The subnet pool's default_quota check, counted in /32s for IPv4 and /64s for IPv6 (so an
     * IPv6 subnet longer than /64 counts a fraction). A null or zero quota means unlimited, as in
     * Neutron.
     *
     * @param projectSubnets the cidrs the project already has from this pool
     * @throws dev.neutrino.common.NeutronException SubnetPoolQuotaExceeded (409)
     */
    public void checkQuota(Integer defaultQuota, Collection<Cidr> projectSubnets, int prefixlen) {
        if (defaultQuota == null || defaultQuota == 0) return;
        int unit = ipVersion() == 4 ? 32 : 64;
        double usedUnits = 0;
        for (Cidr cidr : projectSubnets) usedUnits += Math.pow(2, unit - cidr.prefixLength());
        if (usedUnits + Math.pow(2, unit - prefixlen) > defaultQuota) {
            throw IpamErrors.subnetPoolQuotaExceeded();
        }
    }

    private IpRangeSet usedSet(Collection<Cidr> used) {
        return IpRangeSet.of(ipVersion(), ofVersion(used, ipVersion()));
    }

    private static List<Cidr> ofVersion(Collection<Cidr> cidrs, int version) {
        return cidrs.stream().filter(c -> c.version() == version).toList();
    }

    private static int versionOf(Collection<Cidr> prefixes) {
        if (prefixes == null || prefixes.isEmpty()) throw IpamErrors.emptySubnetPoolPrefixList();
        int version = prefixes.iterator().next().version();
        for (Cidr prefix : prefixes) {
            if (prefix.version() != version) throw IpamErrors.prefixVersionMismatch();
        }
        return version;
    }

    @Override
    public String toString() {
        return "PrefixAllocator[prefixes=" + prefixes + ", bounds=" + bounds + "]";
    }
}
