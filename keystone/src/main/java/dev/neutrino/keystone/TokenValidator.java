package dev.neutrino.keystone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keystonemiddleware's auth_token for Neutrino: validates user and service tokens through
 * {@link KeystoneClient}, with an in-process cache.
 *
 * <ul>
 *   <li>A valid token is cached for {@code token_cache_time}, never past its own expiry.</li>
 *   <li>A token Keystone rejected is remembered as invalid for {@code invalid_token_cache_time}.</li>
 *   <li>Outages ({@link ValidationResult.Unavailable}) are not cached: the next request asks again.</li>
 *   <li>The cache holds at most {@code token_cache_size} tokens (least recently used go first), keyed
 *       by the SHA-256 of the token, so token ids are not kept in memory.</li>
 *   <li>Concurrent requests with the same uncached token share one call to Keystone.</li>
 * </ul>
 *
 * Safe for any number of virtual threads: no monitor is held across a blocking call.
 */
public final class TokenValidator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenValidator.class);

    private record Entry(ValidationResult result, Instant until) {}

    private final KeystoneClient client;
    private final KeystoneAuthConfig config;
    private final Clock clock;
    private final ReentrantLock cacheLock = new ReentrantLock();
    private final LinkedHashMap<String, Entry> cache = new LinkedHashMap<>(256, 0.75f, true);
    private final ConcurrentHashMap<String, CompletableFuture<ValidationResult>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public TokenValidator(KeystoneClient client) {
        this(client, Clock.systemUTC());
    }

    public TokenValidator(KeystoneClient client, Clock clock) {
        this.client = client;
        this.config = client.config();
        this.clock = clock;
    }

    /** A validator with its own {@link KeystoneClient}. */
    public static TokenValidator create(KeystoneAuthConfig config) {
        return new TokenValidator(new KeystoneClient(config));
    }

    public KeystoneClient client() {
        return client;
    }

    /** The {@code WWW-Authenticate} header value of a 401: {@code Keystone uri="<www_authenticate_uri>"}. */
    public String wwwAuthenticate() {
        return config.wwwAuthenticate();
    }

    /**
     * The auth_token decision for one request: {@code userToken} is its X-Auth-Token and
     * {@code serviceToken} its X-Service-Token (either may be null).
     *
     * <ul>
     *   <li>no or invalid user token: {@code UNAUTHENTICATED} (401), or {@code DELAYED} with
     *       delay_auth_decision;</li>
     *   <li>an invalid service token: the same;</li>
     *   <li>a valid service token without a {@code service_token_roles} role: refused like an invalid one
     *       when service_token_roles_required, else accepted with {@code serviceRolesOk = false} and a
     *       warning in the log (keystonemiddleware's behaviour);</li>
     *   <li>Keystone unreachable or failing for either token: {@code UNAVAILABLE} (503).</li>
     * </ul>
     */
    public AuthResult authenticate(String userToken, String serviceToken) {
        if (userToken == null || userToken.isBlank()) {
            return refuse("no X-Auth-Token");
        }
        ValidationResult user = validate(userToken.strip());
        if (user instanceof ValidationResult.Unavailable u) return AuthResult.unavailable(u.reason());
        if (user instanceof ValidationResult.Invalid i) return refuse("user token: " + i.reason());
        Identity identity = ((ValidationResult.Valid) user).identity();

        if (serviceToken == null || serviceToken.isBlank()) {
            return AuthResult.authenticated(identity, null, false);
        }
        ValidationResult service = validate(serviceToken.strip());
        if (service instanceof ValidationResult.Unavailable u) return AuthResult.unavailable(u.reason());
        if (service instanceof ValidationResult.Invalid i) return refuse("service token: " + i.reason());
        Identity serviceIdentity = ((ValidationResult.Valid) service).identity();
        boolean rolesOk = config.hasServiceRole(serviceIdentity.roles());
        if (!rolesOk) {
            if (config.serviceTokenRolesRequired()) {
                return refuse("service token of user " + serviceIdentity.userName() + " has none of the roles "
                        + config.serviceTokenRoles());
            }
            LOG.warn("A valid service token of user {} has none of the service_token_roles {}: accepted because "
                    + "service_token_roles_required is false", serviceIdentity.userName(),
                    config.serviceTokenRoles());
        }
        return AuthResult.authenticated(identity, serviceIdentity, rolesOk);
    }

    private AuthResult refuse(String reason) {
        return config.delayAuthDecision() ? AuthResult.delayed(reason) : AuthResult.unauthenticated(reason);
    }

    /** Validates one token, from the cache when possible. */
    public ValidationResult validate(String token) {
        String key = hash(token);
        Entry cached = lookup(key);
        if (cached != null) {
            hits.incrementAndGet();
            return cached.result();
        }
        misses.incrementAndGet();
        CompletableFuture<ValidationResult> mine = new CompletableFuture<>();
        CompletableFuture<ValidationResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ValidationResult.Unavailable("interrupted while waiting for Keystone");
            } catch (ExecutionException e) {
                return new ValidationResult.Unavailable("token validation failed: " + e.getCause());
            }
        }
        ValidationResult result = new ValidationResult.Unavailable("token validation did not complete");
        try {
            result = client.validate(token);
            store(key, result);
        } catch (RuntimeException e) {
            result = new ValidationResult.Unavailable("token validation failed: " + e);
            LOG.warn("Token validation failed", e);
        } finally {
            inFlight.remove(key, mine);
            mine.complete(result); // waiters must never hang, whatever happened
        }
        if (result instanceof ValidationResult.Unavailable u) {
            LOG.warn("Keystone unavailable: {}", u.reason());
        } else if (result instanceof ValidationResult.Invalid i) {
            LOG.debug("Invalid token: {}", i.reason());
        }
        return result;
    }

    /** Drops every cached token (e.g. after a configuration change). */
    public void clearCache() {
        cacheLock.lock();
        try {
            cache.clear();
        } finally {
            cacheLock.unlock();
        }
    }

    public int cacheSize() {
        cacheLock.lock();
        try {
            return cache.size();
        } finally {
            cacheLock.unlock();
        }
    }

    public long cacheHits() {
        return hits.get();
    }

    public long cacheMisses() {
        return misses.get();
    }

    private Entry lookup(String key) {
        Instant now = clock.instant();
        cacheLock.lock();
        try {
            Entry e = cache.get(key);
            if (e == null) return null;
            if (!now.isBefore(e.until())) {
                cache.remove(key);
                return null;
            }
            return e;
        } finally {
            cacheLock.unlock();
        }
    }

    private void store(String key, ValidationResult result) {
        Instant now = clock.instant();
        Instant until;
        if (result instanceof ValidationResult.Valid v) {
            until = now.plus(config.tokenCacheTime());
            Instant expires = v.identity().expiresAt();
            if (expires != null && expires.isBefore(until)) until = expires;
        } else if (result instanceof ValidationResult.Invalid) {
            until = now.plus(config.invalidTokenCacheTime());
        } else {
            return; // outages are not remembered
        }
        if (!now.isBefore(until)) return;
        cacheLock.lock();
        try {
            cache.put(key, new Entry(result, until));
            if (cache.size() > config.tokenCacheSize()) evict(now);
        } finally {
            cacheLock.unlock();
        }
    }

    /** Called with the lock held and the cache over its size: expired entries first, then the oldest. */
    private void evict(Instant now) {
        cache.values().removeIf(e -> !now.isBefore(e.until()));
        Iterator<Map.Entry<String, Entry>> it = cache.entrySet().iterator();
        while (cache.size() > config.tokenCacheSize() && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How long a valid token stays cached at most (token_cache_time). */
    public Duration tokenCacheTime() {
        return config.tokenCacheTime();
    }

    @Override
    public void close() {
        client.close();
    }
}
