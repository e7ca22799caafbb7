package dev.neutrino.ovsdb.value;

import java.util.Locale;

/** The five OVSDB atomic types (RFC 7047 section 3.2, {@code <atomic-type>}). */
public enum AtomicType {
    INTEGER, REAL, BOOLEAN, STRING, UUID;

    /** The name used on the wire and in schemas: {@code "integer"}, {@code "uuid"}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name that is not an atomic type */
    public static AtomicType fromWireName(String name) {
        for (AtomicType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown OVSDB atomic type: " + name);
    }
}
