package dev.neutrino.nova;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.neutrino.common.Json;
import dev.neutrino.keystone.KeystoneSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire side: Keystone's catalog finds Nova, the request is Nova's, its answers become outcomes. */
class NovaClientTest {
    HttpServer server;
    final AtomicInteger tokensIssued = new AtomicInteger();
    final List<JsonNode> authBodies = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> novaHeaders = new CopyOnWriteArrayList<>();
    final List<JsonNode> novaBodies = new CopyOnWriteArrayList<>();
    volatile int novaStatus = 200;
    volatile String novaAnswer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/auth/tokens", this::keystone);
        server.createContext("/compute/", this::nova);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void keystone(HttpExchange x) throws IOException {
        authBodies.add(Json.MAPPER.readTree(x.getRequestBody()));
        String token = "tok-" + tokensIssued.incrementAndGet();
        String catalog = """
                [{"type": "network", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "%1$s/nope"}]},
                 {"type": "compute", "endpoints": [
                   {"interface": "admin", "region_id": "RegionOne", "region": "RegionOne", "url": "%1$s/compute/admin/v2.1"},
                   {"interface": "public", "region_id": "RegionTwo", "region": "RegionTwo", "url": "%1$s/compute/two/v2.1/"},
                   {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "%1$s/compute/v2.1"}]}]
                """.formatted(base());
        String body = "{\"token\": {\"expires_at\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\", \"catalog\": "
                + catalog + "}}";
        x.getResponseHeaders().add("X-Subject-Token", token);
        reply(x, 201, body);
    }

    void nova(HttpExchange x) throws IOException {
        novaHeaders.add(Map.of("path", x.getRequestURI().getPath(), "method", x.getRequestMethod(),
                "token", String.valueOf(x.getRequestHeaders().getFirst("X-Auth-Token")),
                "microversion", String.valueOf(x.getRequestHeaders().getFirst("X-OpenStack-Nova-API-Version"))));
        novaBodies.add(Json.MAPPER.readTree(x.getRequestBody()));
        reply(x, novaStatus, novaAnswer == null ? "{\"events\": []}" : novaAnswer);
    }

    static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    NovaClient client(String region, String endpointType) {
        var credentials = new KeystoneSession.Credentials(URI.create(base() + "/v3"), "nova", "secret", "Default", "",
                "service", "Default", "");
        return new NovaClient(new KeystoneSession(credentials, Duration.ofSeconds(5), Clock.systemUTC()), region,
                endpointType, Duration.ofSeconds(5));
    }

    static final NovaEvent PLUGGED = new NovaEvent("network-vif-plugged", "vm-1", "port-1", "completed");
    static final NovaEvent CHANGED = new NovaEvent("network-changed", "vm-2", "port-2", null);

    @Test
    void eventsGoToTheComputeEndpointOfTheRegionAndInterfaceAsNovaTakesThem() {
        try (NovaClient c = client("RegionOne", "public")) {
            assertThat(c.send(List.of(PLUGGED, CHANGED))).isEqualTo(NovaNotifier.Outcome.SENT);
        }
        assertThat(novaHeaders).containsExactly(Map.of("path", "/compute/v2.1/os-server-external-events",
                "method", "POST", "token", "tok-1", "microversion", "2.1"));
        assertThat(novaBodies.getFirst()).isEqualTo(Json.MAPPER.valueToTree(Map.of("events", List.of(
                Map.of("name", "network-vif-plugged", "server_uuid", "vm-1", "tag", "port-1", "status", "completed"),
                Map.of("name", "network-changed", "server_uuid", "vm-2", "tag", "port-2")))));
        JsonNode user = authBodies.getFirst().path("auth").path("identity").path("password").path("user");
        assertThat(user.path("name").asText()).isEqualTo("nova");
        assertThat(authBodies.getFirst().path("auth").path("scope").path("project").path("name").asText())
                .isEqualTo("service");
        try (NovaClient c = client("RegionTwo", "public")) {
            c.send(List.of(CHANGED));
        }
        try (NovaClient c = client("", "admin")) {
            c.send(List.of(CHANGED));
        }
        assertThat(novaHeaders.stream().map(h -> h.get("path")).toList()).containsExactly(
                "/compute/v2.1/os-server-external-events", "/compute/two/v2.1/os-server-external-events",
                "/compute/admin/v2.1/os-server-external-events");
    }

    @Test
    void theTokenIsKeptUntilNovaRefusesIt() {
        try (NovaClient c = client("RegionOne", "public")) {
            c.send(List.of(CHANGED));
            c.send(List.of(CHANGED));
            assertThat(tokensIssued).hasValue(1);
            novaStatus = 401;
            assertThat(c.send(List.of(CHANGED))).isEqualTo(NovaNotifier.Outcome.RETRY);
            novaStatus = 200;
            c.send(List.of(CHANGED));
            assertThat(tokensIssued).hasValue(2);
            assertThat(novaHeaders.getLast().get("token")).isEqualTo("tok-2");
        }
    }

    @Test
    void novaAnswersBecomeOutcomes() {
        try (NovaClient c = client("RegionOne", "public")) {
            novaStatus = 207;
            novaAnswer = "{\"events\": [{\"name\": \"network-changed\", \"server_uuid\": \"vm-2\", \"code\": 404}]}";
            assertThat(c.send(List.of(CHANGED))).as("partly failed: taken, logged").isEqualTo(NovaNotifier.Outcome.SENT);
            novaStatus = 404;
            novaAnswer = "{\"itemNotFound\": {\"code\": 404}}";
            assertThat(c.send(List.of(CHANGED))).as("no such server: nothing to retry").isEqualTo(NovaNotifier.Outcome.SENT);
            novaStatus = 503;
            assertThat(c.send(List.of(CHANGED))).isEqualTo(NovaNotifier.Outcome.RETRY);
            novaStatus = 400;
            novaAnswer = "{\"badRequest\": {\"code\": 400}}";
            assertThat(c.send(List.of(CHANGED))).isEqualTo(NovaNotifier.Outcome.REFUSED);
            novaStatus = 403;
            assertThat(c.send(List.of(CHANGED))).isEqualTo(NovaNotifier.Outcome.REFUSED);
        }
    }

    @Test
    void anUnreachableNovaOrKeystoneIsRetriedACatalogWithoutNovaIsNot() throws IOException {
        try (NovaClient c = client("RegionThree", "public")) {
            assertThat(c.send(List.of(CHANGED))).as("no compute endpoint in that region")
                    .isEqualTo(NovaNotifier.Outcome.REFUSED);
        }
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var credentials = new KeystoneSession.Credentials(URI.create("http://127.0.0.1:" + port + "/v3"), "nova",
                "secret", "Default", "", "service", "Default", "");
        try (NovaClient c = new NovaClient(new KeystoneSession(credentials, Duration.ofSeconds(2), Clock.systemUTC()),
                "", "public", Duration.ofSeconds(2))) {
            assertThat(c.send(List.of(CHANGED))).isEqualTo(NovaNotifier.Outcome.RETRY);
        }
        try (NovaClient c = client("RegionOne", "public")) {
            c.send(List.of(CHANGED));
            server.removeContext("/compute/");
            server.stop(0); // Nova (and Keystone) gone after the token was issued
            assertThat(c.send(List.of(CHANGED))).isEqualTo(NovaNotifier.Outcome.RETRY);
        }
    }
}
