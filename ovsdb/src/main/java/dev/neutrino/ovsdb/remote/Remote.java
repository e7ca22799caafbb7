package dev.neutrino.ovsdb.remote;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One active OVSDB remote, as OVS/OVN spell them: {@code unix:FILE}, {@code tcp:HOST[:PORT]} or
 * {@code ssl:HOST[:PORT]} (default port 6640; an IPv6 address goes in brackets: {@code tcp:[::1]:6641}).
 */
public sealed interface Remote permits Remote.Unix, Remote.Tcp, Remote.Ssl {
    /** The IANA port of OVSDB, used when a remote names none. */
    int DEFAULT_PORT = 6640;

    /**
     * Parses one remote.
     *
     * @throws IllegalArgumentException when it is not {@code unix:}, {@code tcp:} or {@code ssl:} or is malformed
     */
    static Remote parse(String text) {
        String remote = text.strip();
        int colon = remote.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not an OVSDB remote (expected unix:FILE, tcp:HOST:PORT or ssl:HOST:PORT): \"" + text + "\"");
        }
        String method = remote.substring(0, colon);
        String target = remote.substring(colon + 1);
        return switch (method) {
            case "unix" -> {
                if (target.isEmpty()) {
                    throw new IllegalArgumentException("unix: remote without a socket path: \"" + text + "\"");
                }
                yield new Unix(Path.of(target));
            }
            case "tcp" -> {
                HostPort hp = HostPort.parse(target, text);
                yield new Tcp(hp.host(), hp.port());
            }
            case "ssl" -> {
                HostPort hp = HostPort.parse(target, text);
                yield new Ssl(hp.host(), hp.port());
            }
            case "punix", "ptcp", "pssl" -> throw new IllegalArgumentException(
                    "\"" + text + "\" is a passive (listening) remote; a client needs unix:, tcp: or ssl:");
            default -> throw new IllegalArgumentException("unknown OVSDB remote type \"" + method + ":\" in \"" + text
                    + "\" (expected unix:, tcp: or ssl:)");
        };
    }

    /** A unix domain socket. */
    record Unix(Path path) implements Remote {
        public Unix {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return "unix:" + path;
        }
    }

    /** A plain TCP connection. */
    record Tcp(String host, int port) implements Remote {
        public Tcp {
            HostPort.check(host, port);
        }

        @Override
        public String toString() {
            return "tcp:" + HostPort.format(host, port);
        }
    }

    /** A TLS connection (certificates from {@link OvsdbTls}). */
    record Ssl(String host, int port) implements Remote {
        public Ssl {
            HostPort.check(host, port);
        }

        @Override
        public String toString() {
            return "ssl:" + HostPort.format(host, port);
        }
    }
}
