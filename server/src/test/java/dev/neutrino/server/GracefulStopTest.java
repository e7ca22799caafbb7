package dev.neutrino.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.common.IniFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopping server (SIGTERM runs {@link NeutrinoServer#close}) finishes the requests it is
 * serving: a create whose body is still arriving when the stop begins is answered 201, and the
 * stop waits for it (Jetty's connectors shut down gracefully within {@code setStopTimeout}; a
 * rolling upgrade relies on it when an old server is stopped).
 */
class GracefulStopTest {
    @TempDir
    Path state;

    @Test
    void aRequestInFlightWhenTheServerStopsIsAnsweredAndTheStopWaitsForIt() throws Exception {
        Config config = Config.of(IniFile.parse("[DEFAULT]\nbind_port = 0\nstate_path = " + state + "\n"),
                AllOptions.ALL);
        NeutrinoServer server = NeutrinoServer.start(config);
        CompletableFuture<Void> stopped = null;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            byte[] body = "{\"network\": {\"name\": \"in-flight\"}}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2.0/networks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Project-Id: p1\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(300); // the request is being served: its handler waits for the rest of the body

            stopped = CompletableFuture.runAsync(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(stopped).as("the stop waits for the request in flight").isNotDone();

            out.write(body, 10, body.length - 10);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 201 Created");
            stopped.get(10, TimeUnit.SECONDS);
        } finally {
            if (stopped == null) server.close();
        }
    }
}
