package dev.neutrino.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.neutrino.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Neutrino as a client of another OpenStack service, the part of keystoneauth's {@code Session} with
 * a {@code password} plugin it needs: a project-scoped token for configured credentials (with its
 * service catalog), kept until shortly before it expires or until the service refuses it, and the
 * endpoint of a service type from that catalog. Used by the Nova notifier ({@code [nova]}).
 *
 * <p>Safe for concurrent use; blocking calls hold no monitor.
 */
public final class KeystoneSession implements AutoCloseable {
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(120);

    /**
     * keystoneauth's password plugin options: the domain of the user and of the project each by id
     * or, when the id is blank, by name ({@code Default} when both are blank).
     */
    public record Credentials(URI authUrl, String username, String password, String userDomainName,
                              String userDomainId, String projectName, String projectDomainName,
                              String projectDomainId) {
        /** {@code auth_url} as given in a config file, with or without its version. */
        public static URI identityV3(String authUrl) {
            return KeystoneAuthConfig.identityV3(authUrl);
        }

        @Override
        public String toString() {
            return "Credentials[" + username + "@" + authUrl + ", project " + projectName + "]";
        }
    }

    /** A token and the catalog that came with it. */
    public record Token(String id, JsonNode catalog, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }

    private final Credentials credentials;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token token;

    public KeystoneSession(Credentials credentials, Duration timeout, Clock clock) {
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The current token, authenticating first when there is none or it is about to expire. */
    public Token token() {
        Token t = token;
        if (t != null && clock.instant().isBefore(t.renewAt())) return t;
        lock.lock();
        try {
            t = token;
            if (t != null && clock.instant().isBefore(t.renewAt())) return t;
            t = authenticate();
            token = t;
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets {@code tokenId} (a service answered 401 with it): the next {@link #token()} asks anew. */
    public void invalidate(String tokenId) {
        lock.lock();
        try {
            Token t = token;
            if (t != null && t.id().equals(tokenId)) token = null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The URL of {@code serviceType}'s endpoint with this interface ({@code public}, {@code internal},
     * {@code admin}; keystoneauth's {@code publicURL} spelling too) in {@code region} (any region when
     * blank), from the token's catalog.
     *
     * @throws KeystoneException when the catalog has no such endpoint
     */
    public URI endpoint(Token token, String serviceType, String interfaceName, String region) {
        String wanted = interfaceName.toLowerCase(Locale.ROOT).replaceFirst("url$", "");
        for (JsonNode service : token.catalog()) {
            if (!serviceType.equals(service.path("type").asText())) continue;
            for (JsonNode e : service.path("endpoints")) {
                if (!wanted.equals(e.path("interface").asText())) continue;
                String r = e.hasNonNull("region_id") ? e.path("region_id").asText() : e.path("region").asText();
                if (region != null && !region.isBlank() && !region.equals(r)
                        && !region.equals(e.path("region").asText())) {
                    continue;
                }
                String url = e.path("url").asText();
                while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
                return URI.create(url);
            }
        }
        throw new KeystoneException(0, "the service catalog of " + credentials.username() + " has no " + wanted
                + " endpoint of type " + serviceType + (region == null || region.isBlank() ? "" : " in " + region));
    }

    private Token authenticate() {
        ObjectNode body = KeystoneClient.scopedPasswordBody(credentials.username(), credentials.password(),
                credentials.userDomainId(), credentials.userDomainName(), credentials.projectName(),
                credentials.projectDomainId(), credentials.projectDomainName());
        HttpRequest request = HttpRequest.newBuilder(URI.create(credentials.authUrl() + "/auth/tokens"))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeystoneException("Keystone at " + credentials.authUrl() + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneException("interrupted while calling Keystone", e);
        }
        int status = response.statusCode();
        if (status != 201 && status != 200) {
            throw new KeystoneException(status, "authentication of " + credentials.username() + " at "
                    + credentials.authUrl() + " failed: Keystone answered " + status);
        }
        String id = response.headers().firstValue("X-Subject-Token").orElse(null);
        if (id == null) throw new KeystoneException(status, "Keystone issued a token without X-Subject-Token");
        JsonNode tokenBody;
        try {
            tokenBody = Json.MAPPER.readTree(response.body()).path("token");
        } catch (IOException e) {
            throw new KeystoneException(status, "unreadable token from Keystone: " + e.getMessage());
        }
        Instant now = clock.instant();
        Instant renewAt = now.plus(Duration.ofMinutes(10));
        if (tokenBody.hasNonNull("expires_at")) {
            Instant expires = Instant.parse(tokenBody.path("expires_at").asText());
            Duration left = Duration.between(now, expires);
            Duration margin = left.dividedBy(2).compareTo(RENEW_BEFORE_EXPIRY) < 0 ? left.dividedBy(2)
                    : RENEW_BEFORE_EXPIRY;
            renewAt = expires.minus(margin);
        }
        return new Token(id, tokenBody.path("catalog"), renewAt);
    }

    @Override
    public void close() {
        http.close();
    }
}
