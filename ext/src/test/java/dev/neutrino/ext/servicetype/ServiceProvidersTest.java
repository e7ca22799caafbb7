package dev.neutrino.ext.servicetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.IniFile;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /v2.0/service-providers} (service-type) as neutron's ServiceTypeManager answers it. */
class ServiceProvidersTest {
    static final RequestContext MEMBER = RequestContext.member("alice", "project-a");

    static Config withProviders(String... lines) {
        StringBuilder ini = new StringBuilder("[service_providers]\n");
        for (String l : lines) ini.append("service_provider = ").append(l).append('\n');
        return Config.of(IniFile.parse(ini.toString()), NeutrinoOptions.ALL);
    }

    @Test
    void zedsMl2OvnConfiguresNoneAndAdvertisesTheExtension() {
        try (ApiHarness h = new ApiHarness()) {
            ApiHarness.Result r = h.call(MEMBER, "GET", "/v2.0/service-providers", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.list("service_providers")).isEmpty();
            assertThat(h.call(MEMBER, "GET", "/v2.0/extensions/service-type", null).get("extension"))
                    .containsEntry("name", "Neutron Service Type Management");
        }
    }

    @Test
    void configuredProvidersAreListedFilteredAndNarrowedToFields() {
        Config config = withProviders("L3_ROUTER_NAT:ovn:neutron.services.ovn_l3.service_providers.ovn.OvnDriver:default",
                "L3_ROUTER_NAT:User Defined:neutron.services.l3_router.service_providers.user_defined.UserDefined",
                "FIREWALL_V2:fwaas_db:neutron_fwaas.services.firewall.service_drivers.agents.agents.FirewallAgentDriver");
        try (ApiHarness h = new ApiHarness(config)) {
            List<Map<String, Object>> all = h.call(MEMBER, "GET", "/v2.0/service-providers", null)
                    .list("service_providers");
            assertThat(all).containsExactly(
                    Map.of("service_type", "L3_ROUTER_NAT", "name", "ovn", "default", true),
                    Map.of("service_type", "L3_ROUTER_NAT", "name", "user_defined", "default", false),
                    Map.of("service_type", "FIREWALL_V2", "name", "fwaas_db", "default", false));
            assertThat(h.call(MEMBER, "GET", "/v2.0/service-providers",
                    Map.of("service_type", List.of("FIREWALL_V2")), null).list("service_providers"))
                    .extracting(p -> p.get("name")).containsExactly("fwaas_db");
            assertThat(h.call(MEMBER, "GET", "/v2.0/service-providers",
                    Map.of("name", List.of("ovn"), "fields", List.of("name")), null).list("service_providers"))
                    .containsExactly(Map.of("name", "ovn"));
            // neutron compares the query string with the stored boolean: never equal
            assertThat(h.call(MEMBER, "GET", "/v2.0/service-providers",
                    Map.of("default", List.of("True")), null).list("service_providers")).isEmpty();
        }
    }

    @Test
    void onlyTheCollectionIsServedAndOnlyForReading() {
        try (ApiHarness h = new ApiHarness()) {
            assertThat(h.call(MEMBER, "GET", "/v2.0/service-providers/ovn", null).status()).isEqualTo(404);
            ApiHarness.Result post = h.call(RequestContext.admin("admin"), "POST", "/v2.0/service-providers",
                    Map.of("service_provider", Map.of("name", "x")));
            assertThat(post.status()).isEqualTo(405);
        }
    }

    @Test
    void badProviderLinesStopTheServerAsNeutronDoes() {
        assertThatThrownBy(() -> ServiceProvider.parse(List.of("L3_ROUTER_NAT:ovn")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("invalid service provider format");
        assertThatThrownBy(() -> ServiceProvider.parse(List.of("A:x:d1:default", "A:y:d2:default")))
                .hasMessageContaining("multiple default providers for service A");
        assertThatThrownBy(() -> ServiceProvider.parse(List.of("A:x:d1", "B:y:d1")))
                .hasMessageContaining("driver d1 is not unique");
        assertThatThrownBy(() -> ServiceProvider.parse(List.of("A:x:d1:yes")))
                .hasMessageContaining("should be 'default' or empty");
    }

    @Test
    void aMultiStringOptionKeepsEveryLineAcrossFiles() {
        IniFile ini = IniFile.parse("[service_providers]\nservice_provider = A:a:d1\nservice_provider = B:b:d2:default\n"
                + "[DEFAULT]\nbase_mac = fa:16:3e:00:00:01\nbase_mac = fa:16:3e:00:00:02\n");
        Config c = Config.of(ini, List.of(ServiceTypeOptions.SERVICE_PROVIDER, dev.neutrino.ext.core.CoreOptions.BASE_MAC));
        assertThat(c.get(ServiceTypeOptions.SERVICE_PROVIDER)).containsExactly("A:a:d1", "B:b:d2:default");
        assertThat(c.get(dev.neutrino.ext.core.CoreOptions.BASE_MAC)).as("a plain option: the last value")
                .isEqualTo("fa:16:3e:00:00:02");
    }
}
