package dev.neutrino.ovsdb.txn;

import dev.neutrino.ovsdb.value.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until the {@code columns} of the rows matching {@code where} are ({@code until} EQUAL) or are
 * not (NOT_EQUAL) exactly {@code rows}; with a timeout of zero it is a test that fails at once (the
 * usual optimistic-concurrency check). Without a timeout it may wait forever.
 */
public record Wait(String table, List<Condition> where, List<String> columns, Until until, List<Row> rows,
                   Optional<Duration> timeout) implements Operation {

    public enum Until {
        EQUAL("=="), NOT_EQUAL("!=");

        private final String symbol;

        Until(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public Wait {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(timeout, "timeout");
        where = List.copyOf(where);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A wait on {@code table} until EQUAL, with no condition, columns, rows or timeout yet. */
    public static Wait on(String table) {
        return new Wait(table, List.of(), List.of(), Until.EQUAL, List.of(), Optional.empty());
    }

    public Wait where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        all.addAll(Arrays.asList(conditions));
        return new Wait(table, all, columns, until, rows, timeout);
    }

    public Wait columns(String... names) {
        return new Wait(table, where, List.of(names), until, rows, timeout);
    }

    public Wait until(Until value) {
        return new Wait(table, where, columns, value, rows, timeout);
    }

    public Wait rows(Row... expected) {
        return new Wait(table, where, columns, until, List.of(expected), timeout);
    }

    public Wait timeout(Duration value) {
        return new Wait(table, where, columns, until, rows, Optional.of(value));
    }

    @Override
    public String op() {
        return "wait";
    }

    @Override
    public String describe() {
        return "wait on " + table + " until " + until.symbol() + " " + rows + (where.isEmpty() ? "" : " where " + where);
    }
}
