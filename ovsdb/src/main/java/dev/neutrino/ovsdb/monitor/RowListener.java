package dev.neutrino.ovsdb.monitor;

import dev.neutrino.ovsdb.value.Row;

/**
 * Hears about changes of a {@link Replica}'s rows. Rows carry their {@code _uuid}. Called on the
 * connection's reader thread, after the whole update (one transaction) was applied to the replica,
 * in the order of the update: a listener must not block there waiting for an answer from the same
 * client (e.g. {@code transact(...).join()}), or it waits forever. Exceptions are logged and ignored.
 */
public interface RowListener {
    default void onInsert(String table, Row row) {}

    default void onUpdate(String table, Row oldRow, Row newRow) {}

    default void onDelete(String table, Row row) {}
}
