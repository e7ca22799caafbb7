package dev.neutrino.ovsdb.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import dev.neutrino.ovsdb.error.OvsdbRpcException;
import dev.neutrino.ovsdb.remote.Remote;
import dev.neutrino.ovsdb.remote.SocketTransport;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-RPC session against a scripted peer on a real unix socket. */
class JsonRpcConnectionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private SocketTransport peer;
    private JsonRpcReader peerIn;
    private JsonRpcConnection connection;
    private final List<String> notifications = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        Path socket = dir.resolve("peer.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture<SocketTransport> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return SocketTransport.of(server.accept(), "client");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        connection = JsonRpcConnection.start(SocketTransport.connect(Remote.parse("unix:" + socket), Duration.ofSeconds(1)),
                MAPPER, (method, params) -> notifications.add(method + " " + params));
        peer = accepted.get(5, TimeUnit.SECONDS);
        peerIn = new JsonRpcReader(peer.input(), MAPPER);
    }

    @AfterEach
    void close() throws IOException {
        connection.close();
        peer.close();
        server.close();
    }

    private void send(String json) throws IOException {
        peer.output().write(json.getBytes(StandardCharsets.UTF_8));
        peer.output().flush();
    }

    @Test
    void matchesRepliesToRequestsInAnyOrder() throws Exception {
        CompletableFuture<JsonNode> first = connection.call("list_dbs", MAPPER.createArrayNode());
        CompletableFuture<Integer> second = connection.call("get_schema", MAPPER.createArrayNode().add("x"), r -> r.get("n").asInt());
        JsonRpcMessage.Request r1 = (JsonRpcMessage.Request) peerIn.read();
        JsonRpcMessage.Request r2 = (JsonRpcMessage.Request) peerIn.read();
        assertThat(r1.method()).isEqualTo("list_dbs");
        assertThat(r2.method()).isEqualTo("get_schema");
        assertThat(r1.id()).isNotEqualTo(r2.id());
        // answer the second first, in a single write with no delimiter
        send("{\"id\":" + r2.id() + ",\"result\":{\"n\":42},\"error\":null}{\"id\":" + r1.id() + ",\"result\":[\"db\"],\"error\":null}");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(first.get(5, TimeUnit.SECONDS).get(0).asText()).isEqualTo("db");
    }

    @Test
    void answersEchoByItself() throws Exception {
        send("{\"id\":\"echo\",\"method\":\"echo\",\"params\":[\"ping\"]}");
        JsonRpcMessage.Response reply = (JsonRpcMessage.Response) peerIn.read();
        assertThat(reply.id().asText()).isEqualTo("echo");
        assertThat(reply.result().get(0).asText()).isEqualTo("ping");
        assertThat(reply.isError()).isFalse();
    }

    @Test
    void refusesOtherRequestsWithAnError() throws Exception {
        send("{\"id\":9,\"method\":\"lock\",\"params\":[\"x\"]}");
        JsonRpcMessage.Response reply = (JsonRpcMessage.Response) peerIn.read();
        assertThat(reply.id().asInt()).isEqualTo(9);
        assertThat(reply.error().asText()).isEqualTo("unknown method");
    }

    @Test
    void dispatchesNotificationsInOrder() throws Exception {
        send("{\"id\":null,\"method\":\"update2\",\"params\":[\"m\",{}]}{\"method\":\"update3\",\"params\":[1]}");
        CompletableFuture<JsonNode> marker = connection.call("echo", MAPPER.createArrayNode());
        JsonRpcMessage.Request echo = (JsonRpcMessage.Request) peerIn.read();
        send("{\"id\":" + echo.id() + ",\"result\":[],\"error\":null}");
        marker.get(5, TimeUnit.SECONDS);
        assertThat(notifications).containsExactly("update2 [\"m\",{}]", "update3 [1]");
    }

    @Test
    void errorRepliesBecomeRpcExceptions() throws Exception {
        CompletableFuture<JsonNode> call = connection.call("get_schema", MAPPER.createArrayNode().add("nope"));
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) peerIn.read();
        send("{\"id\":" + request.id() + ",\"result\":null,\"error\":{\"error\":\"unknown database\",\"details\":\"get_schema request specifies unknown database nope\"}}");
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(OvsdbRpcException.class, e -> {
                    assertThat(e.method()).isEqualTo("get_schema");
                    assertThat(e.error()).isEqualTo("unknown database");
                    assertThat(e.details()).contains("get_schema request specifies unknown database nope");
                });
    }

    @Test
    void losingThePeerFailsPendingCallsAndLaterOnes() throws Exception {
        CompletableFuture<JsonNode> call = connection.call("transact", MAPPER.createArrayNode());
        peerIn.read();
        peer.close();
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(OvsdbConnectionException.class);
        connection.closed().get(5, TimeUnit.SECONDS);
        assertThat(connection.isOpen()).isFalse();
        assertThat(connection.closeCause()).isInstanceOf(OvsdbConnectionException.class);
        assertThatThrownBy(() -> connection.call("list_dbs", MAPPER.createArrayNode()).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("closed");
    }

    @Test
    void garbageFromThePeerClosesTheConnection() throws Exception {
        CompletableFuture<JsonNode> call = connection.call("list_dbs", MAPPER.createArrayNode());
        send("this is not json");
        connection.closed().get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(OvsdbConnectionException.class)
                .hasMessageContaining("malformed JSON");
    }
}
