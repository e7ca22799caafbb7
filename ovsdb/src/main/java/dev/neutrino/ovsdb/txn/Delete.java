package dev.neutrino.ovsdb.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Deletes the rows matching {@code where}. */
public record Delete(String table, List<Condition> where) implements Operation {
    public Delete {
        Objects.requireNonNull(table, "table");
        where = List.copyOf(where);
    }

    public static Delete from(String table) {
        return new Delete(table, List.of());
    }

    public Delete where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        all.addAll(Arrays.asList(conditions));
        return new Delete(table, all);
    }

    @Override
    public String op() {
        return "delete";
    }

    @Override
    public String describe() {
        return "delete from " + table + (where.isEmpty() ? "" : " where " + where);
    }
}
