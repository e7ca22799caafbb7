package dev.neutrino.ovsdb.txn;

import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbValue;
import dev.neutrino.ovsdb.value.Row;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@code where} clause element (RFC 7047 {@code <condition>}): {@code [column, function, value]}.
 * Values are converted with {@link OvsdbValue#of}.
 */
public record Condition(String column, ConditionFunction function, OvsdbValue value) {
    public Condition {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(value, "value");
    }

    public static Condition of(String column, ConditionFunction function, Object value) {
        return new Condition(column, function, OvsdbValue.of(value));
    }

    /** {@code _uuid == uuid}: the row with this UUID. */
    public static Condition uuidIs(UUID uuid) {
        return new Condition(Row.UUID_COLUMN, ConditionFunction.EQUAL, Atom.of(uuid));
    }

    public static Condition equal(String column, Object value) {
        return of(column, ConditionFunction.EQUAL, value);
    }

    public static Condition notEqual(String column, Object value) {
        return of(column, ConditionFunction.NOT_EQUAL, value);
    }

    public static Condition lessThan(String column, Object value) {
        return of(column, ConditionFunction.LESS_THAN, value);
    }

    public static Condition lessOrEqual(String column, Object value) {
        return of(column, ConditionFunction.LESS_OR_EQUAL, value);
    }

    public static Condition greaterThan(String column, Object value) {
        return of(column, ConditionFunction.GREATER_THAN, value);
    }

    public static Condition greaterOrEqual(String column, Object value) {
        return of(column, ConditionFunction.GREATER_OR_EQUAL, value);
    }

    /** The column's set or map includes every element or pair of {@code value}. */
    public static Condition includes(String column, Object value) {
        return of(column, ConditionFunction.INCLUDES, value);
    }

    /** The column's set or map includes no element or pair of {@code value}. */
    public static Condition excludes(String column, Object value) {
        return of(column, ConditionFunction.EXCLUDES, value);
    }

    @Override
    public String toString() {
        return column + " " + function.symbol() + " " + value;
    }
}
