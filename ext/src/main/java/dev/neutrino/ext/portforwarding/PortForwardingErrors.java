package dev.neutrino.ext.portforwarding;

import dev.neutrino.common.NeutronException;

/** neutron/services/portforwarding/common/exceptions.py and the neutron-lib errors the plugin raises. */
final class PortForwardingErrors {
    private PortForwardingErrors() {}

    /** neutron_lib BadRequest(resource='port_forwarding', msg=...). */
    static NeutronException badRequest(String msg) {
        return new NeutronException(400, "BadRequest", "Bad port_forwarding request: " + msg + ".");
    }

    static NeutronException notFound(String id) {
        return new NeutronException(404, "PortForwardingNotFound", "Port Forwarding " + id + " could not be found.");
    }

    static NeutronException floatingIpNotFound(String id) {
        return new NeutronException(404, "FloatingIPNotFound", "Floating IP " + id + " could not be found");
    }

    static NeutronException fipInUse(String id) {
        return NeutronException.conflict("FipInUseByPortForwarding", "Floating IP " + id
                + " in use by Port Forwarding resources.");
    }

    static NeutronException portHasBindingFloatingIp(String address, String fipId, String portId, Object fixedIp) {
        return NeutronException.conflict("PortHasBindingFloatingIP", "Cannot create port forwarding to floating IP "
                + address + " (" + fipId + ") with port " + portId + " using fixed IP " + fixedIp
                + ", as that port already has a binding floating IP.");
    }

    static NeutronException fipAssociated(String address, String fipId, String portId, Object fixedIp, String netId) {
        return NeutronException.conflict("FloatingIPPortAlreadyAssociated", "Cannot associate floating IP " + address
                + " (" + fipId + ") with port " + portId + " using fixed IP " + fixedIp
                + ", as that fixed IP already has a floating IP on external network " + netId + ".");
    }
}
