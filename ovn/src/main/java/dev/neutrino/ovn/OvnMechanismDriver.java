package dev.neutrino.ovn;

import dev.neutrino.ml2.MechanismDriver;
import dev.neutrino.ml2.Ml2Event;
import dev.neutrino.common.NeutronException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code mechanism_drivers = ovn}: ML2/OVN's checks in precommit and its bind_port. Its postcommit
 * writes nothing to OVN: {@link OvnNorthbound} hears every committed change of every resource
 * (networks, subnets and ports as ML2 tells drivers, and routers, floating IPs and security groups,
 * which ML2 does not) through the core plugin's change feed, and writes northbound after the
 * commit. With {@code [ovn] ovn_metadata_enabled} it keeps each network's metadata port
 * ({@link MetadataPorts}): created with the network, an address on each IPv4 DHCP subnet.
 */
public final class OvnMechanismDriver implements MechanismDriver {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OvnMechanismDriver.class);
    private final MetadataPorts metadata;

    /** Without metadata ports ({@code ovn_metadata_enabled = false}). */
    public OvnMechanismDriver() {
        this(null);
    }

    /** With ML2/OVN's metadata port per network, kept through {@code metadata} (null: none). */
    public OvnMechanismDriver(MetadataPorts metadata) {
        this.metadata = metadata;
    }

    @Override
    public void postcommit(Ml2Event e) {
        if (metadata == null || e.operation() == Ml2Event.Operation.DELETE) return;
        try {
            if (e.resource().equals("network") && e.operation() == Ml2Event.Operation.CREATE) {
                metadata.ensure(e.current());
            } else if (e.resource().equals("subnet")) {
                metadata.update((String) e.current().get("network_id"));
            }
        } catch (RuntimeException ex) {
            // the change stays (postcommit cannot undo it); the repair pass creates what is missing
            LOG.warn("Metadata port of network {} not updated: {}", e.resource().equals("network")
                    ? e.current().get("id") : e.current().get("network_id"), ex.toString());
        }
    }
    /** mech_driver.py _is_network_type_supported. */
    static final Set<String> NETWORK_TYPES = Set.of("local", "flat", "geneve", "vxlan", "vlan");
    static final String FLOATINGIP = "network:floatingip";

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
            if (e.operation() == Ml2Event.Operation.CREATE) checkVlanTransparency(e.current());
        } else if (e.resource().equals("port") && e.original() != null) {
            checkIgnoredPortUpdate(e.current(), e.original());
        }
    }

    /** check_vlan_transparency: the overlay types and vlan (not flat). */
    static final Set<String> VLAN_TRANSPARENT_TYPES = Set.of("local", "geneve", "vxlan", "vlan");
    /** check_vlan_qinq (2025.1): vlan only, whose localnet port then tags with 802.1ad. */
    static final Set<String> QINQ_TYPES = Set.of("vlan");

    /**
     * ML2's _check_vlan_transparency / _check_vlan_qinq with ML2/OVN as the driver that answers:
     * VlanTransparencyDriverError / VlanQinqDriverError (BadRequest in neutron-lib since 2025.1; Zed's
     * was a 500).
     */
    static void checkVlanTransparency(Map<String, Object> network) {
        Object type = network.get("provider:network_type");
        if (Boolean.TRUE.equals(network.get("vlan_transparent")) && !VLAN_TRANSPARENT_TYPES.contains(type)) {
            throw new NeutronException(400, "VlanTransparencyDriverError", "Backend does not support VLAN "
                    + "Transparency.");
        }
        if (Boolean.TRUE.equals(network.get("qinq")) && !QINQ_TYPES.contains(type)) {
            throw new NeutronException(400, "VlanQinqDriverError", "Backend does not support VLAN QinQ.");
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
    public Binding bindPort(Map<String, Object> port) {
        Map<String, Object> details = OvnNorthbound.bindPort(port);
        return details == null ? null : new Binding("ovs", details);
    }
}
