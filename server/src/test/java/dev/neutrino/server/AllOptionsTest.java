package dev.neutrino.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.IniFile;
import dev.neutrino.common.Option;
import dev.neutrino.db.DatabaseOptions;
import dev.neutrino.engine.EngineOptions;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ext.dns.DnsOptions;
import dev.neutrino.ext.logging.LoggingOptions;
import dev.neutrino.ext.vlantransparent.VlanTransparentOptions;
import dev.neutrino.ext.core.CoreOptions;
import dev.neutrino.ext.servicetype.ServiceTypeOptions;
import dev.neutrino.keystone.KeystoneAuthConfig;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.ovn.OvnOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AllOptionsTest {

    /**
     * Every option of the single options list each module used to share (common's Options.ALL, before
     * each module got its own), and {@code [service_providers]}: none may get lost.
     */
    static final List<String> BEFORE_THE_SPLIT = List.of(
            "DEFAULT/bind_host", "DEFAULT/bind_port", "DEFAULT/state_path", "DEFAULT/auth_strategy",
            "DEFAULT/base_mac", "DEFAULT/core_plugin", "DEFAULT/service_plugins", "DEFAULT/allow_overlapping_ips",
            "DEFAULT/max_fixed_ips_per_port", "DEFAULT/global_physnet_mtu", "DEFAULT/api_workers",
            "DEFAULT/rpc_workers", "DEFAULT/transport_url", "DEFAULT/debug", "DEFAULT/log_dir",
            "DEFAULT/pagination_max_limit",
            "database/connection", "database/max_pool_size", "database/pool_timeout",
            "ml2/type_drivers", "ml2/tenant_network_types", "ml2/mechanism_drivers", "ml2/extension_drivers",
            "ml2/path_mtu", "ml2/physical_network_mtus",
            "ml2_type_flat/flat_networks", "ml2_type_vlan/network_vlan_ranges", "ml2_type_geneve/vni_ranges",
            "ml2_type_geneve/max_header_size", "ml2_type_vxlan/vni_ranges", "ml2_type_vxlan/vxlan_group",
            "oslo_policy/policy_file", "oslo_policy/enforce_scope", "oslo_policy/enforce_new_defaults",
            "ovn/ovn_nb_connection", "ovn/ovn_sb_connection", "ovn/ovn_metadata_enabled",
            "ovn/enable_distributed_floating_ip", "ovn/ovn_emit_need_to_frag", "ovn/db_sync_interval",
            "quotas/quota_network", "quotas/quota_subnet", "quotas/quota_port", "quotas/quota_security_group",
            "quotas/quota_security_group_rule", "quotas/quota_router", "quotas/quota_floatingip",
            "quotas/quota_rbac_policy", "quotas/quota_subnetpool", "quotas/quota_driver", "quotas/default_quota",
            "service_providers/service_provider");

    private static String key(Option<?> o) {
        return o.section() + "/" + o.name();
    }

    private static Set<String> keys(List<Option<?>> options) {
        return options.stream().map(AllOptionsTest::key).collect(Collectors.toSet());
    }

    @Test
    void noTwoModulesDeclareTheSameOption() {
        Set<String> seen = new HashSet<>();
        List<String> twice = AllOptions.ALL.stream().map(AllOptionsTest::key).filter(k -> !seen.add(k)).toList();
        assertThat(twice).isEmpty();
    }

    @Test
    void noOptionIsLostInTheSplit() {
        assertThat(BEFORE_THE_SPLIT).hasSize(52).doesNotHaveDuplicates();
        assertThat(keys(AllOptions.ALL)).containsAll(BEFORE_THE_SPLIT).containsAll(keys(KeystoneAuthConfig.OPTIONS));
    }

    @Test
    void everyModulesOptionsAreInTheServersList() {
        for (List<Option<?>> module : List.of(DatabaseOptions.ALL, EngineOptions.ALL, Ml2Options.ALL,
                CoreOptions.ALL, ServiceTypeOptions.ALL, VlanTransparentOptions.ALL, DnsOptions.ALL, LoggingOptions.ALL, OvnOptions.ALL,
                KeystoneAuthConfig.OPTIONS, dev.neutrino.nova.NovaOptions.ALL, ServerOptions.ALL, SslOptions.ALL)) {
            assertThat(AllOptions.ALL).containsAll(module);
        }
        assertThat(AllOptions.ALL).containsAll(NeutrinoOptions.ALL);
        assertThat(AllOptions.ALL).hasSize(DatabaseOptions.ALL.size() + EngineOptions.ALL.size()
                + Ml2Options.ALL.size() + CoreOptions.ALL.size() + ServiceTypeOptions.ALL.size()
                + VlanTransparentOptions.ALL.size() + DnsOptions.ALL.size() + LoggingOptions.ALL.size() + OvnOptions.ALL.size() + KeystoneAuthConfig.OPTIONS.size() + dev.neutrino.nova.NovaOptions.ALL.size()
                + ServerOptions.ALL.size() + SslOptions.ALL.size());
    }

    @Test
    void aNeutronConfSpanningEveryModuleReadsWithoutWarnings() {
        Config c = Config.of(IniFile.parse("""
                [DEFAULT]
                bind_port = 9898
                base_mac = FA:16:3E:00:00:00
                service_plugins = router, segments,
                auth_strategy = keystone
                global_physnet_mtu = 9000
                [database]
                connection = mysql+pymysql://neutron:pw@127.0.0.1/neutron
                [quotas]
                quota_port = -1
                [ml2]
                mechanism_drivers = ovn
                [ml2_type_vlan]
                network_vlan_ranges = physnet1:100:200
                [ovn]
                ovn_nb_connection = tcp:127.0.0.1:6641
                [network_log]
                rate_limit = 200
                burst_limit = 50
                [oslo_policy]
                enforce_scope = true
                [service_providers]
                service_provider = L3_ROUTER_NAT:a:x.Y:default
                service_provider = L3_ROUTER_NAT:b:x.Z
                [keystone_authtoken]
                auth_url = http://controller:5000
                auth_type = password
                project_name = service
                username = neutron
                password = NEUTRON_PASS
                [nova]
                auth_url = http://controller:5000
                auth_type = password
                project_domain_name = Default
                user_domain_name = Default
                region_name = RegionOne
                project_name = service
                username = nova
                password = NOVA_PASS
                """), AllOptions.ALL);

        assertThat(c.warnings()).isEmpty();
        assertThat(c.get(ServerOptions.BIND_PORT)).isEqualTo(9898);
        assertThat(c.get(ServerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
        assertThat(c.get(ServerOptions.SERVICE_PLUGINS)).containsExactly("router", "segments");
        assertThat(c.get(ServerOptions.AUTH_STRATEGY)).isEqualTo("keystone");
        assertThat(c.get(CoreOptions.BASE_MAC)).isEqualTo("fa:16:3e:00:00:00");
        assertThat(c.get(Ml2Options.GLOBAL_PHYSNET_MTU)).isEqualTo(9000);
        assertThat(c.get(DatabaseOptions.CONNECTION)).isEqualTo("mysql+pymysql://neutron:pw@127.0.0.1/neutron");
        assertThat(c.get(EngineOptions.QUOTA_PORT)).isEqualTo(-1);
        assertThat(c.get(EngineOptions.QUOTA_NETWORK)).isEqualTo(100);
        assertThat(c.get(Ml2Options.MECHANISM_DRIVERS)).containsExactly("ovn");
        assertThat(c.get(Ml2Options.VLAN_RANGES)).containsExactly("physnet1:100:200");
        assertThat(c.get(OvnOptions.NB_CONNECTION)).isEqualTo("tcp:127.0.0.1:6641");
        assertThat(c.get(LoggingOptions.RATE_LIMIT)).isEqualTo(200);
        assertThat(c.get(LoggingOptions.BURST_LIMIT)).isEqualTo(50);
        assertThat(LoggingOptions.meterName(c)).isEqualTo("acl_log_meter");
        assertThat(c.get(ServerOptions.ENFORCE_SCOPE)).isTrue();
        assertThat(c.get(ServiceTypeOptions.SERVICE_PROVIDER))
                .containsExactly("L3_ROUTER_NAT:a:x.Y:default", "L3_ROUTER_NAT:b:x.Z");
        assertThat(KeystoneAuthConfig.from(c).password()).isEqualTo("NEUTRON_PASS");
        var nova = dev.neutrino.nova.NovaOptions.settings(c);
        assertThat(nova.credentials().username()).isEqualTo("nova");
        assertThat(nova.credentials().authUrl()).hasToString("http://controller:5000/v3");
        assertThat(nova.region()).isEqualTo("RegionOne");
        assertThat(nova.interval()).hasSeconds(2);
        assertThat(nova.onStatus() && nova.onData()).isTrue();
    }

    @Test
    void eachModulesValidationStillApplies() {
        assertThatThrownBy(() -> Config.of(IniFile.parse("[DEFAULT]\nbase_mac = fa:16:3e\n"), AllOptions.ALL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[DEFAULT] base_mac");
        assertThatThrownBy(() -> Config.of(IniFile.parse("[DEFAULT]\nauth_strategy = token\n"), AllOptions.ALL))
                .hasMessageContaining("noauth or keystone");
        assertThatThrownBy(() -> Config.of(IniFile.parse("[ovn]\ndb_sync_interval = 0\n"), AllOptions.ALL))
                .hasMessageContaining("between 1 and 86400");
    }
}
