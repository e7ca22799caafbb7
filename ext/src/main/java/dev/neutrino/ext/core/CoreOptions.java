package dev.neutrino.ext.core;

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

    public static final List<Option<?>> ALL = List.of(BASE_MAC, ALLOW_OVERLAPPING_IPS, MAX_FIXED_IPS_PER_PORT);
}
