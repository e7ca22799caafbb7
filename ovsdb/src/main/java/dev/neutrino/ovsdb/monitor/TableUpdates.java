package dev.neutrino.ovsdb.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A {@code <table-updates2>}: table name to row UUID to {@link RowUpdate}, as one transaction changed them. */
public record TableUpdates(Map<String, Map<UUID, RowUpdate>> tables) {
    private static final TableUpdates EMPTY = new TableUpdates(Map.of());

    public TableUpdates {
        LinkedHashMap<String, Map<UUID, RowUpdate>> copy = new LinkedHashMap<>();
        tables.forEach((table, rows) -> copy.put(table, Collections.unmodifiableMap(new LinkedHashMap<>(rows))));
        tables = Collections.unmodifiableMap(copy);
    }

    public static TableUpdates empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return tables.values().stream().allMatch(Map::isEmpty);
    }

    /** The number of row updates over all tables. */
    public int size() {
        return tables.values().stream().mapToInt(Map::size).sum();
    }
}
