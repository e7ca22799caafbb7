package dev.neutrino.ext.core;

import dev.neutrino.common.Config;
import dev.neutrino.common.Option;
import java.util.List;

/** The {@code [DEFAULT]} options of the core resources (networks, subnets, ports). */
public final class CoreOptions {
    private CoreOptions() {}

    public static final Option<String> BASE_MAC = new Option<>("DEFAULT", "base_mac", "fa:16:3e:00:00:00", s -> {
        if (!s.matches("^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$")) throw new IllegalArgumentException("not a MAC");
        return s.toLowerCase();
    }, "The base MAC address Neutrino uses for ports.");
    public static final Option<Boolean> ALLOW_OVERLAPPING_IPS = Option.bool("DEFAULT", "allow_overlapping_ips",
            true, "Allow overlapping IP support.");
    public static final Option<Integer> MAX_FIXED_IPS_PER_PORT = Option.integer("DEFAULT", "max_fixed_ips_per_port",
            5, 0, 10000, "Maximum number of fixed ips per port.");
    public static final Option<Integer> MAX_ALLOWED_ADDRESS_PAIR = Option.integer("DEFAULT",
            "max_allowed_address_pair", 10, 0, 10000, "Maximum number of allowed address pairs.");
    public static final Option<Integer> MAX_DNS_NAMESERVERS = Option.integer("DEFAULT", "max_dns_nameservers", 5, 0,
            10000, "Maximum number of DNS nameservers per subnet.");
    public static final Option<Integer> MAX_SUBNET_HOST_ROUTES = Option.integer("DEFAULT", "max_subnet_host_routes", 20,
            0, 10000, "Maximum number of host routes per subnet.");

    public static final List<Option<?>> ALL = List.of(BASE_MAC, ALLOW_OVERLAPPING_IPS, MAX_FIXED_IPS_PER_PORT,
            MAX_ALLOWED_ADDRESS_PAIR, MAX_DNS_NAMESERVERS, MAX_SUBNET_HOST_ROUTES);

    /** The per-resource limits of {@code [DEFAULT]} the core's hooks check. */
    public static CoreLimits limits(Config config) {
        return new CoreLimits(config.get(MAX_FIXED_IPS_PER_PORT), config.get(MAX_ALLOWED_ADDRESS_PAIR),
                config.get(MAX_DNS_NAMESERVERS), config.get(MAX_SUBNET_HOST_ROUTES));
    }
}
