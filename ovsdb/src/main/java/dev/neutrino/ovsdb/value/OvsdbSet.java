package dev.neutrino.ovsdb.value;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** An OVSDB set of atoms (RFC 7047 {@code <set>}); keeps the order its elements were given in. */
public record OvsdbSet(Set<Atom> elements) implements OvsdbValue {
    private static final OvsdbSet EMPTY = new OvsdbSet(Set.of());

    public OvsdbSet {
        for (Atom element : elements) {
            if (element == null) {
                throw new IllegalArgumentException("an OVSDB set cannot hold null");
            }
        }
        elements = Collections.unmodifiableSet(new LinkedHashSet<>(elements));
    }

    public static OvsdbSet empty() {
        return EMPTY;
    }

    public static OvsdbSet of(Atom... elements) {
        return new OvsdbSet(new LinkedHashSet<>(Arrays.asList(elements)));
    }

    /** Each element converted with {@link Atom#fromJava}. */
    public static OvsdbSet ofJava(Collection<?> elements) {
        LinkedHashSet<Atom> atoms = new LinkedHashSet<>();
        for (Object element : elements) {
            atoms.add(Atom.fromJava(element));
        }
        return new OvsdbSet(atoms);
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public boolean contains(Atom atom) {
        return elements.contains(atom);
    }

    @Override
    public OvsdbSet asSet() {
        return this;
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
