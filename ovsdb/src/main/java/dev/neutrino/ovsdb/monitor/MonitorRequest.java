package dev.neutrino.ovsdb.monitor;

import dev.neutrino.ovsdb.txn.Condition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What to monitor of one table (a {@code <monitor-cond-request>}): the columns (none given means all
 * columns), the rows ({@code where}: a row is reported when it matches any condition; none given means
 * all rows) and the kinds of change.
 */
public record MonitorRequest(String table, List<String> columns, List<Condition> where, MonitorSelect select) {
    public MonitorRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(select, "select");
        columns = List.copyOf(columns);
        where = List.copyOf(where);
    }

    /** Every column of every row of {@code table}, every kind of change. */
    public static MonitorRequest table(String table) {
        return new MonitorRequest(table, List.of(), List.of(), MonitorSelect.ALL);
    }

    public MonitorRequest columns(String... names) {
        return new MonitorRequest(table, List.of(names), where, select);
    }

    /** Adds conditions; a row is monitored when it matches any of them. */
    public MonitorRequest where(Condition... conditions) {
        List<Condition> all = new ArrayList<>(where);
        all.addAll(Arrays.asList(conditions));
        return new MonitorRequest(table, columns, all, select);
    }

    public MonitorRequest select(MonitorSelect value) {
        return new MonitorRequest(table, columns, where, value);
    }
}
