package dev.neutrino.ovsdb.value;

import java.util.Objects;
import java.util.UUID;

/**
 * An OVSDB atom (RFC 7047 {@code <atom>}): integer, real, boolean, string or uuid, plus the
 * transaction-local {@link NamedUuidAtom} that refers to a row inserted earlier in the same transaction.
 */
public sealed interface Atom extends OvsdbValue {

    /** The atomic type; a named uuid is of type {@link AtomicType#UUID}. */
    AtomicType type();

    /** The plain Java value: {@link Long}, {@link Double}, {@link Boolean}, {@link String} or {@link UUID}. */
    Object toJava();

    @Override
    default OvsdbSet asSet() {
        return OvsdbSet.of(this);
    }

    static Atom of(long value) {
        return new IntegerAtom(value);
    }

    static Atom of(double value) {
        return new RealAtom(value);
    }

    static Atom of(boolean value) {
        return new BooleanAtom(value);
    }

    static Atom of(String value) {
        return new StringAtom(value);
    }

    static Atom of(UUID value) {
        return new UuidAtom(value);
    }

    /** A reference to the row that an insert with this {@code uuid-name} creates in the same transaction. */
    static Atom namedUuid(String name) {
        return new NamedUuidAtom(name);
    }

    /**
     * Converts {@link String}, integral numbers, {@link Double}/{@link Float}, {@link Boolean},
     * {@link UUID} (and an {@link Atom} as is).
     *
     * @throws IllegalArgumentException for any other type
     */
    static Atom fromJava(Object value) {
        return switch (value) {
            case Atom a -> a;
            case String s -> new StringAtom(s);
            case Long l -> new IntegerAtom(l);
            case Integer i -> new IntegerAtom(i);
            case Short s -> new IntegerAtom(s);
            case Byte b -> new IntegerAtom(b);
            case Double d -> new RealAtom(d);
            case Float f -> new RealAtom(f);
            case Boolean b -> new BooleanAtom(b);
            case UUID u -> new UuidAtom(u);
            case null -> throw new IllegalArgumentException("null is not an OVSDB atom");
            default -> throw new IllegalArgumentException(
                    "cannot convert " + value.getClass().getName() + " to an OVSDB atom: " + value);
        };
    }

    record IntegerAtom(long value) implements Atom {
        @Override public AtomicType type() { return AtomicType.INTEGER; }
        @Override public Object toJava() { return value; }
        @Override public String toString() { return Long.toString(value); }
    }

    record RealAtom(double value) implements Atom {
        @Override public AtomicType type() { return AtomicType.REAL; }
        @Override public Object toJava() { return value; }
        @Override public String toString() { return Double.toString(value); }
    }

    record BooleanAtom(boolean value) implements Atom {
        @Override public AtomicType type() { return AtomicType.BOOLEAN; }
        @Override public Object toJava() { return value; }
        @Override public String toString() { return Boolean.toString(value); }
    }

    record StringAtom(String value) implements Atom {
        public StringAtom {
            Objects.requireNonNull(value, "value");
        }
        @Override public AtomicType type() { return AtomicType.STRING; }
        @Override public Object toJava() { return value; }
        @Override public String toString() { return '"' + value + '"'; }
    }

    record UuidAtom(UUID value) implements Atom {
        public UuidAtom {
            Objects.requireNonNull(value, "value");
        }
        @Override public AtomicType type() { return AtomicType.UUID; }
        @Override public Object toJava() { return value; }
        @Override public String toString() { return value.toString(); }
    }

    record NamedUuidAtom(String name) implements Atom {
        public NamedUuidAtom {
            Objects.requireNonNull(name, "name");
        }
        @Override public AtomicType type() { return AtomicType.UUID; }
        /** A named uuid has no Java value of its own: this returns its name. */
        @Override public Object toJava() { return name; }
        @Override public String toString() { return "@" + name; }
    }
}
