package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.ip;
import static dev.neutrino.ipam.Ips.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AddressPickerTest {

    /** Always draws the highest index it is offered. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override public long nextLong() { return -1L; }
        @Override public int nextInt(int bound) { return bound - 1; }
    };

    /** Always draws index 0. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override public long nextLong() { return 0L; }
        @Override public int nextInt(int bound) { return 0; }
    };

    private static NavigableSet<IpAddress> used(String... ips) {
        TreeSet<IpAddress> set = new TreeSet<>();
        for (String s : ips) set.add(ip(s));
        return set;
    }

    private static NavigableSet<IpAddress> usedRange(String first, int count) {
        TreeSet<IpAddress> set = new TreeSet<>();
        for (int i = 0; i < count; i++) set.add(ip(first).plus(i));
        return set;
    }

    @Test
    void choosesAmongTheFirstThousandFreeAddressesOnly() {
        List<AllocationPool> pools = PoolRules.defaults(cidr("10.0.0.0/16"), ip("10.0.0.1"));
        NavigableSet<IpAddress> used = usedRange("10.0.0.2", 10);
        // the 1000th free address is the 999th after the first free one (10.0.0.12)
        assertThat(new AddressPicker(HIGHEST).pick(pools, used)).contains(ip("10.0.0.12").plus(999));
        assertThat(new AddressPicker(LOWEST).pick(pools, used)).contains(ip("10.0.0.12"));
    }

    @Test
    void skipsUsedAddressesInsideTheWindow() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.0.254"));
        NavigableSet<IpAddress> used = used("10.0.0.1", "10.0.0.3", "10.0.0.4", "10.0.0.254");
        // 249 free addresses, all in the window; the highest free is .253
        assertThat(new AddressPicker(HIGHEST).pick(pools, used)).contains(ip("10.0.0.253"));
        assertThat(new AddressPicker(LOWEST).pick(pools, used)).contains(ip("10.0.0.2"));
    }

    @Test
    void randomPicksSpreadOverTheWindowAndAreDeterministicForASeed() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.0.254"));
        NavigableSet<IpAddress> used = used("10.0.0.5");
        AddressPicker picker = new AddressPicker(new SplittableRandom(7));
        Set<IpAddress> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            IpAddress picked = picker.pick(pools, used).orElseThrow();
            assertThat(pools.get(0).contains(picked)).isTrue();
            assertThat(picked).isNotEqualTo(ip("10.0.0.5"));
            seen.add(picked);
        }
        assertThat(seen).hasSizeGreaterThan(30);
        Optional<IpAddress> again1 = new AddressPicker(new SplittableRandom(99)).pick(pools, used);
        Optional<IpAddress> again2 = new AddressPicker(new SplittableRandom(99)).pick(pools, used);
        assertThat(again1).isEqualTo(again2);
    }

    @Test
    void movesToTheNextPoolWhenOneIsFull() {
        List<AllocationPool> pools = List.of(pool("10.0.0.10", "10.0.0.12"), pool("10.0.0.100", "10.0.0.101"));
        NavigableSet<IpAddress> used = used("10.0.0.10", "10.0.0.11", "10.0.0.12", "10.0.0.100");
        assertThat(new AddressPicker(new SplittableRandom(1)).pick(pools, used)).contains(ip("10.0.0.101"));
        assertThat(AddressPicker.pickLowest(pools, used)).contains(ip("10.0.0.101"));
    }

    @Test
    void emptyWhenEveryPoolIsExhaustedOrThereAreNoPools() {
        List<AllocationPool> pools = List.of(pool("10.0.0.10", "10.0.0.12"));
        NavigableSet<IpAddress> used = used("10.0.0.10", "10.0.0.11", "10.0.0.12");
        assertThat(new AddressPicker(new SplittableRandom(1)).pick(pools, used)).isEmpty();
        assertThat(AddressPicker.pickLowest(pools, used)).isEmpty();
        assertThat(new AddressPicker(new SplittableRandom(1)).pick(List.of(), used)).isEmpty();
    }

    @Test
    void pickLowestTakesTheFirstFreeAddress() {
        List<AllocationPool> pools = List.of(pool("10.0.0.2", "10.0.0.254"));
        assertThat(AddressPicker.pickLowest(pools, used())).contains(ip("10.0.0.2"));
        assertThat(AddressPicker.pickLowest(pools, used("10.0.0.2", "10.0.0.3", "10.0.0.5"))).contains(ip("10.0.0.4"));
    }

    @Test
    void usedAddressesOutsideThePoolsOrOfTheOtherVersionDoNotMatter() {
        List<AllocationPool> pools = List.of(pool("10.0.0.2", "10.0.0.3"));
        NavigableSet<IpAddress> used = used("10.0.0.1", "10.0.0.2", "::a", "::b", "10.0.0.4");
        assertThat(AddressPicker.pickLowest(pools, used)).contains(ip("10.0.0.3"));
        assertThat(new AddressPicker(HIGHEST).pick(pools, used)).contains(ip("10.0.0.3"));
    }

    @Test
    void worksOnAnIpv6Slash64WithoutWalkingIt() {
        List<AllocationPool> pools = PoolRules.defaults(cidr("2001:db8::/64"), ip("2001:db8::"));
        NavigableSet<IpAddress> used = usedRange("2001:db8::1", 5);
        used.add(ip("2001:db8::ffff:ffff:ffff:ffff"));
        assertThat(new AddressPicker(HIGHEST).pick(pools, used)).contains(ip("2001:db8::6").plus(999));
        assertThat(AddressPicker.pickLowest(pools, used)).contains(ip("2001:db8::6"));
    }

    @Test
    void usedSetMustUseTheNaturalOrder() {
        TreeSet<IpAddress> reversed = new TreeSet<>(Comparator.reverseOrder());
        assertThatThrownBy(() -> new AddressPicker(LOWEST).pick(List.of(pool("10.0.0.1", "10.0.0.2")), reversed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- bulk ---------------------------------------------------------------------------

    @Test
    void pickManyGivesDistinctFreeAddresses() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.0.254"));
        NavigableSet<IpAddress> used = usedRange("10.0.0.1", 100);
        List<IpAddress> picked = new AddressPicker(new SplittableRandom(3)).pickMany(pools, used, 20);
        assertThat(picked).hasSize(20).doesNotHaveDuplicates();
        assertThat(picked).allSatisfy(ip -> {
            assertThat(used).doesNotContain(ip);
            assertThat(pools.get(0).contains(ip)).isTrue();
        });
    }

    @Test
    void pickManyDrawsFromAWindowOfAHundredPerAddress() {
        List<AllocationPool> pools = List.of(pool("10.0.0.1", "10.0.255.254"));
        List<IpAddress> picked = new AddressPicker(HIGHEST).pickMany(pools, used(), 2);
        // window = 200 free addresses: the highest draw is the 200th, the swap brings back the 1st
        assertThat(picked).containsExactlyInAnyOrder(ip("10.0.0.1").plus(199), ip("10.0.0.1"));
    }

    @Test
    void pickManyEmptiesAShortPoolThenUsesTheNext() {
        List<AllocationPool> pools = List.of(pool("10.0.0.10", "10.0.0.14"), pool("10.0.0.100", "10.0.0.200"));
        NavigableSet<IpAddress> used = used("10.0.0.10", "10.0.0.12");
        List<IpAddress> picked = new AddressPicker(new SplittableRandom(5)).pickMany(pools, used, 6);
        assertThat(picked).hasSize(6).doesNotHaveDuplicates()
                .contains(ip("10.0.0.11"), ip("10.0.0.13"), ip("10.0.0.14"));
        assertThat(picked.stream().filter(pools.get(1)::contains)).hasSize(3);
    }

    @Test
    void pickManyIsAllOrNothing() {
        List<AllocationPool> pools = List.of(pool("10.0.0.10", "10.0.0.14"));
        assertThat(new AddressPicker(new SplittableRandom(5)).pickMany(pools, used("10.0.0.10"), 5)).isEmpty();
        assertThat(new AddressPicker(new SplittableRandom(5)).pickMany(pools, used("10.0.0.10"), 4)).hasSize(4);
        assertThatThrownBy(() -> new AddressPicker(LOWEST).pickMany(pools, used(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- scale --------------------------------------------------------------------------

    @Test
    void findsTheLastFreeAddressesOfANearlyFullSlash16Quickly() {
        List<AllocationPool> pools = PoolRules.defaults(cidr("10.20.0.0/16"), ip("10.20.0.1"));
        // 65,533 addresses in the pool; mark 65,000 used at random, leaving 533 free
        List<IpAddress> all = new ArrayList<>();
        for (int i = 2; i <= 65534; i++) all.add(ip("10.20.0.0").plus(i));
        SplittableRandom shuffle = new SplittableRandom(2024);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            IpAddress t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        TreeSet<IpAddress> used = new TreeSet<>(all.subList(0, 65_000));
        Set<IpAddress> free = new HashSet<>(all.subList(65_000, all.size()));
        assertThat(free).hasSize(533);

        AddressPicker picker = new AddressPicker(new SplittableRandom(11));
        IpAddress first = picker.pick(pools, used).orElseThrow();
        assertThat(free).contains(first);

        used.add(first);
        Set<IpAddress> picked = new HashSet<>(List.of(first));
        Optional<IpAddress> next;
        while ((next = picker.pick(pools, used)).isPresent()) {
            IpAddress ip = next.get();
            assertThat(used.contains(ip)).as("picked a used address %s", ip).isFalse();
            used.add(ip);
            picked.add(ip);
        }
        assertThat(picked).isEqualTo(free);
        assertThat(used).hasSize(65_533);
    }
}
