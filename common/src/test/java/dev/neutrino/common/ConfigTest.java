package dev.neutrino.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    // a few options in neutron.conf's shape; the real ones belong to the modules that read them (the
    // server's AllOptionsTest reads a neutron.conf against all of them)
    static final Option<String> BIND_HOST = Option.string("DEFAULT", "bind_host", "127.0.0.1", "");
    static final Option<Integer> BIND_PORT = Option.integer("DEFAULT", "bind_port", 9696, 0, 65535, "");
    static final Option<String> CORE_PLUGIN = Option.string("DEFAULT", "core_plugin", "ml2", "");
    static final Option<String> BASE_MAC = new Option<>("DEFAULT", "base_mac", "fa:16:3e:00:00:00",
            String::toLowerCase, "");
    static final Option<List<String>> SERVICE_PLUGINS = Option.list("DEFAULT", "service_plugins", List.of(), "");
    static final Option<Boolean> ALLOW_OVERLAPPING_IPS = Option.bool("DEFAULT", "allow_overlapping_ips", true, "");
    static final Option<String> DB_CONNECTION = Option.string("database", "connection", "", "");
    static final Option<Integer> QUOTA_NETWORK = Option.integer("quotas", "quota_network", 100, -1,
            Integer.MAX_VALUE, "");
    static final Option<Integer> QUOTA_PORT = Option.integer("quotas", "quota_port", 500, -1, Integer.MAX_VALUE, "");
    static final List<Option<?>> ALL = List.of(BIND_HOST, BIND_PORT, CORE_PLUGIN, BASE_MAC, SERVICE_PLUGINS,
            ALLOW_OVERLAPPING_IPS, DB_CONNECTION, QUOTA_NETWORK, QUOTA_PORT);

    @TempDir
    Path dir;

    @Test
    void laterFilesWinAndDefaultsFillTheRest() throws Exception {
        Path a = write("a.conf", """
                [DEFAULT]
                # a comment
                bind_port = 9797
                base_mac = FA:16:3E:00:00:00
                [database]
                connection = mysql+pymysql://neutron:pw@127.0.0.1/neutron
                """);
        Path b = write("b.conf", """
                [DEFAULT]
                bind_port: 9898
                service_plugins = router, segments,
                [quotas]
                quota_port = -1
                """);
        Config c = Config.of(IniFile.load(List.of(a, b)), ALL);
        assertThat(c.get(BIND_PORT)).isEqualTo(9898);
        assertThat(c.get(BASE_MAC)).isEqualTo("fa:16:3e:00:00:00");
        assertThat(c.get(SERVICE_PLUGINS)).containsExactly("router", "segments");
        assertThat(c.get(QUOTA_PORT)).isEqualTo(-1);
        assertThat(c.get(QUOTA_NETWORK)).isEqualTo(100);
        assertThat(c.get(DB_CONNECTION)).isEqualTo("mysql+pymysql://neutron:pw@127.0.0.1/neutron");
        assertThat(c.get(BIND_HOST)).isEqualTo("127.0.0.1");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void unknownOptionsAreWarningsNotErrors() throws Exception {
        Path a = write("a.conf", """
                [DEFAULT]
                core_plugin = ml2
                frobnicate = yes
                [ovs]
                bridge_mappings = physnet1:br-ex
                """);
        Config c = Config.of(IniFile.load(List.of(a)), ALL);
        assertThat(c.warnings()).hasSize(2);
        assertThat(c.warnings().get(0)).contains("a.conf:3").contains("[DEFAULT] frobnicate");
    }

    @Test
    void malformedValuesNameTheOptionAndTheLine() throws Exception {
        Path a = write("a.conf", "[DEFAULT]\nbind_port = ninety\n");
        assertThatThrownBy(() -> Config.of(IniFile.load(List.of(a)), ALL))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.conf:2").hasMessageContaining("[DEFAULT] bind_port")
                .hasMessageContaining("ninety");
        Path b = write("b.conf", "[DEFAULT]\nallow_overlapping_ips = maybe\n");
        assertThatThrownBy(() -> Config.of(IniFile.load(List.of(b)), ALL))
                .hasMessageContaining("allow_overlapping_ips");
        Path c = write("c.conf", "[DEFAULT]\nbind_port = 70000\n");
        assertThatThrownBy(() -> Config.of(IniFile.load(List.of(c)), ALL))
                .hasMessageContaining("between 0 and 65535");
    }

    @Test
    void syntaxErrorsAreReported() {
        assertThatThrownBy(() -> IniFile.parse("bind_port = 1\n")).hasMessageContaining("outside of any [section]");
        assertThatThrownBy(() -> IniFile.parse("[DEFAULT\n")).hasMessageContaining("malformed section header");
        assertThatThrownBy(() -> IniFile.parse("[DEFAULT]\njust words\n")).hasMessageContaining("expected");
    }

    @Test
    void continuationLinesExtendTheValue() {
        IniFile ini = IniFile.parse("[DEFAULT]\nservice_plugins = router,\n  segments\n");
        Config c = Config.of(ini, ALL);
        assertThat(c.get(SERVICE_PLUGINS)).containsExactly("router", "segments");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
