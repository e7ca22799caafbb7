package dev.neutrino.ovsdb;

import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import dev.neutrino.ovsdb.error.OvsdbException;
import dev.neutrino.ovsdb.error.OvsdbRpcException;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.monitor.RowListener;
import dev.neutrino.ovsdb.remote.Remote;
import dev.neutrino.ovsdb.remote.RemoteList;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.txn.Operation;
import dev.neutrino.ovsdb.txn.OvsdbTransactionException;
import dev.neutrino.ovsdb.txn.TransactionResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-lived OVSDB client: keeps one connection to one of its remotes, reconnects with backoff when
 * it drops (moving on to the next remote), restores its {@link Monitor}s on every new connection and,
 * when asked, stays on the leader of a clustered database.
 *
 * <p>Requests made while disconnected wait for the next connection (up to
 * {@link OvsdbClientOptions#awaitConnection()}); requests in flight when the connection drops fail with
 * {@link OvsdbConnectionException}. Futures complete on the connection's reader thread: don't block
 * there on another request of this client.
 *
 * <pre>{@code
 * try (OvsdbClient client = OvsdbClient.connect(OvsdbClientOptions.of("unix:/var/run/ovn/ovnnb_db.sock"))) {
 *     Monitor switches = client.monitor("OVN_Northbound", List.of(MonitorRequest.table("Logical_Switch"))).join();
 *     TransactionResult result = client.transact("OVN_Northbound",
 *             Insert.into("Logical_Switch").uuidName("ls").set("name", "sw0")).join();
 *     Row row = switches.replica().row("Logical_Switch", result.uuidOf("ls")).orElseThrow(); // already there
 * }
 * }</pre>
 */
public final class OvsdbClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OvsdbClient.class);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final OvsdbClientOptions options;
    private final String name;
    private final List<Monitor> monitors = new CopyOnWriteArrayList<>();
    private final List<OvsdbLock> locks = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<DatabaseSchema>> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger monitorIds = new AtomicInteger();
    private final Thread supervisor;
    private volatile CompletableFuture<OvsdbConnection> ready = new CompletableFuture<>();
    private volatile OvsdbConnection current;
    private volatile Remote currentRemote;
    private volatile boolean closed;

    private OvsdbClient(OvsdbClientOptions options) {
        this.options = options;
        this.name = "ovsdb-client-" + CLIENTS.incrementAndGet();
        if (options.tls().isEmpty() && options.remotes().remotes().stream().anyMatch(r -> r instanceof Remote.Ssl)) {
            throw new OvsdbConnectionException("ssl: remotes need TLS settings (a CA certificate, and a client private "
                    + "key and certificate): " + options.remotes());
        }
        this.supervisor = Thread.ofVirtual().name(name + " supervisor").unstarted(this::supervise);
    }

    /** Starts connecting in the background and returns at once. */
    public static OvsdbClient start(OvsdbClientOptions options) {
        OvsdbClient client = new OvsdbClient(options);
        client.supervisor.start();
        return client;
    }

    /**
     * Starts connecting and waits for the first connection, up to {@link OvsdbClientOptions#awaitConnection()}.
     *
     * @throws OvsdbConnectionException when no remote could be reached in that time (the client is closed)
     */
    public static OvsdbClient connect(OvsdbClientOptions options) {
        OvsdbClient client = start(options);
        try {
            client.awaitConnected(options.awaitConnection());
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Shorthand for {@code connect(OvsdbClientOptions.of(connection))}. */
    public static OvsdbClient connect(String connection) {
        return connect(OvsdbClientOptions.of(connection));
    }

    public OvsdbClientOptions options() {
        return options;
    }

    /**
     * Waits until connected (with every monitor restored).
     *
     * @throws OvsdbConnectionException on timeout, interruption or when the client is closed
     */
    public OvsdbClient awaitConnected(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (TimeoutException e) {
            throw new OvsdbConnectionException("not connected to any of " + options.remotes() + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OvsdbConnectionException("interrupted while waiting for a connection", e);
        } catch (ExecutionException e) {
            throw new OvsdbConnectionException("no connection: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public boolean isConnected() {
        return ready.isDone() && !ready.isCompletedExceptionally() && ready.join().isOpen();
    }

    /** The remote connected to now, if any. */
    public Optional<Remote> connectedRemote() {
        return isConnected() ? Optional.ofNullable(currentRemote) : Optional.empty();
    }

    public void addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
    }

    public void removeConnectionListener(ConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    /** {@code list_dbs}. */
    public CompletableFuture<List<String>> listDbs() {
        return withConnection(OvsdbConnection::listDbs);
    }

    /** The schema of {@code database}, fetched once per connection. */
    public CompletableFuture<DatabaseSchema> getSchema(String database) {
        return withConnection(connection -> schemaOn(connection, database));
    }

    /** {@code transact}; selected rows come decoded with the database's schema. */
    public CompletableFuture<TransactionResult> transact(String database, Operation... operations) {
        return transact(database, Arrays.asList(operations));
    }

    /**
     * {@code transact}; selected rows come decoded with the database's schema. When the future
     * completes, this client's monitors already hold the transaction's changes.
     *
     * @return a future failing with {@link OvsdbTransactionException} when an operation or the commit failed
     */
    public CompletableFuture<TransactionResult> transact(String database, List<Operation> operations) {
        List<Operation> ops = List.copyOf(operations);
        return withConnection(connection -> schemaOn(connection, database)
                .thenCompose(schema -> connection.transact(schema, ops)));
    }

    /**
     * Starts a monitor of {@code database} with a replica of the requested tables; the future
     * completes once the replica holds the initial rows (the listeners hear of them as inserts).
     */
    public CompletableFuture<Monitor> monitor(String database, List<MonitorRequest> requests, RowListener... listeners) {
        List<MonitorRequest> copy = List.copyOf(requests);
        return getSchema(database).thenCompose(schema -> {
            Replica replica = new Replica(schema, copy);
            Arrays.asList(listeners).forEach(replica::addListener);
            Monitor monitor = new Monitor(this, name + "-m" + monitorIds.incrementAndGet(), replica, copy);
            monitors.add(monitor);
            OvsdbConnection connection = current;
            if (connection != null) {
                monitor.subscribe(connection);
            }
            if (closed) {
                monitor.started().completeExceptionally(new OvsdbConnectionException("client is closed"));
            }
            return monitor.started();
        });
    }

    /** The monitors started and not closed. */
    public List<Monitor> monitors() {
        return List.copyOf(monitors);
    }

    void removeMonitor(Monitor monitor) {
        if (monitors.remove(monitor)) {
            monitor.unsubscribe(current);
        }
    }

    /**
     * The OVSDB lock {@code id} for this client: asked for on the current connection and on every
     * later one, so that one client at a time, across processes, holds it (see {@link OvsdbLock}).
     */
    public OvsdbLock lock(String id) {
        OvsdbLock lock = new OvsdbLock(this, id);
        locks.add(lock);
        OvsdbConnection connection = current;
        if (connection != null && ready.isDone() && !ready.isCompletedExceptionally()) lock.connected(connection);
        return lock;
    }

    void removeLock(OvsdbLock lock) {
        locks.remove(lock);
    }

    /** Stops reconnecting, closes the connection and fails whatever waits for one. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.interrupt();
        OvsdbConnection connection = current;
        if (connection != null) {
            connection.close();
        }
        OvsdbConnectionException closedError = new OvsdbConnectionException("client is closed");
        ready.completeExceptionally(closedError);
        monitors.forEach(m -> m.started().completeExceptionally(closedError));
        try {
            supervisor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> CompletableFuture<T> withConnection(Function<OvsdbConnection, CompletableFuture<T>> request) {
        if (closed) {
            return CompletableFuture.failedFuture(new OvsdbConnectionException("client is closed"));
        }
        CompletableFuture<OvsdbConnection> connection = ready;
        if (!connection.isDone()) {
            connection = connection.copy().orTimeout(options.awaitConnection().toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                            OvsdbConnection.unwrap(e) instanceof TimeoutException
                                    ? new OvsdbConnectionException("no connection to " + options.remotes()
                                    + " within " + options.awaitConnection())
                                    : OvsdbConnection.unwrap(e)));
        }
        return connection.thenCompose(request);
    }

    private CompletableFuture<DatabaseSchema> schemaOn(OvsdbConnection connection, String database) {
        CompletableFuture<DatabaseSchema> schema = schemas.computeIfAbsent(database, db -> connection.getSchema(db));
        schema.whenComplete((ok, failure) -> {
            if (failure != null) {
                schemas.remove(database, schema);
            }
        });
        return schema;
    }

    // ---- the supervisor: connect, set up, watch, reconnect ------------------------------------

    private void supervise() {
        RemoteList remotes = options.remotes();
        int next = 0;
        int failedAttempts = 0;
        int failedRounds = 0;
        int backoffStep = 0;
        boolean answered = false; // in this round, a server answered that it is not the leader
        while (!closed) {
            Remote remote = remotes.get(next);
            next = (next + 1) % remotes.size();
            OvsdbConnection connection = null;
            try {
                connection = OvsdbConnection.open(remote, options.connectTimeout(), options.tls());
                setUp(connection, remote);
                failedAttempts = 0;
                failedRounds = 0;
                backoffStep = 0;
                answered = false;
                watch(connection);
                Throwable cause = connection.closeCause();
                LOG.info("{}: connection to {} lost{}", name, remote, cause == null ? "" : ": " + cause.getMessage());
                for (OvsdbLock lock : locks) lock.disconnected(connection);
                fireDisconnected(remote, cause);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                Throwable cause = OvsdbConnection.unwrap(e);
                if (!closed && failedRounds == 0) {
                    LOG.info("{}: cannot use {}: {}", name, remote, cause.getMessage());
                } else if (!closed) {
                    LOG.debug("{}: cannot use {}: {}", name, remote, cause.getMessage());
                }
                failedAttempts++;
                answered |= cause instanceof LeaderWatch.NotLeader;
            } finally {
                if (connection != null) for (OvsdbLock lock : locks) lock.disconnected(connection);
                tearDown(connection);
            }
            if (closed) {
                break;
            }
            if (failedAttempts >= remotes.size()) {
                failedAttempts = 0;
                // servers that answer without a leader among them are electing one (or wait for a
                // majority): ask again at the first step rather than back off as from servers that are down
                Duration delay = answered ? options.backoff().initial() : options.backoff().delay(backoffStep++);
                failedRounds++;
                answered = false;
                LOG.debug("{}: no remote usable, retrying in {} ms", name, delay.toMillis());
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        LOG.debug("{}: supervisor stopped", name);
    }

    /** Leader check, then restores every monitor, then lets requests through. */
    private void setUp(OvsdbConnection connection, Remote remote) throws InterruptedException {
        if (options.leaderOnly().isPresent()) {
            LeaderWatch.start(connection, options.leaderOnly().get(), this::await);
        }
        schemas.clear();
        current = connection;
        currentRemote = remote;
        for (Monitor monitor : monitors) {
            try {
                await(monitor.subscribe(connection));
            } catch (OvsdbRpcException e) {
                // the monitor removed itself and failed its future; the connection is fine
            }
        }
        ready.complete(connection);
        for (OvsdbLock lock : locks) lock.connected(connection);
        LOG.info("{}: connected to {}", name, remote);
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.onConnected(remote);
            } catch (RuntimeException e) {
                LOG.warn("connection listener failed", e);
            }
        }
    }

    /** Blocks until the connection closes, probing it with echo when it is idle. */
    private void watch(OvsdbConnection connection) throws InterruptedException {
        Duration probe = options.probeInterval();
        CompletableFuture<Void> closedSignal = connection.closed();
        while (!closed && connection.isOpen()) {
            try {
                if (probe.isZero()) {
                    closedSignal.get();
                } else {
                    closedSignal.get(probe.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (TimeoutException e) {
                if (connection.idleTime().compareTo(probe) >= 0) {
                    try {
                        connection.echo().get(probe.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException probeFailure) {
                        LOG.warn("{}: {} did not answer echo within {} ms; reconnecting", name,
                                connection.description(), probe.toMillis());
                        connection.close();
                    }
                }
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    private void tearDown(OvsdbConnection connection) {
        if (connection == null) {
            return;
        }
        connection.close();
        if (current == connection) {
            current = null;
            currentRemote = null;
            schemas.clear();
            if (ready.isDone() && !closed) {
                ready = new CompletableFuture<>();
            }
        }
    }

    private void fireDisconnected(Remote remote, Throwable cause) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.onDisconnected(remote, cause);
            } catch (RuntimeException e) {
                LOG.warn("connection listener failed", e);
            }
        }
    }

    /** Waits for a future of a setup step, at most the connect timeout times four. */
    private <T> T await(CompletableFuture<T> future) throws InterruptedException {
        Duration limit = options.connectTimeout().multipliedBy(4);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = OvsdbConnection.unwrap(e);
            throw cause instanceof RuntimeException runtime ? runtime : new OvsdbException(cause.toString(), cause);
        } catch (TimeoutException e) {
            throw new OvsdbConnectionException("no answer within " + limit.toMillis() + " ms");
        }
    }

    @FunctionalInterface
    interface Awaiter {
        <T> T await(CompletableFuture<T> future) throws InterruptedException;
    }
}
