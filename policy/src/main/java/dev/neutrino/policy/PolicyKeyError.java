package dev.neutrino.policy;

/**
 * A Python {@code KeyError} raised while evaluating a check (e.g. Neutron's OwnerCheck reading
 * {@code target['network_id']} from a target that has none). oslo.policy's {@code RuleCheck}
 * catches KeyError and treats the referenced rule as false, so only an error outside any
 * {@code rule:} reference reaches the caller (as a {@link PolicyCheckException}).
 */
final class PolicyKeyError extends PolicyCheckException {
    private static final long serialVersionUID = 1L;

    PolicyKeyError(String check, String reason) {
        super(check, reason);
    }
}
