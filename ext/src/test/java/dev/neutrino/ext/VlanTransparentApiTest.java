package dev.neutrino.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.common.IniFile;
import dev.neutrino.engine.RequestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** vlan-transparent and qinq: the networks' attributes as ML2's create_network keeps them. */
class VlanTransparentApiTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");

    @Test
    void theAttributesAreSetOnCreateOnlyAndNotBoth() {
        try (ApiHarness h = new ApiHarness()) {
            assertThat(h.call(ADMIN, "GET", "/v2.0/extensions", null).list("extensions"))
                    .extracting(e -> e.get("alias")).contains("vlan-transparent", "qinq");
            var plain = h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "name", "plain"));
            assertThat(plain.get("network")).containsEntry("vlan_transparent", false).containsEntry("qinq", false);
            var t = h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "name", "t",
                    "vlan_transparent", "True"));
            assertThat(t.status()).as("%s", t.body()).isEqualTo(201);
            assertThat(t.get("network")).containsEntry("vlan_transparent", true);
            assertThat(h.call(ADMIN, "GET", "/v2.0/networks", Map.of("vlan_transparent", List.of("true")), null)
                    .list("networks")).extracting(n -> n.get("name")).containsExactly("t");

            var both = h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "name", "b",
                    "vlan_transparent", true, "qinq", true));
            assertThat(both.status()).isEqualTo(400);
            assertThat(both.errorType()).isEqualTo("BadRequest");
            assertThat(both.get("NeutronError").get("message")).isEqualTo("Bad network request: Attributes "
                    + "'vlan_transparent' and 'qinq' can not be set to True for the same network..");
            assertThat(h.call(ADMIN, "GET", "/v2.0/networks", Map.of("name", List.of("b")), null).list("networks"))
                    .as("nothing written").isEmpty();

            var put = h.call(ADMIN, "PUT", "/v2.0/networks/" + t.get("network").get("id"),
                    ApiHarness.body("network", "vlan_transparent", false));
            assertThat(put.status()).isEqualTo(400);
            assertThat(h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "qinq", "maybe"))
                    .status()).isEqualTo(400);
        }
    }

    @Test
    void falseInTheConfigurationTakesAnExtensionOutOfTheApi() {
        Config config = Config.of(IniFile.parse("[DEFAULT]\nvlan_transparent = false\n"), NeutrinoOptions.ALL);
        try (ApiHarness h = new ApiHarness(config)) {
            assertThat(h.call(ADMIN, "GET", "/v2.0/extensions", null).list("extensions"))
                    .extracting(e -> e.get("alias")).doesNotContain("vlan-transparent").contains("qinq");
            var r = h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "vlan_transparent", true));
            assertThat(r.status()).isEqualTo(400);
            assertThat(h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "name", "n"))
                    .get("network")).doesNotContainKey("vlan_transparent");
        }
    }

    @Test
    void whileAnOlderServerRunsNoTransparentOrQinqNetworkIsMade() {
        try (ApiHarness h = new ApiHarness(Config.defaults(NeutrinoOptions.ALL), release -> false)) {
            var r = h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "vlan_transparent", true));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.errorType()).isEqualTo("VlanTransparencyNotYetAvailable");
            assertThat(h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "name", "plain")).status())
                    .isEqualTo(201);
        }
    }
}
