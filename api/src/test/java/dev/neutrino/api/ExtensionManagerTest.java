package dev.neutrino.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.api.ml2.ExtensionManager;
import dev.neutrino.common.ConfigException;
import dev.neutrino.model.defs.Networks;
import dev.neutrino.model.defs.Ports;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionManagerTest {
    @Test
    void anUnknownDriverIsAConfigurationError() {
        assertThatThrownBy(() -> ExtensionManager.of(List.of("port_security", "dns")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[ml2] extension_drivers: unknown driver 'dns'")
                .hasMessageContaining("port_security");
    }

    @Test
    void onlyExtensionsOfUnloadedDriversLeaveTheModel() {
        ExtensionManager none = ExtensionManager.of(List.of());
        assertThat(none.enabled("port-security")).isFalse();
        assertThat(none.enabled("security-group")).as("not a driver's extension").isTrue();
        assertThat(none.restrict(Ports.DEF).has("port_security_enabled")).isFalse();
        assertThat(none.restrict(Ports.DEF).has("numa_affinity_policy")).isFalse();
        assertThat(none.restrict(Ports.DEF).has("security_groups")).isTrue();
        assertThat(none.restrict(Networks.DEF).has("port_security_enabled")).isFalse();

        ExtensionManager psec = ExtensionManager.of(List.of("port_security", "port_security"));
        assertThat(psec.names()).containsExactly("port_security");
        assertThat(psec.restrict(Ports.DEF).has("port_security_enabled")).isTrue();
        assertThat(psec.restrict(Ports.DEF).has("device_profile")).isFalse();
        assertThat(psec.restrict(Networks.DEF)).isSameAs(Networks.DEF);
    }

    @Test
    void portSecurityFollowsTheNetworkExceptForTrustedPorts() {
        ExtensionManager psec = ExtensionManager.of(List.of("port_security"));
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
