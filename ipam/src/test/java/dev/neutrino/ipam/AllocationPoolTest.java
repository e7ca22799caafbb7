package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.assertNeutronError;
import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.ip;
import static dev.neutrino.ipam.Ips.pool;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationPoolTest {

    @Test
    void sizeCountsBothEnds() {
        assertThat(pool("10.0.0.2", "10.0.0.254").size()).isEqualTo(BigInteger.valueOf(253));
        assertThat(pool("10.0.0.7", "10.0.0.7").size()).isEqualTo(BigInteger.ONE);
        assertThat(pool("2001:db8::1", "2001:db8::ffff:ffff:ffff:ffff").size())
                .isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    }

    @Test
    void containsIsInclusiveAndVersionAware() {
        AllocationPool p = pool("10.0.0.10", "10.0.0.20");
        assertThat(p.contains(ip("10.0.0.10"))).isTrue();
        assertThat(p.contains(ip("10.0.0.20"))).isTrue();
        assertThat(p.contains(ip("10.0.0.9"))).isFalse();
        assertThat(p.contains(ip("10.0.0.21"))).isFalse();
        // ::a is numerically 10 but an IPv6 address
        assertThat(pool("0.0.0.1", "0.0.0.20").contains(ip("::a"))).isFalse();
    }

    @Test
    void overlapsWhenRangesShareAnAddress() {
        AllocationPool p = pool("10.0.0.10", "10.0.0.20");
        assertThat(p.overlaps(pool("10.0.0.20", "10.0.0.30"))).isTrue();
        assertThat(p.overlaps(pool("10.0.0.1", "10.0.0.10"))).isTrue();
        assertThat(p.overlaps(pool("10.0.0.12", "10.0.0.13"))).isTrue();
        assertThat(p.overlaps(pool("10.0.0.1", "10.0.0.50"))).isTrue();
        assertThat(p.overlaps(pool("10.0.0.21", "10.0.0.30"))).isFalse();
        assertThat(p.overlaps(pool("10.0.0.1", "10.0.0.9"))).isFalse();
        assertThat(pool("0.0.0.1", "0.0.0.20").overlaps(pool("::1", "::20"))).isFalse();
    }

    @Test
    void isWithinCidr() {
        assertThat(pool("10.0.0.0", "10.0.0.255").isWithin(cidr("10.0.0.0/24"))).isTrue();
        assertThat(pool("10.0.0.0", "10.0.1.0").isWithin(cidr("10.0.0.0/24"))).isFalse();
    }

    @Test
    void printsLikeNetaddrIpRange() {
        assertThat(pool("10.0.0.2", "10.0.0.254")).hasToString("10.0.0.2-10.0.0.254");
        assertThat(pool("2001:DB8:0:0::1", "2001:db8::00ff")).hasToString("2001:db8::1-2001:db8::ff");
    }

    @Test
    void startAfterEndIsAnInvalidPoolShownAsTheRequestDict() {
        assertNeutronError(() -> pool("10.0.0.5", "10.0.0.2"), 400, "InvalidAllocationPool",
                "The allocation pool {'start': '10.0.0.5', 'end': '10.0.0.2'} is not valid.");
    }

    @Test
    void mixedVersionsAndBadAddressesAreInvalidPools() {
        assertNeutronError(() -> pool("10.0.0.1", "2001:db8::1"), 400, "InvalidAllocationPool",
                "The allocation pool {'start': '10.0.0.1', 'end': '2001:db8::1'} is not valid.");
        assertNeutronError(() -> pool("10.0.0.1", "10.0.0.300"), 400, "InvalidAllocationPool",
                "The allocation pool {'start': '10.0.0.1', 'end': '10.0.0.300'} is not valid.");
    }

    @Test
    void sortsByStartThenEnd() {
        List<AllocationPool> pools = new ArrayList<>(List.of(
                pool("10.0.0.50", "10.0.0.60"), pool("10.0.0.2", "10.0.0.9"), pool("10.0.0.2", "10.0.0.3")));
        pools.sort(null);
        assertThat(pools).containsExactly(
                pool("10.0.0.2", "10.0.0.3"), pool("10.0.0.2", "10.0.0.9"), pool("10.0.0.50", "10.0.0.60"));
    }

    @Test
    void equalityIsByValue() {
        assertThat(pool("10.0.0.1", "10.0.0.2")).isEqualTo(new AllocationPool(ip("10.0.0.1"), ip("10.0.0.2")));
        assertThat(AllocationPool.single(ip("10.0.0.1"))).isEqualTo(pool("10.0.0.1", "10.0.0.1"));
    }
}
