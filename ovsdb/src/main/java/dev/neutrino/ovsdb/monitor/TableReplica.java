package dev.neutrino.ovsdb.monitor;

import dev.neutrino.ovsdb.value.Row;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The replicated rows of one table, by UUID; readable from any thread. */
public final class TableReplica {
    private final String name;
    private final Map<UUID, Row> rows = new ConcurrentHashMap<>();

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

    Row put(UUID uuid, Row row) {
        return rows.put(uuid, row);
    }

    Row remove(UUID uuid) {
        return rows.remove(uuid);
    }

    Collection<UUID> uuids() {
        return List.copyOf(rows.keySet());
    }
}
