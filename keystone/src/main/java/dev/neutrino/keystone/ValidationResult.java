package dev.neutrino.keystone;

/**
 * What validating one token gave: a {@link Valid} identity, an {@link Invalid} token (the caller
 * answers 401), or {@link Unavailable} when Keystone could not be asked or failed (the caller
 * answers 503).
 */
public sealed interface ValidationResult {

    /** Keystone vouched for the token. */
    record Valid(Identity identity) implements ValidationResult {}

    /** Keystone does not know the token, or it has expired. */
    record Invalid(String reason) implements ValidationResult {}

    /** Keystone is unreachable, answered 5xx, or refused Neutrino's own service credentials. */
    record Unavailable(String reason) implements ValidationResult {}

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The identity of a {@link Valid} result, else null. */
    default Identity identityOrNull() {
        return this instanceof Valid v ? v.identity() : null;
    }
}
