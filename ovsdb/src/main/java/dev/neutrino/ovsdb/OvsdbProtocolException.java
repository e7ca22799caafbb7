package dev.neutrino.ovsdb;

/** The peer sent something that is not valid JSON-RPC or not valid OVSDB. */
public class OvsdbProtocolException extends OvsdbException {
    public OvsdbProtocolException(String message) {
        super(message);
    }

    public OvsdbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
