package dev.neutrino.ovsdb.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An immutable row: column name to {@link OvsdbValue}, with typed getters.
 *
 * <p>The getters accept both shapes OVSDB uses for a set of zero or one element: a lone atom and a
 * set. {@code getX} wants exactly one value, {@code getOptionalX} zero or one, {@code getXSet} any
 * number. They throw {@link IllegalArgumentException} for an absent column and
 * {@link IllegalStateException} for a value of another shape or type.
 */
public final class Row {
    /** The implicit column holding a row's UUID. */
    public static final String UUID_COLUMN = "_uuid";
    /** The implicit column holding a row's version UUID. */
    public static final String VERSION_COLUMN = "_version";

    private static final Row EMPTY = new Row(Map.of());

    private final Map<String, OvsdbValue> columns;

    private Row(Map<String, OvsdbValue> columns) {
        this.columns = columns;
    }

    public static Row empty() {
        return EMPTY;
    }

    /** A row of the given columns, each converted with {@link OvsdbValue#of}. */
    public static Row of(Map<String, ?> columns) {
        LinkedHashMap<String, OvsdbValue> copy = new LinkedHashMap<>();
        columns.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "column name"), OvsdbValue.of(value)));
        return new Row(Collections.unmodifiableMap(copy));
    }

    /** This row with {@code column} set to {@code value} (converted with {@link OvsdbValue#of}). */
    public Row with(String column, Object value) {
        LinkedHashMap<String, OvsdbValue> copy = new LinkedHashMap<>(columns);
        copy.put(Objects.requireNonNull(column, "column"), OvsdbValue.of(value));
        return new Row(Collections.unmodifiableMap(copy));
    }

    /** This row with every column of {@code other} set to the other's value. */
    public Row withAll(Row other) {
        LinkedHashMap<String, OvsdbValue> copy = new LinkedHashMap<>(columns);
        copy.putAll(other.columns);
        return new Row(Collections.unmodifiableMap(copy));
    }

    /** This row without {@code column}. */
    public Row without(String column) {
        if (!columns.containsKey(column)) {
            return this;
        }
        LinkedHashMap<String, OvsdbValue> copy = new LinkedHashMap<>(columns);
        copy.remove(column);
        return new Row(Collections.unmodifiableMap(copy));
    }

    /** The columns in the order they were given. */
    public Map<String, OvsdbValue> columns() {
        return columns;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    public Optional<OvsdbValue> value(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /** The value of a column that must be present. */
    public OvsdbValue get(String column) {
        OvsdbValue value = columns.get(column);
        if (value == null) {
            throw new IllegalArgumentException("row has no column '" + column + "' (it has " + columns.keySet() + ")");
        }
        return value;
    }

    /** The row's {@code _uuid}, when the row carries it (selected rows and replica rows do). */
    public Optional<UUID> uuid() {
        return has(UUID_COLUMN) ? getOptionalUuid(UUID_COLUMN) : Optional.empty();
    }

    public String getString(String column) {
        return getSingle(column, String.class);
    }

    public Optional<String> getOptionalString(String column) {
        return getOptional(column, String.class);
    }

    public long getInteger(String column) {
        return getSingle(column, Long.class);
    }

    public Optional<Long> getOptionalInteger(String column) {
        return getOptional(column, Long.class);
    }

    public double getReal(String column) {
        return getSingle(column, Double.class);
    }

    public Optional<Double> getOptionalReal(String column) {
        return getOptional(column, Double.class);
    }

    public boolean getBoolean(String column) {
        return getSingle(column, Boolean.class);
    }

    public Optional<Boolean> getOptionalBoolean(String column) {
        return getOptional(column, Boolean.class);
    }

    public UUID getUuid(String column) {
        return getSingle(column, UUID.class);
    }

    public Optional<UUID> getOptionalUuid(String column) {
        return getOptional(column, UUID.class);
    }

    public Set<String> getStringSet(String column) {
        return getSet(column, String.class);
    }

    public Set<Long> getIntegerSet(String column) {
        return getSet(column, Long.class);
    }

    public Set<UUID> getUuidSet(String column) {
        return getSet(column, UUID.class);
    }

    public Map<String, String> getStringMap(String column) {
        return getMap(column, String.class, String.class);
    }

    /** Exactly one element of Java type {@code type} ({@link Long}, {@link Double}, {@link Boolean}, {@link String}, {@link UUID}). */
    public <T> T getSingle(String column, Class<T> type) {
        Set<T> set = getSet(column, type);
        if (set.size() != 1) {
            throw new IllegalStateException("column '" + column + "' holds " + set.size() + " values, expected exactly one");
        }
        return set.iterator().next();
    }

    /** Zero or one element of Java type {@code type}. */
    public <T> Optional<T> getOptional(String column, Class<T> type) {
        Set<T> set = getSet(column, type);
        if (set.size() > 1) {
            throw new IllegalStateException("column '" + column + "' holds " + set.size() + " values, expected at most one");
        }
        return set.stream().findFirst();
    }

    /** The elements of a set (or of a lone atom) as Java values of type {@code type}. */
    public <T> Set<T> getSet(String column, Class<T> type) {
        OvsdbValue value = get(column);
        if (value instanceof OvsdbMap) {
            throw new IllegalStateException("column '" + column + "' holds a map, not a set: " + value);
        }
        LinkedHashSet<T> result = new LinkedHashSet<>();
        for (Atom atom : value.asSet().elements()) {
            result.add(javaValue(column, atom, type));
        }
        return Collections.unmodifiableSet(result);
    }

    /** The pairs of a map as Java values (an empty set counts as an empty map). */
    public <K, V> Map<K, V> getMap(String column, Class<K> keyType, Class<V> valueType) {
        OvsdbValue value = get(column);
        if (value instanceof OvsdbSet set && set.isEmpty()) {
            return Map.of();
        }
        if (!(value instanceof OvsdbMap map)) {
            throw new IllegalStateException("column '" + column + "' does not hold a map: " + value);
        }
        LinkedHashMap<K, V> result = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> result.put(javaValue(column, k, keyType), javaValue(column, v, valueType)));
        return Collections.unmodifiableMap(result);
    }

    private static <T> T javaValue(String column, Atom atom, Class<T> type) {
        Object java = atom.toJava();
        if (atom instanceof Atom.NamedUuidAtom || !type.isInstance(java)) {
            throw new IllegalStateException("column '" + column + "' holds " + atom.type().wireName() + " "
                    + atom + ", not " + type.getSimpleName());
        }
        return type.cast(java);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "Row" + columns;
    }
}
