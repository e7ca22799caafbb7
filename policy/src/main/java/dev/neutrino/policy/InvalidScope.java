package dev.neutrino.policy;

import java.util.List;

/**
 * oslo.policy's {@code InvalidScope}: raised by enforce when {@code enforce_scope} is on and
 * the token's scope (system / domain / project) is not among the rule's {@code scope_types}.
 * Neutron handles it exactly like {@link PolicyNotAuthorized} (403/404), hence the subclass;
 * the message is oslo's.
 */
public class InvalidScope extends PolicyNotAuthorized {
    private static final long serialVersionUID = 1L;
    private final List<String> scopeTypes;
    private final String tokenScope;

    public InvalidScope(String rule, List<String> scopeTypes, String tokenScope) {
        super(rule, rule + " requires a scope of " + PyValues.repr(scopeTypes)
                + ", request was made with " + tokenScope + " scope.");
        this.scopeTypes = List.copyOf(scopeTypes);
        this.tokenScope = tokenScope;
    }

    public List<String> scopeTypes() {
        return scopeTypes;
    }

    /** "system", "domain" or "project". */
    public String tokenScope() {
        return tokenScope;
    }
}
