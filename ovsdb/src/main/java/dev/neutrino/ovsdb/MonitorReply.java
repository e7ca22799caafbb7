package dev.neutrino.ovsdb;

import dev.neutrino.ovsdb.monitor.TableUpdates;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The reply to {@code monitor_cond} or {@code monitor_cond_since}.
 *
 * @param found true when {@code monitor_cond_since} found the given transaction id: {@code updates}
 *              then holds only the changes since it (insert/modify/delete); false means {@code updates}
 *              holds every row ("initial") and replaces what the client had
 * @param lastTxnId the id of the last transaction the reply covers, when the server tracks them
 *                  (clustered databases); empty for {@code monitor_cond} and for a zero id
 */
public record MonitorReply(boolean found, Optional<UUID> lastTxnId, TableUpdates updates) {
    public MonitorReply {
        Objects.requireNonNull(lastTxnId, "lastTxnId");
        Objects.requireNonNull(updates, "updates");
    }
}
