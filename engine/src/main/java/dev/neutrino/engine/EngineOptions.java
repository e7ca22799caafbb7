package dev.neutrino.engine;

import dev.neutrino.common.Option;
import java.util.List;

/** The options the API engine reads: neutron.conf's {@code [quotas]} section and {@code pagination_max_limit}. */
public final class EngineOptions {
    private EngineOptions() {}

    /** Neutron's StrOpt: an integer, or "infinite"; zero or negative is no limit. */
    public static final Option<Integer> PAGINATION_MAX_LIMIT = new Option<>("DEFAULT", "pagination_max_limit", -1,
            s -> s.strip().equalsIgnoreCase("infinite") ? -1 : Math.max(-1, Integer.parseInt(s.strip())),
            "The maximum number of items returned in a single response ('infinite' or negative: no limit).");

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

    /** The per-resource limits, in the order {@link Quotas} shows them. */
    public static final List<Option<Integer>> QUOTAS = List.of(QUOTA_NETWORK, QUOTA_SUBNET, QUOTA_SUBNETPOOL,
            QUOTA_PORT, QUOTA_ROUTER, QUOTA_FLOATINGIP, QUOTA_RBAC_POLICY, QUOTA_SECURITY_GROUP,
            QUOTA_SECURITY_GROUP_RULE);

    public static final List<Option<?>> ALL = List.of(PAGINATION_MAX_LIMIT, QUOTA_NETWORK, QUOTA_SUBNET, QUOTA_PORT,
            QUOTA_SECURITY_GROUP, QUOTA_SECURITY_GROUP_RULE, QUOTA_ROUTER, QUOTA_FLOATINGIP, QUOTA_RBAC_POLICY,
            QUOTA_SUBNETPOOL, QUOTA_DRIVER, DEFAULT_QUOTA);
}
