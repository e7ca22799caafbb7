package dev.neutrino.ext.portforwarding;

import static dev.neutrino.schema.Tables.PORTFORWARDINGS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What port forwardings do to floating IPs: a floating IP that has forwardings cannot be associated
 * with a port (409 FipInUseByPortForwarding, pf_plugin's precommit check) and keeps its router when
 * an update leaves it unassociated; with expose-port-forwarding-in-fip, each floating IP shows its
 * forwardings as Zed's {@code _extend_floatingip_dict} does (id, internal IP, protocol, the single
 * internal and external ports, internal port id: a range's ports are not shown there). A floating
 * IP with forwardings cannot be deleted either (409 FipInUseByPortForwarding, as Zed).
 */
final class FloatingIpForwardingHooks implements ResourceHooks {
    private final boolean expose;

    FloatingIpForwardingHooks(boolean expose) {
        this.expose = expose;
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        String id = (String) current.get("id");
        if (!tx.dsl().fetchExists(PORTFORWARDINGS, PORTFORWARDINGS.FLOATINGIP_ID.eq(id))) return;
        if (changes.get("port_id") != null) throw PortForwardingErrors.fipInUse(id);
        if (current.get("port_id") == null) {
            // not associated before or after: the router and status are the forwardings'
            changes.remove("router_id");
            changes.remove("status");
        }
    }

    /** pf_plugin refuses to delete a floating IP that has forwardings (they must go first). */
    @Override
    public void beforeDelete(Tx tx, Map<String, Object> fip) {
        String id = (String) fip.get("id");
        if (tx.dsl().fetchExists(PORTFORWARDINGS, PORTFORWARDINGS.FLOATINGIP_ID.eq(id))) {
            throw PortForwardingErrors.fipInUse(id);
        }
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> fips, Set<String> fields) {
        if (!expose || (!fields.isEmpty() && !fields.contains(PortForwardingExtension.COLLECTION))) return;
        extend(tx, fips);
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> fips) {
        if (!expose || fips.isEmpty()) return;
        Map<Object, List<Map<String, Object>>> byFip = new HashMap<>();
        List<Object> ids = new ArrayList<>();
        for (Map<String, Object> f : fips) ids.add(f.get("id"));
        var t = PORTFORWARDINGS;
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            for (var r : tx.dsl().select(t.FLOATINGIP_ID, t.ID, t.INTERNAL_IP_ADDRESS, t.PROTOCOL, t.INTERNAL_PORT,
                    t.EXTERNAL_PORT, t.INTERNAL_PORT_ID).from(t).where(t.FLOATINGIP_ID.in(chunk)).orderBy(t.ID).fetch()) {
                Map<String, Object> pf = new LinkedHashMap<>();
                pf.put("id", r.get(t.ID));
                pf.put("internal_ip_address", r.get(t.INTERNAL_IP_ADDRESS));
                pf.put("protocol", r.get(t.PROTOCOL));
                if (r.get(t.INTERNAL_PORT) != null) pf.put("internal_port", r.get(t.INTERNAL_PORT));
                if (r.get(t.EXTERNAL_PORT) != null) pf.put("external_port", r.get(t.EXTERNAL_PORT));
                pf.put("internal_port_id", r.get(t.INTERNAL_PORT_ID));
                byFip.computeIfAbsent(r.get(t.FLOATINGIP_ID), k -> new ArrayList<>()).add(pf);
            }
        }
        for (Map<String, Object> f : fips) {
            f.put(PortForwardingExtension.COLLECTION, byFip.getOrDefault(f.get("id"), new ArrayList<>()));
        }
    }
}
