package dev.neutrino.ovsdb.error;

/** Base of every exception this library throws. */
public class OvsdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OvsdbException(String message) {
        super(message);
    }

    public OvsdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
