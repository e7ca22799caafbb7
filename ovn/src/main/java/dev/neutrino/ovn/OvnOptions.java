package dev.neutrino.ovn;

import dev.neutrino.common.Option;
import java.util.List;

/**
 * neutron.conf's {@code [ovn]} section. The server reads it and hands the values to
 * {@link OvnNorthbound} ({@code [DEFAULT] base_mac} too, which the core resources own).
 */
public final class OvnOptions {
    private OvnOptions() {}

    public static final Option<String> NB_CONNECTION = Option.string("ovn", "ovn_nb_connection", "",
            "OVN northbound database (unix:/var/run/ovn/ovnnb_db.sock, tcp:IP:6641, comma separated for a "
                    + "cluster); empty: no OVN (API only).");
    public static final Option<String> SB_CONNECTION = Option.string("ovn", "ovn_sb_connection", "",
            "OVN southbound database.");
    public static final Option<Boolean> METADATA_ENABLED = Option.bool("ovn", "ovn_metadata_enabled", false,
            "Whether to use the metadata service: a metadata port per network for neutron-ovn-metadata-agent, "
            + "and a route to 169.254.169.254 in DHCP.");
    public static final Option<Boolean> DISTRIBUTED_FIP = Option.bool("ovn", "enable_distributed_floating_ip",
            false, "Distributed floating IPs (NAT on the compute chassis).");
    public static final Option<Boolean> EMIT_NEED_TO_FRAG = Option.bool("ovn", "ovn_emit_need_to_frag", false,
            "Set gateway_mtu on router gateway ports whose network's MTU is smaller than another of the router's "
                    + "networks' (OVN then answers oversized packets with \"need to frag\").");
    public static final Option<Integer> SYNC_INTERVAL = Option.integer("ovn", "db_sync_interval", 60, 1, 86400,
            "Seconds between full comparisons of OVN with the database (the maintenance task).");

    public static final List<Option<?>> ALL = List.of(NB_CONNECTION, SB_CONNECTION, METADATA_ENABLED,
            DISTRIBUTED_FIP, EMIT_NEED_TO_FRAG, SYNC_INTERVAL);
}
