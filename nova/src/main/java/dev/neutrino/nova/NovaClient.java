package dev.neutrino.nova;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Json;
import dev.neutrino.keystone.KeystoneException;
import dev.neutrino.keystone.KeystoneSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /os-server-external-events} on the compute endpoint of the {@code [nova]} user's
 * catalog (microversion 2.1, as Neutron's novaclient), and what its answer means for the batch:
 * 200 and 207 are taken (an event Nova refused, e.g. an unknown server, is logged per event as
 * Neutron does); 404 means none of the servers exists (nothing to retry); 401 drops the token and
 * retries; 5xx, an unreachable Nova or Keystone retry; any other 4xx is refused.
 */
public final class NovaClient implements NovaNotifier.Sender, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NovaClient.class);

    private final KeystoneSession session;
    private final String region;
    private final String endpointType;
    private final Duration timeout;
    private final HttpClient http;

    public NovaClient(KeystoneSession session, String region, String endpointType, Duration timeout) {
        this.session = session;
        this.region = region;
        this.endpointType = endpointType;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public NovaNotifier.Outcome send(List<NovaEvent> batch) {
        KeystoneSession.Token token;
        URI endpoint;
        try {
            token = session.token();
            endpoint = session.endpoint(token, "compute", endpointType, region);
        } catch (KeystoneException e) {
            LOG.warn("Cannot reach Nova: {}", e.getMessage());
            // wrong credentials or a catalog without Nova: retrying soon would not help
            boolean lasting = e.status() == 401 || e.status() == 403 || e.status() == 0 && e.getCause() == null;
            return lasting ? NovaNotifier.Outcome.REFUSED : NovaNotifier.Outcome.RETRY;
        }
        String body = Json.write(Map.of("events", batch.stream().map(NovaEvent::body).toList()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/os-server-external-events"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-Auth-Token", token.id())
                .header("X-OpenStack-Nova-API-Version", "2.1")
                .header("OpenStack-API-Version", "compute 2.1")
                .header("User-Agent", "neutrino-nova-notifier")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            LOG.debug("Sending events: {}", body);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("Nova at {} unreachable: {}", endpoint, e.toString());
            return NovaNotifier.Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NovaNotifier.Outcome.RETRY;
        }
        int status = response.statusCode();
        switch (status) {
            case 200, 207 -> {
                logEvents(response.body());
                return NovaNotifier.Outcome.SENT;
            }
            case 404 -> {
                LOG.debug("Nova returned NotFound for event: {}", body);
                return NovaNotifier.Outcome.SENT;
            }
            case 401 -> {
                session.invalidate(token.id());
                return NovaNotifier.Outcome.RETRY;
            }
            default -> {
                if (status >= 500) {
                    LOG.warn("Nova answered {} to external events", status);
                    return NovaNotifier.Outcome.RETRY;
                }
                LOG.error("Failed to notify nova on events: {}: Nova answered {} {}", body, status, response.body());
                return NovaNotifier.Outcome.REFUSED;
            }
        }
    }

    private static void logEvents(String responseBody) {
        JsonNode events;
        try {
            events = Json.MAPPER.readTree(responseBody).path("events");
        } catch (IOException e) {
            LOG.error("Error response returned from nova: {}", responseBody);
            return;
        }
        for (JsonNode e : events) {
            if (!e.has("code")) {
                LOG.error("Error response returned from nova: {}", responseBody);
            } else if (e.path("code").asInt() != 200) {
                LOG.warn("Nova event: {} returned with failed status", e);
            } else {
                LOG.info("Nova event response: {}", e);
            }
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
