package dev.neutrino.ext.core;

/**
 * How many of a list a port or subnet may have ({@code max_fixed_ips_per_port},
 * {@code max_allowed_address_pair}, {@code max_dns_nameservers}, {@code max_subnet_host_routes}),
 * checked before the items themselves.
 */
public record CoreLimits(int fixedIpsPerPort, int allowedAddressPairs, int dnsNameservers, int subnetHostRoutes) {
}
