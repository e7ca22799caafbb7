package dev.neutrino.ext.trunk;

import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ml2.MechanismManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Zed's ML2/OVN trunk driver (services/trunk/drivers/ovn/trunk_driver.py) does to the Neutron
 * side: it is loaded when the {@code ovn} mechanism driver is; it takes VLAN segmentation, trunks
 * bound ports of vif_type ovs or vhostuser, and wires a subport to its parent by the port's binding:
 * device_owner {@code trunk:subport}, the parent's status, binding:profile {@code parent_name} (the
 * parent port id) and {@code tag} (the segmentation id), vif_type {@code ovs}; unwiring clears the
 * owner, takes both keys out of the profile and leaves the binding {@code unbound}. The northbound
 * side follows from the ports: the OVN driver writes a port whose profile names a parent as a child
 * Logical_Switch_Port ({@code parent_name}, {@code tag}), as ML2/OVN's ovn_client does.
 *
 * <p>Zed does this after the commit, one port per transaction; here it happens in the trunk's own
 * transaction, so a trunk and its subports' wiring commit together. The trunk becomes ACTIVE once
 * its subports are wired, as the driver sets it after finding the parent's Logical_Switch_Port (the
 * write path puts every port's row in place, so that row exists for a port that exists).
 */
final class OvnTrunkDriver {
    static final String MECHANISM_DRIVER = "ovn";
    private static final Set<String> INTERFACES = Set.of("ovs", "vhostuser");

    private final MechanismManager mechanisms;
    private final ResourceService ports;

    OvnTrunkDriver(MechanismManager mechanisms, ResourceService ports) {
        this.mechanisms = mechanisms;
        this.ports = ports;
    }

    /** OVNTrunkDriver.is_loaded: ML2 runs the ovn mechanism driver. */
    boolean loaded() {
        return mechanisms.names().contains(MECHANISM_DRIVER);
    }

    /** SUPPORTED_SEGMENTATION_TYPES with their validators (is_valid_vlan_tag). */
    boolean supports(String segmentationType) {
        return Trunks.VLAN.equals(segmentationType);
    }

    static boolean inRange(int segmentationId) {
        return segmentationId >= 1 && segmentationId <= 4094;
    }

    /**
     * rules.TrunkPortValidator.can_be_trunked_or_untrunked: an unbound port always; a bound one when
     * the driver in charge of its vif_type trunks bound ports (OVN does).
     */
    boolean canBeTrunkedOrUntrunked(Map<String, Object> port) {
        Object host = port.get("binding:host_id");
        if (host == null || host.toString().isEmpty()) return true;
        return loaded() && INTERFACES.contains(String.valueOf(port.get("binding:vif_type")));
    }

    /** _set_sub_ports: each subport port wired to the parent. */
    void wire(Tx tx, Map<String, Object> parent, List<Map<String, Object>> subports) {
        for (Map<String, Object> s : subports) {
            Map<String, Object> port = ports.get(tx, (String) s.get("port_id"));
            if (port == null) continue; // as Zed: a port gone meanwhile is skipped
            Map<String, Object> profile = profile(port);
            profile.put("parent_name", parent.get("id"));
            profile.put("tag", ((Number) s.get("segmentation_id")).intValue());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("device_owner", Trunks.SUBPORT_OWNER);
            changes.put("status", parent.get("status"));
            changes.put("binding:profile", profile);
            changes.put("binding:vif_type", "ovs");
            ports.updateIn(tx, port, changes);
        }
    }

    /** _unset_sub_ports: each subport port back to a plain, unbound port. */
    void unwire(Tx tx, List<Map<String, Object>> subports) {
        for (Map<String, Object> s : subports) {
            Map<String, Object> port = ports.get(tx, (String) s.get("port_id"));
            if (port == null) continue;
            Map<String, Object> profile = profile(port);
            profile.remove("parent_name");
            profile.remove("tag");
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("device_owner", "");
            changes.put("binding:profile", profile);
            changes.put("binding:vif_type", "unbound");
            ports.updateIn(tx, port, changes);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> profile(Map<String, Object> port) {
        return port.get("binding:profile") instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                : new LinkedHashMap<>();
    }
}
