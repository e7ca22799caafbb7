package dev.neutrino.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A tiny Neutron API client: JSON in, {@link Resp} out, optionally acting in one project. */
public final class Client {
    private final HttpClient http;
    private final URI base;
    private final String project;

    Client(HttpClient http, URI base, String project) {
        this.http = http;
        this.base = base;
        this.project = project;
    }

    /** The same connection pool, acting in another project. */
    public Client as(String otherProject) {
        return new Client(http, base, otherProject);
    }

    public String project() {
        return project;
    }

    public URI base() {
        return base;
    }

    public Resp get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Resp post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Resp put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Resp delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /**
     * Sends one request. {@code path} is relative to the server ("/v2.0/networks?x=y") or absolute
     * (a link the server returned). A String body is sent as is, anything else as JSON; null: no body.
     */
    public Resp send(String method, String path, Object body, Map<String, String> headers) {
        URI uri = path.startsWith("http://") || path.startsWith("https://") ? URI.create(path)
                : URI.create(base + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (project != null) b.header("X-Project-Id", project);
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : Json.write(body);
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (r.body() != null && !r.body().isBlank()) {
                try {
                    json = Json.MAPPER.readTree(r.body());
                } catch (IOException e) {
                    json = null;
                }
            }
            return new Resp(method, uri, r.statusCode(), r.body(), json, r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
