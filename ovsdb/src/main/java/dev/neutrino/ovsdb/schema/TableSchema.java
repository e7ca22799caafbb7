package dev.neutrino.ovsdb.schema;

import dev.neutrino.ovsdb.value.AtomicType;
import dev.neutrino.ovsdb.value.Row;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One table of a schema (RFC 7047 {@code <table-schema>}).
 *
 * @param columns the declared columns, in schema order (without the implicit {@code _uuid} and {@code _version})
 * @param indexes each index is a list of column names whose values are unique together
 */
public record TableSchema(String name, Map<String, ColumnSchema> columns, OptionalLong maxRows, boolean isRoot,
                          List<List<String>> indexes) {

    private static final ColumnSchema UUID_COLUMN =
            new ColumnSchema(Row.UUID_COLUMN, ColumnType.scalar(BaseType.of(AtomicType.UUID)), false, false);
    private static final ColumnSchema VERSION_COLUMN =
            new ColumnSchema(Row.VERSION_COLUMN, ColumnType.scalar(BaseType.of(AtomicType.UUID)), false, false);

    public TableSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxRows, "maxRows");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        indexes = indexes.stream().map(List::copyOf).toList();
    }

    /** A declared column or one of the implicit {@code _uuid} and {@code _version}. */
    public Optional<ColumnSchema> column(String column) {
        return switch (column) {
            case Row.UUID_COLUMN -> Optional.of(UUID_COLUMN);
            case Row.VERSION_COLUMN -> Optional.of(VERSION_COLUMN);
            default -> Optional.ofNullable(columns.get(column));
        };
    }

    /** @throws IllegalArgumentException when the table has no such column */
    public ColumnSchema requireColumn(String column) {
        return column(column).orElseThrow(() -> new IllegalArgumentException(
                "table " + name + " has no column '" + column + "'"));
    }
}
