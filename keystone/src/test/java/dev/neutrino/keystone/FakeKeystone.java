package dev.neutrino.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.neutrino.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A tiny Keystone for tests: {@code POST /v3/auth/tokens} (password auth of one service user) and
 * {@code GET /v3/auth/tokens} (validation of registered tokens), with a test-controlled clock.
 */
final class FakeKeystone implements AutoCloseable {
    /** Keystone's own format: {@code 2026-11-25T18:55:58.000000Z}. */
    static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    final HttpServer server;
    final Supplier<Instant> now;
    final Map<String, ObjectNode> tokens = new ConcurrentHashMap<>();
    final Set<String> serviceTokens = ConcurrentHashMap.newKeySet();
    final AtomicInteger issued = new AtomicInteger();
    final AtomicInteger validations = new AtomicInteger();
    volatile String serviceUser = "neutron";
    volatile String servicePassword = "secret";
    volatile Duration serviceTokenLifetime = Duration.ofHours(1);
    volatile int forcedStatus = 0;
    volatile long validationDelayMillis = 0;
    /** Added to the clock when Keystone checks a subject token's expiry (negative: Keystone is behind). */
    volatile Duration subjectClockSkew = Duration.ZERO;

    FakeKeystone(Supplier<Instant> now) throws IOException {
        this.now = now;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v3/auth/tokens", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    }

    /** Registers a user token Keystone will vouch for. */
    String addToken(String id, String user, String project, Instant expiresAt, List<String> roles) {
        tokens.put(id, tokenBody(user, project, expiresAt, roles));
        return id;
    }

    ObjectNode tokenBody(String user, String project, Instant expiresAt, List<String> roles) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode token = body.putObject("token");
        token.putArray("methods").add("password");
        ObjectNode u = token.putObject("user");
        u.put("id", user + "-id");
        u.put("name", user);
        u.putObject("domain").put("id", "default").put("name", "Default");
        u.putNull("password_expires_at");
        token.putArray("audit_ids").add("audit-" + user);
        token.put("expires_at", KEYSTONE_TIME.format(expiresAt));
        token.put("issued_at", KEYSTONE_TIME.format(now.get()));
        if (project != null) {
            ObjectNode p = token.putObject("project");
            p.put("id", project + "-id");
            p.put("name", project);
            p.putObject("domain").put("id", "default").put("name", "Default");
            token.put("is_domain", false);
        }
        ArrayNode r = token.putArray("roles");
        for (String role : roles) r.addObject().put("id", role + "-rid").put("name", role);
        return body;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (forcedStatus != 0) {
                send(ex, forcedStatus, "{\"error\": {\"code\": " + forcedStatus + "}}", null);
                return;
            }
            switch (ex.getRequestMethod()) {
                case "POST" -> authenticate(ex);
                case "GET" -> validate(ex);
                default -> send(ex, 405, "{}", null);
            }
        }
    }

    private void authenticate(HttpExchange ex) throws IOException {
        JsonNode body = Json.MAPPER.readTree(ex.getRequestBody());
        JsonNode user = body.path("auth").path("identity").path("password").path("user");
        if (!user.path("name").asText().equals(serviceUser) || !user.path("password").asText().equals(servicePassword)) {
            send(ex, 401, "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\"}}", null);
            return;
        }
        String project = body.path("auth").path("scope").path("project").path("name").asText(null);
        String id = "svc-" + issued.incrementAndGet();
        ObjectNode token = tokenBody(serviceUser, project, now.get().plus(serviceTokenLifetime),
                List.of("admin", "service"));
        tokens.put(id, token);
        serviceTokens.add(id);
        send(ex, 201, Json.write(token), id);
    }

    private void validate(HttpExchange ex) throws IOException {
        validations.incrementAndGet();
        if (validationDelayMillis > 0) {
            try {
                Thread.sleep(validationDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String auth = ex.getRequestHeaders().getFirst("X-Auth-Token");
        if (auth == null || !serviceTokens.contains(auth) || expired(tokens.get(auth), Duration.ZERO)) {
            send(ex, 401, "{\"error\": {\"code\": 401}}", null);
            return;
        }
        String subject = ex.getRequestHeaders().getFirst("X-Subject-Token");
        ObjectNode token = subject == null ? null : tokens.get(subject);
        if (token == null || expired(token, subjectClockSkew)) {
            send(ex, 404, "{\"error\": {\"code\": 404, \"message\": \"Could not find token\"}}", null);
            return;
        }
        send(ex, 200, Json.write(token), subject);
    }

    private boolean expired(ObjectNode token, Duration skew) {
        return token == null || !now.get().plus(skew).isBefore(Identity.parseTime(token.path("token").path("expires_at").asText()));
    }

    private static void send(HttpExchange ex, int status, String body, String subject) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (subject != null) ex.getResponseHeaders().set("X-Subject-Token", subject);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
