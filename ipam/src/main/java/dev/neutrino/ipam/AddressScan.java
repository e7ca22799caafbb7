package dev.neutrino.ipam;

import dev.neutrino.common.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The choice {@link AddressPicker#pick} makes (a random address among the first
 * {@value AddressPicker#WINDOW} free ones of the first pool with room), without holding every used
 * address: used addresses are read in address order, a chunk at a time, starting at a floor below
 * which everything is known to be used. With a good floor the work is bounded by the window, not
 * by the number of used addresses; without one (null) it is bounded by the used addresses below
 * the window, read in chunks.
 *
 * <p>Pools are scanned in address order, so that the lowest free address found is also the lowest
 * free address of all pools: the caller may keep it as the next floor.
 */
public final class AddressScan {
    /** Used addresses of one subnet in address order, e.g. an ordered, limited database query. */
    @FunctionalInterface
    public interface UsedAddresses {
        /** At most {@code limit} used addresses in [from, to], ascending. */
        List<IpAddress> between(IpAddress from, IpAddress to, int limit);
    }

    /**
     * The chosen address and the lowest free address seen (at or above the floor); everything in
     * the pools below {@code lowestFree} was in use.
     */
    public record Pick(IpAddress address, IpAddress lowestFree) {}

    private final RandomGenerator random;
    private final int window;
    private final int chunk;

    public AddressScan(RandomGenerator random) {
        this(random, AddressPicker.WINDOW, AddressPicker.WINDOW);
    }

    /**
     * @param window free addresses a pick chooses among
     * @param chunk used addresses read per call of {@link UsedAddresses#between}
     */
    public AddressScan(RandomGenerator random, int window, int chunk) {
        if (window < 1 || chunk < 1) throw new IllegalArgumentException("window and chunk must be positive");
        this.random = Objects.requireNonNull(random, "random");
        this.window = window;
        this.chunk = chunk;
    }

    /**
     * A random free address, or empty when no pool has one at or above the floor.
     *
     * @param floor every pool address below it is in use; null when that is not known
     * @param avoid free addresses to take only when no other is free in the pool (for instance those
     *     that transactions of this process have just picked and may not have committed yet)
     */
    public Optional<Pick> pick(List<AllocationPool> pools, IpAddress floor, UsedAddresses used,
                               Predicate<IpAddress> avoid) {
        List<AllocationPool> ordered = new ArrayList<>(pools);
        ordered.sort(null);
        for (AllocationPool pool : ordered) {
            IpAddress from = floor != null && floor.version() == pool.version() && floor.compareTo(pool.start()) > 0
                    ? floor : pool.start();
            if (from.compareTo(pool.end()) > 0) continue;
            Window w = scan(pool, from, used, avoid);
            List<IpAddress> candidates = w.preferred.isEmpty() ? w.avoided : w.preferred;
            if (!candidates.isEmpty()) {
                return Optional.of(new Pick(candidates.get(random.nextInt(candidates.size())), w.lowest));
            }
        }
        return Optional.empty();
    }

    private final class Window {
        final List<IpAddress> preferred = new ArrayList<>();
        final List<IpAddress> avoided = new ArrayList<>();
        IpAddress lowest;

        /** Takes one free address; false when the window is full. */
        boolean add(IpAddress free, Predicate<IpAddress> avoid) {
            if (lowest == null) lowest = free;
            if (!avoid.test(free)) preferred.add(free);
            else if (avoided.size() < window) avoided.add(free);
            return preferred.size() < window;
        }
    }

    /** The first free addresses of the pool from {@code from} on: up to a window of preferred ones. */
    private Window scan(AllocationPool pool, IpAddress from, UsedAddresses used, Predicate<IpAddress> avoid) {
        Window w = new Window();
        IpAddress cursor = from;
        IpAddress end = pool.end();
        while (cursor.compareTo(end) <= 0) {
            List<IpAddress> taken = used.between(cursor, end, chunk);
            for (IpAddress t : taken) {
                if (t.compareTo(cursor) < 0 || t.compareTo(end) > 0) continue; // defensive: out of range
                while (cursor.compareTo(t) < 0) {
                    if (!w.add(cursor, avoid)) return w;
                    cursor = cursor.plus(1);
                }
                cursor = t.plus(1);
            }
            if (taken.size() < chunk) {
                while (cursor.compareTo(end) <= 0) {
                    if (!w.add(cursor, avoid)) return w;
                    cursor = cursor.plus(1);
                }
            }
        }
        return w;
    }
}
