package dev.neutrino.ovsdb;

import dev.neutrino.ovsdb.remote.OvsdbTls;
import dev.neutrino.ovsdb.remote.RemoteList;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link OvsdbClient} connects. Immutable; start from {@link #of(String)} and change with the
 * {@code with…} methods.
 *
 * @param remotes tried in order, moving on after a failure or a lost connection
 * @param connectTimeout for opening one TCP connection
 * @param backoff the wait between rounds of failed attempts over all remotes; a round in which a
 *                server answered that it is not the leader (a cluster electing one) waits only the
 *                first step
 * @param probeInterval after this long without a message from the server, send {@code echo}; no answer
 *                      within another interval drops the connection. Zero disables probing.
 * @param leaderOnly a clustered database whose leader the client must be connected to: a server that
 *                   is not its leader (or is cut off from its cluster) is skipped, and the connection is
 *                   dropped when the server loses leadership. Standalone databases always qualify.
 * @param awaitConnection how long a request made while disconnected waits for a connection
 * @param tls the certificates for {@code ssl:} remotes (required when there is one)
 */
public record OvsdbClientOptions(RemoteList remotes, Duration connectTimeout, Backoff backoff, Duration probeInterval,
                                 Optional<String> leaderOnly, Duration awaitConnection, Optional<OvsdbTls> tls) {

    public OvsdbClientOptions {
        Objects.requireNonNull(remotes, "remotes");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(leaderOnly, "leaderOnly");
        Objects.requireNonNull(awaitConnection, "awaitConnection");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * Defaults for a connection string such as {@code "unix:/var/run/ovn/ovnnb_db.sock"} or
     * {@code "tcp:10.0.0.1:6641,tcp:10.0.0.2:6641"}: 5 s connect timeout, backoff 250 ms to 8 s, 5 s
     * probe interval, not leader-only, requests wait 30 s for a connection.
     */
    public static OvsdbClientOptions of(String connection) {
        return new OvsdbClientOptions(RemoteList.parse(connection), Duration.ofSeconds(5),
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(8)), Duration.ofSeconds(5), Optional.empty(),
                Duration.ofSeconds(30), Optional.empty());
    }

    public OvsdbClientOptions withConnectTimeout(Duration value) {
        return new OvsdbClientOptions(remotes, value, backoff, probeInterval, leaderOnly, awaitConnection, tls);
    }

    public OvsdbClientOptions withBackoff(Duration initial, Duration max) {
        return new OvsdbClientOptions(remotes, connectTimeout, new Backoff(initial, max), probeInterval, leaderOnly,
                awaitConnection, tls);
    }

    public OvsdbClientOptions withProbeInterval(Duration value) {
        return new OvsdbClientOptions(remotes, connectTimeout, backoff, value, leaderOnly, awaitConnection, tls);
    }

    /** Connect only to the leader of {@code database} (for clustered databases). */
    public OvsdbClientOptions withLeaderOnly(String database) {
        return new OvsdbClientOptions(remotes, connectTimeout, backoff, probeInterval, Optional.of(database),
                awaitConnection, tls);
    }

    public OvsdbClientOptions withAwaitConnection(Duration value) {
        return new OvsdbClientOptions(remotes, connectTimeout, backoff, probeInterval, leaderOnly, value, tls);
    }

    /** The certificates for {@code ssl:} remotes. */
    public OvsdbClientOptions withTls(OvsdbTls value) {
        return new OvsdbClientOptions(remotes, connectTimeout, backoff, probeInterval, leaderOnly, awaitConnection,
                Optional.of(value));
    }
}
