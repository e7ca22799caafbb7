package dev.neutrino.ext.l3;

import dev.neutrino.common.NeutronException;

/** neutron_lib.exceptions.l3 / extraroute and the core exceptions L3 raises, with Neutron's wording. */
final class L3Errors {
    private L3Errors() {}

    /** n_exc.BadRequest(resource=..., msg=...). */
    static NeutronException badRequest(String resource, String msg) {
        return new NeutronException(400, "BadRequest", "Bad " + resource + " request: " + msg + ".");
    }

    static NeutronException badRouter(String msg) {
        return badRequest("router", msg);
    }

    static NeutronException badFloatingIp(String msg) {
        return badRequest("floatingip", msg);
    }

    static NeutronException routerNotFound(String id) {
        return new NeutronException(404, "RouterNotFound", "Router " + id + " could not be found");
    }

    static NeutronException routerInUse(String routerId, String reason) {
        return NeutronException.conflict("RouterInUse", "Router " + routerId + " " + reason);
    }

    static NeutronException interfaceNotFound(String routerId, String portId) {
        return new NeutronException(404, "RouterInterfaceNotFound", "Router " + routerId
                + " does not have an interface with id " + portId);
    }

    static NeutronException interfaceNotFoundForSubnet(String routerId, String subnetId) {
        return new NeutronException(404, "RouterInterfaceNotFoundForSubnet", "Router " + routerId
                + " has no interface on subnet " + subnetId);
    }

    static NeutronException interfaceInUseByFloatingIp(String routerId, String subnetId) {
        return NeutronException.conflict("RouterInterfaceInUseByFloatingIP", "Router interface for subnet "
                + subnetId + " on router " + routerId + " cannot be deleted, as it is required by one or more "
                + "floating IPs.");
    }

    static NeutronException interfaceInUseByRoute(String routerId, String subnetId) {
        return NeutronException.conflict("RouterInterfaceInUseByRoute", "Router interface for subnet "
                + subnetId + " on router " + routerId + " cannot be deleted, as it is required by one or more "
                + "routes.");
    }

    static NeutronException gatewayInUseByFloatingIp(String routerId, String netId) {
        return NeutronException.conflict("RouterExternalGatewayInUseByFloatingIp", "Gateway cannot be updated "
                + "for router " + routerId + ", since a gateway to external network " + netId + " is required by "
                + "one or more floating IPs.");
    }

    static NeutronException gatewayForFloatingIpNotFound(String externalNetworkId, String subnetId,
                                                         String portId) {
        return new NeutronException(404, "ExternalGatewayForFloatingIPNotFound", "External network "
                + externalNetworkId + " is not reachable from subnet " + subnetId + ".  Therefore, cannot "
                + "associate Port " + portId + " with a Floating IP.");
    }

    static NeutronException portAlreadyAssociated(String floatingIpAddress, String fipId, String portId,
                                                  String fixedIp, String netId) {
        return NeutronException.conflict("FloatingIPPortAlreadyAssociated", "Cannot associate floating IP "
                + floatingIpAddress + " (" + fipId + ") with port " + portId + " using fixed IP " + fixedIp
                + ", as that fixed IP already has a floating IP on external network " + netId + ".");
    }

    static NeutronException portInUse(String netId, String portId, String deviceId) {
        return NeutronException.conflict("PortInUse", "Unable to complete operation on port " + portId
                + " for network " + netId + ". Port already has an attached device " + deviceId + ".");
    }

    static NeutronException servicePortInUse(String portId, String reason) {
        return NeutronException.conflict("ServicePortInUse", "Port " + portId + " cannot be deleted directly "
                + "via the port API: " + reason + ".");
    }

    static NeutronException subnetMismatchForPort(String portId, String subnetId) {
        return new NeutronException(400, "SubnetMismatchForPort", "Subnet on port " + portId
                + " does not match the requested subnet " + subnetId + ".");
    }

    static NeutronException externalIpAddressExhausted(String netId) {
        return new NeutronException(400, "ExternalIpAddressExhausted", "Unable to find any IP address on "
                + "external network " + netId + ".");
    }

    static NeutronException invalidRoutes(String routes, String reason) {
        return new NeutronException(400, "InvalidRoutes", "Invalid format for routes: " + routes + ", " + reason);
    }

    static NeutronException routesExhausted(String routerId, int quota) {
        return new NeutronException(400, "RoutesExhausted", "Unable to complete operation for " + routerId
                + ". The number of routes exceeds the maximum " + quota + ".");
    }

    static NeutronException policy(String rule) {
        return new NeutronException(403, "PolicyNotAuthorized", "(rule:" + rule + ") is disallowed by policy");
    }
}
