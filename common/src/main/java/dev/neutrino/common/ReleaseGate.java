package dev.neutrino.common;

/**
 * Whether every server running on this database is of a release at least this one: a feature that
 * servers of an older release cannot serve stays off until the last of them has stopped (a rolling
 * upgrade's feature gate). The server answers from its registry of running servers; a single
 * process (tests, tools) has no older peer.
 */
@FunctionalInterface
public interface ReleaseGate {
    ReleaseGate NO_OLDER_SERVERS = release -> true;

    boolean allAtLeast(String release);
}
