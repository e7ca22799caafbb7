package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.ip;
import static dev.neutrino.ipam.Ips.pool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.IpAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AddressScanTest {
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override public long nextLong() { return -1L; }
        @Override public int nextInt(int bound) { return bound - 1; }
    };
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override public long nextLong() { return 0L; }
        @Override public int nextInt(int bound) { return 0; }
    };
    private static final Predicate<IpAddress> NONE = a -> false;

    /** A sorted set behind the ordered, limited query; counts the calls and the rows handed out. */
    private static final class Source implements AddressScan.UsedAddresses {
        final TreeSet<IpAddress> used = new TreeSet<>();
        int calls;
        int rows;

        Source range(String first, int count) {
            for (int i = 0; i < count; i++) used.add(ip(first).plus(i));
            return this;
        }

        Source add(String... ips) {
            for (String s : ips) used.add(ip(s));
            return this;
        }

        @Override
        public List<IpAddress> between(IpAddress from, IpAddress to, int limit) {
            calls++;
            List<IpAddress> out = new ArrayList<>();
            for (IpAddress a : used.subSet(from, true, to, true)) {
                if (out.size() == limit) break;
                out.add(a);
            }
            rows += out.size();
            return out;
        }
    }

    @Test
    void choosesAmongTheSameWindowAsAddressPicker() {
        List<AllocationPool> pools = PoolRules.defaults(cidr("10.0.0.0/16"), ip("10.0.0.1"));
        Source used = new Source().range("10.0.0.2", 10).add("10.0.0.20", "10.0.5.0");
        for (RandomGenerator r : List.of(HIGHEST, LOWEST)) {
            Optional<IpAddress> expected = new AddressPicker(r).pick(pools, used.used);
            assertThat(new AddressScan(r, AddressPicker.WINDOW, 7).pick(pools, null, used, NONE))
                    .map(AddressScan.Pick::address).isEqualTo(expected);
        }
    }

    @Test
    void randomPicksMatchAddressPickerWithTheSameSeedAcrossChunkSizes() {
        List<AllocationPool> pools = List.of(pool("10.0.0.10", "10.0.0.200"), pool("10.0.1.1", "10.0.3.250"));
        Source used = new Source().range("10.0.0.10", 191).range("10.0.1.5", 700);
        for (int chunk : List.of(1, 3, 64, 1000, 5000)) {
            for (long seed = 0; seed < 20; seed++) {
                IpAddress expected = new AddressPicker(new SplittableRandom(seed)).pick(pools, used.used).orElseThrow();
                IpAddress got = new AddressScan(new SplittableRandom(seed), AddressPicker.WINDOW, chunk)
                        .pick(pools, null, used, NONE).orElseThrow().address();
                assertThat(got).as("chunk %d seed %d", chunk, seed).isEqualTo(expected);
            }
        }
    }

    @Test
    void reportsTheLowestFreeAddressAsTheNextFloor() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.0.254"));
        Source used = new Source().range("10.0.0.1", 50).add("10.0.0.52");
        AddressScan.Pick p = new AddressScan(HIGHEST).pick(pools, null, used, NONE).orElseThrow();
        assertThat(p.lowestFree()).isEqualTo(ip("10.0.0.51"));
        assertThat(p.address()).isEqualTo(ip("10.0.0.254"));
    }

    @Test
    void aFloorSkipsTheUsedAddressesBelowIt() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.255.254"));
        Source used = new Source().range("10.0.0.1", 20_000);
        IpAddress firstFree = ip("10.0.0.1").plus(20_000);

        Source cold = new Source().range("10.0.0.1", 20_000);
        new AddressScan(LOWEST).pick(pools, null, cold, NONE).orElseThrow();
        assertThat(cold.rows).isEqualTo(20_000);

        AddressScan.Pick p = new AddressScan(LOWEST).pick(pools, firstFree, used, NONE).orElseThrow();
        assertThat(p.address()).isEqualTo(firstFree);
        assertThat(used.rows).isZero();
        assertThat(used.calls).isEqualTo(1);
    }

    @Test
    void workIsBoundedByTheWindowNotByTheUsedAddresses() {
        // every other address used for a long stretch above the floor: the scan stops after the window
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.255.254"));
        Source used = new Source();
        for (int i = 0; i < 30_000; i++) used.used.add(ip("10.0.0.1").plus(2L * i));
        new AddressScan(HIGHEST).pick(pools, ip("10.0.0.2"), used, NONE).orElseThrow();
        assertThat(used.rows).isLessThanOrEqualTo(2 * AddressPicker.WINDOW);
    }

    @Test
    void aFloorFromAnotherPoolOrVersionIsHarmless() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.0.10"), pool("10.0.1.1", "10.0.1.10"));
        Source used = new Source();
        assertThat(new AddressScan(LOWEST).pick(pools, ip("10.0.0.200"), used, NONE).orElseThrow().address())
                .isEqualTo(ip("10.0.1.1"));
        assertThat(new AddressScan(LOWEST).pick(pools, ip("::5"), used, NONE).orElseThrow().address())
                .isEqualTo(ip("10.0.0.1"));
    }

    @Test
    void poolsAreTriedInAddressOrderAndFullOnesSkipped() {
        List<AllocationPool> pools = List.of(pool("10.0.1.1", "10.0.1.10"), pool("10.0.0.1", "10.0.0.3"));
        Source used = new Source().range("10.0.0.1", 3).add("10.0.1.1");
        AddressScan.Pick p = new AddressScan(LOWEST).pick(pools, null, used, NONE).orElseThrow();
        assertThat(p.address()).isEqualTo(ip("10.0.1.2"));
        assertThat(p.lowestFree()).isEqualTo(ip("10.0.1.2"));
    }

    @Test
    void emptyWhenEveryPoolIsFull() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.0.4"), pool("10.0.0.8", "10.0.0.8"));
        Source used = new Source().range("10.0.0.1", 8);
        assertThat(new AddressScan(LOWEST, 10, 2).pick(pools, null, used, NONE)).isEmpty();
        assertThat(new AddressScan(LOWEST).pick(pools, ip("10.0.0.9"), used, NONE)).isEmpty();
    }

    @Test
    void avoidedAddressesAreTakenOnlyWhenNothingElseIsFree() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.0.5"));
        Source used = new Source().add("10.0.0.2");
        Set<IpAddress> avoid = new HashSet<>(List.of(ip("10.0.0.1"), ip("10.0.0.3"), ip("10.0.0.4")));
        Set<IpAddress> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            seen.add(new AddressScan(new SplittableRandom(seed)).pick(pools, null, used, avoid::contains)
                    .orElseThrow().address());
        }
        assertThat(seen).containsExactly(ip("10.0.0.5"));

        avoid.add(ip("10.0.0.5"));
        AddressScan.Pick p = new AddressScan(LOWEST).pick(pools, null, used, avoid::contains).orElseThrow();
        assertThat(p.address()).isEqualTo(ip("10.0.0.1"));
        assertThat(p.lowestFree()).isEqualTo(ip("10.0.0.1"));
    }

    @Test
    void ipv6PoolsOfAnySizeAreScannedOnlyAsFarAsTheWindow() {
        List<AllocationPool> pools = PoolRules.defaults(cidr("2001:db8::/64"), ip("2001:db8::1"));
        Source used = new Source().range("2001:db8::2", 5);
        AddressScan.Pick p = new AddressScan(HIGHEST).pick(pools, null, used, NONE).orElseThrow();
        assertThat(p.lowestFree()).isEqualTo(ip("2001:db8::7"));
        assertThat(p.address()).isEqualTo(ip("2001:db8::7").plus(AddressPicker.WINDOW - 1));
    }
}
