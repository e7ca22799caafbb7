package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ovsdb.value.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chassis rows become agents the way ML2/OVN's neutron_agent.py shows them. */
class OvnAgentsTest {

    static Row chassis(String name, Map<String, String> otherConfig) {
        return Row.of(Map.of("name", name, "hostname", name + ".example", "other_config", otherConfig,
                "external_ids", Map.of()));
    }

    @Test
    void aPlainChassisIsAControllerAgent() {
        Map<String, Object> a = OvnAgents.agent(chassis("ch1", Map.of("ovn-bridge-mappings", "public:br-ex")),
                1_700_000_000_000L);
        assertThat(a).containsEntry("id", "ch1").containsEntry("host", "ch1.example")
                .containsEntry("agent_type", "OVN Controller agent").containsEntry("binary", "ovn-controller")
                .containsEntry("alive", true).containsEntry("admin_state_up", true).containsEntry("topic", "n/a")
                .containsEntry("availability_zone", "").containsEntry("heartbeat_timestamp", "2023-11-14 22:13:20")
                .containsEntry("configurations", Map.of("chassis_name", "ch1", "bridge-mappings", "public:br-ex"));
    }

    @Test
    void aGatewayChassisWithZonesAndNoPrivateRow() {
        Map<String, Object> a = OvnAgents.agent(chassis("gw", Map.of("ovn-cms-options",
                "enable-chassis-as-gw,availability-zones=az1:az2")), null);
        assertThat(a).containsEntry("agent_type", "OVN Controller Gateway agent")
                .containsEntry("availability_zone", "az1, az2").containsEntry("alive", false);
    }

    @Test
    void aChassisRunningTheMetadataAgentShowsItAsAnAgentOfItsOwn() {
        Map<String, Object> controller = OvnAgents.agent(chassis("ch1", Map.of()), null);
        Map<String, Object> a = OvnAgents.metadataAgent(controller, Map.of("neutron:ovn-metadata-id",
                "5b2fa1c0-9c57-5a49-a3a4-9a8a2d0c8f41", "neutron:ovn-metadata-sb-cfg", "7"));
        assertThat(a).containsEntry("id", "5b2fa1c0-9c57-5a49-a3a4-9a8a2d0c8f41")
                .containsEntry("agent_type", "OVN Metadata agent").containsEntry("binary", "neutron-ovn-metadata-agent")
                .containsEntry("host", "ch1.example").containsEntry("alive", false).containsEntry("description", "");
        assertThat(controller).as("the controller agent is left as it was").containsEntry("id", "ch1");
    }
}
