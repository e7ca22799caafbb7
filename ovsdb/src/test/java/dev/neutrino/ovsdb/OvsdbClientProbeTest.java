package dev.neutrino.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import dev.neutrino.ovsdb.txn.Comment;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a peer that accepts connections but never answers. */
class OvsdbClientProbeTest {
    @TempDir
    Path dir;

    @Test
    void dropsAConnectionWhosePeerStopsAnsweringAndReconnects() throws Exception {
        Path socket = dir.resolve("mute.sock");
        List<SocketChannel> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept()); // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            try (OvsdbClient client = OvsdbClient.connect(OvsdbClientOptions.of("unix:" + socket)
                    .withProbeInterval(Duration.ofMillis(200)).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (accepted.size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(accepted.size()).as("connections after unanswered echo probes").isGreaterThanOrEqualTo(3);
            }
            acceptor.interrupt();
        } finally {
            for (SocketChannel channel : accepted) {
                channel.close();
            }
        }
    }

    @Test
    void requestsFailClearlyWhenNoServerComes() {
        try (OvsdbClient client = OvsdbClient.start(OvsdbClientOptions.of("unix:" + dir.resolve("none.sock"))
                .withAwaitConnection(Duration.ofMillis(300)).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))) {
            assertThat(client.isConnected()).isFalse();
            assertThatThrownBy(() -> client.transact("OVN_Northbound", Comment.of("x")).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(OvsdbConnectionException.class)
                    .hasMessageContaining("no connection to unix:" + dir.resolve("none.sock") + " within PT0.3S");
            assertThatThrownBy(() -> client.awaitConnected(Duration.ofMillis(100)))
                    .isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("not connected to any of");
        }
        assertThatThrownBy(() -> OvsdbClient.connect(OvsdbClientOptions.of("ssl:127.0.0.1:6641")))
                .isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("ssl: remotes need TLS settings");
    }
}
