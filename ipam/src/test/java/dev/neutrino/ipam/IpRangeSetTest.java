package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.cidrs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class IpRangeSetTest {

    @Test
    void mergesOverlappingAndAdjacentCidrs() {
        IpRangeSet set = IpRangeSet.of(4, cidrs("10.0.1.0/24", "10.0.0.0/24", "10.0.0.128/25", "10.0.2.0/23"));
        assertThat(set.toCidrs()).containsExactly(cidr("10.0.0.0/22"));
        assertThat(set.size()).isEqualTo(BigInteger.valueOf(1024));
    }

    @Test
    void hostBitsAreIgnored() {
        assertThat(IpRangeSet.of(4, cidrs("10.0.0.77/24")).toCidrs()).containsExactly(cidr("10.0.0.0/24"));
    }

    @Test
    void toCidrsCutsRangesIntoLargestAlignedBlocks() {
        IpRangeSet set = IpRangeSet.of(4, cidrs("10.0.0.0/16")).minus(IpRangeSet.of(4, cidrs("10.0.0.0/24")));
        assertThat(set.toCidrs()).containsExactlyElementsOf(cidrs("10.0.1.0/24", "10.0.2.0/23", "10.0.4.0/22",
                "10.0.8.0/21", "10.0.16.0/20", "10.0.32.0/19", "10.0.64.0/18", "10.0.128.0/17"));
    }

    @Test
    void minusHandlesHolesSpanningSeveralRanges() {
        IpRangeSet set = IpRangeSet.of(4, cidrs("10.0.0.0/24", "10.0.2.0/24", "10.0.4.0/24"));
        IpRangeSet holes = IpRangeSet.of(4, cidrs("10.0.0.128/25", "10.0.1.0/24", "10.0.2.0/25", "10.0.4.0/24",
                "192.168.0.0/16"));
        assertThat(set.minus(holes).toCidrs()).containsExactlyElementsOf(cidrs("10.0.0.0/25", "10.0.2.128/25"));
        assertThat(set.minus(set).isEmpty()).isTrue();
        assertThat(set.minus(IpRangeSet.empty(4))).isEqualTo(set);
    }

    @Test
    void containmentAndIntersection() {
        IpRangeSet set = IpRangeSet.of(4, cidrs("10.0.0.0/24", "10.0.1.0/24", "10.0.3.0/24"));
        assertThat(set.contains(cidr("10.0.0.0/23"))).isTrue();   // across two merged inputs
        assertThat(set.contains(cidr("10.0.0.0/22"))).isFalse();
        assertThat(set.contains(cidr("10.0.3.128/25"))).isTrue();
        assertThat(set.contains(cidr("::/0"))).isFalse();
        assertThat(set.intersects(cidr("10.0.2.0/23"))).isTrue();
        assertThat(set.intersects(cidr("10.0.2.0/24"))).isFalse();
        assertThat(set.containsAll(IpRangeSet.of(4, cidrs("10.0.1.0/25", "10.0.3.7/32")))).isTrue();
        assertThat(set.containsAll(IpRangeSet.of(4, cidrs("10.0.1.0/25", "10.0.2.7/32")))).isFalse();
    }

    @Test
    void wholeAddressSpaces() {
        assertThat(IpRangeSet.of(4, cidrs("0.0.0.0/1", "128.0.0.0/1")).toCidrs()).containsExactly(cidr("0.0.0.0/0"));
        assertThat(IpRangeSet.of(6, cidrs("::/0")).minus(IpRangeSet.of(6, cidrs("::/1"))).toCidrs())
                .containsExactly(new Cidr(IpAddress.of(6, BigInteger.ONE.shiftLeft(127)), 1));
    }

    @Test
    void versionsDoNotMix() {
        assertThatThrownBy(() -> IpRangeSet.of(4, cidrs("10.0.0.0/8", "2001:db8::/32")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRangeSet.empty(4).minus(IpRangeSet.empty(6)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
