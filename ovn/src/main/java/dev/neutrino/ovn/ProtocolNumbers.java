package dev.neutrino.ovn;

import java.util.Map;

/** IP protocol names as Neutron accepts them, to numbers (neutron_lib.constants.IP_PROTOCOL_MAP). */
final class ProtocolNumbers {
    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("ah", "51"), Map.entry("dccp", "33"), Map.entry("egp", "8"), Map.entry("esp", "50"),
            Map.entry("gre", "47"), Map.entry("hopopt", "0"), Map.entry("icmp", "1"), Map.entry("igmp", "2"),
            Map.entry("ip", "0"), Map.entry("ipip", "4"), Map.entry("ipv6-encap", "41"),
            Map.entry("ipv6-frag", "44"), Map.entry("ipv6-icmp", "58"), Map.entry("icmpv6", "58"),
            Map.entry("ipv6-nonxt", "59"), Map.entry("ipv6-opts", "60"), Map.entry("ipv6-route", "43"),
            Map.entry("ospf", "89"), Map.entry("pgm", "113"), Map.entry("rsvp", "46"), Map.entry("sctp", "132"),
            Map.entry("tcp", "6"), Map.entry("udp", "17"), Map.entry("udplite", "136"), Map.entry("vrrp", "112"));

    private ProtocolNumbers() {}

    static String number(String protocol) {
        return BY_NAME.getOrDefault(protocol, protocol);
    }
}
