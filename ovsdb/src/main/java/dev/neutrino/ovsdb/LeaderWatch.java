package dev.neutrino.ovsdb;

import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.monitor.RowListener;
import dev.neutrino.ovsdb.monitor.TableUpdates;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.value.Row;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For leader-only clients: reads the database's row of the {@code _Server} database's
 * {@code Database} table through a monitor, refuses a server that is not the leader of a clustered
 * database (or is cut off from its cluster), and closes the connection when the server later stops
 * being the leader, so that the client moves on to the next remote.
 */
final class LeaderWatch {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderWatch.class);
    private static final String SERVER_DB = "_Server";
    private static final String TABLE = "Database";
    private static final String MONITOR_ID = "neutrino-leader-watch";

    private LeaderWatch() {}

    /** The server answered, but is not the leader of the database (or is cut off from its cluster). */
    static final class NotLeader extends OvsdbConnectionException {
        private static final long serialVersionUID = 1L;

        NotLeader(String message) {
            super(message);
        }
    }

    /**
     * @throws NotLeader when this server is not the leader of {@code database}
     * @throws OvsdbConnectionException when it is not usable otherwise
     */
    static void start(OvsdbConnection connection, String database, OvsdbClient.Awaiter awaiter) throws InterruptedException {
        DatabaseSchema schema = awaiter.await(connection.getSchema(SERVER_DB));
        List<MonitorRequest> requests = List.of(MonitorRequest.table(TABLE)
                .columns("name", "model", "connected", "leader")
                .where(Condition.equal("name", database)));
        Replica replica = new Replica(schema, requests);
        awaiter.await(connection.monitorCond(schema, MONITOR_ID, requests, new MonitorHandler() {
            @Override
            public void onReply(MonitorReply reply) {
                replica.reload(reply.updates());
            }

            @Override
            public void onUpdate(TableUpdates updates, Optional<UUID> lastTxnId) {
                replica.apply(updates);
            }
        }));
        Row row = replica.table(TABLE).rows().stream().findFirst().orElseThrow(() ->
                new OvsdbConnectionException(connection.description() + " does not serve database " + database));
        problem(row, database).ifPresent(problem -> {
            throw new NotLeader(connection.description() + " " + problem);
        });
        replica.addListener(new RowListener() {
            @Override
            public void onUpdate(String table, Row oldRow, Row newRow) {
                problem(newRow, database).ifPresent(problem -> {
                    LOG.info("{} {}; reconnecting", connection.description(), problem);
                    connection.close();
                });
            }

            @Override
            public void onDelete(String table, Row row) {
                LOG.info("{} no longer serves {}; reconnecting", connection.description(), database);
                connection.close();
            }
        });
    }

    /** Why a server with this {@code Database} row is not usable, if it is not. */
    static Optional<String> problem(Row row, String database) {
        if (!"clustered".equals(row.getString("model"))) {
            return Optional.empty();
        }
        if (!row.getBoolean("connected")) {
            return Optional.of("is not connected to the cluster of " + database);
        }
        if (!row.getBoolean("leader")) {
            return Optional.of("is not the leader of " + database);
        }
        return Optional.empty();
    }
}
