package dev.neutrino.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.common.IniFile;
import dev.neutrino.engine.RequestContext;
import org.junit.jupiter.api.Test;

/** [ml2_type_vlan] network_vlan_ranges as neutron-lib's parse_network_vlan_ranges reads it. */
class VlanRangesTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");

    @Test
    void aPhysnetListedWithoutARangeHasEveryVlan() {
        Config config = Config.of(IniFile.parse("[ml2_type_vlan]\nnetwork_vlan_ranges = public,other:100:100\n"),
                NeutrinoOptions.ALL);
        try (ApiHarness h = new ApiHarness(config)) {
            var r = h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "provider:network_type", "vlan",
                    "provider:physical_network", "public"));
            assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
            assertThat((Integer) r.get("network").get("provider:segmentation_id")).isBetween(1, 4094);
            assertThat(h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "provider:network_type",
                    "vlan", "provider:physical_network", "other")).status()).isEqualTo(201);
            var full = h.call(ADMIN, "POST", "/v2.0/networks", ApiHarness.body("network", "provider:network_type",
                    "vlan", "provider:physical_network", "other"));
            assertThat(full.status()).as("other's one VLAN is taken").isEqualTo(503);
            assertThat(full.errorType()).isEqualTo("NoNetworkAvailable");
        }
    }
}
