package dev.neutrino.ovn;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.Option;
import dev.neutrino.ovsdb.OvsdbClientOptions;
import dev.neutrino.ovsdb.remote.OvsdbTls;
import dev.neutrino.ovsdb.remote.Remote;
import dev.neutrino.ovsdb.remote.RemoteList;
import java.nio.file.Path;
import java.util.List;

/**
 * neutron.conf's {@code [ovn]} section. The server reads it and hands the values to
 * {@link OvnNorthbound} ({@code [DEFAULT] base_mac} too, which the core resources own).
 */
public final class OvnOptions {
    private OvnOptions() {}

    public static final Option<String> NB_CONNECTION = Option.string("ovn", "ovn_nb_connection", "",
            "OVN northbound database (unix:/var/run/ovn/ovnnb_db.sock, tcp:IP:6641, ssl:IP:6641, comma separated "
                    + "for a cluster); empty: no OVN (API only). ssl: needs ovn_nb_private_key, ovn_nb_certificate "
                    + "and ovn_nb_ca_cert.");
    public static final Option<String> NB_PRIVATE_KEY = Option.string("ovn", "ovn_nb_private_key", "",
            "The PEM file with private key for SSL connection to OVN-NB-DB.");
    public static final Option<String> NB_CERTIFICATE = Option.string("ovn", "ovn_nb_certificate", "",
            "The PEM file with certificate that certifies the private key specified in ovn_nb_private_key.");
    public static final Option<String> NB_CA_CERT = Option.string("ovn", "ovn_nb_ca_cert", "",
            "The PEM file with CA certificate that OVN should use to verify certificates presented to it by SSL "
                    + "peers.");
    public static final Option<String> SB_CONNECTION = Option.string("ovn", "ovn_sb_connection", "",
            "OVN southbound database (as ovn_nb_connection; ssl: needs the ovn_sb_* key, certificate and CA).");
    public static final Option<String> SB_PRIVATE_KEY = Option.string("ovn", "ovn_sb_private_key", "",
            "The PEM file with private key for SSL connection to OVN-SB-DB.");
    public static final Option<String> SB_CERTIFICATE = Option.string("ovn", "ovn_sb_certificate", "",
            "The PEM file with certificate that certifies the private key specified in ovn_sb_private_key.");
    public static final Option<String> SB_CA_CERT = Option.string("ovn", "ovn_sb_ca_cert", "",
            "The PEM file with CA certificate that OVN should use to verify certificates presented to it by SSL "
                    + "peers.");
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

    public static final List<Option<?>> ALL = List.of(NB_CONNECTION, NB_PRIVATE_KEY, NB_CERTIFICATE, NB_CA_CERT,
            SB_CONNECTION, SB_PRIVATE_KEY, SB_CERTIFICATE, SB_CA_CERT, METADATA_ENABLED, DISTRIBUTED_FIP,
            EMIT_NEED_TO_FRAG, SYNC_INTERVAL);

    /**
     * How to reach the northbound database: {@code ovn_nb_connection}, its leader only, and for
     * {@code ssl:} remotes the {@code ovn_nb_*} key, certificate and CA (all three, as ML2/OVN wants them).
     *
     * @throws ConfigException when the connection is malformed, or an ssl: remote lacks a file or a file is unusable
     */
    public static OvsdbClientOptions northbound(Config config) {
        return client(config, NB_CONNECTION, NB_PRIVATE_KEY, NB_CERTIFICATE, NB_CA_CERT, "OVN_Northbound");
    }

    /** As {@link #northbound} for the southbound database ({@code ovn_sb_*}). */
    public static OvsdbClientOptions southbound(Config config) {
        return client(config, SB_CONNECTION, SB_PRIVATE_KEY, SB_CERTIFICATE, SB_CA_CERT, "OVN_Southbound");
    }

    private static OvsdbClientOptions client(Config config, Option<String> connection, Option<String> key,
                                             Option<String> certificate, Option<String> ca, String database) {
        RemoteList remotes;
        try {
            remotes = RemoteList.parse(config.get(connection));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[ovn] " + connection.name() + ": " + e.getMessage());
        }
        OvsdbClientOptions options = OvsdbClientOptions.of(config.get(connection)).withLeaderOnly(database);
        if (remotes.remotes().stream().noneMatch(r -> r instanceof Remote.Ssl)) {
            return options;
        }
        List<String> missing = java.util.stream.Stream.of(key, certificate, ca)
                .filter(o -> config.get(o).isBlank()).map(Option::name).toList();
        if (!missing.isEmpty()) {
            throw new ConfigException("[ovn] " + connection.name() + " has ssl: remotes, but " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set (" + key.name() + ", " + certificate.name()
                    + " and " + ca.name() + " are mandatory for ssl:)");
        }
        try {
            return options.withTls(OvsdbTls.of(Path.of(config.get(key)), Path.of(config.get(certificate)),
                    Path.of(config.get(ca))));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[ovn] " + key.name() + "/" + certificate.name() + "/" + ca.name() + ": "
                    + e.getMessage());
        }
    }
}
