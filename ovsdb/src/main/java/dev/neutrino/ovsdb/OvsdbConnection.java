package dev.neutrino.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.neutrino.ovsdb.codec.SchemaParser;
import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.error.OvsdbRpcException;
import dev.neutrino.ovsdb.jsonrpc.JsonRpcConnection;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.MonitorRequestEncoder;
import dev.neutrino.ovsdb.monitor.TableUpdatesParser;
import dev.neutrino.ovsdb.remote.Remote;
import dev.neutrino.ovsdb.remote.OvsdbTls;
import dev.neutrino.ovsdb.remote.SocketTransport;
import dev.neutrino.ovsdb.remote.Transport;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.txn.Operation;
import dev.neutrino.ovsdb.txn.OperationEncoder;
import dev.neutrino.ovsdb.txn.OvsdbTransactionException;
import dev.neutrino.ovsdb.txn.TransactionResult;
import dev.neutrino.ovsdb.txn.TransactionResultParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live connection to an OVSDB server and its RPC methods (RFC 7047 section 4.1 and the
 * ovsdb-server(7) extensions). It does not reconnect: {@link OvsdbClient} does that on top.
 *
 * <p>Every method returns a future completed on the reader thread; error replies fail it with
 * {@link OvsdbRpcException} (or {@link OvsdbTransactionException} for {@code transact}), a lost
 * connection with {@link OvsdbConnectionException}. ovsdb-server sends the updates a transaction
 * causes to this connection's monitors before the transaction's reply, so when a {@code transact}
 * future completes its changes are already in the monitors' replicas.
 */
