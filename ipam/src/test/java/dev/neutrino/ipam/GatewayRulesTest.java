package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.assertNeutronError;
import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GatewayRulesTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/24, 10.0.0.1",
        "10.0.0.77/24, 10.0.0.1",       // host bits do not matter
        "10.0.0.0/30, 10.0.0.1",
        "10.0.0.0/31, 10.0.0.1",
        "10.0.0.5/32, 10.0.0.6",        // outside the subnet, as Neutron computes it
        "2001:db8::/64, 2001:db8::",    // IPv6: the subnet-router anycast address
        "2001:db8::/127, 2001:db8::",
        "2001:db8::5/128, 2001:db8::5",
    })
    void defaultGateway(String cidr, String gateway) {
        assertThat(GatewayRules.defaultGateway(cidr(cidr))).contains(ip(gateway));
    }

    @Test
    void noDefaultGatewayPastTheAddressSpace() {
        assertThat(GatewayRules.defaultGateway(cidr("255.255.255.255/32"))).isEmpty();
        // built from the value: IpAddress.parse gives addresses >= 8000:: a negative value (bug in common)
        Cidr lastV6 = new Cidr(IpAddress.of(6, IpAddress.V6_MAX), 128);
        assertThat(GatewayRules.firstHost(lastV6)).isEmpty();
    }

    @Test
    void firstHostIsNetworkPlusOneForBothVersions() {
        assertThat(GatewayRules.firstHost(cidr("10.1.2.0/24"))).contains(ip("10.1.2.1"));
        assertThat(GatewayRules.firstHost(cidr("2001:db8:1::/64"))).contains(ip("2001:db8:1::1"));
    }

    @Test
    void gatewayOfTheOtherVersionIsRefused() {
        assertNeutronError(() -> GatewayRules.validate(cidr("10.0.0.0/24"), ip("2001:db8::1")), 400,
                "InvalidInput", "Invalid input for operation: gateway_ip '2001:db8::1' does not match the ip_version '4'.");
        assertNeutronError(() -> GatewayRules.validate(cidr("2001:db8::/64"), ip("10.0.0.1")), 400,
                "InvalidInput", "Invalid input for operation: gateway_ip '10.0.0.1' does not match the ip_version '6'.");
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/24, 10.0.0.0",
        "10.0.0.0/24, 10.0.0.255",
        "10.0.0.0/31, 10.0.0.0",
        "10.0.0.0/31, 10.0.0.1",
        "10.0.0.9/32, 10.0.0.9",
    })
    void ipv4NetworkAndBroadcastAreNotValidGateways(String cidr, String gateway) {
        assertThat(GatewayRules.isInvalidInSubnet(cidr(cidr), ip(gateway))).isTrue();
        assertNeutronError(() -> GatewayRules.validate(cidr(cidr), ip(gateway)), 400, "InvalidInput",
                "Invalid input for operation: Gateway is not valid on subnet.");
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/24, 10.0.0.1",
        "10.0.0.0/24, 10.0.0.254",
        "10.0.0.0/24, 192.168.0.1",      // outside the cidr: allowed
        "10.0.0.0/24, 10.0.1.0",
        "2001:db8::/64, 2001:db8::",     // IPv6 network address: allowed
        "2001:db8::/64, 2001:db8::ffff:ffff:ffff:ffff",
        "2001:db8::/64, fe80::1",        // link-local, outside: allowed
    })
    void validGateways(String cidr, String gateway) {
        assertThat(GatewayRules.isInvalidInSubnet(cidr(cidr), ip(gateway))).isFalse();
        GatewayRules.validate(cidr(cidr), ip(gateway));
    }

    @Test
    void fixedIpsOnIpv4NeverNetworkOrBroadcast() {
        assertThat(GatewayRules.isValidFixedIp(cidr("10.0.0.0/24"), ip("10.0.0.1"), false)).isTrue();
        assertThat(GatewayRules.isValidFixedIp(cidr("10.0.0.0/24"), ip("10.0.0.0"), true)).isFalse();
        assertThat(GatewayRules.isValidFixedIp(cidr("10.0.0.0/24"), ip("10.0.0.255"), true)).isFalse();
        assertThat(GatewayRules.isValidFixedIp(cidr("10.0.0.0/24"), ip("10.0.1.1"), true)).isFalse();
        // check_subnet_ip applies to /31 too
        assertThat(GatewayRules.isValidFixedIp(cidr("10.0.0.0/31"), ip("10.0.0.0"), false)).isFalse();
    }

    @Test
    void ipv6NetworkAddressOnlyForRoutersOrUnknownOwners() {
        assertThat(GatewayRules.isValidFixedIp(cidr("2001:db8::/64"), ip("2001:db8::"), true)).isTrue();
        assertThat(GatewayRules.isValidFixedIp(cidr("2001:db8::/64"), ip("2001:db8::"), false)).isFalse();
        assertThat(GatewayRules.isValidFixedIp(cidr("2001:db8::/64"), ip("2001:db8::ffff:ffff:ffff:ffff"), false))
                .isTrue();
        assertThat(GatewayRules.isValidFixedIp(cidr("2001:db8::/64"), ip("2001:db8:0:1::"), true)).isFalse();
        assertThat(GatewayRules.isValidFixedIp(cidr("2001:db8::/64"), ip("10.0.0.1"), true)).isFalse();
    }
}
