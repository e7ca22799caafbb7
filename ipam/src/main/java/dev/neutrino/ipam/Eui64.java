package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.math.BigInteger;

/**
 * The stateless autoconfiguration (SLAAC) address a port gets on an IPv6 subnet whose
 * ipv6_address_mode is slaac or dhcpv6-stateless: the prefix plus the modified EUI-64 interface
 * identifier of the port's MAC (ff:fe inserted in the middle, universal/local bit flipped).
 */
public final class Eui64 {
    private static final BigInteger UNIVERSAL_LOCAL_BIT = BigInteger.ONE.shiftLeft(57);

    private Eui64() {}

    /**
     * oslo netutils.get_ipv6_addr_by_EUI64, which Neutron uses. For the /64 prefixes Neutron
     * allows with these modes this is the textbook address. Like oslo, it adds the EUI-64 to the
     * network address and only then flips the universal/local bit, so a longer prefix whose
     * network has bits in the low 64 gives a sum, not a bitwise merge.
     *
     * @throws IllegalArgumentException for an IPv4 prefix, or if the result leaves the address space
     */
    public static IpAddress address(Cidr prefix, MacAddress mac) {
        if (prefix.version() != 6) {
            throw new IllegalArgumentException("Unable to generate IP address by EUI64 for IPv4 prefix");
        }
        BigInteger value = prefix.network().value().add(new BigInteger(Long.toUnsignedString(eui64(mac))))
                .xor(UNIVERSAL_LOCAL_BIT);
        if (value.compareTo(IpAddress.V6_MAX) > 0) {
            throw new IllegalArgumentException("Bad prefix or mac format for generating IPv6 address by EUI-64: "
                    + prefix + ", " + mac + ":");
        }
        return IpAddress.of(6, value);
    }

    public static IpAddress address(Cidr prefix, String mac) {
        return address(prefix, MacAddress.parse(mac));
    }

    /** The EUI-64 of a MAC: its first three octets, ff:fe, its last three (U/L bit not flipped). */
    static long eui64(MacAddress mac) {
        long v = mac.value();
        return (v >>> 24) << 40 | 0xfffeL << 24 | (v & 0xffffffL);
    }

    /**
     * db_base_plugin_v2._validate_eui64_applicable: a subnet with a SLAAC or DHCPv6-stateless
     * address mode must be a /64.
     *
     * @throws dev.neutrino.common.NeutronException InvalidInput (400)
     */
    public static void requireSlaacPrefix(Cidr cidr) {
        if (cidr.prefixLength() != 64) {
            throw IpamErrors.invalidInput("Invalid CIDR " + cidr + " for IPv6 address mode. OpenStack uses the "
                    + "EUI-64 address format, which requires the prefix to be /64");
        }
    }
}
