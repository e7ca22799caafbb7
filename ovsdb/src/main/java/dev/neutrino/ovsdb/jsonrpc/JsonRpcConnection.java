package dev.neutrino.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import dev.neutrino.ovsdb.error.OvsdbException;
import dev.neutrino.ovsdb.error.OvsdbRpcException;
import dev.neutrino.ovsdb.remote.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON-RPC 1.0 session over a {@link Transport}: numbered requests whose replies complete pending
 * futures, {@code echo} requests answered automatically (OVSDB's keepalive), notifications handed to a
 * {@link NotificationHandler}. One reader (virtual) thread reads and dispatches every message in
 * order; replies complete their futures on that thread.
 */
public final class JsonRpcConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcConnection.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Transport transport;
    private final ObjectMapper mapper;
    private final JsonRpcWriter writer;
    private final NotificationHandler notifications;
    private final Map<Long, Pending<?>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Throwable closeCause;
    private volatile long lastReceivedNanos = System.nanoTime();

    private record Pending<T>(String method, ReplyHandler<T> handler, CompletableFuture<T> future) {
        void complete(JsonNode result) {
            try {
                future.complete(handler.onResult(result));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }
    }

    private JsonRpcConnection(Transport transport, ObjectMapper mapper, NotificationHandler notifications) {
        this.transport = transport;
        this.mapper = mapper;
        this.writer = new JsonRpcWriter(transport.output(), mapper);
        this.notifications = notifications;
    }

    /** Starts the session: its reader thread runs until the transport ends or {@link #close()}. */
    public static JsonRpcConnection start(Transport transport, ObjectMapper mapper, NotificationHandler notifications) {
        JsonRpcConnection connection = new JsonRpcConnection(transport, mapper, notifications);
        Thread.ofVirtual().name("ovsdb-reader " + transport.description()).start(connection::readLoop);
        return connection;
    }

    public String description() {
        return transport.description();
    }

    /** Sends a request; the future gets the reply's result. */
    public CompletableFuture<JsonNode> call(String method, JsonNode params) {
        return call(method, params, result -> result);
    }

    /**
     * Sends a request; {@code handler} turns the reply's result into the future's value on the
     * reader thread. An error reply fails the future with {@link OvsdbRpcException}; losing the
     * connection fails it with {@link OvsdbConnectionException}.
     */
    public <T> CompletableFuture<T> call(String method, JsonNode params, ReplyHandler<T> handler) {
        CompletableFuture<T> future = new CompletableFuture<>();
        long id = nextId.getAndIncrement();
        pending.put(id, new Pending<>(method, handler, future));
        if (closing.get()) {
            pending.remove(id);
            future.completeExceptionally(closedException());
            return future;
        }
        try {
            writer.write(new JsonRpcMessage.Request(NODES.numberNode(id), method, params));
        } catch (IOException | RuntimeException e) {
            pending.remove(id);
            OvsdbConnectionException failure = new OvsdbConnectionException(
                    "cannot send " + method + " to " + description() + ": " + e, e);
            future.completeExceptionally(failure);
            closeWith(failure);
        }
        return future;
    }

    /** Sends a notification (no reply). */
    public void notify(String method, JsonNode params) {
        try {
            writer.write(JsonRpcMessage.Request.notification(method, params));
        } catch (IOException e) {
            closeWith(new OvsdbConnectionException("cannot send " + method + " to " + description() + ": " + e, e));
        }
    }

    public boolean isOpen() {
        return !closing.get();
    }

    /** Completes (normally) once the connection is closed, by either side. */
    public CompletableFuture<Void> closed() {
        return closed.copy();
    }

    /** Why the connection closed: null while open or after {@link #close()}. */
    public Throwable closeCause() {
        return closeCause;
    }

    /** How long since the last message arrived. */
    public Duration idleTime() {
        return Duration.ofNanos(System.nanoTime() - lastReceivedNanos);
    }

    @Override
    public void close() {
        closeWith(null);
    }

    private void readLoop() {
        try {
            JsonRpcReader reader = new JsonRpcReader(transport.input(), mapper);
            while (!closing.get()) {
                JsonRpcMessage message = reader.read();
                if (message == null) {
                    closeWith(new OvsdbConnectionException("connection closed by " + description()));
                    return;
                }
                lastReceivedNanos = System.nanoTime();
                dispatch(message);
            }
        } catch (IOException e) {
            closeWith(closing.get() ? null : new OvsdbConnectionException("connection to " + description() + " lost: " + e, e));
        } catch (OvsdbException e) {
            LOG.warn("closing connection to {}: {}", description(), e.getMessage());
            closeWith(e);
        } catch (RuntimeException | Error e) {
            LOG.error("reader of {} failed", description(), e);
            closeWith(e);
        }
    }

    private void dispatch(JsonRpcMessage message) {
        switch (message) {
            case JsonRpcMessage.Response response -> onResponse(response);
            case JsonRpcMessage.Request request when request.isNotification() -> {
                try {
                    notifications.onNotification(request.method(), request.params());
                } catch (RuntimeException e) {
                    LOG.warn("handler of {} notification from {} failed", request.method(), description(), e);
                }
            }
            case JsonRpcMessage.Request request when request.method().equals("echo") ->
                    reply(JsonRpcMessage.Response.success(request.id(), request.params()));
            case JsonRpcMessage.Request request -> reply(JsonRpcMessage.Response.failure(request.id(),
                    NODES.textNode("unknown method")));
        }
    }

    private void onResponse(JsonRpcMessage.Response response) {
        Pending<?> call = response.id().canConvertToLong() ? pending.remove(response.id().asLong()) : null;
        if (call == null) {
            LOG.warn("reply from {} to no pending request: {}", description(), response.toJson());
            return;
        }
        if (response.isError()) {
            call.future().completeExceptionally(rpcException(call.method(), response.error()));
        } else {
            call.complete(response.result());
        }
    }

    private static OvsdbRpcException rpcException(String method, JsonNode error) {
        if (error.isObject()) {
            JsonNode details = error.get("details");
            return new OvsdbRpcException(method, error.path("error").asText(error.toString()),
                    details == null || details.isNull() ? null : details.asText());
        }
        return new OvsdbRpcException(method, error.isTextual() ? error.textValue() : error.toString(), null);
    }

    private void reply(JsonRpcMessage.Response response) {
        try {
            writer.write(response);
        } catch (IOException e) {
            closeWith(new OvsdbConnectionException("cannot reply to " + description() + ": " + e, e));
        }
    }

    private void closeWith(Throwable cause) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeCause = cause;
        transport.close();
        OvsdbConnectionException failure = closedException();
        pending.values().forEach(p -> p.future().completeExceptionally(failure));
        pending.clear();
        if (cause != null) {
            LOG.debug("connection to {} closed: {}", description(), cause.toString());
        }
        closed.complete(null);
    }

    private OvsdbConnectionException closedException() {
        Throwable cause = closeCause;
        return cause == null
                ? new OvsdbConnectionException("connection to " + description() + " is closed")
                : new OvsdbConnectionException("connection to " + description() + " is closed: " + cause.getMessage(), cause);
    }
}
