package dev.neutrino.ext.logging;

import dev.neutrino.common.Option;
import java.util.List;

/**
 * {@code [network_log]} (neutron/conf/services/logging.py): the rate and burst of the OVN meter that
 * caps ACL log lines, and the meter's name ({@code local_output_log_base}: ML2/OVN's driver names its
 * meter after it when set, "acl_log_meter" otherwise).
 */
public final class LoggingOptions {
    private LoggingOptions() {}

    public static final Option<Integer> RATE_LIMIT = Option.integer("network_log", "rate_limit", 100, 100,
            Integer.MAX_VALUE, "Maximum packets logging per second.");
    public static final Option<Integer> BURST_LIMIT = Option.integer("network_log", "burst_limit", 25, 25,
            Integer.MAX_VALUE, "Maximum number of packets per rate_limit.");
    public static final Option<String> LOCAL_OUTPUT_LOG_BASE = Option.string("network_log", "local_output_log_base",
            "", "Output logfile path on agent side, default syslog file. With ML2/OVN: the name of the NB meter "
                    + "of the ACL log lines (acl_log_meter when empty).");

    public static final List<Option<?>> ALL = List.of(RATE_LIMIT, BURST_LIMIT, LOCAL_OUTPUT_LOG_BASE);

    /** ML2/OVN's meter name: {@code local_output_log_base or "acl_log_meter"}. */
    public static String meterName(dev.neutrino.common.Config config) {
        String base = config.get(LOCAL_OUTPUT_LOG_BASE);
        return base.isBlank() ? "acl_log_meter" : base;
    }
}
