package dev.neutrino.nova;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.IniFile;
import org.junit.jupiter.api.Test;

class NovaOptionsTest {
    static Config conf(String ini) {
        return Config.of(IniFile.parse(ini), NovaOptions.ALL);
    }

    @Test
    void withoutNovaCredentialsThereIsNoNotifier() {
        assertThat(NovaOptions.settings(conf(""))).isNull();
        assertThat(NovaOptions.settings(conf("""
                [DEFAULT]
                notify_nova_on_port_status_changes = false
                notify_nova_on_port_data_changes = false
                [nova]
                auth_url = http://k:5000
                username = nova
                password = x
                project_name = service
                """))).as("both notify options off").isNull();
    }

    @Test
    void anIncompleteSectionIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> NovaOptions.settings(conf("[nova]\nauth_type = password\nusername = nova\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[nova]").hasMessageContaining("auth_url is required")
                .hasMessageContaining("password is required").hasMessageContaining("project_name is required");
        assertThatThrownBy(() -> NovaOptions.settings(conf("""
                [nova]
                auth_type = token
                auth_url = http://k:5000/v3
                username = nova
                password = x
                project_name = service
                """))).hasMessageContaining("auth_type 'token' is not supported");
        assertThatThrownBy(() -> conf("[nova]\nendpoint_type = publicURL\n").get(NovaOptions.ENDPOINT_TYPE))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void theSectionAsNeutronReadsIt() {
        var s = NovaOptions.settings(conf("""
                [DEFAULT]
                send_events_interval = 5
                notify_nova_on_port_data_changes = false
                [nova]
                auth_url = http://k:5000/
                username = nova
                password = x
                project_name = service
                endpoint_type = internal
                """));
        assertThat(s.credentials().authUrl()).hasToString("http://k:5000/v3");
        assertThat(s.interval()).hasSeconds(5);
        assertThat(s.onStatus()).isTrue();
        assertThat(s.onData()).isFalse();
        assertThat(s.endpointType()).isEqualTo("internal");
        assertThat(s.credentials().toString()).doesNotContain("x]");
    }
}