public final class OvsdbConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OvsdbConnection.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final UUID ZERO_UUID = new UUID(0, 0);
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A raw notification: method and params (e.g. {@code update} of a plain {@code monitor}). */
    @FunctionalInterface
    public interface NotificationListener {
        void onNotification(String method, JsonNode params);
    }

    private record Subscription(DatabaseSchema schema, MonitorHandler handler) {}

    private final JsonRpcConnection rpc;
    private final Map<String, Subscription> monitors = new ConcurrentHashMap<>();
    private final List<NotificationListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean monitorCondSinceUnsupported;

    private OvsdbConnection(Transport transport) {
        this.rpc = JsonRpcConnection.start(transport, MAPPER, this::onNotification);
    }

    /** Connects to one unix: or tcp: remote. @throws OvsdbConnectionException when it cannot */
    public static OvsdbConnection open(Remote remote, Duration connectTimeout) {
        return open(remote, connectTimeout, Optional.empty());
    }

    /**
     * Connects to one remote, an {@code ssl:} one with {@code tls}'s certificates.
     *
     * @throws OvsdbConnectionException when it cannot
     */
    public static OvsdbConnection open(Remote remote, Duration connectTimeout, Optional<OvsdbTls> tls) {
        return new OvsdbConnection(SocketTransport.connect(remote, connectTimeout, tls));
    }

    /** Runs the protocol over an already connected transport. */
    public static OvsdbConnection open(Transport transport) {
        return new OvsdbConnection(transport);
    }

    public String description() {
        return rpc.description();
    }

    /** {@code list_dbs}: the names of the databases the server has. */
    public CompletableFuture<List<String>> listDbs() {
        return rpc.call("list_dbs", NODES.arrayNode(), result -> {
            List<String> names = new ArrayList<>();
            result.forEach(name -> names.add(name.asText()));
            return List.copyOf(names);
        });
    }

    /** {@code get_schema}: the schema of {@code database}. */
    public CompletableFuture<DatabaseSchema> getSchema(String database) {
        return rpc.call("get_schema", NODES.arrayNode().add(database), SchemaParser::parse);
    }

    /**
     * {@code transact} on {@code database}; selected rows keep the shapes found on the wire. Prefer
     * {@link #transact(DatabaseSchema, List)} for rows in their columns' canonical shapes.
     */
    public CompletableFuture<TransactionResult> transact(String database, List<Operation> operations) {
        List<Operation> ops = List.copyOf(operations);
        return rpc.call("transact", OperationEncoder.transactParams(database, ops),
                result -> TransactionResultParser.parse(ops, result, Optional.empty()));
    }

    /** {@code transact} on the schema's database; selected rows are decoded with the schema. */
    public CompletableFuture<TransactionResult> transact(DatabaseSchema schema, List<Operation> operations) {
        List<Operation> ops = List.copyOf(operations);
        return rpc.call("transact", OperationEncoder.transactParams(schema.name(), ops),
                result -> TransactionResultParser.parse(ops, result, Optional.of(schema)));
    }

    /**
     * Starts a monitor with {@code monitor_cond_since} when the server has it (passing
     * {@code lastTxnId} so that only the changes since then come back), else with {@code monitor_cond}.
     */
    public CompletableFuture<MonitorReply> monitor(DatabaseSchema schema, String monitorId,
                                                   List<MonitorRequest> requests, Optional<UUID> lastTxnId,
                                                   MonitorHandler handler) {
        if (monitorCondSinceUnsupported) {
            return monitorCond(schema, monitorId, requests, handler);
        }
        return monitorCondSince(schema, monitorId, requests, lastTxnId, handler)
                .exceptionallyCompose(failure -> {
                    if (unwrap(failure) instanceof OvsdbRpcException rpcError && rpcError.error().equals("unknown method")) {
                        LOG.info("{} has no monitor_cond_since; using monitor_cond", description());
                        monitorCondSinceUnsupported = true;
                        return monitorCond(schema, monitorId, requests, handler);
                    }
                    return CompletableFuture.failedFuture(failure);
                });
    }

    /** {@code monitor_cond}: the reply holds every matching row; changes come as {@code update2}. */
    public CompletableFuture<MonitorReply> monitorCond(DatabaseSchema schema, String monitorId,
                                                       List<MonitorRequest> requests, MonitorHandler handler) {
        ArrayNode params = NODES.arrayNode().add(schema.name()).add(monitorId).add(MonitorRequestEncoder.encode(requests));
        return startMonitor("monitor_cond", params, schema, monitorId, handler, result ->
                new MonitorReply(false, Optional.empty(), TableUpdatesParser.parse(result, schema)));
    }

    /**
     * {@code monitor_cond_since}: with a {@code lastTxnId} the server still knows, the reply holds
     * only the changes since; changes come as {@code update3}.
     */
    public CompletableFuture<MonitorReply> monitorCondSince(DatabaseSchema schema, String monitorId,
                                                            List<MonitorRequest> requests, Optional<UUID> lastTxnId,
                                                            MonitorHandler handler) {
        ArrayNode params = NODES.arrayNode().add(schema.name()).add(monitorId).add(MonitorRequestEncoder.encode(requests))
                .add(lastTxnId.orElse(ZERO_UUID).toString());
        return startMonitor("monitor_cond_since", params, schema, monitorId, handler, result -> {
            if (!result.isArray() || result.size() != 3) {
                throw new OvsdbProtocolException("monitor_cond_since reply is not [found, last-txn-id, updates]: " + result);
            }
            return new MonitorReply(result.get(0).asBoolean(), txnId(result.get(1)),
                    TableUpdatesParser.parse(result.get(2), schema));
        });
    }

    private CompletableFuture<MonitorReply> startMonitor(String method, ArrayNode params, DatabaseSchema schema,
                                                         String monitorId, MonitorHandler handler,
                                                         Function<JsonNode, MonitorReply> parse) {
        if (monitors.putIfAbsent(monitorId, new Subscription(schema, handler)) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("monitor id " + monitorId + " is in use"));
        }
        CompletableFuture<MonitorReply> reply = rpc.call(method, params, result -> {
            MonitorReply parsed = parse.apply(result);
            handler.onReply(parsed);
            return parsed;
        });
        return reply.whenComplete((ok, failure) -> {
            if (failure != null) {
                monitors.remove(monitorId);
            }
        });
    }

    /** {@code monitor_cancel}: stops a monitor. */
    public CompletableFuture<Void> monitorCancel(String monitorId) {
        return rpc.call("monitor_cancel", NODES.arrayNode().add(monitorId), result -> {
            monitors.remove(monitorId);
            return null;
        });
    }

    /** {@code echo}: completes when the server answered. */
    public CompletableFuture<Void> echo() {
        return rpc.call("echo", NODES.arrayNode().add("neutrino"), result -> null);
    }

    /** {@code get_server_id}: a UUID that changes when the server process restarts. */
    public CompletableFuture<String> getServerId() {
        return rpc.call("get_server_id", NODES.arrayNode(), JsonNode::asText);
    }

    /**
     * {@code lock} (RFC 7047 4.1.8): asks for the lock {@code id}. True when this connection got it
     * at once; false when it waits behind another holder, in which case a {@code locked}
     * notification follows when it gets it. A lock lives as long as the connection.
     */
    public CompletableFuture<Boolean> lock(String id) {
        return rpc.call("lock", NODES.arrayNode().add(id), result -> result.path("locked").asBoolean(false));
    }

    /**
     * {@code steal} (4.1.9): takes the lock {@code id} from whoever holds it (they get a
     * {@code stolen} notification). Always true.
     */
    public CompletableFuture<Boolean> steal(String id) {
        return rpc.call("steal", NODES.arrayNode().add(id), result -> result.path("locked").asBoolean(false));
    }

    /** {@code unlock} (4.1.10): gives the lock {@code id} up, or stops waiting for it. */
    public CompletableFuture<Void> unlock(String id) {
        return rpc.call("unlock", NODES.arrayNode().add(id), result -> null);
    }

    /** Listens to every notification, including those routed to monitors. */
    public void addNotificationListener(NotificationListener listener) {
        listeners.add(listener);
    }

    public boolean isOpen() {
        return rpc.isOpen();
    }

    /** Completes once the connection is closed by either side. */
    public CompletableFuture<Void> closed() {
        return rpc.closed();
    }

    /** Why the connection closed; null while open or when closed by {@link #close()}. */
    public Throwable closeCause() {
        return rpc.closeCause();
    }

    /** How long since the server last sent anything. */
    public Duration idleTime() {
        return rpc.idleTime();
    }

    @Override
    public void close() {
        rpc.close();
    }

    private void onNotification(String method, JsonNode params) {
        for (NotificationListener listener : listeners) {
            try {
                listener.onNotification(method, params);
            } catch (RuntimeException e) {
                LOG.warn("notification listener failed on {}", method, e);
            }
        }
        switch (method) {
            case "locked", "stolen" -> {
                // for the lock's own listener (added with addNotificationListener)
            }
            case "update2" -> {
                Subscription subscription = subscription(params, 2);
                if (subscription != null) {
                    subscription.handler().onUpdate(TableUpdatesParser.parse(params.get(1), subscription.schema()),
                            Optional.empty());
                }
            }
            case "update3" -> {
                Subscription subscription = subscription(params, 3);
                if (subscription != null) {
                    subscription.handler().onUpdate(TableUpdatesParser.parse(params.get(2), subscription.schema()),
                            txnId(params.get(1)));
                }
            }
            case "monitor_canceled" -> {
                Subscription subscription = params.size() >= 1 ? monitors.remove(params.get(0).asText()) : null;
                if (subscription != null) {
                    subscription.handler().onCanceled();
                }
            }
            default -> {
                if (listeners.isEmpty()) {
                    LOG.debug("ignoring {} notification from {}", method, description());
                }
            }
        }
    }

    private Subscription subscription(JsonNode params, int size) {
        if (!params.isArray() || params.size() != size) {
            throw new OvsdbProtocolException("bad update notification params: " + params);
        }
        Subscription subscription = monitors.get(params.get(0).asText());
        if (subscription == null) {
            LOG.debug("update for unknown monitor {} from {}", params.get(0), description());
        }
        return subscription;
    }

    private static Optional<UUID> txnId(JsonNode json) {
        try {
            UUID id = UUID.fromString(json.asText());
            return id.equals(ZERO_UUID) ? Optional.empty() : Optional.of(id);
        } catch (IllegalArgumentException e) {
            throw new OvsdbProtocolException("bad transaction id: " + json, e);
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
