package dev.neutrino.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.neutrino.common.IniFile;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real Keystone set up by {@code scripts/keystone-services.sh}: runs only with
 * {@code -Dneutrino.test.keystone=http://127.0.0.1:5000/v3}; skipped otherwise, unless
 * {@code -Dneutrino.test.require-keystone=true}, which makes a missing Keystone a failure.
 */
class KeystoneLiveTest {
    static TokenValidator validator;
    static KeystoneClient client;
    /** Why the tests are skipped (shown per test by surefire), or null when Keystone is there. */
    static String skipReason;

    @BeforeAll
    static void connect() {
        String url = System.getProperty("neutrino.test.keystone", "").strip();
        boolean required = Boolean.getBoolean("neutrino.test.require-keystone");
        if (url.isEmpty()) {
            if (required) fail("neutrino.test.require-keystone=true but neutrino.test.keystone is not set");
            skipReason = "set -Dneutrino.test.keystone=http://127.0.0.1:5000/v3 to test against Keystone";
            return;
        }
        KeystoneAuthConfig config = KeystoneAuthConfig.from(IniFile.parse("""
                [keystone_authtoken]
                www_authenticate_uri = %s
                auth_url = %s
                auth_type = password
                username = neutron
                password = neutron
                project_name = service
                user_domain_name = Default
                project_domain_name = Default
                """.formatted(url, url)));
        client = new KeystoneClient(config);
        validator = new TokenValidator(client);
        try {
            client.serviceToken();
        } catch (KeystoneException e) {
            if (required || e.status() != 0) throw e;
            skipReason = "no Keystone at " + url + ": " + e.getMessage();
        }
    }

    @BeforeEach
    void needsKeystone() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void close() {
        if (validator != null) validator.close();
    }

    @Test
    void demoTokenValidatesWithMemberRole() {
        KeystoneClient.IssuedToken demo = client.passwordToken("demo", "Default", "demo", "demo", "Default");

        ValidationResult result = validator.validate(demo.id());

        assertThat(result.isValid()).as("%s", result).isTrue();
        Identity id = result.identityOrNull();
        assertThat(id.userName()).isEqualTo("demo");
        assertThat(id.userId()).isEqualTo(demo.identity().userId());
        assertThat(id.projectName()).isEqualTo("demo");
        assertThat(id.projectId()).isNotBlank();
        assertThat(id.projectDomainId()).isEqualTo("default");
        assertThat(id.hasRole("member")).isTrue();
        assertThat(id.hasRole("admin")).isFalse();
        assertThat(id.expiresAt()).isAfter(java.time.Instant.now());

        long calls = client.requestCount();
        assertThat(validator.authenticate(demo.id(), null).isAuthenticated()).isTrue();
        assertThat(client.requestCount()).isEqualTo(calls); // from the cache
    }

    @Test
    void aSessionFindsTheNetworkEndpointInTheRealCatalog() {
        URI authUrl = KeystoneSession.Credentials.identityV3(System.getProperty("neutrino.test.keystone"));
        var credentials = new KeystoneSession.Credentials(authUrl, "neutron", "neutron", "Default", "", "service",
                "Default", "");
        try (KeystoneSession session = new KeystoneSession(credentials, java.time.Duration.ofSeconds(10),
                java.time.Clock.systemUTC())) {
            KeystoneSession.Token token = session.token();
            assertThat(session.token()).as("kept until it nears its expiry").isSameAs(token);
            // scripts/keystone-services.sh registers the network service in RegionOne
            URI network = session.endpoint(token, "network", "public", "RegionOne");
            assertThat(network.getScheme()).isEqualTo("http");
            assertThat(validator.validate(token.id()).isValid()).isTrue();
            assertThatThrownBy(() -> session.endpoint(token, "network", "public", "NoSuchRegion"))
                    .isInstanceOf(KeystoneException.class).hasMessageContaining("no public endpoint of type network");
            session.invalidate(token.id());
            assertThat(session.token().id()).isNotEqualTo(token.id());
        }
    }

    @Test
    void forgedTokenIsInvalid() {
        ValidationResult result = validator.validate("gAAAAABnot-a-real-fernet-token");

        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(validator.authenticate("gAAAAABnot-a-real-fernet-token", null).httpStatus()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIsRejected() {
        try {
            client.passwordToken("demo", "Default", "wrong", "demo", "Default");
            fail("Keystone accepted a wrong password");
        } catch (KeystoneException e) {
            assertThat(e.status()).isEqualTo(401);
        }
    }

    @Test
    void serviceTokenOfNeutronCarriesTheServiceRole() {
        KeystoneClient.IssuedToken demo = client.passwordToken("demo", "Default", "demo", "demo", "Default");
        KeystoneClient.IssuedToken neutron = client.passwordToken("neutron", "Default", "neutron", "service",
                "Default");
        KeystoneClient.IssuedToken alt = client.passwordToken("alt", "Default", "alt", "alt", "Default");

        AuthResult withService = validator.authenticate(demo.id(), neutron.id());
        assertThat(withService.isAuthenticated()).isTrue();
        assertThat(withService.serviceRolesOk()).isTrue();
        assertThat(withService.service().userName()).isEqualTo("neutron");

        AuthResult withAlt = validator.authenticate(demo.id(), alt.id());
        assertThat(withAlt.isAuthenticated()).isTrue();
        assertThat(withAlt.serviceRolesOk()).isFalse();
    }
}
