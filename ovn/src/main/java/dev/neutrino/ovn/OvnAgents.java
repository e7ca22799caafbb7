package dev.neutrino.ovn;

import dev.neutrino.ml2.AgentStore;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Delete;
import dev.neutrino.ovsdb.txn.Mutate;
import dev.neutrino.ovsdb.txn.Mutation;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;

import dev.neutrino.ovsdb.Monitor;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.value.Row;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Neutron's agents as ML2/OVN shows them: one "OVN Controller agent" per southbound Chassis
 * ("OVN Controller Gateway agent" when it advertises {@code enable-chassis-as-gw}), its id the
 * chassis name, alive while ovn-controller keeps its Chassis_Private row. The Chassis rows are the
 * ones {@link GatewayChassis} already monitors (and parses); only Chassis_Private is monitored here,
 * so listing agents costs no round trip. A chassis whose Chassis_Private carries
 * {@code neutron:ovn-metadata-id} also runs {@code neutron-ovn-metadata-agent}: an "OVN Metadata
 * agent" with that id, alive while its chassis is.
 */
public final class OvnAgents implements AgentStore {
    static final String CONTROLLER = "OVN Controller agent";
    static final String GATEWAY = "OVN Controller Gateway agent";
    static final String METADATA = "OVN Metadata agent";
    static final String METADATA_ID = "neutron:ovn-metadata-id";
    static final String METADATA_DESCRIPTION = "neutron:description-metadata";
    static final String DESCRIPTION = "neutron:description";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final GatewayChassis chassis;
    private final OvsdbClient sb;
    private final Monitor privates;

    public OvnAgents(GatewayChassis chassis, OvsdbClient sb) {
        this.chassis = chassis;
        this.sb = sb;
        this.privates = sb.monitor("OVN_Southbound", List.of(
                MonitorRequest.table("Chassis_Private").columns("name", "nb_cfg_timestamp", "external_ids"))).join();
    }

    @Override
    public List<Map<String, Object>> list() {
        Map<String, Long> heartbeats = new HashMap<>();
        Map<String, Map<String, String>> privateIds = new HashMap<>();
        for (Row p : privates.replica().table("Chassis_Private").rows()) {
            heartbeats.put(p.getString("name"), p.getOptionalInteger("nb_cfg_timestamp").orElse(0L));
            privateIds.put(p.getString("name"), p.getStringMap("external_ids"));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row c : chassis.rows()) {
            Long beat = heartbeats.get(c.getString("name"));
            Map<String, String> ids = privateIds.getOrDefault(c.getString("name"), Map.of());
            Map<String, Object> controller = agent(c, beat);
            controller.put("description", ids.getOrDefault(DESCRIPTION, ""));
            out.add(controller);
            if (ids.containsKey(METADATA_ID)) out.add(metadataAgent(controller, ids));
        }
        return out;
    }

    /**
     * ML2/OVN's set_chassis_neutron_description, but on the chassis' Chassis_Private row, where
     * ML2/OVN reads an agent's description (Zed writes the Chassis row, so a description set there
     * never shows).
     */
    @Override
    public void describe(Map<String, Object> agent, String description) {
        String key = METADATA.equals(agent.get("agent_type")) ? METADATA_DESCRIPTION : DESCRIPTION;
        sb.transact("OVN_Southbound", List.of(Mutate.table("Chassis_Private")
                .where(Condition.equal("name", chassisName(agent)))
                .mutate(Mutation.delete("external_ids", OvsdbSet.of(Atom.of(key))))
                .mutate(Mutation.insert("external_ids", OvsdbMap.ofJava(Map.of(key, description)))))).join();
    }

    /**
     * ML2/OVN's delete_agent: the agent's chassis goes (its Chassis and Chassis_Private rows); a
     * metadata agent takes its chassis along, as in ML2/OVN. An ovn-controller still running there
     * registers it again.
     */
    @Override
    public void delete(Map<String, Object> agent) {
        String name = chassisName(agent);
        sb.transact("OVN_Southbound", List.of(
                Delete.from("Chassis_Private").where(Condition.equal("name", name)),
                Delete.from("Chassis").where(Condition.equal("name", name)))).join();
    }

    private static String chassisName(Map<String, Object> agent) {
        return String.valueOf(((Map<?, ?>) agent.get("configurations")).get("chassis_name"));
    }

    /** ML2/OVN's MetadataAgent: its own id and description, the host and liveness of its chassis. */
    static Map<String, Object> metadataAgent(Map<String, Object> controller, Map<String, String> privateIds) {
        Map<String, Object> a = new LinkedHashMap<>(controller);
        a.put("binary", "neutron-ovn-metadata-agent");
        a.put("description", privateIds.getOrDefault(METADATA_DESCRIPTION, ""));
        a.put("agent_type", METADATA);
        a.put("id", privateIds.get(METADATA_ID));
        return a;
    }

    /** The agent of one chassis; {@code heartbeatMillis} null when it has no Chassis_Private row. */
    static Map<String, Object> agent(Row row, Long heartbeatMillis) {
        GatewayChassis.Chassis c = GatewayChassis.of(row);
        Map<String, String> other = row.getStringMap("other_config");
        Map<String, Object> configurations = new LinkedHashMap<>();
        configurations.put("chassis_name", c.name());
        configurations.put("bridge-mappings", other.getOrDefault("ovn-bridge-mappings",
                row.getStringMap("external_ids").getOrDefault("ovn-bridge-mappings", "")));
        Instant beat = heartbeatMillis == null || heartbeatMillis == 0 ? Instant.now()
                : Instant.ofEpochMilli(heartbeatMillis);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("binary", "ovn-controller");
        a.put("host", row.getString("hostname"));
        a.put("heartbeat_timestamp", TIME.format(beat));
        a.put("availability_zone", String.join(", ", new java.util.TreeSet<>(c.zones())));
        a.put("topic", "n/a");
        a.put("description", "");
        a.put("configurations", configurations);
        a.put("start_flag", true);
        a.put("agent_type", c.gateway() ? GATEWAY : CONTROLLER);
        a.put("id", c.name());
        a.put("alive", heartbeatMillis != null);
        a.put("admin_state_up", true);
        a.put("resources_synced", null);
        return a;
    }
}
