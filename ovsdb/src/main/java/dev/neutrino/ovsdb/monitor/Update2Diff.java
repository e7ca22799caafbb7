package dev.neutrino.ovsdb.monitor;

import dev.neutrino.ovsdb.schema.ColumnSchema;
import dev.neutrino.ovsdb.schema.ColumnType;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.OvsdbValue;
import dev.neutrino.ovsdb.value.Row;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the "modify" diffs of {@code update2}/{@code update3} notifications (ovsdb-server(7)):
 * <ul>
 *   <li>a column of at most one element — scalar or optional ({@code min 0, max 1}) — gets its new
 *       value as the diff: ovsdb-server's {@code ovsdb_datum_diff} diffs only composite types
 *       ({@code max > 1}), so an optional column going from "a" to "b" sends "b", and going to
 *       nothing sends the empty set;</li>
 *   <li>a set's diff is the symmetric difference of old and new: each element in the diff is removed
 *       when present and added when absent;</li>
 *   <li>a map's diff holds the pairs whose key is in only one of old and new, and, for a key in both
 *       with different values, the new pair: a diff pair whose key is absent is added, one equal to the
 *       old pair is removed, one with another value replaces the old value.</li>
 * </ul>
 */
public final class Update2Diff {
    private Update2Diff() {}

    /** The new row: {@code old} with each column of {@code diff} applied according to its type. */
    public static Row apply(Row old, Row diff, Optional<TableSchema> table) {
        Row result = old;
        for (Map.Entry<String, OvsdbValue> change : diff.columns().entrySet()) {
            String column = change.getKey();
            Optional<ColumnType> type = table.flatMap(t -> t.column(column)).map(ColumnSchema::type);
            OvsdbValue before = old.value(column).orElse(null);
            if (before == null && type.isPresent() && !type.get().isScalar()) {
                // update2 rows leave out columns that hold their default: an empty set or map
                before = type.get().isMap() ? OvsdbMap.empty() : OvsdbSet.empty();
            }
            OvsdbValue after = type.isPresent() && before != null
                    ? apply(type.get(), before, change.getValue())
                    : change.getValue();
            result = result.with(column, after);
        }
        return result;
    }

    /** The new value of a column of type {@code type} given its old value and a diff. */
    public static OvsdbValue apply(ColumnType type, OvsdbValue old, OvsdbValue diff) {
        if (type.isScalar()) {
            return diff;
        }
        if (type.max() == 1) {
            return diff instanceof Atom atom ? OvsdbSet.of(atom) : diff;
        }
        if (type.isMap()) {
            return applyMapDiff(asMap(old), asMap(diff));
        }
        return applySetDiff(old.asSet(), diff.asSet());
    }

    private static OvsdbSet applySetDiff(OvsdbSet old, OvsdbSet diff) {
        LinkedHashSet<Atom> elements = new LinkedHashSet<>(old.elements());
        for (Atom element : diff.elements()) {
            if (!elements.remove(element)) {
                elements.add(element);
            }
        }
        return new OvsdbSet(elements);
    }

    private static OvsdbMap applyMapDiff(OvsdbMap old, OvsdbMap diff) {
        LinkedHashMap<Atom, Atom> entries = new LinkedHashMap<>(old.entries());
        diff.entries().forEach((key, value) -> {
            Atom previous = entries.get(key);
            if (previous == null) {
                entries.put(key, value);
            } else if (previous.equals(value)) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
        });
        return new OvsdbMap(entries);
    }

    private static OvsdbMap asMap(OvsdbValue value) {
        if (value instanceof OvsdbMap map) {
            return map;
        }
        if (value instanceof OvsdbSet set && set.isEmpty()) {
            return OvsdbMap.empty();
        }
        throw new IllegalStateException("expected a map, got " + value);
    }
}
