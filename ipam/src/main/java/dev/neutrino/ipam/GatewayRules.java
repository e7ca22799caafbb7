package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.util.Optional;

/** Neutron's rules about a subnet's gateway and about which addresses a port may hold on it. */
public final class GatewayRules {
    private GatewayRules() {}

    /**
     * The gateway Neutron gives a subnet created with a cidr but no {@code gateway_ip}
     * (ipam_backend_mixin._gateway_ip_str): the address after the network address for IPv4 (even
     * for a /32, where it lies outside the subnet), the network address itself (the subnet-router
     * anycast address) for IPv6. Empty only for 255.255.255.255/32, where Neutron itself fails.
     */
    public static Optional<IpAddress> defaultGateway(Cidr cidr) {
        Cidr net = cidr.canonical();
        return net.version() == 6 ? Optional.of(net.network()) : firstHost(net);
    }

    /**
     * The address after the network address, for both versions: the gateway of a subnet that a
     * subnet pool allocated by prefix length (subnet_alloc._allocate_any_subnet), and the first
     * host of neutron.common.utils.get_first_host_ip. Empty if that runs past the address space.
     */
    public static Optional<IpAddress> firstHost(Cidr cidr) {
        IpAddress network = cidr.canonical().network();
        IpAddress next = network.plus(1);
        return next.value().compareTo(network.max()) > 0 ? Optional.empty() : Optional.of(next);
    }

    /**
     * Checks an explicit {@code gateway_ip} as db_base_plugin_v2._validate_subnet does: same IP
     * version as the subnet, and for IPv4 not the network or broadcast address of the cidr. A
     * gateway outside the cidr is allowed (Neutron cannot tell which subnet it is on).
     *
     * @throws dev.neutrino.common.NeutronException InvalidInput (400)
     */
    public static void validate(Cidr cidr, IpAddress gateway) {
        if (gateway.version() != cidr.version()) {
            throw IpamErrors.invalidInput("gateway_ip '" + gateway + "' does not match the ip_version '"
                    + cidr.version() + "'");
        }
        if (isInvalidInSubnet(cidr, gateway)) {
            throw IpamErrors.invalidInput("Gateway is not valid on subnet");
        }
    }

    /**
     * ipam.utils.check_gateway_invalid_in_subnet: an IPv4 gateway inside the cidr must not be its
     * network or last (broadcast) address. For a /31 that refuses both addresses, for a /32 the
     * only one. IPv6 gateways are never invalid here.
     */
    public static boolean isInvalidInSubnet(Cidr cidr, IpAddress gateway) {
        return cidr.version() == 4 && cidr.contains(gateway)
                && (gateway.equals(cidr.network()) || gateway.equals(cidr.broadcast()));
    }

    /**
     * ipam.utils.check_subnet_ip: may a port hold this fixed IP on the subnet? It must be in the
     * cidr; for IPv4 it must be neither the network nor the broadcast address (for every prefix
     * length, /31 and /32 included); for IPv6 the network address is only for router ports or
     * when the owner is unknown.
     */
    public static boolean isValidFixedIp(Cidr cidr, IpAddress ip, boolean routerOrUnknownOwner) {
        if (!cidr.contains(ip)) return false;
        if (cidr.version() == 6) return routerOrUnknownOwner || !ip.equals(cidr.network());
        return !ip.equals(cidr.network()) && !ip.equals(cidr.broadcast());
    }
}
