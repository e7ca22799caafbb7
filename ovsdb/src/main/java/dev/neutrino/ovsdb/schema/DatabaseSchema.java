package dev.neutrino.ovsdb.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A database schema as {@code get_schema} returns it (RFC 7047 {@code <database-schema>}). */
public record DatabaseSchema(String name, String version, Optional<String> cksum, Map<String, TableSchema> tables) {
    public DatabaseSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cksum, "cksum");
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    public Optional<TableSchema> table(String table) {
        return Optional.ofNullable(tables.get(table));
    }

    /** @throws IllegalArgumentException when the database has no such table */
    public TableSchema requireTable(String table) {
        return table(table).orElseThrow(() -> new IllegalArgumentException(
                "database " + name + " has no table '" + table + "'"));
    }
}
