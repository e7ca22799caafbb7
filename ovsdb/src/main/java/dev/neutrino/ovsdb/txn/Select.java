package dev.neutrino.ovsdb.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the rows matching {@code where}; {@code columns} empty means all columns. */
public record Select(String table, List<Condition> where, Optional<List<String>> columns) implements Operation {
    public Select {
        Objects.requireNonNull(table, "table");
        where = List.copyOf(where);
        columns = columns.map(List::copyOf);
    }

    /** Selects every row of {@code table}, every column. */
    public static Select from(String table) {
        return new Select(table, List.of(), Optional.empty());
    }

    /** Adds conditions (all must hold). */
    public Select where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        all.addAll(Arrays.asList(conditions));
        return new Select(table, all, columns);
    }

    public Select columns(String... names) {
        return new Select(table, where, Optional.of(List.of(names)));
    }

    @Override
    public String op() {
        return "select";
    }

    @Override
    public String describe() {
        return "select from " + table + (where.isEmpty() ? "" : " where " + where);
    }
}
