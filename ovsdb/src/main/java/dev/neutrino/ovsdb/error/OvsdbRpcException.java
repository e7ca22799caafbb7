package dev.neutrino.ovsdb.error;

import java.util.Optional;

/**
 * The server answered a request with a JSON-RPC error, e.g. {@code "unknown database"} for
 * {@code get_schema}, or {@code "unknown method"}.
 */
public class OvsdbRpcException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String error;
    private final String details;

    public OvsdbRpcException(String method, String error, String details) {
        super(method + " failed: " + error + (details == null ? "" : " (" + details + ")"));
        this.method = method;
        this.error = error;
        this.details = details;
    }

    /** The request's method. */
    public String method() {
        return method;
    }

    /** The server's error string. */
    public String error() {
        return error;
    }

    /** The server's details, when it sent any. */
    public Optional<String> details() {
        return Optional.ofNullable(details);
    }
}
