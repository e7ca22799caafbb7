package dev.neutrino.ovsdb.txn;

import dev.neutrino.ovsdb.value.Row;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Inserts a row. {@code uuidName} lets later operations of the same transaction refer to the new row
 * with {@link dev.neutrino.ovsdb.value.Atom#namedUuid}; {@code uuid} asks for a given UUID (an
 * ovsdb-server 2.13+ extension).
 */
public record Insert(String table, Row row, Optional<String> uuidName, Optional<UUID> uuid) implements Operation {
    public Insert {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(uuidName, "uuidName");
        Objects.requireNonNull(uuid, "uuid");
    }

    public static Insert into(String table) {
        return new Insert(table, Row.empty(), Optional.empty(), Optional.empty());
    }

    public Insert uuidName(String name) {
        return new Insert(table, row, Optional.of(name), uuid);
    }

    public Insert uuid(UUID value) {
        return new Insert(table, row, uuidName, Optional.of(value));
    }

    /** Sets a column; the value is converted with {@link dev.neutrino.ovsdb.value.OvsdbValue#of}. */
    public Insert set(String column, Object value) {
        return new Insert(table, row.with(column, value), uuidName, uuid);
    }

    public Insert row(Row values) {
        return new Insert(table, row.withAll(values), uuidName, uuid);
    }

    @Override
    public String op() {
        return "insert";
    }

    @Override
    public String describe() {
        return "insert into " + table + uuidName.map(n -> " as " + n).orElse("");
    }
}
