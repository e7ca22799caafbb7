package dev.neutrino.ext.portforwarding;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import java.util.List;
import java.util.Map;

/**
 * pf_plugin's port handler: a port that is deleted takes its forwardings along, and a port whose
 * fixed IPs change loses the forwardings to an address it no longer has; each goes as a delete of
 * the forwarding (its floating IP gets a new revision, and no router once its last forwarding goes).
 */
final class InternalPortHooks implements ResourceHooks {
    private final ResourceService forwardings;
    private final ResourceService ports;

    InternalPortHooks(ResourceService forwardings, ResourceService ports) {
        this.forwardings = forwardings;
        this.ports = ports;
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> port) {
        if (String.valueOf(port.get("device_owner")).startsWith("network:floatingip")) return;
        for (Map<String, Object> pf : forwardings.find(tx, Map.of("internal_port_id", port.get("id")))) {
            forwardings.deleteIn(PortForwardingHooks.elevated(tx), pf);
        }
    }

    @Override
    public void afterUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (!changes.containsKey("fixed_ips")) return;
        List<Map<String, Object>> pfs = forwardings.find(tx, Map.of("internal_port_id", current.get("id")));
        if (pfs.isEmpty()) return;
        Map<String, Object> port = ports.get(tx, (String) current.get("id"));
        List<Map<String, Object>> fixed = port == null ? List.of() : PortForwardingHooks.fixedIps(port);
        for (Map<String, Object> pf : pfs) {
            boolean kept = false;
            for (Map<String, Object> ip : fixed) {
                kept |= PortForwardingHooks.sameIp(ip.get("ip_address"), pf.get("internal_ip_address"));
            }
            if (!kept) forwardings.deleteIn(PortForwardingHooks.elevated(tx), pf);
        }
    }
}
