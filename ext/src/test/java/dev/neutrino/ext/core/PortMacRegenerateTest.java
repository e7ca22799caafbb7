package dev.neutrino.ext.core;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** port-mac-address-regenerate as neutron-server 21 answers it (compared request by request). */
class PortMacRegenerateTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");

    static Map<String, Object> nullMac(Object... kv) {
        Map<String, Object> port = new HashMap<>(body("port", kv));
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = new HashMap<>((Map<String, Object>) port.get("port"));
        inner.put("mac_address", null);
        return Map.of("port", inner);
    }

    @Test
    void aNullMacAddressIsANewOne() {
        try (ApiHarness h = new ApiHarness()) {
            assertThat(h.call(ADMIN, "GET", "/v2.0/extensions/port-mac-address-regenerate", null).status())
                    .isEqualTo(200);
            String net = (String) h.call(ADMIN, "POST", "/v2.0/networks", body("network", "name", "n"))
                    .get("network").get("id");
            ApiHarness.Result created = h.call(ADMIN, "POST", "/v2.0/ports", nullMac("network_id", net));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            String mac = (String) created.get("port").get("mac_address");
            assertThat(mac).startsWith("fa:16:3e:");
            String id = (String) created.get("port").get("id");

            ApiHarness.Result regenerated = h.call(ADMIN, "PUT", "/v2.0/ports/" + id, nullMac());
            assertThat(regenerated.status()).as("%s", regenerated.body()).isEqualTo(200);
            assertThat((String) regenerated.get("port").get("mac_address")).startsWith("fa:16:3e:").isNotEqualTo(mac);

            // a host without a driver to bind it: binding_failed, which is not plugged (Zed allows it too)
            h.call(ADMIN, "PUT", "/v2.0/ports/" + id, body("port", "binding:host_id", "h1"));
            assertThat(h.call(ADMIN, "GET", "/v2.0/ports/" + id, null).get("port").get("binding:vif_type"))
                    .isEqualTo("binding_failed");
            assertThat(h.call(ADMIN, "PUT", "/v2.0/ports/" + id, nullMac()).status()).isEqualTo(200);

            ApiHarness.Result dhcp = h.call(ADMIN, "PUT", "/v2.0/ports/" + id,
                    nullMac("device_owner", "network:dhcp"));
            assertThat(dhcp.status()).isEqualTo(400);
            assertThat(dhcp.errorType()).isEqualTo("UnsupportedPortDeviceOwner");
            assertThat(dhcp.get("NeutronError").get("message")).isEqualTo("Operation mac address update is not "
                    + "supported for device_owner network:dhcp on port " + id + ".");

            ApiHarness.Result bad = h.call(ADMIN, "PUT", "/v2.0/ports/" + id, body("port", "mac_address", "01:00:00:00:00:01"));
            assertThat(bad.status()).as("a multicast address is still refused").isEqualTo(400);
        }
    }
}
