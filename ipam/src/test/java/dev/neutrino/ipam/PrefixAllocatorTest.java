package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.assertNeutronError;
import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.cidrs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.Cidr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixAllocatorTest {

    private static PrefixAllocator pool(String... prefixes) {
        return PrefixAllocator.forPool(cidrs(prefixes), null, null, null);
    }

    @Test
    void prefixesAreCompactedLikeNeutronStoresThem() {
        PrefixAllocator allocator = pool("10.0.1.0/24", "10.0.0.0/24", "10.0.0.0/25", "192.168.0.0/16");
        assertThat(allocator.prefixes()).containsExactlyElementsOf(cidrs("10.0.0.0/23", "192.168.0.0/16"));
        assertThat(allocator.ipVersion()).isEqualTo(4);
        assertThat(PrefixAllocator.compact(cidrs("10.0.0.4/30", "10.0.0.0/30"))).containsExactly(cidr("10.0.0.0/29"));
    }

    /** Expected values computed with Neutron's own available-prefix ordering (subnet_alloc.py). */
    @Test
    void takesTheSmallestFreeBlockThatFitsNotTheLowestAddress() {
        assertThat(pool("10.0.0.0/16", "10.1.0.0/24").allocate(24, List.of())).isEqualTo(cidr("10.1.0.0/24"));
        PrefixAllocator big = pool("10.0.0.0/8");
        List<Cidr> used = cidrs("10.0.0.0/24", "10.0.1.0/24", "10.5.0.0/16");
        assertThat(big.allocate(24, used)).isEqualTo(cidr("10.0.2.0/24"));
        assertThat(big.allocate(16, used)).isEqualTo(cidr("10.1.0.0/16"));
        assertThat(big.allocate(9, used)).isEqualTo(cidr("10.128.0.0/9"));
        assertThat(pool("10.0.0.0/24", "10.0.1.0/24").allocate(25, cidrs("10.0.0.0/26")))
                .isEqualTo(cidr("10.0.0.128/25"));
        assertThat(PrefixAllocator.forPool(cidrs("10.0.0.0/30"), null, null, null).allocate(31, cidrs("10.0.0.0/31")))
                .isEqualTo(cidr("10.0.0.2/31"));
    }

    @Test
    void allocatesIpv6() {
        PrefixAllocator v6 = pool("2001:db8::/48");
        assertThat(v6.allocate(64, cidrs("2001:db8::/64"))).isEqualTo(cidr("2001:db8:0:1::/64"));
        assertThat(v6.bounds()).isEqualTo(new PrefixBounds(6, 64, 128, 64));
    }

    @Test
    void successiveAllocationsNeverOverlap() {
        PrefixAllocator allocator = PrefixAllocator.forPool(cidrs("10.0.0.0/22"), 22, 28, 26);
        List<Cidr> used = new ArrayList<>();
        int[] lengths = {26, 28, 24, 27, 26, 28, 25, 28};
        for (int length : lengths) {
            Cidr got = allocator.allocate(length, used);
            assertThat(got.prefixLength()).isEqualTo(length);
            assertThat(cidr("10.0.0.0/22").contains(got.network())).isTrue();
            assertThat(used).noneMatch(u -> u.overlaps(got));
            used.add(got);
        }
    }

    @Test
    void exhaustedPoolFailsWithNeutronsAllocationError() {
        assertNeutronError(() -> pool("10.0.0.0/8").allocate(8, cidrs("10.0.0.0/24")), 500, "SubnetAllocationError",
                "Failed to allocate subnet: Insufficient prefix space to allocate subnet size /8.");
        assertNeutronError(() -> pool("10.0.0.0/24").allocate(24, cidrs("10.0.0.0/24")), 500, "SubnetAllocationError",
                "Failed to allocate subnet: Insufficient prefix space to allocate subnet size /24.");
    }

    @Test
    void prefixLengthOutsideTheBoundsIsRefusedFirst() {
        PrefixAllocator allocator = PrefixAllocator.forPool(cidrs("10.0.0.0/16"), 20, 26, 24);
        assertNeutronError(() -> allocator.allocate(27, List.of()), 400, "MaxPrefixSubnetAllocationError",
                "Unable to allocate subnet with prefix length 27, maximum allowed prefix is 26.");
        assertNeutronError(() -> allocator.allocate(16, List.of()), 400, "MinPrefixSubnetAllocationError",
                "Unable to allocate subnet with prefix length 16, minimum allowed prefix is 20.");
        assertNeutronError(() -> allocator.allocate(cidr("10.0.0.0/28"), List.of()), 400,
                "MaxPrefixSubnetAllocationError",
                "Unable to allocate subnet with prefix length 28, maximum allowed prefix is 26.");
    }

    @Test
    void specificCidrInsideTheFreeSpaceIsGranted() {
        PrefixAllocator allocator = pool("10.0.0.0/24", "10.0.1.0/24");
        assertThat(allocator.allocate(cidr("10.0.1.64/26"), cidrs("10.0.1.0/26"))).isEqualTo(cidr("10.0.1.64/26"));
        // spans both requested prefixes: fine once compacted
        assertThat(allocator.allocate(cidr("10.0.0.0/23"), List.of())).isEqualTo(cidr("10.0.0.0/23"));
        // host bits are cleared
        assertThat(allocator.allocate(cidr("10.0.0.9/24"), List.of())).isEqualTo(cidr("10.0.0.0/24"));
    }

    @Test
    void specificCidrOverlappingASubnetOrOutsideThePoolIsRefused() {
        PrefixAllocator allocator = pool("10.0.0.0/16");
        String message = "Failed to allocate subnet: Cannot allocate requested subnet from the available set of prefixes.";
        assertNeutronError(() -> allocator.allocate(cidr("10.0.0.0/24"), cidrs("10.0.0.128/25")), 500,
                "SubnetAllocationError", message);
        assertNeutronError(() -> allocator.allocate(cidr("10.0.5.0/24"), cidrs("10.0.0.0/21")), 500,
                "SubnetAllocationError", message);
        assertNeutronError(() -> allocator.allocate(cidr("10.1.0.0/24"), List.of()), 500,
                "SubnetAllocationError", message);
        // bigger than the pool but within the default bounds (min_prefixlen 8): no room
        assertNeutronError(() -> allocator.allocate(cidr("10.0.0.0/15"), List.of()), 500,
                "SubnetAllocationError", message);
        assertNeutronError(() -> allocator.allocate(cidr("10.0.0.0/7"), List.of()), 400,
                "MinPrefixSubnetAllocationError",
                "Unable to allocate subnet with prefix length 7, minimum allowed prefix is 8.");
    }

    @Test
    void usedCidrsOfTheOtherVersionAreIgnored() {
        assertThat(pool("10.0.0.0/24").allocate(24, cidrs("2001:db8::/64"))).isEqualTo(cidr("10.0.0.0/24"));
    }

    @Test
    void availableSpaceIsListedByAddress() {
        assertThat(pool("10.0.0.0/22").available(cidrs("10.0.1.0/24")))
                .containsExactlyElementsOf(cidrs("10.0.0.0/24", "10.0.2.0/23"));
    }

    @Test
    void poolPrefixesMustBeOneVersionAndNotEmpty() {
        assertNeutronError(() -> PrefixAllocator.forPool(List.of(), null, null, null), 400,
                "EmptySubnetPoolPrefixList", "Empty subnet pool prefix list.");
        assertNeutronError(() -> PrefixAllocator.forPool(cidrs("10.0.0.0/8", "2001:db8::/32"), null, null, null), 400,
                "PrefixVersionMismatch", "Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
        assertThatThrownBy(() -> new PrefixAllocator(cidrs("10.0.0.0/8"), PrefixBounds.resolve(6, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixUpdateMustKeepEveryExistingAddress() {
        PrefixAllocator.checkPrefixUpdate(cidrs("10.0.0.0/24"), cidrs("10.0.0.0/16"));
        PrefixAllocator.checkPrefixUpdate(cidrs("10.0.0.0/24", "10.0.1.0/24"), cidrs("10.0.0.0/23", "10.9.0.0/16"));
        assertNeutronError(() -> PrefixAllocator.checkPrefixUpdate(cidrs("10.0.0.0/16"), cidrs("10.0.0.0/17")), 400,
                "IllegalSubnetPoolPrefixUpdate",
                "Illegal update to prefixes: Existing prefixes must be a subset of the new prefixes.");
        assertNeutronError(() -> PrefixAllocator.checkPrefixUpdate(cidrs("10.0.0.0/16"), List.of()), 400,
                "IllegalSubnetPoolPrefixUpdate",
                "Illegal update to prefixes: Existing prefixes must be a subset of the new prefixes.");
    }

    @Test
    void quotaCountsAddressesInSlash32sOrSlash64s() {
        PrefixAllocator v4 = pool("10.0.0.0/8");
        // 256 + 256 used; a /24 more makes 768
        v4.checkQuota(768, cidrs("10.0.0.0/24", "10.0.1.0/24"), 24);
        assertNeutronError(() -> v4.checkQuota(767, cidrs("10.0.0.0/24", "10.0.1.0/24"), 24), 409,
                "SubnetPoolQuotaExceeded", "Per-tenant subnet pool prefix quota exceeded.");
        v4.checkQuota(null, cidrs("10.0.0.0/8"), 8);
        v4.checkQuota(0, cidrs("10.0.0.0/8"), 8);   // 0 means no quota in Neutron

        PrefixAllocator v6 = pool("2001:db8::/32");
        v6.checkQuota(2, cidrs("2001:db8::/64"), 64);
        assertNeutronError(() -> v6.checkQuota(2, cidrs("2001:db8::/64"), 63), 409,
                "SubnetPoolQuotaExceeded", "Per-tenant subnet pool prefix quota exceeded.");
        v6.checkQuota(1, List.of(), 80);   // a /80 is a fraction of a /64 unit
    }
}
