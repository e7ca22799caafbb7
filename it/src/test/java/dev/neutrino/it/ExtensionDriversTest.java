package dev.neutrino.it;

import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.ml2.Ml2Options;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code [ml2] extension_drivers} over HTTP: a driver that is not loaded takes its extension out of
 * the API (Neutron's answer to its attributes is "Unrecognized attribute"), and a loaded one behaves
 * as Neutron's port_security, port_numa_affinity_policy and port_device_profile drivers.
 */
class ExtensionDriversTest {
    static final List<String> DRIVER_EXTENSIONS = List.of("port-security", "port-numa-affinity-policy",
            "port-device-profile");
    static final List<String> ALL_DRIVERS = List.of("port_security", "port_numa_affinity_policy",
            "port_device_profile");

    static List<String> aliases(Client api) {
        return api.get("/v2.0/extensions").expect(200).at("/extensions").findValuesAsText("alias");
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("dev.neutrino.it.TestDatabases#all")
    void withoutDriversTheirAttributesAreNotInTheApiAndComeBackWhenLoaded(TestDatabases.TestDatabase db)
            throws Exception {
        ServerUnderTest server = ServerUnderTest.start(db, c -> c.with(Ml2Options.EXTENSION_DRIVERS, List.of()));
        try {
            Client api = server.as("ext-none");
            assertThat(aliases(api)).doesNotContainAnyElementsOf(DRIVER_EXTENSIONS).contains("security-group");
            api.get("/v2.0/extensions/port-security").expect(404);

            Resp refused = api.post("/v2.0/networks", obj("network", obj("port_security_enabled", false)));
            refused.expectError(400, "HTTPBadRequest");
            assertThat(refused.errorMessage()).contains("Unrecognized attribute(s) 'port_security_enabled'");
            JsonNode net = api.post("/v2.0/networks", obj("network", obj("name", "n"))).expect(201).at("/network");
            assertThat(net.has("port_security_enabled")).isFalse();
            String netId = net.path("id").asText();

            // as ML2 without the extension: the port counts as secured, so it gets the default group
            JsonNode port = api.post("/v2.0/ports", obj("port", obj("network_id", netId))).expect(201).at("/port");
            assertThat(port.has("port_security_enabled")).isFalse();
            assertThat(port.has("numa_affinity_policy")).isFalse();
            assertThat(port.path("security_groups").size()).isEqualTo(1);
            api.post("/v2.0/ports", obj("port", obj("network_id", netId, "numa_affinity_policy", "required")))
                    .expectError(400, "HTTPBadRequest");
            api.get("/v2.0/ports?port_security_enabled=True").expect(400);

            server = server.restartWith(c -> c.with(Ml2Options.EXTENSION_DRIVERS, ALL_DRIVERS));
            api = server.as("ext-none");
            assertThat(aliases(api)).containsAll(DRIVER_EXTENSIONS);
            // rows written without the driver have no value: read as Neutron's default, true
            assertThat(api.get("/v2.0/networks/" + netId).expect(200).at("/network/port_security_enabled").asBoolean())
                    .isTrue();
            JsonNode after = api.get("/v2.0/ports/" + port.path("id").asText()).expect(200).at("/port");
            assertThat(after.path("port_security_enabled").asBoolean()).isTrue();
            assertThat(after.path("numa_affinity_policy").isNull()).isTrue();
            assertThat(after.path("device_profile").isNull()).isTrue();
        } finally {
            server.close();
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("dev.neutrino.it.TestDatabases#all")
    void loadedDriversBehaveAsNeutrons(TestDatabases.TestDatabase db) throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(db,
                c -> c.with(Ml2Options.EXTENSION_DRIVERS, ALL_DRIVERS))) {
            Client api = server.as("ext-all");
            String netId = api.post("/v2.0/networks", obj("network", obj("name", "n"))).expect(201)
                    .text("/network/id");

            // port_numa_affinity_policy: writable, one of Neutron's policies or null
            JsonNode port = api.post("/v2.0/ports", obj("port", obj("network_id", netId,
                    "numa_affinity_policy", "required", "device_profile", "dp-1"))).expect(201).at("/port");
            String portId = port.path("id").asText();
            assertThat(port.path("numa_affinity_policy").asText()).isEqualTo("required");
            assertThat(port.path("device_profile").asText()).isEqualTo("dp-1");
            assertThat(api.put("/v2.0/ports/" + portId, obj("port", obj("numa_affinity_policy", "preferred")))
                    .expect(200).text("/port/numa_affinity_policy")).isEqualTo("preferred");
            api.put("/v2.0/ports/" + portId, obj("port", obj("numa_affinity_policy", "sometimes")))
                    .expectError(400, "HTTPBadRequest");
            assertThat(api.put("/v2.0/ports/" + portId, obj("port", J.obj("numa_affinity_policy", null)))
                    .expect(200).at("/port/numa_affinity_policy").isNull()).isTrue();
            // port_device_profile: set at creation only
            api.put("/v2.0/ports/" + portId, obj("port", obj("device_profile", "dp-2")))
                    .expectError(400, "HTTPBadRequest");
            assertThat(api.get("/v2.0/ports/" + portId).expect(200).text("/port/device_profile")).isEqualTo("dp-1");

            // port_security: ports Neutron trusts never have it, whatever the request says
            JsonNode dhcp = api.post("/v2.0/ports", obj("port", obj("network_id", netId,
                    "device_owner", "network:dhcp", "port_security_enabled", true))).expect(201).at("/port");
            assertThat(dhcp.path("port_security_enabled").asBoolean()).isFalse();
            assertThat(dhcp.path("security_groups").size()).isZero();
            // a port takes its network's setting; without port security it cannot have groups
            String open = api.post("/v2.0/networks", obj("network", obj("port_security_enabled", false)))
                    .expect(201).text("/network/id");
            JsonNode unsecured = api.post("/v2.0/ports", obj("port", obj("network_id", open))).expect(201).at("/port");
            assertThat(unsecured.path("port_security_enabled").asBoolean()).isFalse();
            assertThat(unsecured.path("security_groups").size()).isZero();
            String sg = port.path("security_groups").get(0).asText();
            api.post("/v2.0/ports", obj("port", obj("network_id", open, "security_groups", List.of(sg))))
                    .expectError(409, "PortSecurityAndIPRequiredForSecurityGroups");
            assertThat(api.get("/v2.0/ports?port_security_enabled=False&network_id=" + open).expect(200)
                    .at("/ports").size()).isEqualTo(1);
        }
    }
}
