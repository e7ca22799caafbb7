package dev.neutrino.keystone;

/**
 * The decision about one request, from its {@code X-Auth-Token} and optional {@code X-Service-Token},
 * as keystonemiddleware's auth_token makes it.
 *
 * @param outcome        what to do with the request
 * @param user           the user token's identity; null unless {@link Outcome#AUTHENTICATED}
 * @param service        the service token's identity when one was sent and is valid, else null
 * @param serviceRolesOk true when a valid service token carries one of {@code service_token_roles}
 * @param reason         why the request is not authenticated (for the log, never for the client)
 */
public record AuthResult(Outcome outcome, Identity user, Identity service, boolean serviceRolesOk, String reason) {

    public enum Outcome {
        /** A valid user token (and, if sent, an acceptable service token). */
        AUTHENTICATED,
        /** No token, an invalid token or an unacceptable service token: answer 401 with WWW-Authenticate. */
        UNAUTHENTICATED,
        /**
         * With {@code delay_auth_decision = true}: the token was missing or invalid but the request goes
         * on, unauthenticated ({@code X-Identity-Status: Invalid}); the service decides.
         */
        DELAYED,
        /** Keystone could not be asked: answer 503. */
        UNAVAILABLE
    }

    public static AuthResult authenticated(Identity user, Identity service, boolean serviceRolesOk) {
        return new AuthResult(Outcome.AUTHENTICATED, user, service, serviceRolesOk, null);
    }

    public static AuthResult unauthenticated(String reason) {
        return new AuthResult(Outcome.UNAUTHENTICATED, null, null, false, reason);
    }

    public static AuthResult delayed(String reason) {
        return new AuthResult(Outcome.DELAYED, null, null, false, reason);
    }

    public static AuthResult unavailable(String reason) {
        return new AuthResult(Outcome.UNAVAILABLE, null, null, false, reason);
    }

    public boolean isAuthenticated() {
        return outcome == Outcome.AUTHENTICATED;
    }

    /** The HTTP status to answer with when the request cannot go on: 401, 503, or 0 when it can. */
    public int httpStatus() {
        return switch (outcome) {
            case AUTHENTICATED, DELAYED -> 0;
            case UNAUTHENTICATED -> 401;
            case UNAVAILABLE -> 503;
        };
    }
}
