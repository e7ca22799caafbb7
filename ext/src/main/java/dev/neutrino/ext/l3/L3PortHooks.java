package dev.neutrino.ext.l3;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.Map;

/**
 * What L3 does when a port is deleted: DELETE /ports refuses the ports of routers and floating IPs
 * that still exist (prevent_l3_port_deletion), and a deleted port's floating IPs are disassociated
 * (disassociate_floatingips), in the port's transaction.
 */
final class L3PortHooks implements ResourceHooks {
    private final L3Ports l3;
    private final FloatingIpHooks floatingIps;

    L3PortHooks(L3Ports l3, FloatingIpHooks floatingIps) {
        this.l3 = l3;
        this.floatingIps = floatingIps;
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> port) {
        if (!Boolean.TRUE.equals(port.get(L3Ports.SKIP_L3_CHECK))) preventL3PortDeletion(tx, port);
        floatingIps.disassociate(tx, (String) port.get("id"));
    }

    private void preventL3PortDeletion(Tx tx, Map<String, Object> port) {
        String owner = (String) port.get("device_owner");
        if (!L3Ports.ROUTER_DEVICE_OWNERS.contains(owner)) return;
        // a port without addresses is a stale one and may go
        if (L3Ports.fixedIps(port).isEmpty()) return;
        String deviceId = (String) port.get("device_id");
        if (L3Ports.FLOATING.equals(owner)) {
            if (l3.floatingIps().store().find(tx.dsl(), deviceId) == null) return;
        } else if (l3.routers().store().find(tx.dsl(), deviceId) == null) {
            return;
        }
        throw L3Errors.servicePortInUse((String) port.get("id"), "has device owner " + owner);
    }
}
