package dev.neutrino.policy;

/**
 * oslo.policy's {@code PolicyNotAuthorized}: the message is exactly oslo's
 * {@code "<rule> is disallowed by policy"}, where {@code <rule>} is the rule name for
 * {@link Policy#enforce} and the string form of Neutron's match rule for
 * {@link Policy#enforceAction} (e.g.
 * {@code "(rule:create_network and rule:create_network:shared) is disallowed by policy"}).
 * Neutron answers 403 with that message (or 404 when the caller may not even see the resource).
 */
public class PolicyNotAuthorized extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    public PolicyNotAuthorized(String rule) {
        this(rule, rule + " is disallowed by policy");
    }

    protected PolicyNotAuthorized(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** The rule name or match-rule string that failed. */
    public String rule() {
        return rule;
    }
}
