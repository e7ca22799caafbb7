package dev.neutrino.ovsdb;

import dev.neutrino.ovsdb.error.OvsdbRpcException;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.monitor.RowListener;
import dev.neutrino.ovsdb.monitor.TableUpdates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A monitor kept by an {@link OvsdbClient}: its {@link Replica} of the monitored tables stays current
 * across reconnects. After a reconnect the client asks for the changes since the last transaction
 * seen ({@code monitor_cond_since}); when the server cannot give them (or lacks the method), the
 * replica is reloaded and the listeners hear about the rows that changed meanwhile.
 */
public final class Monitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final OvsdbClient client;
    private final String id;
    private final List<MonitorRequest> requests;
    private final Replica replica;
    private final CompletableFuture<Monitor> started = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Optional<UUID> lastTxnId = Optional.empty();
    private final AtomicInteger fullLoads = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private OvsdbConnection subscribedOn;
    private CompletableFuture<MonitorReply> subscription;

    Monitor(OvsdbClient client, String id, Replica replica, List<MonitorRequest> requests) {
        this.client = client;
        this.id = id;
        this.replica = replica;
        this.requests = List.copyOf(requests);
    }

    /** The monitor's id on the wire ({@code <json-value>}). */
    public String id() {
        return id;
    }

    public String database() {
        return replica.schema().name();
    }

    public List<MonitorRequest> requests() {
        return requests;
    }

    public Replica replica() {
        return replica;
    }

    public void addListener(RowListener listener) {
        replica.addListener(listener);
    }

    public void removeListener(RowListener listener) {
        replica.removeListener(listener);
    }

    /** The id of the last transaction applied, when the server tracks them (clustered databases). */
    public Optional<UUID> lastTxnId() {
        return lastTxnId;
    }

    /** How many times the replica was loaded whole: the first start and every reconnect that could not resume. */
    public int fullLoads() {
        return fullLoads.get();
    }

    /** How many reconnects resumed from {@link #lastTxnId()}, receiving only the changes since. */
    public int resumes() {
        return resumes.get();
    }

    /** Waits until {@code condition} holds for the replica; see {@link Replica#awaitUntil}. */
    public boolean awaitUntil(Predicate<Replica> condition, Duration timeout) throws InterruptedException {
        return replica.awaitUntil(condition, timeout);
    }

    /** Stops monitoring (the replica stays as it is). */
    @Override
    public void close() {
        client.removeMonitor(this);
    }

    CompletableFuture<Monitor> started() {
        return started;
    }

    /** Starts this monitor on {@code connection}, once per connection; later calls return the same future. */
    CompletableFuture<MonitorReply> subscribe(OvsdbConnection connection) {
        lock.lock();
        try {
            if (subscribedOn == connection) {
                return subscription;
            }
            subscribedOn = connection;
            subscription = connection.monitor(replica.schema(), id, requests, lastTxnId, new Handler());
            subscription.whenComplete((reply, failure) -> {
                if (failure == null) {
                    started.complete(this);
                } else if (OvsdbConnection.unwrap(failure) instanceof OvsdbRpcException rpcError) {
                    LOG.warn("monitor {} on {} rejected: {}", id, database(), rpcError.getMessage());
                    started.completeExceptionally(rpcError);
                    client.removeMonitor(this);
                }
            });
            return subscription;
        } finally {
            lock.unlock();
        }
    }

    void unsubscribe(OvsdbConnection connection) {
        lock.lock();
        try {
            if (subscribedOn == connection && connection != null && connection.isOpen()) {
                connection.monitorCancel(id);
            }
            subscribedOn = null;
        } finally {
            lock.unlock();
        }
    }

    private final class Handler implements MonitorHandler {
        @Override
        public void onReply(MonitorReply reply) {
            if (reply.found()) {
                LOG.debug("monitor {} resumed after {}: {} changes", id, lastTxnId, reply.updates().size());
                replica.apply(reply.updates());
                resumes.incrementAndGet();
            } else {
                replica.reload(reply.updates());
                fullLoads.incrementAndGet();
            }
            lastTxnId = reply.lastTxnId();
        }

        @Override
        public void onUpdate(TableUpdates updates, Optional<UUID> txnId) {
            replica.apply(updates);
            if (txnId.isPresent()) {
                lastTxnId = txnId;
            }
        }

        @Override
        public void onCanceled() {
            LOG.warn("server canceled monitor {} on {}", id, database());
        }
    }
}
