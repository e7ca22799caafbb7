package dev.neutrino.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.IniFile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeystoneAuthConfigTest {

    static final String NEUTRON_CONF = """
            [DEFAULT]
            auth_strategy = keystone

            [keystone_authtoken]
            www_authenticate_uri = http://controller:5000
            auth_url = http://controller:5000
            memcached_servers = controller:11211
            auth_type = password
            project_domain_name = Default
            user_domain_name = Default
            project_name = service
            username = neutron
            password = NEUTRON_PASS
            """;

    @Test
    void readsTheInstallGuideSection() {
        KeystoneAuthConfig c = KeystoneAuthConfig.from(IniFile.parse(NEUTRON_CONF));

        assertThat(c.authUrl()).hasToString("http://controller:5000/v3");
        assertThat(c.wwwAuthenticate()).isEqualTo("Keystone uri=\"http://controller:5000\"");
        assertThat(c.username()).isEqualTo("neutron");
        assertThat(c.projectName()).isEqualTo("service");
        assertThat(c.tokenCacheTime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.serviceTokenRoles()).containsExactly("service");
        assertThat(c.serviceTokenRolesRequired()).isFalse();
        assertThat(c.toString()).doesNotContain("NEUTRON_PASS");
    }

    @Test
    void optionsRegisterWithoutWarnings() {
        // the whole file, [DEFAULT] auth_strategy included, is checked against the server's options in
        // the server module (AllOptionsTest)
        String section = NEUTRON_CONF.substring(NEUTRON_CONF.indexOf("[keystone_authtoken]"));
        Config config = Config.of(IniFile.parse(section), KeystoneAuthConfig.OPTIONS);

        assertThat(config.warnings()).isEmpty();
        assertThat(KeystoneAuthConfig.from(config).password()).isEqualTo("NEUTRON_PASS");
    }

    @Test
    void authUrlWithOrWithoutVersion() {
        assertThat(KeystoneAuthConfig.identityV3("http://k:5000/v3/")).hasToString("http://k:5000/v3");
        assertThat(KeystoneAuthConfig.identityV3("http://k:5000/")).hasToString("http://k:5000/v3");
        assertThat(KeystoneAuthConfig.identityV3("https://k/identity")).hasToString("https://k/identity/v3");
        assertThat(KeystoneAuthConfig.identityV3("http://k:5000/v2.0")).hasToString("http://k:5000/v3");
    }

    @Test
    void wwwAuthenticateFallsBackToAuthUriThenAuthUrl() {
        String base = """
                [keystone_authtoken]
                auth_url = http://k:5000/v3
                username = neutron
                password = p
                project_name = service
                """;
        assertThat(KeystoneAuthConfig.from(IniFile.parse(base)).wwwAuthenticate())
                .isEqualTo("Keystone uri=\"http://k:5000\"");
        assertThat(KeystoneAuthConfig.from(IniFile.parse(base + "auth_uri = http://public:5000/v3\n"))
                .wwwAuthenticateUri()).isEqualTo("http://public:5000/v3");
    }

    @Test
    void missingOptionsAreNamed() {
        assertThatThrownBy(() -> KeystoneAuthConfig.from(IniFile.parse("[keystone_authtoken]\nauth_type = token\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth_type 'token' is not supported")
                .hasMessageContaining("auth_url is required")
                .hasMessageContaining("username is required")
                .hasMessageContaining("password is required")
                .hasMessageContaining("project_name is required");
        assertThatThrownBy(() -> KeystoneAuthConfig.from(IniFile.parse("""
                [keystone_authtoken]
                auth_url = controller:5000
                username = u
                password = p
                project_name = s
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("auth_url");
    }

    @Test
    void malformedNumbersFailFast() {
        assertThatThrownBy(() -> KeystoneAuthConfig.from(IniFile.parse("""
                [keystone_authtoken]
                token_cache_time = soon
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("token_cache_time");
    }

    @Test
    void serviceRoleCheckIsCaseInsensitive() {
        KeystoneAuthConfig c = KeystoneAuthConfig.from(IniFile.parse(NEUTRON_CONF
                + "service_token_roles = service, nova-service\n"));
        assertThat(c.hasServiceRole(List.of("member", "Service"))).isTrue();
        assertThat(c.hasServiceRole(List.of("NOVA-SERVICE"))).isTrue();
        assertThat(c.hasServiceRole(List.of("member"))).isFalse();
    }
}
