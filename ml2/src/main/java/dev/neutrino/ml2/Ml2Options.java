package dev.neutrino.ml2;

import dev.neutrino.common.Option;
import java.util.List;

/**
 * neutron.conf's {@code [ml2]} and {@code [ml2_type_*]} sections, and {@code [DEFAULT]
 * global_physnet_mtu} (read by {@link TypeDrivers} for network MTUs).
 */
public final class Ml2Options {
    private Ml2Options() {}

    public static final Option<Integer> GLOBAL_PHYSNET_MTU = Option.integer("DEFAULT", "global_physnet_mtu", 1500,
            68, 65535, "MTU of the underlying physical network.");

    public static final Option<List<String>> TYPE_DRIVERS = Option.list("ml2", "type_drivers",
            List.of("local", "flat", "vlan", "gre", "vxlan", "geneve"), "Network type drivers to load.");
    public static final Option<List<String>> TENANT_NETWORK_TYPES = Option.list("ml2", "tenant_network_types",
            List.of("geneve"), "Network types for project networks, in order of preference.");
    public static final Option<List<String>> MECHANISM_DRIVERS = Option.list("ml2", "mechanism_drivers",
            List.of(), "Mechanism drivers (ovn).");
    public static final Option<List<String>> EXTENSION_DRIVERS = Option.list("ml2", "extension_drivers",
            List.of("port_security"), "Extension drivers (port_security).");
    public static final Option<Integer> PATH_MTU = Option.integer("ml2", "path_mtu", 0, 0, 65535,
            "Maximum size of an IP packet that can traverse the underlying physical network (0: global_physnet_mtu).");
    public static final Option<List<String>> PHYSICAL_NETWORK_MTUS = Option.list("ml2", "physical_network_mtus",
            List.of(), "physnet:mtu pairs for flat and VLAN networks.");
    public static final Option<List<String>> FLAT_NETWORKS = Option.list("ml2_type_flat", "flat_networks",
            List.of("*"), "Physical networks usable by flat networks ('*' for any).");
    public static final Option<List<String>> VLAN_RANGES = Option.list("ml2_type_vlan", "network_vlan_ranges",
            List.of(), "physnet[:min:max] entries.");
    public static final Option<List<String>> GENEVE_VNI_RANGES = Option.list("ml2_type_geneve", "vni_ranges",
            List.of("1:65536"), "min:max ranges of Geneve VNIs for project networks.");
    public static final Option<Integer> GENEVE_MAX_HEADER_SIZE = Option.integer("ml2_type_geneve",
            "max_header_size", 38, 0, 1000, "Geneve encapsulation header size.");
    public static final Option<List<String>> VXLAN_VNI_RANGES = Option.list("ml2_type_vxlan", "vni_ranges",
            List.of(), "min:max ranges of VXLAN VNIs for project networks.");
    public static final Option<String> VXLAN_GROUP = Option.string("ml2_type_vxlan", "vxlan_group", "",
            "Accepted for compatibility.");

    public static final List<Option<?>> ALL = List.of(GLOBAL_PHYSNET_MTU, TYPE_DRIVERS, TENANT_NETWORK_TYPES,
            MECHANISM_DRIVERS, EXTENSION_DRIVERS, PATH_MTU, PHYSICAL_NETWORK_MTUS, FLAT_NETWORKS, VLAN_RANGES,
            GENEVE_VNI_RANGES, GENEVE_MAX_HEADER_SIZE, VXLAN_VNI_RANGES, VXLAN_GROUP);
}
