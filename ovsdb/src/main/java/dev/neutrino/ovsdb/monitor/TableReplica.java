package dev.neutrino.ovsdb.monitor;

import dev.neutrino.ovsdb.value.Row;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The replicated rows of one table, by UUID, and by any secondary key an {@link Index} computes;
 * readable from any thread.
 */
public final class TableReplica {
    private final String name;
    private final Map<UUID, Row> rows = new ConcurrentHashMap<>();
    private final List<Index> indexes = new CopyOnWriteArrayList<>();

    /**
     * The rows of this table by a key computed from each row (a name, an external_ids entry), kept
     * current as the replica changes, so that a lookup costs what the answer costs rather than a
     * scan of the table. A row whose key is null is not indexed.
     */
    public static final class Index {
        private final Function<Row, ?> key;
        private final Map<Object, Map<UUID, Row>> byKey = new ConcurrentHashMap<>();

        private Index(Function<Row, ?> key) {
            this.key = key;
        }

        /** The rows whose key is {@code value} (any order). */
        public List<Row> rows(Object value) {
            Map<UUID, Row> found = byKey.get(value);
            return found == null ? List.of() : List.copyOf(found.values());
        }

        /** One row whose key is {@code value}, if any. */
        public Optional<Row> first(Object value) {
            Map<UUID, Row> found = byKey.get(value);
            return found == null ? Optional.empty() : found.values().stream().findFirst();
        }

        private void add(UUID uuid, Row row) {
            Object k = key.apply(row);
            if (k != null) byKey.computeIfAbsent(k, x -> new ConcurrentHashMap<>()).put(uuid, row);
        }

        private void remove(UUID uuid, Row row) {
            Object k = key.apply(row);
            if (k == null) return;
            byKey.computeIfPresent(k, (x, m) -> {
                m.remove(uuid);
                return m.isEmpty() ? null : m;
            });
        }
    }

    TableReplica(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Optional<Row> row(UUID uuid) {
        return Optional.ofNullable(rows.get(uuid));
    }

    /** A snapshot of the rows. */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    public List<Row> find(Predicate<Row> predicate) {
        return rows.values().stream().filter(predicate).toList();
    }

    public Optional<Row> findFirst(Predicate<Row> predicate) {
        return rows.values().stream().filter(predicate).findFirst();
    }

    public int size() {
        return rows.size();
    }

    /** The same rows, without indexes (for {@link Replica#snapshot}, under the replica's lock). */
    TableReplica copy() {
        TableReplica copy = new TableReplica(name);
        copy.rows.putAll(rows);
        return copy;
    }

    /** Called by {@link Replica#index}, under the replica's lock. */
    Index addIndex(Function<Row, ?> key) {
        Index index = new Index(key);
        rows.forEach(index::add);
        indexes.add(index);
        return index;
    }

    Row put(UUID uuid, Row row) {
        Row old = rows.put(uuid, row);
        for (Index index : indexes) {
            if (old != null) index.remove(uuid, old);
            index.add(uuid, row);
        }
        return old;
    }

    Row remove(UUID uuid) {
        Row old = rows.remove(uuid);
        if (old != null) for (Index index : indexes) index.remove(uuid, old);
        return old;
    }

    Collection<UUID> uuids() {
        return List.copyOf(rows.keySet());
    }
}
