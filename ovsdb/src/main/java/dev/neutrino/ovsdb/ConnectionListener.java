package dev.neutrino.ovsdb;

import dev.neutrino.ovsdb.remote.Remote;

/** Hears when an {@link OvsdbClient} gets or loses its connection. */
public interface ConnectionListener {
    /** Connected to {@code remote}, with every monitor re-established. */
    default void onConnected(Remote remote) {}

    /** The connection to {@code remote} ended; {@code cause} says why (null when closed on purpose). */
    default void onDisconnected(Remote remote, Throwable cause) {}
}
