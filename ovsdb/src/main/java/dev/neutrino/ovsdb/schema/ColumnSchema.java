package dev.neutrino.ovsdb.schema;

import java.util.Objects;

/** One column of a table (RFC 7047 {@code <column-schema>}). */
public record ColumnSchema(String name, ColumnType type, boolean ephemeral, boolean mutable) {
    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static ColumnSchema of(String name, ColumnType type) {
        return new ColumnSchema(name, type, false, true);
    }
}
