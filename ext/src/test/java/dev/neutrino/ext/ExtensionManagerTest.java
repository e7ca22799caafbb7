package dev.neutrino.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.ml2.ExtensionManager;
import dev.neutrino.common.ConfigException;
import dev.neutrino.ext.core.Networks;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.model.ResourceDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionManagerTest {
    @Test
    void anUnknownDriverIsAConfigurationError() {
        assertThatThrownBy(() -> ExtensionManager.of(List.of("port_security", "designate_dns"), Neutrino.EXTENSION_DRIVERS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[ml2] extension_drivers: unknown driver 'designate_dns'")
                .hasMessageContaining("port_security");
    }

    @Test
    void onlyExtensionsOfUnloadedDriversLeaveTheModel() {
        ExtensionManager none = ExtensionManager.of(List.of(), Neutrino.EXTENSION_DRIVERS);
        assertThat(none.enabled("port-security")).isFalse();
        assertThat(none.enabled("security-group")).as("not a driver's extension").isTrue();
        ResourceDef ports = engine(List.of()).service(Ports.DEF).def();
        assertThat(ports.has("port_security_enabled")).isFalse();
        assertThat(ports.has("numa_affinity_policy")).isFalse();
        assertThat(ports.has("security_groups")).isTrue();
        assertThat(engine(List.of()).service(Networks.DEF).def().has("port_security_enabled")).isFalse();
        assertThat(engine(List.of()).extensions()).extracting(e -> e.alias())
                .doesNotContain("port-security").contains("security-group");

        ExtensionManager psec = ExtensionManager.of(List.of("port_security", "port_security"),
                Neutrino.EXTENSION_DRIVERS);
        assertThat(psec.names()).containsExactly("port_security");
        ResourceDef withPsec = engine(List.of("port_security")).service(Ports.DEF).def();
        assertThat(withPsec.has("port_security_enabled")).isTrue();
        assertThat(withPsec.attribute("port_security_enabled").extensionAlias())
                .as("tagged with the alias of the extension that declares it").isEqualTo("port-security");
        assertThat(withPsec.has("device_profile")).isFalse();
        assertThat(engine(List.of("port_security")).service(Networks.DEF).def().has("port_security_enabled")).isTrue();
    }

    private static dev.neutrino.engine.Engine engine(List<String> drivers) {
        var config = dev.neutrino.common.Config.defaults(NeutrinoOptions.ALL)
                .with(dev.neutrino.ml2.Ml2Options.EXTENSION_DRIVERS, drivers);
        return new Neutrino(config, null).engine();
    }

    @Test
    void portSecurityFollowsTheNetworkExceptForTrustedPorts() {
        ExtensionManager psec = ExtensionManager.of(List.of("port_security"), Neutrino.EXTENSION_DRIVERS);
        Map<String, Object> port = new HashMap<>(Map.of("device_owner", "compute:nova"));
        psec.processCreatePort(null, port, Map.of("port_security_enabled", false));
        assertThat(port.get("port_security_enabled")).isEqualTo(false);

        Map<String, Object> explicit = new HashMap<>(Map.of("port_security_enabled", true));
        psec.processCreatePort(null, explicit, Map.of("port_security_enabled", false));
        assertThat(explicit.get("port_security_enabled")).isEqualTo(true);

        Map<String, Object> router = new HashMap<>(Map.of("device_owner", "network:router_interface",
                "port_security_enabled", true));
        psec.processCreatePort(null, router, Map.of("port_security_enabled", true));
        assertThat(router.get("port_security_enabled")).isEqualTo(false);

        Map<String, Object> unset = new HashMap<>();
        unset.put("port_security_enabled", null);
        Map<String, Object> otherFields = new HashMap<>(Map.of("id", "x"));
        psec.extendPorts(List.of(unset, otherFields));
        assertThat(unset.get("port_security_enabled")).as("written without the driver").isEqualTo(true);
        assertThat(otherFields).doesNotContainKey("port_security_enabled");
    }
}
