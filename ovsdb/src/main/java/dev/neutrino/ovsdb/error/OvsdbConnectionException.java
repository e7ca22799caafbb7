package dev.neutrino.ovsdb.error;

/**
 * The connection could not be opened, was lost, or is not there: a request in flight when it drops
 * fails with this (its outcome on the server is unknown).
 */
public class OvsdbConnectionException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    public OvsdbConnectionException(String message) {
        super(message);
    }

    public OvsdbConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
