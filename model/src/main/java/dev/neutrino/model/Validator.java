package dev.neutrino.model;

/**
 * Checks a (converted) value. Returns null when valid, else the reason as neutron-lib words it,
 * e.g. {@code "'abc' is not a valid UUID"}.
 */
@FunctionalInterface
public interface Validator {
    String validate(Object value);

    Validator NONE = v -> null;

    default Validator and(Validator next) {
        return v -> {
            String r = validate(v);
            return r != null ? r : next.validate(v);
        };
    }
}
