package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.assertNeutronError;
import static dev.neutrino.ipam.Ips.cidr;
import static dev.neutrino.ipam.Ips.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Eui64Test {

    /** Expected values from oslo_utils.netutils.get_ipv6_addr_by_EUI64, as Neutron calls it. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "2001:db8::/64, fa:16:3e:12:34:56, 2001:db8::f816:3eff:fe12:3456",
        "2001:db8:1:2::/64, 00:00:00:00:00:00, 2001:db8:1:2:200:ff:fe00:0",
        "2001:db8:1:2::/64, 02:ff:ff:ff:ff:ff, 2001:db8:1:2:ff:ffff:feff:ffff",
        "2001:db8::abcd/64, fa:16:3e:12:34:56, 2001:db8::f816:3eff:fe12:3456",
        "fe80::/64, FA:16:3E:AB:CD:EF, fe80::f816:3eff:feab:cdef",
        "fd12:3456:789a:1::/64, fa-16-3e-00-00-01, fd12:3456:789a:1:f816:3eff:fe00:1",
    })
    void slaacAddressMatchesNeutron(String prefix, String mac, String expected) {
        assertThat(Eui64.address(cidr(prefix), mac)).isEqualTo(ip(expected));
    }

    @Test
    void flipsTheUniversalLocalBitAndInsertsFffe() {
        MacAddress mac = MacAddress.parse("00:11:22:33:44:55");
        assertThat(Eui64.eui64(mac)).isEqualTo(0x001122fffe334455L);
        assertThat(Eui64.address(cidr("2001:db8::/64"), mac)).isEqualTo(ip("2001:db8::211:22ff:fe33:4455"));
    }

    @Test
    void longerPrefixesAddLikeOsloDoes() {
        // oslo adds the EUI-64 to the network address before flipping the U/L bit
        assertThat(Eui64.address(cidr("2001:db8::1:0:0:0/80"), "fa:16:3e:12:34:56"))
                .isEqualTo(ip("2001:db8::f817:3eff:fe12:3456"));
        assertThat(Eui64.address(cidr("2001:db8::ffff:ffff:ffff:0/112"), "fa:16:3e:12:34:56"))
                .isEqualTo(ip("2001:db8:0:1:f816:3eff:fe11:3456"));
    }

    @Test
    void ipv4PrefixOrBadMacIsRefused() {
        assertThatThrownBy(() -> Eui64.address(cidr("10.0.0.0/24"), "fa:16:3e:12:34:56"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unable to generate IP address by EUI64 for IPv4 prefix");
        assertThatThrownBy(() -> Eui64.address(cidr("2001:db8::/64"), "fa:16:3e:12:34"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slaacNeedsASlash64() {
        Eui64.requireSlaacPrefix(cidr("2001:db8::/64"));
        assertNeutronError(() -> Eui64.requireSlaacPrefix(cidr("2001:db8::/80")), 400, "InvalidInput",
                "Invalid input for operation: Invalid CIDR 2001:db8::/80 for IPv6 address mode. "
                        + "OpenStack uses the EUI-64 address format, which requires the prefix to be /64.");
    }
}
