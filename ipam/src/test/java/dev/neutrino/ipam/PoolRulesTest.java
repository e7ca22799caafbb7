package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.assertNeutronError;
import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.ip;
import static dev.neutrino.ipam.Ips.pool;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolRulesTest {

    /** Expected values produced by neutron.ipam.utils.generate_pools (neutron 21.0.0). */
    @ParameterizedTest(name = "{0} gw={1} -> {2}")
    @CsvSource(delimiter = ';', nullValues = "none", value = {
        "10.0.0.0/24; 10.0.0.1; 10.0.0.2-10.0.0.254",
        "10.0.0.0/24; none; 10.0.0.1-10.0.0.254",
        "10.0.0.0/24; 10.0.0.100; 10.0.0.1-10.0.0.99 10.0.0.101-10.0.0.254",
        "10.0.0.0/24; 10.0.0.254; 10.0.0.1-10.0.0.253",
        "10.0.0.0/24; 10.1.0.1; 10.0.0.1-10.0.0.254",
        "192.168.0.0/16; 192.168.0.1; 192.168.0.2-192.168.255.254",
        "10.0.0.0/30; none; 10.0.0.1-10.0.0.2",
        "10.0.0.0/30; 10.0.0.1; 10.0.0.2-10.0.0.2",
        "10.0.0.0/30; 10.0.0.2; 10.0.0.1-10.0.0.1",
        "10.0.0.0/31; none; 10.0.0.0-10.0.0.1",
        "10.0.0.0/31; 10.0.0.1; 10.0.0.0-10.0.0.0",
        "10.0.0.0/31; 10.0.0.0; 10.0.0.1-10.0.0.1",
        "10.0.0.5/32; 10.0.0.6; 10.0.0.5-10.0.0.5",
        "10.0.0.5/32; none; 10.0.0.5-10.0.0.5",
        "2001:db8::/64; 2001:db8::; 2001:db8::1-2001:db8::ffff:ffff:ffff:ffff",
        "2001:db8::/64; 2001:db8::1; 2001:db8::2-2001:db8::ffff:ffff:ffff:ffff",
        "2001:db8::/64; 2001:db8::ffff:ffff:ffff:ffff; 2001:db8::1-2001:db8::ffff:ffff:ffff:fffe",
        "2001:db8::/127; 2001:db8::; 2001:db8::1-2001:db8::1",
        "2001:db8::/127; none; 2001:db8::1-2001:db8::1",
        "2001:db8::/128; 2001:db8::; 2001:db8::-2001:db8::",
    })
    void defaultPoolsMatchNeutron(String cidr, String gateway, String expected) {
        List<AllocationPool> pools = PoolRules.defaults(cidr(cidr), gateway == null ? null : ip(gateway));
        List<String> printed = pools.stream().map(AllocationPool::toString).toList();
        assertThat(printed).isEqualTo(Arrays.asList(expected.split(" ")));
    }

    @Test
    void requestedPoolsInsideTheUsableRangeAreAccepted() {
        PoolRules.validate(cidr("10.0.0.0/24"), List.of(pool("10.0.0.1", "10.0.0.254")));
        PoolRules.validate(cidr("10.0.0.0/24"), List.of(pool("10.0.0.10", "10.0.0.20"), pool("10.0.0.21", "10.0.0.30")));
        PoolRules.validate(cidr("10.0.0.0/31"), List.of(pool("10.0.0.0", "10.0.0.1")));
        PoolRules.validate(cidr("10.0.0.7/32"), List.of(pool("10.0.0.7", "10.0.0.7")));
        PoolRules.validate(cidr("2001:db8::/64"), List.of(pool("2001:db8::1", "2001:db8::ffff:ffff:ffff:ffff")));
        PoolRules.validate(cidr("10.0.0.0/24"), List.of());
    }

    @Test
    void poolCoveringTheIpv4NetworkAddressIsOutOfBounds() {
        assertNeutronError(() -> PoolRules.validate(cidr("10.0.0.0/24"), List.of(pool("10.0.0.0", "10.0.0.5"))),
                400, "OutOfBoundsAllocationPool",
                "The allocation pool 10.0.0.0-10.0.0.5 spans beyond the subnet cidr 10.0.0.0/24.");
    }

    @Test
    void poolCoveringTheBroadcastOrLeavingTheCidrIsOutOfBounds() {
        assertNeutronError(() -> PoolRules.validate(cidr("10.0.0.0/24"), List.of(pool("10.0.0.200", "10.0.0.255"))),
                400, "OutOfBoundsAllocationPool",
                "The allocation pool 10.0.0.200-10.0.0.255 spans beyond the subnet cidr 10.0.0.0/24.");
        assertNeutronError(() -> PoolRules.validate(cidr("10.0.0.0/24"), List.of(pool("10.0.1.1", "10.0.1.5"))),
                400, "OutOfBoundsAllocationPool",
                "The allocation pool 10.0.1.1-10.0.1.5 spans beyond the subnet cidr 10.0.0.0/24.");
    }

    @Test
    void ipv6PoolMayNotStartAtTheNetworkAddress() {
        assertNeutronError(() -> PoolRules.validate(cidr("2001:db8::/64"), List.of(pool("2001:db8::", "2001:db8::9"))),
                400, "OutOfBoundsAllocationPool",
                "The allocation pool 2001:db8::-2001:db8::9 spans beyond the subnet cidr 2001:db8::/64.");
        assertNeutronError(() -> PoolRules.validate(cidr("2001:db8::7/128"), List.of(pool("2001:db8::7", "2001:db8::7"))),
                400, "OutOfBoundsAllocationPool",
                "The allocation pool 2001:db8::7-2001:db8::7 spans beyond the subnet cidr 2001:db8::7/128.");
    }

    @Test
    void poolOfTheOtherVersionIsInvalid() {
        assertNeutronError(() -> PoolRules.validate(cidr("10.0.0.0/24"), List.of(pool("2001:db8::1", "2001:db8::5"))),
                400, "InvalidAllocationPool", "The allocation pool 2001:db8::1-2001:db8::5 is not valid.");
    }

    @Test
    void boundsAreCheckedForEveryPoolBeforeOverlaps() {
        List<AllocationPool> pools = List.of(pool("10.0.0.2", "10.0.0.10"), pool("10.0.0.5", "10.0.0.9"),
                pool("10.0.0.250", "10.0.0.255"));
        assertNeutronError(() -> PoolRules.validate(cidr("10.0.0.0/24"), pools), 400, "OutOfBoundsAllocationPool",
                "The allocation pool 10.0.0.250-10.0.0.255 spans beyond the subnet cidr 10.0.0.0/24.");
    }

    @Test
    void firstOverlappingPairInRequestOrderIsReported() {
        // same case and message as Neutron's validate_allocation_pools gives
        List<AllocationPool> pools = List.of(pool("10.0.0.2", "10.0.0.10"), pool("10.0.0.20", "10.0.0.30"),
                pool("10.0.0.5", "10.0.0.25"));
        assertNeutronError(() -> PoolRules.validate(cidr("10.0.0.0/24"), pools), 409, "OverlappingAllocationPools",
                "Found overlapping allocation pools: 10.0.0.2-10.0.0.10 10.0.0.5-10.0.0.25 for subnet 10.0.0.0/24.");
    }

    @Test
    void cidrInMessagesIsCanonical() {
        assertNeutronError(() -> PoolRules.validate(cidr("10.0.0.9/24"), List.of(pool("10.0.0.0", "10.0.0.1"))),
                400, "OutOfBoundsAllocationPool",
                "The allocation pool 10.0.0.0-10.0.0.1 spans beyond the subnet cidr 10.0.0.0/24.");
    }

    @Test
    void gatewayInsideAPoolConflicts() {
        List<AllocationPool> pools = List.of(pool("10.0.0.2", "10.0.0.9"), pool("10.0.0.10", "10.0.0.20"));
        assertNeutronError(() -> PoolRules.validateGatewayOutside(ip("10.0.0.15"), pools), 409,
                "GatewayConflictWithAllocationPools",
                "Gateway ip 10.0.0.15 conflicts with allocation pool 10.0.0.10-10.0.0.20.");
        PoolRules.validateGatewayOutside(ip("10.0.0.1"), pools);
        PoolRules.validateGatewayOutside(ip("10.0.0.21"), pools);
    }
}
