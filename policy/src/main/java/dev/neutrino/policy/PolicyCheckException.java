package dev.neutrino.policy;

/**
 * A check could not be evaluated (Neutron's {@code PolicyCheckError} and the exceptions
 * oslo.policy lets through): e.g. {@code tenant_id:%(network:tenant_id)s} on a target with
 * neither {@code network:tenant_id} nor {@code network_id}, a rule {@code tenant_id:%(tenant_id)s}
 * on a target without {@code tenant_id}, or a parent lookup that failed. Neutron turns these
 * into a 500; they are programming or data errors, never an authorization decision.
 */
public class PolicyCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyCheckException(String message) {
        super(message);
    }

    public PolicyCheckException(String check, String reason) {
        super("Failed to check policy " + check + " because " + reason);
    }

    public PolicyCheckException(String check, String reason, Throwable cause) {
        super("Failed to check policy " + check + " because " + reason, cause);
    }
}
