package dev.neutrino.ext.trunk;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Query;

/**
 * A trunk's own behaviour (TrunkPlugin.create_trunk, delete_trunk): the parent and the subports
 * pass the rules, the subports are stored with the trunk in one batch and wired by the driver; a
 * trunk goes only while enabled and while its parent is unbound or trunkable, its subports unwired.
 */
final class TrunkHooks implements ResourceHooks {
    private final TrunkRules rules;
    private final OvnTrunkDriver driver;
    private final ResourceService ports;

    TrunkHooks(TrunkRules rules, OvnTrunkDriver driver, ResourceService ports) {
        this.rules = rules;
        this.driver = driver;
        this.ports = ports;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void beforeCreate(Tx tx, Map<String, Object> trunk) {
        String portId = (String) trunk.get("port_id");
        rules.validatePort(tx, portId, true);
        List<Map<String, Object>> given = (List<Map<String, Object>>) trunk.getOrDefault("sub_ports", List.of());
        trunk.put("sub_ports", rules.validateSubports(tx, given, portId, false, true));
        // created DOWN; the driver makes it ACTIVE with its subports wired (trunk_created)
        trunk.put("status", driver.loaded() ? Trunks.ACTIVE : Trunks.DOWN);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Query> childInserts(Tx tx, Map<String, Object> trunk) {
        List<Query> out = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) trunk.get("sub_ports")) {
            out.add(SubPorts.insert(tx.dsl(), (String) trunk.get("id"), s));
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterCreate(Tx tx, Map<String, Object> trunk) {
        List<Map<String, Object>> subports = (List<Map<String, Object>>) trunk.get("sub_ports");
        if (driver.loaded() && !subports.isEmpty()) {
            driver.wire(tx, ports.get(tx, (String) trunk.get("port_id")), subports);
        }
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> trunks) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> t : trunks) ids.add((String) t.get("id"));
        Map<String, List<Map<String, Object>>> subports = SubPorts.byTrunk(tx.dsl(), ids);
        for (Map<String, Object> t : trunks) t.put("sub_ports", subports.get((String) t.get("id")));
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> trunk) {
        String id = (String) trunk.get("id");
        if (!Boolean.TRUE.equals(trunk.get("admin_state_up"))) throw TrunkErrors.trunkDisabled(id);
        Map<String, Object> parent = ports.get(tx, (String) trunk.get("port_id"));
        if (parent != null && !driver.canBeTrunkedOrUntrunked(parent)) throw TrunkErrors.trunkInUse(id);
        if (driver.loaded()) driver.unwire(tx, SubPorts.of(tx.dsl(), id));
    }
}
