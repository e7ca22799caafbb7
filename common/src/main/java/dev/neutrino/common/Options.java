package dev.neutrino.common;

import java.util.List;

/** Every neutron.conf option Neutrino reads, with neutron's section, name and default. */
public final class Options {
    private Options() {}

    public static final Option<String> BIND_HOST = Option.string("DEFAULT", "bind_host", "127.0.0.1",
            "The host IP to bind to.");
    public static final Option<Integer> BIND_PORT = Option.integer("DEFAULT", "bind_port", 9696, 0, 65535,
            "The port to bind to.");
    public static final Option<String> STATE_PATH = Option.string("DEFAULT", "state_path", "./var",
            "Where to store Neutrino state files (the embedded H2 database).");
    public static final Option<String> AUTH_STRATEGY = new Option<>("DEFAULT", "auth_strategy", "noauth", s -> {
        if (!s.equals("noauth") && !s.equals("keystone")) throw new IllegalArgumentException("noauth or keystone");
        return s;
    }, "The type of authentication to use: noauth or keystone.");
    public static final Option<String> BASE_MAC = new Option<>("DEFAULT", "base_mac", "fa:16:3e:00:00:00", s -> {
        if (!s.matches("^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$")) throw new IllegalArgumentException("not a MAC");
        return s.toLowerCase();
    }, "The base MAC address Neutrino uses for ports.");
    public static final Option<String> CORE_PLUGIN = Option.string("DEFAULT", "core_plugin", "ml2",
            "The core plugin (only ml2 is supported).");
    public static final Option<List<String>> SERVICE_PLUGINS = Option.list("DEFAULT", "service_plugins", List.of(),
            "Service plugins to load.");
    public static final Option<Boolean> ALLOW_OVERLAPPING_IPS = Option.bool("DEFAULT", "allow_overlapping_ips",
            true, "Allow overlapping IP support.");
    public static final Option<Integer> MAX_FIXED_IPS_PER_PORT = Option.integer("DEFAULT", "max_fixed_ips_per_port",
            5, 0, 10000, "Maximum number of fixed ips per port.");
    public static final Option<Integer> GLOBAL_PHYSNET_MTU = Option.integer("DEFAULT", "global_physnet_mtu", 1500,
            68, 65535, "MTU of the underlying physical network.");
    public static final Option<Integer> API_WORKERS = Option.integer("DEFAULT", "api_workers", 0, 0, 1024,
            "Accepted for compatibility: Neutrino serves with virtual threads in one process.");
    public static final Option<Integer> RPC_WORKERS = Option.integer("DEFAULT", "rpc_workers", 0, 0, 1024,
            "Accepted for compatibility; Neutrino has no RPC workers.");
    public static final Option<String> TRANSPORT_URL = Option.string("DEFAULT", "transport_url", "",
            "Accepted for compatibility; Neutrino uses no message bus.");
    public static final Option<Boolean> DEBUG = Option.bool("DEFAULT", "debug", false, "Debug logging.");
    public static final Option<String> LOG_DIR = Option.string("DEFAULT", "log_dir", "", "Log directory.");
    public static final Option<Integer> PAGINATION_MAX_LIMIT = Option.integer("DEFAULT", "pagination_max_limit",
            -1, -1, Integer.MAX_VALUE, "Maximum number of items returned in one response (-1: no limit).");

    public static final Option<String> DB_CONNECTION = Option.string("database", "connection", "",
            "Database URL (SQLAlchemy or JDBC form). Empty: embedded H2 under state_path.");
    public static final Option<Integer> DB_MAX_POOL_SIZE = Option.integer("database", "max_pool_size", 10, 1, 1000,
            "Maximum number of database connections.");
    public static final Option<Integer> DB_POOL_TIMEOUT = Option.integer("database", "pool_timeout", 10, 1, 3600,
            "Seconds a request waits for a free database connection before it is answered 503.");

