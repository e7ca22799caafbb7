package dev.neutrino.ovsdb.txn;

import dev.neutrino.ovsdb.value.OvsdbValue;
import java.util.Objects;

/**
 * One change of a {@link Mutate} (RFC 7047 {@code <mutation>}): {@code [column, mutator, value]}.
 * Values are converted with {@link OvsdbValue#of}.
 */
public record Mutation(String column, Mutator mutator, OvsdbValue value) {
    public Mutation {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(mutator, "mutator");
        Objects.requireNonNull(value, "value");
    }

    public static Mutation of(String column, Mutator mutator, Object value) {
        return new Mutation(column, mutator, OvsdbValue.of(value));
    }

    /** Adds elements to a set, or pairs (whose keys are not there yet) to a map. */
    public static Mutation insert(String column, Object value) {
        return of(column, Mutator.INSERT, value);
    }

    /** Removes elements from a set; from a map, removes pairs (a map) or keys (a set). */
    public static Mutation delete(String column, Object value) {
        return of(column, Mutator.DELETE, value);
    }

    public static Mutation add(String column, Object value) {
        return of(column, Mutator.ADD, value);
    }

    public static Mutation subtract(String column, Object value) {
        return of(column, Mutator.SUBTRACT, value);
    }

    public static Mutation multiply(String column, Object value) {
        return of(column, Mutator.MULTIPLY, value);
    }

    public static Mutation divide(String column, Object value) {
        return of(column, Mutator.DIVIDE, value);
    }

    public static Mutation modulo(String column, Object value) {
        return of(column, Mutator.MODULO, value);
    }

    @Override
    public String toString() {
        return column + " " + mutator.symbol() + " " + value;
    }
}
