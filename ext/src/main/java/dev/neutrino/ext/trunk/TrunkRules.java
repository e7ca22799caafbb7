package dev.neutrino.ext.trunk;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * neutron/services/trunk/rules.py: TrunkPortValidator (a parent or subport candidate is in no other
 * trunk; a parent is unbound or trunkable by the driver; a subport has no device) and
 * SubPortsValidator (inherit resolved from the subport's network, MTU no larger than the parent's
 * network's, segmentation details present, known and in range). Ports are looked up as the caller
 * sees them (PortNotFound otherwise), networks as an admin.
 */
final class TrunkRules {
    private final ResourceService ports;
    private final ResourceService networks;
    private final OvnTrunkDriver driver;

    TrunkRules(ResourceService ports, ResourceService networks, OvnTrunkDriver driver) {
        this.ports = ports;
        this.networks = networks;
        this.driver = driver;
    }

    /** TrunkPortValidator.validate. Returns the port. */
    Map<String, Object> validatePort(Tx tx, String portId, boolean parent) {
        if (SubPorts.trunkOfSubport(tx.dsl(), portId) != null) throw TrunkErrors.trunkPortInUse(portId);
        if (SubPorts.trunkOfParent(tx.dsl(), portId) != null) throw TrunkErrors.parentPortInUse(portId);
        Map<String, Object> port = visiblePort(tx, portId);
        if (parent) {
            if (!driver.canBeTrunkedOrUntrunked(port)) throw TrunkErrors.parentPortInUse(portId);
        } else {
            Object device = port.get("device_id");
            if (device != null && !device.toString().isEmpty()) {
                throw TrunkErrors.portInUse((String) port.get("network_id"), portId, device.toString());
            }
        }
        return port;
    }

    /**
     * SubPortsValidator.validate: the subports as they will be stored (inherit replaced by the
     * network's segmentation), or the error of the first one refused.
     */
    List<Map<String, Object>> validateSubports(Tx tx, List<Map<String, Object>> given, String trunkPortId,
                                               boolean basicValidation, boolean trunkValidation) {
        if (basicValidation) {
            String msg = Trunks.SUBPORTS.validate(given);
            if (msg != null) throw TrunkErrors.invalidInput(msg);
        }
        List<Map<String, Object>> subports = new ArrayList<>();
        for (Map<String, Object> s : given) subports.add(new LinkedHashMap<>(s));
        if (!trunkValidation) return subports;
        Object trunkMtu = portMtu(tx, trunkPortId);
        Map<String, Object> subportMtus = prepare(tx, subports);
        for (Map<String, Object> s : subports) validate(tx, s, trunkPortId, trunkMtu, subportMtus);
        return subports;
    }

    /** _prepare_subports: the MTU of each subport's network; inherit replaced by its segmentation. */
    private Map<String, Object> prepare(Tx tx, List<Map<String, Object>> subports) {
        Map<String, Object> mtus = new LinkedHashMap<>();
        for (int i = 0; i < subports.size(); i++) {
            Map<String, Object> s = subports.get(i);
            Map<String, Object> port = ports.findVisible(tx, String.valueOf(s.get("port_id")));
            if (port == null) continue;
            Map<String, Object> net = networks.get(tx, (String) port.get("network_id"));
            if (net == null) continue;
            if (Trunks.INHERIT.equals(s.get("segmentation_type"))) {
                Map<String, Object> inherited = new LinkedHashMap<>();
                inherited.put("port_id", port.get("id"));
                inherited.put("segmentation_id", net.get("provider:segmentation_id"));
                inherited.put("segmentation_type", net.get("provider:network_type"));
                subports.set(i, inherited);
            }
            mtus.put((String) port.get("id"), net.get("mtu"));
        }
        return mtus;
    }

    /** _get_port_mtu: the parent's network's MTU, null when the port or network is not there. */
    private Object portMtu(Tx tx, String portId) {
        Map<String, Object> port = portId == null ? null : ports.findVisible(tx, portId);
        if (port == null) return null;
        Map<String, Object> net = networks.get(tx, (String) port.get("network_id"));
        return net == null ? null : net.get("mtu");
    }

    /** SubPortsValidator._validate, in Zed's order. */
    private void validate(Tx tx, Map<String, Object> s, String trunkPortId, Object trunkMtu,
                          Map<String, Object> subportMtus) {
        String portId = String.valueOf(s.get("port_id"));
        if (portId.equals(trunkPortId)) throw TrunkErrors.parentPortInUse(portId);
        if (trunkMtu instanceof Number tm && subportMtus.get(portId) instanceof Number sm
                && sm.intValue() > tm.intValue()) {
            throw TrunkErrors.subPortMtuGreaterThanTrunkPortMtu(portId, sm, trunkPortId, tm);
        }
        if (!s.containsKey("segmentation_type") || !s.containsKey("segmentation_id")) {
            throw TrunkErrors.invalidInput("Invalid subport details '" + Trunks.repr(s) + "': missing segmentation "
                    + "information. Must specify both segmentation_id and segmentation_type");
        }
        Integer id = toInt(s.get("segmentation_id"));
        if (id == null) {
            throw TrunkErrors.invalidInput("Invalid subport details: segmentation_id '"
                    + Trunks.str(s.get("segmentation_id")) + "' is not an integer");
        }
        s.put("segmentation_id", id);
        Object type = s.get("segmentation_type");
        if (!(type instanceof String t) || !driver.supports(t)) {
            throw TrunkErrors.invalidInput("Unknown segmentation_type '" + Trunks.str(type) + "'");
        }
        if (!OvnTrunkDriver.inRange(id)) throw TrunkErrors.invalidInput("Segmentation ID '" + id + "' is not in range");
        validatePort(tx, portId, false);
    }

    /** converters.convert_to_int: an integer, or a string or number int() takes; null otherwise. */
    private static Integer toInt(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Number n) return n.intValue();
        if (v instanceof String str) {
            try {
                return Integer.valueOf(str.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private Map<String, Object> visiblePort(Tx tx, String portId) {
        Map<String, Object> port = ports.findVisible(tx, portId);
        if (port == null) throw NeutronException.notFound("port", portId);
        return port;
    }
}
