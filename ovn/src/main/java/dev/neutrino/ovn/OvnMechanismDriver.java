package dev.neutrino.ovn;

import dev.neutrino.ml2.MechanismDriver;
import dev.neutrino.ml2.Ml2Event;
import dev.neutrino.common.NeutronException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code mechanism_drivers = ovn}: ML2/OVN's checks in precommit, its bind_port, and in postcommit a
 * request for a pass of the northbound sync ({@link OvnNorthbound} reconciles the whole desired
 * state against its replica in one OVSDB transaction, so a postcommit only has to say "soon").
 */
public final class OvnMechanismDriver implements MechanismDriver {
    /** mech_driver.py _is_network_type_supported. */
    static final Set<String> NETWORK_TYPES = Set.of("local", "flat", "geneve", "vxlan", "vlan");
    static final String FLOATINGIP = "network:floatingip";

    private final Runnable requestSync;

    public OvnMechanismDriver(Runnable requestSync) {
        this.requestSync = requestSync;
    }

    @Override
    public String name() {
        return "ovn";
    }

    @Override
    public void precommit(Ml2Event e) {
        if (e.operation() == Ml2Event.Operation.DELETE) return;
        if (e.resource().equals("network")) {
            Object type = e.current().get("provider:network_type");
            if (type != null && !NETWORK_TYPES.contains(type)) {
                throw NeutronException.invalidInputGeneric("Network type " + type + " is not supported");
            }
        } else if (e.resource().equals("port") && e.original() != null) {
            checkIgnoredPortUpdate(e.current(), e.original());
        }
    }

    /** _validate_ignored_port: floating IP ports have no OVN port, and a port cannot become or stop being one. */
    static void checkIgnoredPortUpdate(Map<String, Object> port, Map<String, Object> original) {
        boolean ignored = FLOATINGIP.equals(port.get("device_owner"));
        boolean wasIgnored = FLOATINGIP.equals(original.get("device_owner"));
        if (ignored == wasIgnored || Objects.equals(port.get("device_owner"), original.get("device_owner"))) return;
        String message = ignored
                ? "Updating device_owner to " + port.get("device_owner") + " for port " + port.get("id")
                        + " is not supported"
                : "Updating device_owner for port " + port.get("id") + " owned by " + original.get("device_owner")
                        + " is not supported";
        throw new NeutronException(400, "OVNPortUpdateError", message);
    }

    @Override
    public void postcommit(Ml2Event e) {
        requestSync.run();
    }

    @Override
    public Binding bindPort(Map<String, Object> port) {
        Map<String, Object> details = OvnNorthbound.bindPort(port);
        return details == null ? null : new Binding("ovs", details);
    }
}
