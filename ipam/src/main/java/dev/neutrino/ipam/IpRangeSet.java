package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable set of addresses of one IP version, kept as sorted, disjoint, non-adjacent ranges
 * (what netaddr's IPSet does for subnet pools): union of cidrs, difference, containment, and the
 * minimal list of cidrs covering the set.
 */
public final class IpRangeSet {
    private record Range(BigInteger first, BigInteger last) {}

    private final int version;
    private final List<Range> ranges;

    private IpRangeSet(int version, List<Range> ranges) {
        this.version = version;
        this.ranges = List.copyOf(ranges);
    }

    public static IpRangeSet empty(int version) {
        return new IpRangeSet(version, List.of());
    }

    /** The union of the cidrs (host bits ignored). All must have the given version. */
    public static IpRangeSet of(int version, Collection<Cidr> cidrs) {
        List<Range> input = new ArrayList<>(cidrs.size());
        for (Cidr cidr : cidrs) {
            if (cidr.version() != version) {
                throw new IllegalArgumentException(cidr + " is not an IPv" + version + " network");
            }
            input.add(new Range(cidr.network().value(), cidr.broadcast().value()));
        }
        input.sort(Comparator.comparing(Range::first));
        List<Range> merged = new ArrayList<>();
        for (Range r : input) {
            Range lastMerged = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (lastMerged != null && r.first().compareTo(lastMerged.last().add(BigInteger.ONE)) <= 0) {
                if (r.last().compareTo(lastMerged.last()) > 0) {
                    merged.set(merged.size() - 1, new Range(lastMerged.first(), r.last()));
                }
            } else {
                merged.add(r);
            }
        }
        return new IpRangeSet(version, merged);
    }

    public int version() {
        return version;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Number of addresses in the set. */
    public BigInteger size() {
        BigInteger total = BigInteger.ZERO;
        for (Range r : ranges) total = total.add(r.last().subtract(r.first())).add(BigInteger.ONE);
        return total;
    }

    /** The addresses of this set that are not in the other (of the same version). */
    public IpRangeSet minus(IpRangeSet other) {
        requireSameVersion(other);
        List<Range> out = new ArrayList<>();
        int j = 0;
        for (Range r : ranges) {
            BigInteger cursor = r.first();
            while (j < other.ranges.size() && other.ranges.get(j).last().compareTo(cursor) < 0) j++;
            int k = j;
            while (cursor.compareTo(r.last()) <= 0 && k < other.ranges.size()
                    && other.ranges.get(k).first().compareTo(r.last()) <= 0) {
                Range hole = other.ranges.get(k);
                if (hole.first().compareTo(cursor) > 0) {
                    out.add(new Range(cursor, hole.first().subtract(BigInteger.ONE)));
                }
                cursor = cursor.max(hole.last().add(BigInteger.ONE));
                k++;
            }
            if (cursor.compareTo(r.last()) <= 0) out.add(new Range(cursor, r.last()));
        }
        return new IpRangeSet(version, out);
    }

    /** True when every address of the cidr is in the set. */
    public boolean contains(Cidr cidr) {
        if (cidr.version() != version) return false;
        BigInteger first = cidr.network().value();
        BigInteger last = cidr.broadcast().value();
        for (Range r : ranges) {
            if (r.first().compareTo(first) <= 0 && r.last().compareTo(last) >= 0) return true;
        }
        return false;
    }

    /** True when every address of the other set is in this one. */
    public boolean containsAll(IpRangeSet other) {
        requireSameVersion(other);
        return other.minus(this).isEmpty();
    }

    /** True when some address is in both sets. */
    public boolean intersects(Cidr cidr) {
        if (cidr.version() != version) return false;
        BigInteger first = cidr.network().value();
        BigInteger last = cidr.broadcast().value();
        for (Range r : ranges) {
            if (r.first().compareTo(last) <= 0 && first.compareTo(r.last()) <= 0) return true;
        }
        return false;
    }

    /**
     * The fewest cidrs that cover exactly this set, sorted by address: each range is cut into the
     * largest aligned blocks (netaddr's IPSet.iter_cidrs after compact()).
     */
    public List<Cidr> toCidrs() {
        int bits = version == 4 ? 32 : 128;
        List<Cidr> out = new ArrayList<>();
        for (Range r : ranges) {
            BigInteger cursor = r.first();
            while (cursor.compareTo(r.last()) <= 0) {
                int hostBits = cursor.signum() == 0 ? bits : Math.min(bits, cursor.getLowestSetBit());
                BigInteger remaining = r.last().subtract(cursor).add(BigInteger.ONE);
                while (BigInteger.ONE.shiftLeft(hostBits).compareTo(remaining) > 0) hostBits--;
                out.add(new Cidr(IpAddress.of(version, cursor), bits - hostBits));
                cursor = cursor.add(BigInteger.ONE.shiftLeft(hostBits));
            }
        }
        return List.copyOf(out);
    }

    private void requireSameVersion(IpRangeSet other) {
        if (other.version != version) {
            throw new IllegalArgumentException("cannot mix IPv" + version + " and IPv" + other.version);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRangeSet other && version == other.version && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return 31 * version + ranges.hashCode();
    }

    @Override
    public String toString() {
        return toCidrs().toString();
    }
}
