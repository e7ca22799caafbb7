package dev.neutrino.ovsdb.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An OVSDB map from atoms to atoms (RFC 7047 {@code <map>}); keeps the order its pairs were given in. */
public record OvsdbMap(Map<Atom, Atom> entries) implements OvsdbValue {
    private static final OvsdbMap EMPTY = new OvsdbMap(Map.of());

    public OvsdbMap {
        for (Map.Entry<Atom, Atom> entry : entries.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("an OVSDB map cannot hold null");
            }
        }
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static OvsdbMap empty() {
        return EMPTY;
    }

    /** Keys and values converted with {@link Atom#fromJava}. */
    public static OvsdbMap ofJava(Map<?, ?> map) {
        LinkedHashMap<Atom, Atom> entries = new LinkedHashMap<>();
        map.forEach((k, v) -> entries.put(Atom.fromJava(k), Atom.fromJava(v)));
        return new OvsdbMap(entries);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Atom get(Atom key) {
        return entries.get(key);
    }

    /** A map has no set view. */
    @Override
    public OvsdbSet asSet() {
        throw new IllegalStateException("an OVSDB map is not a set: " + this);
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
