package dev.neutrino.ext.trunk;

import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.TRUNKS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the trunk plugin does to ports: {@code trunk_details} on a parent port
 * (_extend_port_trunk_details), no delete of a port in a trunk (enforce_port_deletion_rules), and a
 * trunk DOWN when its parent becomes unbound (_trigger_trunk_status_change).
 */
final class TrunkPortHooks implements ResourceHooks {
    static final String TRUNK_DETAILS = "trunk_details";

    private final ResourceService trunks;
    private final boolean details;

    /** @param details whether trunk-details is enabled (ports show trunk_details) */
    TrunkPortHooks(ResourceService trunks, boolean details) {
        this.trunks = trunks;
        this.details = details;
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> port) {
        String id = (String) port.get("id");
        String trunkId = SubPorts.trunkOfSubport(tx.dsl(), id);
        if (trunkId != null) throw TrunkErrors.portInUseAsSubPort(id, trunkId);
        trunkId = SubPorts.trunkOfParent(tx.dsl(), id);
        if (trunkId != null) throw TrunkErrors.portInUseAsTrunkParent(id, trunkId);
    }

    @Override
    public void afterUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        Object vifType = changes.get("binding:vif_type");
        if (!"unbound".equals(vifType) || vifType.equals(current.get("binding:vif_type"))) return;
        String trunkId = SubPorts.trunkOfParent(tx.dsl(), (String) current.get("id"));
        if (trunkId == null) return;
        Map<String, Object> trunk = trunks.get(tx, trunkId);
        if (Trunks.DOWN.equals(trunk.get("status"))) return;
        Map<String, Object> down = new LinkedHashMap<>();
        down.put("status", Trunks.DOWN);
        trunks.updateIn(tx, trunk, down);
    }

    @Override
    public void extendCreated(Tx tx, Map<String, Object> row, Map<String, Object> written) {
        // a port just created is the parent of no trunk
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> ports, Set<String> fields) {
        if (fields.isEmpty() || fields.contains(TRUNK_DETAILS)) extend(tx, ports);
    }

    /** trunk_details: the trunk's id and its subports with their MAC addresses, on parent ports only. */
    @Override
    public void extend(Tx tx, List<Map<String, Object>> ports) {
        if (!details || ports.isEmpty()) return;
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> p : ports) ids.add((String) p.get("id"));
        Map<String, String> trunkOf = new LinkedHashMap<>();
        tx.dsl().select(TRUNKS.PORT_ID, TRUNKS.ID).from(TRUNKS).where(TRUNKS.PORT_ID.in(ids))
                .forEach(r -> trunkOf.put(r.value1(), r.value2()));
        if (trunkOf.isEmpty()) return;
        Map<String, List<Map<String, Object>>> subports = SubPorts.byTrunk(tx.dsl(), trunkOf.values());
        List<String> subportIds = new ArrayList<>();
        for (List<Map<String, Object>> l : subports.values()) for (Map<String, Object> s : l) subportIds.add((String) s.get("port_id"));
        Map<String, String> macs = new LinkedHashMap<>();
        if (!subportIds.isEmpty()) {
            tx.dsl().select(PORTS.ID, PORTS.MAC_ADDRESS).from(PORTS).where(PORTS.ID.in(subportIds))
                    .forEach(r -> macs.put(r.value1(), r.value2()));
        }
        for (Map<String, Object> p : ports) {
            String trunkId = trunkOf.get((String) p.get("id"));
            if (trunkId == null) continue;
            List<Map<String, Object>> subs = new ArrayList<>();
            for (Map<String, Object> s : subports.get(trunkId)) {
                Map<String, Object> withMac = new LinkedHashMap<>(s);
                withMac.put("mac_address", macs.get((String) s.get("port_id")));
                subs.add(withMac);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("trunk_id", trunkId);
            d.put("sub_ports", subs);
            p.put(TRUNK_DETAILS, d);
        }
    }
}
