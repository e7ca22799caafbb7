package dev.neutrino.ovsdb;

import dev.neutrino.ovsdb.monitor.TableUpdates;
import java.util.Optional;
import java.util.UUID;

/**
 * Receives what one monitor reports, on the connection's reader thread and in order: first the
 * reply, then each {@code update2}/{@code update3} notification.
 */
public interface MonitorHandler {
    /** The monitor request's reply (see {@link MonitorReply#found()}). */
    void onReply(MonitorReply reply);

    /** One transaction's changes; {@code lastTxnId} is that transaction's id ({@code update3} only). */
    void onUpdate(TableUpdates updates, Optional<UUID> lastTxnId);

    /** The server canceled the monitor ({@code monitor_canceled}, e.g. its database was removed). */
    default void onCanceled() {}
}