    public static final Option<List<String>> ML2_TYPE_DRIVERS = Option.list("ml2", "type_drivers",
            List.of("local", "flat", "vlan", "gre", "vxlan", "geneve"), "Network type drivers to load.");
    public static final Option<List<String>> ML2_TENANT_NETWORK_TYPES = Option.list("ml2", "tenant_network_types",
            List.of("geneve"), "Network types for project networks, in order of preference.");
    public static final Option<List<String>> ML2_MECHANISM_DRIVERS = Option.list("ml2", "mechanism_drivers",
            List.of(), "Mechanism drivers (ovn).");
    public static final Option<List<String>> ML2_EXTENSION_DRIVERS = Option.list("ml2", "extension_drivers",
            List.of("port_security"), "Extension drivers (port_security).");
    public static final Option<Integer> ML2_PATH_MTU = Option.integer("ml2", "path_mtu", 0, 0, 65535,
            "Maximum size of an IP packet that can traverse the underlying physical network (0: global_physnet_mtu).");
    public static final Option<List<String>> ML2_PHYSICAL_NETWORK_MTUS = Option.list("ml2", "physical_network_mtus",
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

    public static final Option<String> POLICY_FILE = Option.string("oslo_policy", "policy_file", "policy.yaml",
            "The policy file (relative paths are looked up next to the config files and in /etc/neutron).");
    public static final Option<Boolean> ENFORCE_SCOPE = Option.bool("oslo_policy", "enforce_scope", false,
            "Check the token's scope against each rule's scope_types.");
    public static final Option<Boolean> ENFORCE_NEW_DEFAULTS = Option.bool("oslo_policy", "enforce_new_defaults",
            false, "Use only the new (secure RBAC) defaults, not the deprecated ones.");

    public static final Option<String> OVN_NB_CONNECTION = Option.string("ovn", "ovn_nb_connection", "",
            "OVN northbound database (unix:/var/run/ovn/ovnnb_db.sock, tcp:IP:6641, comma separated for a "
                    + "cluster); empty: no OVN (API only).");
    public static final Option<String> OVN_SB_CONNECTION = Option.string("ovn", "ovn_sb_connection", "",
            "OVN southbound database.");
    public static final Option<Boolean> OVN_METADATA_ENABLED = Option.bool("ovn", "ovn_metadata_enabled", false,
            "Accepted for compatibility (no metadata agent yet).");
    public static final Option<Boolean> OVN_DISTRIBUTED_FIP = Option.bool("ovn", "enable_distributed_floating_ip",
            false, "Distributed floating IPs (NAT on the compute chassis).");
    public static final Option<Boolean> OVN_EMIT_NEED_TO_FRAG = Option.bool("ovn", "ovn_emit_need_to_frag", false,
            "Set gateway_mtu on router gateway ports whose network's MTU is smaller than another of the router's "
                    + "networks' (OVN then answers oversized packets with \"need to frag\").");
    public static final Option<Integer> OVN_SYNC_INTERVAL = Option.integer("ovn", "db_sync_interval", 60, 1, 86400,
            "Seconds between full comparisons of OVN with the database (the maintenance task).");

    public static final Option<Integer> QUOTA_NETWORK = quota("network", 100);
    public static final Option<Integer> QUOTA_SUBNET = quota("subnet", 100);
    public static final Option<Integer> QUOTA_PORT = quota("port", 500);
    public static final Option<Integer> QUOTA_SECURITY_GROUP = quota("security_group", 10);
    public static final Option<Integer> QUOTA_SECURITY_GROUP_RULE = quota("security_group_rule", 100);
    public static final Option<Integer> QUOTA_ROUTER = quota("router", 10);
    public static final Option<Integer> QUOTA_FLOATINGIP = quota("floatingip", 50);
    public static final Option<Integer> QUOTA_RBAC_POLICY = quota("rbac_policy", 10);
    public static final Option<Integer> QUOTA_SUBNETPOOL = quota("subnetpool", -1);
    public static final Option<String> QUOTA_DRIVER = Option.string("quotas", "quota_driver",
            "neutron.db.quota.driver_nolock.DbQuotaNoLockDriver", "Accepted for compatibility.");
    public static final Option<Integer> DEFAULT_QUOTA = Option.integer("quotas", "default_quota", -1, -1,
            Integer.MAX_VALUE, "Default number of resources allowed per project (-1: unlimited).");

    private static Option<Integer> quota(String resource, int def) {
        return Option.integer("quotas", "quota_" + resource, def, -1, Integer.MAX_VALUE,
                "Number of " + resource + "s allowed per project; -1 for unlimited.");
    }

    public static final List<Option<Integer>> QUOTAS = List.of(QUOTA_NETWORK, QUOTA_SUBNET, QUOTA_SUBNETPOOL,
            QUOTA_PORT, QUOTA_ROUTER, QUOTA_FLOATINGIP, QUOTA_RBAC_POLICY, QUOTA_SECURITY_GROUP,
            QUOTA_SECURITY_GROUP_RULE);

    public static final List<Option<?>> ALL = List.of(BIND_HOST, BIND_PORT, STATE_PATH, AUTH_STRATEGY, BASE_MAC,
            CORE_PLUGIN, SERVICE_PLUGINS, ALLOW_OVERLAPPING_IPS, MAX_FIXED_IPS_PER_PORT, GLOBAL_PHYSNET_MTU,
            API_WORKERS, RPC_WORKERS, TRANSPORT_URL, DEBUG, LOG_DIR, PAGINATION_MAX_LIMIT, DB_CONNECTION,
            DB_MAX_POOL_SIZE, DB_POOL_TIMEOUT, QUOTA_NETWORK, QUOTA_SUBNET, QUOTA_PORT, QUOTA_SECURITY_GROUP,
            QUOTA_SECURITY_GROUP_RULE, QUOTA_ROUTER, QUOTA_FLOATINGIP, QUOTA_RBAC_POLICY, QUOTA_SUBNETPOOL,
            QUOTA_DRIVER, DEFAULT_QUOTA, ML2_TYPE_DRIVERS, ML2_TENANT_NETWORK_TYPES, ML2_MECHANISM_DRIVERS,
            ML2_EXTENSION_DRIVERS, ML2_PATH_MTU, ML2_PHYSICAL_NETWORK_MTUS, FLAT_NETWORKS, VLAN_RANGES,
            GENEVE_VNI_RANGES, GENEVE_MAX_HEADER_SIZE, VXLAN_VNI_RANGES, VXLAN_GROUP, POLICY_FILE, ENFORCE_SCOPE,
            ENFORCE_NEW_DEFAULTS, OVN_NB_CONNECTION, OVN_SB_CONNECTION, OVN_METADATA_ENABLED, OVN_DISTRIBUTED_FIP,
            OVN_EMIT_NEED_TO_FRAG, OVN_SYNC_INTERVAL);
}
