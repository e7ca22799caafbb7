package dev.neutrino.keystone;

/**
 * A call to Keystone that did not give a token: {@link #status()} is Keystone's HTTP status, or 0 when
 * Keystone could not be reached at all.
 */
public class KeystoneException extends RuntimeException {
    private final int status;

    public KeystoneException(int status, String message) {
        super(message);
        this.status = status;
    }

    public KeystoneException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }

    /** Keystone turned the credentials down (401): not an outage. */
    public boolean isRejected() {
        return status == 401 || status == 404;
    }
}
