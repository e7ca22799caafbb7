package dev.neutrino.ovsdb.value;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * An OVSDB datum: a single {@link Atom}, an {@link OvsdbSet} or an {@link OvsdbMap}. Values are
 * immutable and compare by content.
 */
public sealed interface OvsdbValue permits Atom, OvsdbSet, OvsdbMap {

    /**
     * Converts a plain Java value: an {@link OvsdbValue} as is, {@link String}, {@link Long},
     * {@link Integer}, {@link Short}, {@link Byte}, {@link Double}, {@link Float}, {@link Boolean} and
     * {@link java.util.UUID} to an {@link Atom}, a {@link Collection} to an {@link OvsdbSet}, a
     * {@link Map} to an {@link OvsdbMap} and an {@link Optional} to a set of zero or one element.
     *
     * @throws IllegalArgumentException for anything else (including {@code null})
     */
    static OvsdbValue of(Object value) {
        return switch (value) {
            case OvsdbValue v -> v;
            case Collection<?> c -> OvsdbSet.ofJava(c);
            case Map<?, ?> m -> OvsdbMap.ofJava(m);
            case Optional<?> o -> o.map(e -> OvsdbSet.of(Atom.fromJava(e))).orElse(OvsdbSet.empty());
            case null -> throw new IllegalArgumentException("null is not an OVSDB value (use an empty set)");
            default -> Atom.fromJava(value);
        };
    }

    /**
     * This value seen as a set: an atom is a set of one, a set is itself.
     *
     * @throws IllegalStateException for a map
     */
    OvsdbSet asSet();
}
