package dev.neutrino.db;

/**
 * Thrown inside a transaction to have the whole transaction run again, for example when a
 * concurrent request took the IP address this one picked.
 */
public class Retryable extends RuntimeException {
    public Retryable(String message) {
        super(message, null, false, false);
    }
}
