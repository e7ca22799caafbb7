package dev.neutrino.ovn;

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
import java.util.function.Supplier;

/**
 * Neutron's agents as ML2/OVN shows them: one "OVN Controller agent" per southbound Chassis
 * ("OVN Controller Gateway agent" when it advertises {@code enable-chassis-as-gw}), its id the
 * chassis name, alive while ovn-controller keeps its Chassis_Private row. The Chassis rows are the
 * ones {@link GatewayChassis} already monitors (and parses); only Chassis_Private is monitored here,
 * so listing agents costs no round trip. A chassis whose Chassis_Private carries
 * {@code neutron:ovn-metadata-id} also runs {@code neutron-ovn-metadata-agent}: an "OVN Metadata
 * agent" with that id, alive while its chassis is.
 */
public final class OvnAgents implements Supplier<List<Map<String, Object>>> {
    static final String CONTROLLER = "OVN Controller agent";
    static final String GATEWAY = "OVN Controller Gateway agent";
    static final String METADATA = "OVN Metadata agent";
    static final String METADATA_ID = "neutron:ovn-metadata-id";
    static final String METADATA_DESCRIPTION = "neutron:description-metadata";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final GatewayChassis chassis;
    private final Monitor privates;

    public OvnAgents(GatewayChassis chassis, OvsdbClient sb) {
        this.chassis = chassis;
        this.privates = sb.monitor("OVN_Southbound", List.of(
                MonitorRequest.table("Chassis_Private").columns("name", "nb_cfg_timestamp", "external_ids"))).join();
    }

    @Override
    public List<Map<String, Object>> get() {
        Map<String, Long> heartbeats = new HashMap<>();
        Map<String, Map<String, String>> privateIds = new HashMap<>();
        for (Row p : privates.replica().table("Chassis_Private").rows()) {
            heartbeats.put(p.getString("name"), p.getOptionalInteger("nb_cfg_timestamp").orElse(0L));
            privateIds.put(p.getString("name"), p.getStringMap("external_ids"));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row c : chassis.rows()) {
            Long beat = heartbeats.get(c.getString("name"));
            Map<String, Object> controller = agent(c, beat);
            out.add(controller);
            Map<String, String> ids = privateIds.getOrDefault(c.getString("name"), Map.of());
            if (ids.containsKey(METADATA_ID)) out.add(metadataAgent(controller, ids));
        }
        return out;
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
