package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.assertNeutronError;
import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.ip;
import static dev.neutrino.ipam.Ips.pool;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetLayoutTest {

    @Test
    void unspecifiedGatewayOnIpv4IsTheFirstAddressAndPoolsAvoidIt() {
        SubnetLayout layout = SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.unspecified(), null);
        assertThat(layout.cidr()).isEqualTo(cidr("10.0.0.0/24"));
        assertThat(layout.gateway()).contains(ip("10.0.0.1"));
        assertThat(layout.allocationPools()).containsExactly(pool("10.0.0.2", "10.0.0.254"));
    }

    @Test
    void cidrHostBitsAreCleared() {
        SubnetLayout layout = SubnetLayout.create(cidr("10.0.0.77/24"), GatewayRequest.unspecified(), null);
        assertThat(layout.cidr()).hasToString("10.0.0.0/24");
        assertThat(layout.gateway()).contains(ip("10.0.0.1"));
    }

    @Test
    void unspecifiedGatewayOnIpv6IsTheNetworkAddress() {
        SubnetLayout layout = SubnetLayout.create(cidr("2001:db8::/64"), GatewayRequest.unspecified(), null);
        assertThat(layout.gateway()).contains(ip("2001:db8::"));
        assertThat(layout.allocationPools()).containsExactly(pool("2001:db8::1", "2001:db8::ffff:ffff:ffff:ffff"));
    }

    @Test
    void uniqueLocalIpv6SubnetWithExplicitGateway() {
        SubnetLayout layout = SubnetLayout.create(cidr("fd12:3456:789a:1::/64"),
                GatewayRequest.of(ip("fd12:3456:789a:1::1")), null);
        assertThat(layout.allocationPools())
                .containsExactly(pool("fd12:3456:789a:1::2", "fd12:3456:789a:1:ffff:ffff:ffff:ffff"));
        assertThat(AddressPicker.pickLowest(layout.allocationPools(), new java.util.TreeSet<>()))
                .contains(ip("fd12:3456:789a:1::2"));
    }

    @Test
    void explicitNullGatewayLeavesTheWholeUsableRangeInThePool() {
        SubnetLayout layout = SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.none(), null);
        assertThat(layout.gateway()).isEmpty();
        assertThat(layout.allocationPools()).containsExactly(pool("10.0.0.1", "10.0.0.254"));
    }

    @Test
    void explicitGatewayInTheMiddleSplitsTheDefaultPool() {
        SubnetLayout layout = SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.of(ip("10.0.0.100")), null);
        assertThat(layout.allocationPools())
                .containsExactly(pool("10.0.0.1", "10.0.0.99"), pool("10.0.0.101", "10.0.0.254"));
    }

    @Test
    void gatewayOutsideTheCidrIsAllowed() {
        SubnetLayout layout = SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.of(ip("192.168.1.1")), null);
        assertThat(layout.gateway()).contains(ip("192.168.1.1"));
        assertThat(layout.allocationPools()).containsExactly(pool("10.0.0.1", "10.0.0.254"));
    }

    @Test
    void invalidExplicitGatewayIsRefusedBeforePoolsAreLookedAt() {
        List<AllocationPool> overlapping = List.of(pool("10.0.0.2", "10.0.0.9"), pool("10.0.0.5", "10.0.0.6"));
        assertNeutronError(() -> SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.of(ip("10.0.0.255")),
                overlapping), 400, "InvalidInput", "Invalid input for operation: Gateway is not valid on subnet.");
    }

    @Test
    void requestedPoolsAreKeptSortedAndMayBeEmpty() {
        SubnetLayout layout = SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.unspecified(),
                List.of(pool("10.0.0.100", "10.0.0.200"), pool("10.0.0.10", "10.0.0.20")));
        assertThat(layout.allocationPools())
                .containsExactly(pool("10.0.0.10", "10.0.0.20"), pool("10.0.0.100", "10.0.0.200"));
        SubnetLayout noPools = SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.unspecified(), List.of());
        assertThat(noPools.allocationPools()).isEmpty();
        assertThat(noPools.gateway()).contains(ip("10.0.0.1"));
    }

    @Test
    void defaultGatewayMustNotFallInRequestedPools() {
        assertNeutronError(() -> SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.unspecified(),
                        List.of(pool("10.0.0.1", "10.0.0.100"))), 409, "GatewayConflictWithAllocationPools",
                "Gateway ip 10.0.0.1 conflicts with allocation pool 10.0.0.1-10.0.0.100.");
    }

    @Test
    void requestedPoolsAreValidated() {
        assertNeutronError(() -> SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.none(),
                        List.of(pool("10.0.0.1", "10.0.1.1"))), 400, "OutOfBoundsAllocationPool",
                "The allocation pool 10.0.0.1-10.0.1.1 spans beyond the subnet cidr 10.0.0.0/24.");
    }

    @Test
    void slash31WithDefaultGatewayIsRefusedLikeNeutronDoes() {
        assertNeutronError(() -> SubnetLayout.create(cidr("10.0.0.0/31"), GatewayRequest.unspecified(), null),
                409, "IpamValueInvalid", "Gateway IP 10.0.0.1 cannot be allocated in CIDR 10.0.0.0/31");
    }

    @Test
    void slash31WithoutGatewayUsesBothAddresses() {
        SubnetLayout layout = SubnetLayout.create(cidr("10.0.0.0/31"), GatewayRequest.none(), null);
        assertThat(layout.allocationPools()).containsExactly(pool("10.0.0.0", "10.0.0.1"));
    }

    @Test
    void slash32GetsAGatewayOutsideAndItsOnlyAddressAsPool() {
        SubnetLayout layout = SubnetLayout.create(cidr("10.0.0.5/32"), GatewayRequest.unspecified(), null);
        assertThat(layout.gateway()).contains(ip("10.0.0.6"));
        assertThat(layout.allocationPools()).containsExactly(pool("10.0.0.5", "10.0.0.5"));
    }

    @Test
    void ipv6Slash128KeepsItsOnlyAddressAsPoolAndGateway() {
        SubnetLayout layout = SubnetLayout.create(cidr("2001:db8::7/128"), GatewayRequest.unspecified(), null);
        assertThat(layout.gateway()).contains(ip("2001:db8::7"));
        assertThat(layout.allocationPools()).containsExactly(pool("2001:db8::7", "2001:db8::7"));
    }

    @Test
    void prefixFromASubnetPoolGetsNetworkPlusOneAsGatewayEvenOnIpv6() {
        SubnetLayout v6 = SubnetLayout.forAllocatedPrefix(cidr("2001:db8:5::/64"));
        assertThat(v6.gateway()).contains(ip("2001:db8:5::1"));
        assertThat(v6.allocationPools()).containsExactly(pool("2001:db8:5::2", "2001:db8:5::ffff:ffff:ffff:ffff"));
        SubnetLayout v4 = SubnetLayout.forAllocatedPrefix(cidr("10.10.4.0/22"));
        assertThat(v4.gateway()).contains(ip("10.10.4.1"));
        assertThat(v4.allocationPools()).containsExactly(pool("10.10.4.2", "10.10.7.254"));
    }

    // ---- update -------------------------------------------------------------------------

    private static SubnetLayout existing() {
        return SubnetLayout.create(cidr("10.0.0.0/24"), GatewayRequest.unspecified(), null);
    }

    @Test
    void updateWithNothingKeepsEverything() {
        assertThat(existing().update(GatewayRequest.unspecified(), null)).isEqualTo(existing());
    }

    @Test
    void movingTheGatewayIntoTheCurrentPoolConflicts() {
        assertNeutronError(() -> existing().update(GatewayRequest.of(ip("10.0.0.50")), null), 409,
                "GatewayConflictWithAllocationPools",
                "Gateway ip 10.0.0.50 conflicts with allocation pool 10.0.0.2-10.0.0.254.");
    }

    @Test
    void changingTheGatewayDoesNotRegeneratePools() {
        SubnetLayout updated = existing().update(GatewayRequest.none(), null);
        assertThat(updated.gateway()).isEmpty();
        assertThat(updated.allocationPools()).containsExactly(pool("10.0.0.2", "10.0.0.254"));
    }

    @Test
    void newPoolsAreCheckedAgainstTheKeptGateway() {
        assertNeutronError(() -> existing().update(GatewayRequest.unspecified(), List.of(pool("10.0.0.1", "10.0.0.9"))),
                409, "GatewayConflictWithAllocationPools",
                "Gateway ip 10.0.0.1 conflicts with allocation pool 10.0.0.1-10.0.0.9.");
        SubnetLayout updated = existing().update(GatewayRequest.unspecified(), List.of(pool("10.0.0.10", "10.0.0.19")));
        assertThat(updated.gateway()).contains(ip("10.0.0.1"));
        assertThat(updated.allocationPools()).containsExactly(pool("10.0.0.10", "10.0.0.19"));
    }

    @Test
    void newGatewayAndPoolsTogether() {
        SubnetLayout updated = existing().update(GatewayRequest.of(ip("10.0.0.254")),
                List.of(pool("10.0.0.1", "10.0.0.253")));
        assertThat(updated.gateway()).contains(ip("10.0.0.254"));
        assertThat(updated.allocationPools()).containsExactly(pool("10.0.0.1", "10.0.0.253"));
    }

    @Test
    void updateRefusesInvalidGatewaysAndPools() {
        assertNeutronError(() -> existing().update(GatewayRequest.of(ip("10.0.0.0")), null), 400, "InvalidInput",
                "Invalid input for operation: Gateway is not valid on subnet.");
        assertNeutronError(() -> existing().update(GatewayRequest.none(),
                        List.of(pool("10.0.0.5", "10.0.0.9"), pool("10.0.0.9", "10.0.0.12"))), 409,
                "OverlappingAllocationPools",
                "Found overlapping allocation pools: 10.0.0.5-10.0.0.9 10.0.0.9-10.0.0.12 for subnet 10.0.0.0/24.");
    }

    @Test
    void storedLayoutIsTakenAsIs() {
        SubnetLayout stored = SubnetLayout.of(cidr("10.0.0.0/24"), ip("10.0.0.5"), List.of(pool("10.0.0.1", "10.0.0.9")));
        assertThat(stored.gateway()).contains(ip("10.0.0.5"));
        assertThat(stored.allocationPools()).containsExactly(pool("10.0.0.1", "10.0.0.9"));
    }
}
