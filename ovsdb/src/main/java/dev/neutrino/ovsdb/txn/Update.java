package dev.neutrino.ovsdb.txn;

import dev.neutrino.ovsdb.value.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Sets columns of the rows matching {@code where}. */
public record Update(String table, List<Condition> where, Row row) implements Operation {
    public Update {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(row, "row");
        where = List.copyOf(where);
    }

    public static Update table(String table) {
        return new Update(table, List.of(), Row.empty());
    }

    public Update where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        all.addAll(Arrays.asList(conditions));
        return new Update(table, all, row);
    }

    /** Sets a column; the value is converted with {@link dev.neutrino.ovsdb.value.OvsdbValue#of}. */
    public Update set(String column, Object value) {
        return new Update(table, where, row.with(column, value));
    }

    @Override
    public String op() {
        return "update";
    }

    @Override
    public String describe() {
        return "update " + table + (where.isEmpty() ? "" : " where " + where);
    }
}
