package dev.neutrino.model;

/**
 * neutron-lib's {@code convert_to}: turns the JSON (or query string) value into the attribute's
 * canonical value. Throws {@link IllegalArgumentException} with the reason when it cannot.
 */
@FunctionalInterface
public interface Converter {
    Object convert(Object value);

    Converter IDENTITY = v -> v;
}
