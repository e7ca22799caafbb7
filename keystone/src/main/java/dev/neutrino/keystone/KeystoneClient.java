package dev.neutrino.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.neutrino.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neutrino's side of the Keystone v3 API: its own service token (password authentication scoped to
 * {@code project_name}, renewed before it expires and after Keystone answers 401) and the validation
 * of other tokens ({@code GET /v3/auth/tokens} with {@code X-Auth-Token} = the service token and
 * {@code X-Subject-Token} = the token to check). No caching here: see {@link TokenValidator}.
 *
 * <p>Safe for concurrent use by any number of (virtual) threads; blocking calls never hold a monitor.
 */
public final class KeystoneClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneClient.class);
    /** keystoneauth renews a token with less than two minutes left. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(120);
    private static final String USER_AGENT = "neutrino-keystone/0.1";

    /** A token Keystone issued: its id (the X-Subject-Token header) and what it stands for. */
    public record IssuedToken(String id, Identity identity) {
        @Override
        public String toString() {
            return "IssuedToken[user=" + identity.userName() + ", project=" + identity.projectName()
                    + ", expiresAt=" + identity.expiresAt() + "]";
        }
    }

    private record ServiceToken(String id, Instant renewAt) {}

    private final KeystoneAuthConfig config;
    private final HttpClient http;
    private final Clock clock;
    private final ReentrantLock authLock = new ReentrantLock();
    private volatile ServiceToken serviceToken;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong serviceAuthentications = new AtomicLong();

    public KeystoneClient(KeystoneAuthConfig config) {
        this(config, Clock.systemUTC());
    }

    public KeystoneClient(KeystoneAuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.httpConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public KeystoneAuthConfig config() {
        return config;
    }

    /** The identity v3 root, e.g. {@code http://127.0.0.1:5000/v3}. */
    public URI identityUri() {
        return config.authUrl();
    }

    /** HTTP requests sent to Keystone so far (retries included). */
    public long requestCount() {
        return requests.get();
    }

    /** Times the service user authenticated so far. */
    public long serviceAuthenticationCount() {
        return serviceAuthentications.get();
    }

    // ---- tokens ---------------------------------------------------------------------------------

    /**
     * Password authentication ({@code POST /v3/auth/tokens}), scoped to a project. Domain arguments
     * are names; null means {@code Default}.
     *
     * @throws KeystoneException with status 401 for wrong credentials, 0 when Keystone is unreachable
     */
    public IssuedToken passwordToken(String username, String userDomainName, String password,
                                     String projectName, String projectDomainName) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", username);
        user.put("password", password);
        user.putObject("domain").put("name", userDomainName == null ? "Default" : userDomainName);
        if (projectName != null) {
            ObjectNode project = auth.putObject("scope").putObject("project");
            project.put("name", projectName);
            project.putObject("domain").put("name", projectDomainName == null ? "Default" : projectDomainName);
        }
        return issue(body);
    }

    /** Authenticates the configured service user now (normally done lazily). */
    public IssuedToken authenticateService() {
        ObjectNode body = scopedPasswordBody(config.username(), config.password(), config.userDomainId(),
                config.userDomainName(), config.projectName(), config.projectDomainId(), config.projectDomainName());
        serviceAuthentications.incrementAndGet();
        IssuedToken token = issue(body);
        Instant now = clock.instant();
        Instant expires = token.identity().expiresAt();
        Instant renewAt;
        if (expires == null) {
            renewAt = now.plus(Duration.ofMinutes(10));
        } else {
            Duration left = Duration.between(now, expires);
            Duration margin = left.dividedBy(2).compareTo(RENEW_BEFORE_EXPIRY) < 0 ? left.dividedBy(2)
                    : RENEW_BEFORE_EXPIRY;
            renewAt = expires.minus(margin);
        }
        serviceToken = new ServiceToken(token.id(), renewAt);
        LOG.info("Authenticated to Keystone {} as {} (project {}), token expires at {}", config.authUrl(),
                config.username(), config.projectName(), expires);
        return token;
    }

    /** The service token, authenticating first when there is none or it is about to expire. */
    public String serviceToken() {
        ServiceToken t = serviceToken;
        if (t != null && clock.instant().isBefore(t.renewAt())) return t.id();
        authLock.lock();
        try {
            t = serviceToken;
            if (t != null && clock.instant().isBefore(t.renewAt())) return t.id();
            return authenticateService().id();
        } finally {
            authLock.unlock();
        }
    }

    /** Forgets the service token {@code id} (Keystone said 401 for it) so the next call re-authenticates. */
    void invalidateServiceToken(String id) {
        authLock.lock();
        try {
            ServiceToken t = serviceToken;
            if (t != null && t.id().equals(id)) serviceToken = null;
        } finally {
            authLock.unlock();
        }
    }

    /**
     * Asks Keystone about {@code subjectToken}. Never throws for Keystone's answers: a token Keystone
     * does not know (404), or one already expired, is {@link ValidationResult.Invalid}; an unreachable
     * Keystone, a 5xx, or service credentials Keystone refuses are {@link ValidationResult.Unavailable}.
     */
    public ValidationResult validate(String subjectToken) {
        for (int attempt = 0; attempt < 2; attempt++) {
            String service;
            try {
                service = serviceToken();
            } catch (KeystoneException e) {
                return new ValidationResult.Unavailable("cannot authenticate Neutrino's service user: "
                        + e.getMessage());
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(config.authUrl() + "/auth/tokens?nocatalog"))
                    .timeout(config.httpConnectTimeout())
                    .header("Accept", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Auth-Token", service)
                    .header("X-Subject-Token", subjectToken)
                    .GET()
                    .build();
            HttpResponse<String> response;
            try {
                response = send(request);
            } catch (KeystoneException e) {
                return new ValidationResult.Unavailable(e.getMessage());
            }
            int status = response.statusCode();
            switch (status) {
                case 200, 203 -> {
                    Identity identity;
                    try {
                        identity = Identity.fromTokenBody(Json.MAPPER.readTree(response.body()));
                    } catch (IOException | RuntimeException e) {
                        return new ValidationResult.Unavailable("unreadable token from Keystone: " + e.getMessage());
                    }
                    if (identity.isExpired(clock.instant())) {
                        return new ValidationResult.Invalid("token expired at " + identity.expiresAt());
                    }
                    return new ValidationResult.Valid(identity);
                }
                case 404 -> {
                    return new ValidationResult.Invalid("token not found or expired");
                }
                case 400 -> {
                    return new ValidationResult.Invalid("malformed token");
                }
                case 401 -> {
                    // Our own token was refused: it may have expired or been revoked. Once more, anew.
                    LOG.info("Keystone refused Neutrino's service token; authenticating again");
                    invalidateServiceToken(service);
                }
                case 403 -> {
                    return new ValidationResult.Unavailable("Keystone forbids user " + config.username()
                            + " to validate tokens (give it the admin or service role)");
                }
                default -> {
                    return new ValidationResult.Unavailable("Keystone answered " + status + " to token validation");
                }
            }
        }
        return new ValidationResult.Unavailable("Keystone keeps refusing Neutrino's service token");
    }

    private IssuedToken issue(ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.authUrl() + "/auth/tokens?nocatalog"))
                .timeout(config.httpConnectTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 201 || status == 200) {
            String id = response.headers().firstValue("X-Subject-Token").orElse(null);
            if (id == null) throw new KeystoneException(status, "Keystone issued a token without X-Subject-Token");
            try {
                return new IssuedToken(id, Identity.fromTokenBody(Json.MAPPER.readTree(response.body())));
            } catch (IOException | RuntimeException e) {
                throw new KeystoneException(status, "unreadable token from Keystone: " + e.getMessage());
            }
        }
        String what = switch (status) {
            case 401 -> "wrong user name, password or project";
            case 400 -> "malformed authentication request";
            default -> "Keystone answered " + status;
        };
        throw new KeystoneException(status, "authentication at " + config.authUrl() + " failed: " + what);
    }

    /**
     * Sends with retries (up to http_request_max_retries, short backoff) when Keystone cannot be
     * reached; a request that reached Keystone and timed out waiting for the answer is not retried.
     */
    private HttpResponse<String> send(HttpRequest request) {
        IOException last = null;
        for (int attempt = 0; attempt <= config.httpRequestMaxRetries(); attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(Math.min(1000L, 100L << (attempt - 1)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KeystoneException("interrupted while waiting to retry Keystone", e);
                }
            }
            requests.incrementAndGet();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpConnectTimeoutException e) {
                last = e;
            } catch (HttpTimeoutException e) {
                throw new KeystoneException("Keystone at " + config.authUrl() + " did not answer within "
                        + config.httpConnectTimeout().toSeconds() + " s", e);
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeystoneException("interrupted while calling Keystone", e);
            }
            LOG.debug("Keystone {} unreachable (attempt {}): {}", request.uri(), attempt + 1, last.toString());
        }
        throw new KeystoneException("Keystone at " + config.authUrl() + " is unreachable: " + describe(last), last);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    }

    /**
     * The body of a project-scoped password authentication ({@code POST /v3/auth/tokens}); each
     * domain by id, or by name when the id is blank ({@code Default} when both are).
     */
    static ObjectNode scopedPasswordBody(String username, String password, String userDomainId,
                                         String userDomainName, String projectName, String projectDomainId,
                                         String projectDomainName) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", username);
        user.put("password", password);
        user.set("domain", domain(userDomainId, userDomainName));
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", projectName);
        project.set("domain", domain(projectDomainId, projectDomainName));
        return body;
    }

    private static JsonNode domain(String id, String name) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        if (id != null && !id.isBlank()) d.put("id", id);
        else d.put("name", name == null || name.isBlank() ? "Default" : name);
        return d;
    }

    @Override
    public void close() {
        http.close();
    }
}
