package dev.neutrino.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A thin Neutron API client: JSON in, status and body out, timed in nanoseconds. */
final class Api implements AutoCloseable {
    /** One response; status -1 when no HTTP answer came (connection refused, timeout, ...). */
    record Resp(int status, String body, long nanos) {
        boolean ok() {
            return status >= 200 && status <= 299;
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (Exception e) {
                return null;
            }
        }
    }

    private final String base;
    private final String project;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;

    Api(String baseUrl, String project, Duration timeout) {
        this.base = baseUrl.replaceAll("/+$", "");
        this.project = project;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    /** method and path (e.g. "/v2.0/ports?fields=id"); body null for none, else serialized to JSON. */
    Resp call(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("X-Project-Id", project);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        HttpRequest req = b.build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Resp(r.statusCode(), r.body(), System.nanoTime() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Resp(-1, "interrupted", System.nanoTime() - t0);
        } catch (Exception e) {
            return new Resp(-1, e.getClass().getSimpleName() + ": " + e.getMessage(), System.nanoTime() - t0);
        }
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}
