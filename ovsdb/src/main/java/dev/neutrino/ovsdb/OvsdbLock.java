package dev.neutrino.ovsdb;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OVSDB lock (RFC 7047 4.1.8-4.1.11) held through an {@link OvsdbClient}: requested on every
 * connection the client makes, so that across reconnects and across processes exactly one holder
 * at a time is told it holds it. Whoever holds it loses it when its connection ends (the server
 * frees it) or when another client steals it; it then queues again. Listeners run on the
 * connection's reader thread: they must return quickly.
 */
public final class OvsdbLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OvsdbLock.class);

    /** Hears when this process gets or loses the lock. */
    public interface Listener {
        void acquired();

        void lost();
    }

    private final OvsdbClient client;
    private final String id;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile OvsdbConnection connection;
    private volatile boolean held;
    private volatile boolean closed;

    OvsdbLock(OvsdbClient client, String id) {
        this.client = Objects.requireNonNull(client);
        this.id = Objects.requireNonNull(id);
    }

    public String id() {
        return id;
    }

    /** Whether this process holds the lock now. */
    public boolean isHeld() {
        return held;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
        if (held) listener.acquired();
    }

    /** Takes the lock from whoever holds it now (they are told it was stolen and queue again). */
    public CompletableFuture<Boolean> steal() {
        OvsdbConnection c = connection;
        if (c == null) return CompletableFuture.failedFuture(new dev.neutrino.ovsdb.error.OvsdbConnectionException(
                "not connected"));
        // ovsdb-server wants a waiting client to leave the queue before it steals
        return c.unlock(id).handle((ok, failure) -> null).thenCompose(x -> c.steal(id)).thenApply(locked -> {
            if (locked) set(true);
            return locked;
        });
    }

    /** A new connection of the client: listen for this lock's notifications and ask for it. */
    synchronized void connected(OvsdbConnection c) {
        if (closed || c == connection) return;
        connection = c;
        c.addNotificationListener((method, params) -> {
            if (params == null || params.size() < 1 || !id.equals(params.get(0).asText()) || c != connection) return;
            switch (method) {
                case "locked" -> set(true);
                case "stolen" -> {
                    set(false);
                    // wait in line again (leaving whatever place the server kept first)
                    c.unlock(id).handle((ok, failure) -> null).thenRun(() -> request(c));
                }
                default -> { }
            }
        });
        request(c);
    }

    private void request(OvsdbConnection c) {
        c.lock(id).whenComplete((locked, failure) -> {
            if (failure != null) {
                if (c.isOpen()) LOG.warn("lock {}: request failed: {}", id, failure.toString());
            } else if (locked && c == connection) {
                set(true);
            }
        });
    }

    /** The client's connection {@code c} ended: the server has freed the lock. */
    synchronized void disconnected(OvsdbConnection c) {
        if (c != connection) return;
        connection = null;
        set(false);
    }

    private void set(boolean nowHeld) {
        boolean changed;
        synchronized (this) {
            changed = held != nowHeld && !(nowHeld && closed);
            if (changed) held = nowHeld;
        }
        if (!changed) return;
        LOG.info("lock {}: {}", id, nowHeld ? "acquired" : "lost");
        for (Listener l : listeners) {
            try {
                if (nowHeld) l.acquired(); else l.lost();
            } catch (RuntimeException e) {
                LOG.warn("lock {}: listener failed", id, e);
            }
        }
    }

    /** Gives the lock up (or stops waiting for it) and stops asking for it on new connections. */
    @Override
    public void close() {
        OvsdbConnection c;
        synchronized (this) {
            if (closed) return;
            closed = true;
            c = connection;
            connection = null;
        }
        client.removeLock(this);
        if (c != null && c.isOpen()) c.unlock(id);
        set(false);
    }
}
