package dev.neutrino.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.IniFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenValidatorTest {

    /** A clock the test moves by hand; the fake Keystone reads it too. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    FakeKeystone keystone;
    TokenValidator validator;

    @BeforeEach
    void start() throws IOException {
        keystone = new FakeKeystone(clock::instant);
        validator = validator(keystone.url(), "");
    }

    @AfterEach
    void stop() {
        validator.close();
        keystone.close();
    }

    TokenValidator validator(String authUrl, String extra) {
        KeystoneAuthConfig config = KeystoneAuthConfig.from(IniFile.parse("""
                [keystone_authtoken]
                www_authenticate_uri = http://keystone.example:5000
                auth_url = %s
                auth_type = password
                username = neutron
                password = secret
                project_name = service
                user_domain_name = Default
                project_domain_name = Default
                memcached_servers = 127.0.0.1:11211
                http_connect_timeout = 2
                http_request_max_retries = 1
                %s
                """.formatted(authUrl, extra)));
        return new TokenValidator(new KeystoneClient(config, clock), clock);
    }

    Instant inMinutes(int minutes) {
        return clock.instant().plus(Duration.ofMinutes(minutes));
    }

    @Test
    void validTokenGivesIdentityWithRolesAndProject() {
        keystone.addToken("user-tok", "demo", "demo", inMinutes(60), List.of("member", "Reader"));

        ValidationResult result = validator.validate("user-tok");

        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        Identity id = result.identityOrNull();
        assertThat(id.userId()).isEqualTo("demo-id");
        assertThat(id.userName()).isEqualTo("demo");
        assertThat(id.userDomainId()).isEqualTo("default");
        assertThat(id.projectId()).isEqualTo("demo-id");
        assertThat(id.projectName()).isEqualTo("demo");
        assertThat(id.projectDomainName()).isEqualTo("Default");
        assertThat(id.roles()).containsExactly("member", "Reader");
        assertThat(id.hasRole("reader")).isTrue();
        assertThat(id.hasRole("admin")).isFalse();
        assertThat(id.rolesLowercase()).containsExactly("member", "reader");
        assertThat(id.isProjectScoped()).isTrue();
        assertThat(id.isSystemScoped()).isFalse();
        assertThat(id.isAdminProject()).isTrue();
        assertThat(id.expiresAt()).isEqualTo(inMinutes(60));
        assertThat(id.auditIds()).containsExactly("audit-demo");
        assertThat(id.keystoneHeaders()).containsEntry("X-Project-Id", "demo-id")
                .containsEntry("X-Roles", "member,Reader").containsEntry("X-Identity-Status", "Confirmed");

        AuthResult auth = validator.authenticate("user-tok", null);
        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(auth.httpStatus()).isZero();
        assertThat(auth.user()).isEqualTo(id);
        assertThat(auth.service()).isNull();
    }

    @Test
    void systemScopedTokenAndAdminProjectFlag() {
        var body = keystone.tokenBody("admin", null, inMinutes(60), List.of("admin"));
        body.with("token").putObject("system").put("all", true);
        body.with("token").put("is_admin_project", false);
        keystone.tokens.put("sys-tok", body);

        Identity id = validator.validate("sys-tok").identityOrNull();

        assertThat(id).isNotNull();
        assertThat(id.systemScope()).isEqualTo("all");
        assertThat(id.isSystemScoped()).isTrue();
        assertThat(id.projectId()).isNull();
        assertThat(id.isAdminProject()).isFalse();
        assertThat(id.keystoneHeaders()).containsEntry("X-System-Scope", "all")
                .containsEntry("X-Is-Admin-Project", "False").doesNotContainKey("X-Project-Id");
    }

    @Test
    void unknownTokenIsInvalidAnd401WithWwwAuthenticate() {
        ValidationResult result = validator.validate("no-such-token");

        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        AuthResult auth = validator.authenticate("no-such-token", null);
        assertThat(auth.outcome()).isEqualTo(AuthResult.Outcome.UNAUTHENTICATED);
        assertThat(auth.httpStatus()).isEqualTo(401);
        assertThat(validator.wwwAuthenticate()).isEqualTo("Keystone uri=\"http://keystone.example:5000\"");
        assertThat(validator.authenticate(null, null).httpStatus()).isEqualTo(401);
        assertThat(validator.authenticate("  ", null).httpStatus()).isEqualTo(401);
    }

    @Test
    void invalidTokensAreRememberedOnlyBriefly() {
        validator.validate("bad");
        validator.validate("bad");
        assertThat(keystone.validations.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(11)); // invalid_token_cache_time defaults to 10 s
        keystone.addToken("bad", "demo", "demo", inMinutes(60), List.of("member"));
        assertThat(validator.validate("bad").isValid()).isTrue();
        assertThat(keystone.validations.get()).isEqualTo(2);
    }

    @Test
    void expiredTokenIsInvalid() {
        keystone.addToken("old", "demo", "demo", inMinutes(-1), List.of("member"));

        assertThat(validator.validate("old")).isInstanceOf(ValidationResult.Invalid.class);
    }

    @Test
    void tokenPastItsExpiryIsInvalidEvenIfKeystoneVouchesForIt() {
        keystone.subjectClockSkew = Duration.ofMinutes(-5); // Keystone's clock runs 5 minutes behind
        keystone.addToken("skewed", "demo", "demo", clock.instant().minusSeconds(5), List.of("member"));

        ValidationResult r = validator.validate("skewed");

        assertThat(r).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(((ValidationResult.Invalid) r).reason()).contains("expired");
    }

    @Test
    void cacheHitDoesNotCallKeystoneAgain() {
        keystone.addToken("tok", "demo", "demo", inMinutes(60), List.of("member"));

        Identity first = validator.validate("tok").identityOrNull();
        Identity second = validator.validate("tok").identityOrNull();
        validator.authenticate("tok", null);

        assertThat(second).isEqualTo(first);
        assertThat(keystone.validations.get()).isEqualTo(1);
        assertThat(validator.cacheHits()).isEqualTo(2);
        assertThat(validator.cacheMisses()).isEqualTo(1);
    }

    @Test
    void cacheEntryExpiresAfterTokenCacheTime() {
        keystone.addToken("tok", "demo", "demo", inMinutes(60), List.of("member"));
        validator.validate("tok");

        clock.advance(Duration.ofSeconds(299));
        validator.validate("tok");
        assertThat(keystone.validations.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2)); // past token_cache_time = 300 s
        validator.validate("tok");
        assertThat(keystone.validations.get()).isEqualTo(2);
    }

    @Test
    void cacheNeverOutlivesTheToken() {
        keystone.addToken("short", "demo", "demo", clock.instant().plusSeconds(30), List.of("member"));
        assertThat(validator.validate("short").isValid()).isTrue();

        clock.advance(Duration.ofSeconds(31));

        assertThat(validator.validate("short")).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(keystone.validations.get()).isEqualTo(2);
    }

    @Test
    void tokenCacheTimeMinusOneDisablesCaching() {
        try (TokenValidator uncached = validator(keystone.url(), "token_cache_time = -1")) {
            keystone.addToken("tok", "demo", "demo", inMinutes(60), List.of("member"));
            uncached.validate("tok");
            uncached.validate("tok");
            assertThat(keystone.validations.get()).isEqualTo(2);
        }
    }

    @Test
    void cacheIsBounded() {
        try (TokenValidator small = validator(keystone.url(), "token_cache_size = 2")) {
            for (int i = 0; i < 5; i++) {
                keystone.addToken("t" + i, "demo", "demo", inMinutes(60), List.of("member"));
                small.validate("t" + i);
            }
            assertThat(small.cacheSize()).isEqualTo(2);
            small.validate("t4"); // most recent: still cached
            assertThat(keystone.validations.get()).isEqualTo(5);
            small.validate("t0"); // evicted: asked again
            assertThat(keystone.validations.get()).isEqualTo(6);
        }
    }

    @Test
    void keystoneDownIsUnavailableAndNotCached() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (TokenValidator down = validator("http://127.0.0.1:" + closedPort + "/v3", "")) {
            ValidationResult r = down.validate("tok");
            assertThat(r).isInstanceOf(ValidationResult.Unavailable.class);
            assertThat(((ValidationResult.Unavailable) r).reason()).contains("unreachable");

            AuthResult auth = down.authenticate("tok", null);
            assertThat(auth.outcome()).isEqualTo(AuthResult.Outcome.UNAVAILABLE);
            assertThat(auth.httpStatus()).isEqualTo(503);
            assertThat(down.cacheSize()).isZero();
            // 2 validations x (1 try + 1 retry) of the service authentication
            assertThat(down.client().requestCount()).isEqualTo(4);
        }
    }

    @Test
    void keystoneServerErrorIsUnavailable() {
        keystone.addToken("tok", "demo", "demo", inMinutes(60), List.of("member"));
        validator.client().serviceToken();
        keystone.forcedStatus = 500;

        assertThat(validator.validate("tok")).isInstanceOf(ValidationResult.Unavailable.class);
        assertThat(validator.authenticate("tok", null).httpStatus()).isEqualTo(503);

        keystone.forcedStatus = 0; // recovered: outages were not cached
        assertThat(validator.validate("tok").isValid()).isTrue();
    }

    @Test
    void serviceTokenIsRenewedAfter401() {
        keystone.addToken("tok", "demo", "demo", inMinutes(60), List.of("member"));
        String first = validator.client().serviceToken();
        keystone.serviceTokens.remove(first); // revoked behind our back

        assertThat(validator.validate("tok").isValid()).isTrue();

        assertThat(keystone.issued.get()).isEqualTo(2);
        assertThat(validator.client().serviceToken()).isNotEqualTo(first);
    }

    @Test
    void serviceTokenIsRenewedBeforeItExpires() {
        keystone.serviceTokenLifetime = Duration.ofMinutes(10);
        keystone.addToken("a", "demo", "demo", inMinutes(600), List.of("member"));
        keystone.addToken("b", "demo", "demo", inMinutes(600), List.of("member"));
        validator.validate("a");
        assertThat(keystone.issued.get()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(9)); // within 2 minutes of expiry
        validator.validate("b");

        assertThat(keystone.issued.get()).isEqualTo(2);
        assertThat(keystone.validations.get()).isEqualTo(2); // no 401 round trip
    }

    @Test
    void wrongServiceCredentialsAreUnavailableNotInvalid() {
        keystone.servicePassword = "changed";
        keystone.addToken("tok", "demo", "demo", inMinutes(60), List.of("member"));

        ValidationResult r = validator.validate("tok");

        assertThat(r).isInstanceOf(ValidationResult.Unavailable.class);
        assertThat(((ValidationResult.Unavailable) r).reason()).contains("service user");
    }

    @Test
    void serviceTokenWithServiceRoleIsAccepted() {
        keystone.addToken("user", "demo", "demo", inMinutes(60), List.of("member"));
        keystone.addToken("svc", "nova", "service", inMinutes(60), List.of("Service"));

        AuthResult auth = validator.authenticate("user", "svc");

        assertThat(auth.isAuthenticated()).isTrue();
        assertThat(auth.service().userName()).isEqualTo("nova");
        assertThat(auth.serviceRolesOk()).isTrue();
    }

    @Test
    void serviceTokenWithoutServiceRoleIsOnlyFlaggedUnlessRequired() {
        keystone.addToken("user", "demo", "demo", inMinutes(60), List.of("member"));
        keystone.addToken("svc", "alt", "alt", inMinutes(60), List.of("member"));

        AuthResult lenient = validator.authenticate("user", "svc");
        assertThat(lenient.isAuthenticated()).isTrue();
        assertThat(lenient.serviceRolesOk()).isFalse();

        try (TokenValidator strict = validator(keystone.url(), "service_token_roles_required = true")) {
            AuthResult refused = strict.authenticate("user", "svc");
            assertThat(refused.httpStatus()).isEqualTo(401);
            assertThat(refused.reason()).contains("service token");
        }
    }

    @Test
    void invalidServiceTokenIsRefused() {
        keystone.addToken("user", "demo", "demo", inMinutes(60), List.of("member"));

        assertThat(validator.authenticate("user", "forged").httpStatus()).isEqualTo(401);
    }

    @Test
    void delayAuthDecisionLetsInvalidTokensThrough() {
        try (TokenValidator delayed = validator(keystone.url(), "delay_auth_decision = true")) {
            AuthResult r = delayed.authenticate("nope", null);
            assertThat(r.outcome()).isEqualTo(AuthResult.Outcome.DELAYED);
            assertThat(r.httpStatus()).isZero();
            assertThat(r.user()).isNull();
        }
    }

    @Test
    void concurrentRequestsForOneTokenShareOneKeystoneCall() throws Exception {
        keystone.addToken("hot", "demo", "demo", inMinutes(60), List.of("member"));
        validator.client().serviceToken();
        keystone.validationDelayMillis = 200;

        List<Future<ValidationResult>> results = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) results.add(executor.submit(() -> validator.validate("hot")));
        }
        for (Future<ValidationResult> f : results) assertThat(f.get().isValid()).isTrue();
        assertThat(keystone.validations.get()).isEqualTo(1);
        assertThat(keystone.issued.get()).isEqualTo(1);
    }
}
