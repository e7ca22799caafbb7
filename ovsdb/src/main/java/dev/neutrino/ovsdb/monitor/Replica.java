package dev.neutrino.ovsdb.monitor;

import dev.neutrino.ovsdb.schema.ColumnSchema;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbValue;
import dev.neutrino.ovsdb.value.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory copy of the monitored tables of one database, kept current by {@code update2} /
 * {@code update3} notifications. Rows hold every monitored column (ovsdb-server leaves out columns
 * that have their default value; the replica fills them in) plus {@code _uuid}.
 *
 * <p>Only the connection's reader thread writes ({@link #apply}, {@link #reload}); any thread may read
 * and wait ({@link #awaitUntil}).
 */
public final class Replica {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    private final DatabaseSchema schema;
    private final Map<String, List<String>> monitoredColumns;
    private final Map<String, TableReplica> tables;
    private final List<RowListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    /**
     * @param requests what is monitored: the replica has a table for each, with the requested columns
     *                 (all of the table's columns when none were named)
     */
    public Replica(DatabaseSchema schema, List<MonitorRequest> requests) {
        this.schema = schema;
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, TableReplica> replicas = new LinkedHashMap<>();
        for (MonitorRequest request : requests) {
            TableSchema table = schema.requireTable(request.table());
            List<String> names = request.columns().isEmpty() ? List.copyOf(table.columns().keySet()) : request.columns();
            names.forEach(table::requireColumn);
            columns.merge(request.table(), names, (a, b) -> {
                List<String> union = new ArrayList<>(a);
                b.stream().filter(n -> !union.contains(n)).forEach(union::add);
                return List.copyOf(union);
            });
            replicas.putIfAbsent(request.table(), new TableReplica(request.table()));
        }
        this.monitoredColumns = Collections.unmodifiableMap(columns);
        this.tables = Collections.unmodifiableMap(replicas);
    }

    private Replica(Replica source) {
        this.schema = source.schema;
        this.monitoredColumns = source.monitoredColumns;
        Map<String, TableReplica> copies = new LinkedHashMap<>();
        source.tables.forEach((name, table) -> copies.put(name, table.copy()));
        this.tables = Collections.unmodifiableMap(copies);
    }

    /**
     * A copy of the replica as it is now, between two applied updates, which no later update
     * changes: for reading many tables as one moment of the database while the reader thread goes
     * on applying (it has no listeners and no indexes). Costs one map copy per table.
     */
    public Replica snapshot() {
        lock.lock();
        try {
            return new Replica(this);
        } finally {
            lock.unlock();
        }
    }

    public DatabaseSchema schema() {
        return schema;
    }

    /** The names of the replicated tables. */
    public Set<String> tableNames() {
        return tables.keySet();
    }

    /** @throws IllegalArgumentException for a table that is not monitored */
    public TableReplica table(String name) {
        TableReplica table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("table " + name + " is not monitored (monitored: " + tables.keySet() + ")");
        }
        return table;
    }

    /** The row with this UUID in {@code table}. */
    public Optional<Row> row(String table, UUID uuid) {
        return table(table).row(uuid);
    }

    /**
     * A secondary index over {@code table}, built from its current rows and kept current by every
     * later change (see {@link TableReplica.Index}).
     */
    public TableReplica.Index index(String table, java.util.function.Function<Row, ?> key) {
        TableReplica replica = table(table);
        lock.lock();
        try {
            return replica.addIndex(key);
        } finally {
            lock.unlock();
        }
    }

    public void addListener(RowListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RowListener listener) {
        listeners.remove(listener);
    }

    /**
     * Waits until {@code condition} holds for this replica (it is checked now and after every change).
     *
     * @return whether it held before the timeout
     */
    public boolean awaitUntil(Predicate<Replica> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!condition.test(this)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies a batch of row updates (one notification, or the changes a {@code monitor_cond_since}
     * reply sends), then tells the listeners.
     */
    public void apply(TableUpdates updates) {
        List<Consumer<RowListener>> events = new ArrayList<>();
        lock.lock();
        try {
            updates.tables().forEach((table, rows) -> {
                TableReplica replica = tables.get(table);
                if (replica == null) {
                    LOG.warn("update for table {} that is not monitored; ignored", table);
                    return;
                }
                rows.forEach((uuid, update) -> applyOne(replica, uuid, update, events));
            });
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        fire(events);
    }

    /**
     * Replaces the whole content with {@code initial} (the rows of a fresh {@code monitor_cond}
     * reply) and tells the listeners the difference: rows that appeared are inserts, rows that
     * changed are updates, rows that are gone are deletes.
     */
    public void reload(TableUpdates initial) {
        List<Consumer<RowListener>> events = new ArrayList<>();
        lock.lock();
        try {
            for (TableReplica replica : tables.values()) {
                Map<UUID, RowUpdate> fresh = initial.tables().getOrDefault(replica.name(), Map.of());
                Set<UUID> seen = new HashSet<>();
                fresh.forEach((uuid, update) -> {
                    seen.add(uuid);
                    Row row = fullRow(replica.name(), uuid, update.row());
                    Row old = replica.put(uuid, row);
                    if (old == null) {
                        events.add(listener -> listener.onInsert(replica.name(), row));
                    } else if (!old.equals(row)) {
                        events.add(listener -> listener.onUpdate(replica.name(), old, row));
                    }
                });
                for (UUID uuid : replica.uuids()) {
                    if (!seen.contains(uuid)) {
                        Row old = replica.remove(uuid);
                        events.add(listener -> listener.onDelete(replica.name(), old));
                    }
                }
            }
            initial.tables().keySet().stream().filter(t -> !tables.containsKey(t))
                    .forEach(t -> LOG.warn("initial rows for table {} that is not monitored; ignored", t));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        fire(events);
    }

    private void applyOne(TableReplica replica, UUID uuid, RowUpdate update, List<Consumer<RowListener>> events) {
        String table = replica.name();
        switch (update.kind()) {
            case INITIAL, INSERT -> {
                Row row = fullRow(table, uuid, update.row());
                Row old = replica.put(uuid, row);
                if (old == null) {
                    events.add(listener -> listener.onInsert(table, row));
                } else if (!old.equals(row)) {
                    events.add(listener -> listener.onUpdate(table, old, row));
                }
            }
            case MODIFY -> {
                Optional<Row> old = replica.row(uuid);
                if (old.isEmpty()) {
                    LOG.warn("modify of unknown row {} in {}; taking the diff as the row", uuid, table);
                    Row row = fullRow(table, uuid, update.row());
                    replica.put(uuid, row);
                    events.add(listener -> listener.onInsert(table, row));
                    return;
                }
                Row row = Update2Diff.apply(old.get(), update.row(), schema.table(table));
                replica.put(uuid, row);
                events.add(listener -> listener.onUpdate(table, old.get(), row));
            }
            case DELETE -> {
                Row old = replica.remove(uuid);
                if (old != null) {
                    events.add(listener -> listener.onDelete(table, old));
                }
            }
        }
    }

    /** {@code _uuid}, then every monitored column: its value from {@code values}, else its default. */
    private Row fullRow(String table, UUID uuid, Row values) {
        TableSchema tableSchema = schema.requireTable(table);
        Map<String, OvsdbValue> columns = new LinkedHashMap<>();
        columns.put(Row.UUID_COLUMN, Atom.of(uuid));
        for (String column : monitoredColumns.get(table)) {
            ColumnSchema columnSchema = tableSchema.requireColumn(column);
            columns.put(column, values.value(column).orElseGet(() -> columnSchema.type().defaultValue()));
        }
        values.columns().forEach(columns::putIfAbsent);
        return Row.of(columns);
    }

    private void fire(List<Consumer<RowListener>> events) {
        for (Consumer<RowListener> event : events) {
            for (RowListener listener : listeners) {
                try {
                    event.accept(listener);
                } catch (RuntimeException e) {
                    LOG.warn("row listener {} failed", listener, e);
                }
            }
        }
    }
}
