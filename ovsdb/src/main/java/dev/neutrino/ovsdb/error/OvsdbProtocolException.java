package dev.neutrino.ovsdb.error;

/** The peer sent something that is not valid JSON-RPC or not valid OVSDB. */
public class OvsdbProtocolException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    public OvsdbProtocolException(String message) {
        super(message);
    }

    public OvsdbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
