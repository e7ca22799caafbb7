package dev.neutrino.ipam;

import dev.neutrino.common.IpAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Picks free addresses from a subnet's allocation pools the way Neutron's built-in IPAM driver
 * (neutrondb_ipam) does: pools are tried in the order given; in the first pool with a free
 * address, one is chosen at random among its first {@value #WINDOW} free addresses, so that
 * concurrent allocators rarely collide while addresses stay packed at the start of the pool.
 *
 * <p>Free addresses are found by walking each pool against the sorted set of used addresses, so
 * the cost is bounded by the used addresses inside the pool plus the window, never by the pool's
 * size: an IPv6 /64 pool is fine. The used set must be sorted by the natural order of
 * {@link IpAddress} (a {@code TreeSet<IpAddress>} without comparator, for instance); it may also
 * hold addresses outside the pools, of either version.
 */
public final class AddressPicker {
    /** Neutron's MAX_WIN: free addresses a single allocation chooses among. */
    public static final int WINDOW = 1000;
    /** Neutron's MULTIPLIER: window size per address of a bulk allocation. */
    public static final int BULK_MULTIPLIER = 100;
    /** Neutron's MAX_WIN_MULTI: largest window of a bulk allocation. */
    public static final int MAX_BULK_WINDOW = WINDOW * BULK_MULTIPLIER;

    private final RandomGenerator random;

    public AddressPicker(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A random free address (AnyAddressRequest), or empty when every pool is exhausted. */
    public Optional<IpAddress> pick(List<AllocationPool> pools, NavigableSet<IpAddress> used) {
        requireNaturalOrder(used);
        for (AllocationPool pool : pools) {
            List<IpAddress> candidates = firstFree(pool, used, WINDOW);
            if (!candidates.isEmpty()) {
                return Optional.of(candidates.get(random.nextInt(candidates.size())));
            }
        }
        return Optional.empty();
    }

    /**
     * The lowest free address of the first pool that has one (PreferNextAddressRequest, which
     * Neutron uses for DHCP and distributed ports), or empty when exhausted. Not random.
     */
    public static Optional<IpAddress> pickLowest(List<AllocationPool> pools, NavigableSet<IpAddress> used) {
        requireNaturalOrder(used);
        for (AllocationPool pool : pools) {
            List<IpAddress> first = firstFree(pool, used, 1);
            if (!first.isEmpty()) return Optional.of(first.get(0));
        }
        return Optional.empty();
    }

    /**
     * {@code count} distinct free addresses (BulkAddressRequest), or an empty list when the pools
     * cannot supply that many: Neutron fails the whole request then. Pools are used in order; a
     * pool with fewer free addresses than still needed gives all it has; otherwise the addresses
     * are drawn at random from its first min(needed * {@value #BULK_MULTIPLIER},
     * {@value #MAX_BULK_WINDOW}) free ones ({@value #WINDOW} when one address is needed).
     */
    public List<IpAddress> pickMany(List<AllocationPool> pools, NavigableSet<IpAddress> used, int count) {
        requireNaturalOrder(used);
        if (count <= 0) throw new IllegalArgumentException("count must be positive: " + count);
        List<IpAddress> picked = new ArrayList<>(count);
        int needed = count;
        for (AllocationPool pool : pools) {
            int bulkWindow = (int) Math.min((long) needed * BULK_MULTIPLIER, MAX_BULK_WINDOW);
            int look = needed > 1 ? Math.max(needed, bulkWindow) : WINDOW;
            List<IpAddress> free = firstFree(pool, used, look);
            if (free.isEmpty()) continue;
            int take = Math.min(free.size(), needed);
            int window = take > 1
                    ? (int) Math.min(Math.min(free.size(), (long) take * BULK_MULTIPLIER), MAX_BULK_WINDOW)
                    : Math.min(free.size(), WINDOW);
            if (window < take) continue;
            picked.addAll(sample(free.subList(0, window), take));
            needed -= take;
            if (needed == 0) return List.copyOf(picked);
        }
        return List.of();
    }

    /** Up to {@code limit} free addresses of the pool, lowest first. */
    static List<IpAddress> firstFree(AllocationPool pool, NavigableSet<IpAddress> used, int limit) {
        List<IpAddress> free = new ArrayList<>(Math.min(limit, 1024));
        int version = pool.version();
        BigInteger cursor = pool.start().value();
        BigInteger last = pool.end().value();
        Iterator<IpAddress> taken = used.subSet(pool.start(), true, pool.end(), true).iterator();
        while (free.size() < limit && cursor.compareTo(last) <= 0) {
            BigInteger nextTaken = taken.hasNext() ? taken.next().value() : last.add(BigInteger.ONE);
            while (free.size() < limit && cursor.compareTo(nextTaken) < 0) {
                free.add(IpAddress.of(version, cursor));
                cursor = cursor.add(BigInteger.ONE);
            }
            cursor = cursor.max(nextTaken.add(BigInteger.ONE));
        }
        return free;
    }

    /** {@code k} distinct elements chosen uniformly (a partial Fisher-Yates shuffle). */
    private List<IpAddress> sample(List<IpAddress> candidates, int k) {
        List<IpAddress> pool = new ArrayList<>(candidates);
        for (int i = 0; i < k; i++) {
            Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
        }
        return pool.subList(0, k);
    }

    private static void requireNaturalOrder(NavigableSet<IpAddress> used) {
        if (used.comparator() != null) {
            throw new IllegalArgumentException("used addresses must be sorted by IpAddress's natural order");
        }
    }
}
