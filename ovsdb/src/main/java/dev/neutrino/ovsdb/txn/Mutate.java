package dev.neutrino.ovsdb.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Applies {@link Mutation}s to the rows matching {@code where}. */
public record Mutate(String table, List<Condition> where, List<Mutation> mutations) implements Operation {
    public Mutate {
        Objects.requireNonNull(table, "table");
        where = List.copyOf(where);
        mutations = List.copyOf(mutations);
    }

    public static Mutate table(String table) {
        return new Mutate(table, List.of(), List.of());
    }

    public Mutate where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        all.addAll(Arrays.asList(conditions));
        return new Mutate(table, all, mutations);
    }

    public Mutate mutate(Mutation... more) {
        List<Mutation> all = new ArrayList<>(mutations);
        all.addAll(Arrays.asList(more));
        return new Mutate(table, where, all);
    }

    @Override
    public String op() {
        return "mutate";
    }

    @Override
    public String describe() {
        return "mutate " + table + " " + mutations + (where.isEmpty() ? "" : " where " + where);
    }
}
