package dev.neutrino.policy;

import java.util.Map;

/** The state of one enforcement: a private, mutable copy of the target plus the credentials. */
final class Evaluation {
    final Policy policy;
    final Map<String, Object> target;
    final Map<String, Object> creds;

    Evaluation(Policy policy, Map<String, Object> target, Map<String, Object> creds) {
        this.policy = policy;
        this.target = target;
        this.creds = creds;
    }

    /** oslo {@code enforcer.rules[name]}, with the {@code default} rule fallback of {@code Rules.__missing__}. */
    Check lookup(String name) {
        return policy.lookupRule(name);
    }

    Object resolve(String check, String resource, Object id, String field) {
        ParentResolver r = policy.parentResolver();
        if (r == null) {
            throw new PolicyCheckException(check, "the check needs the " + field + " of " + resource + " "
                    + PyValues.str(id) + " but no ParentResolver is configured");
        }
        try {
            return r.fetch(resource, PyValues.str(id), field);
        } catch (PolicyCheckException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PolicyCheckException(check, "fetching " + field + " of " + resource + " "
                    + PyValues.str(id) + " failed: " + e, e);
        }
    }
}
