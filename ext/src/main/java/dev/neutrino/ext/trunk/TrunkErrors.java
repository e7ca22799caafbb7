package dev.neutrino.ext.trunk;

import dev.neutrino.common.NeutronException;

/** neutron/services/trunk/exceptions.py and the core exceptions the trunk plugin raises, with Neutron's wording. */
final class TrunkErrors {
    private TrunkErrors() {}

    static NeutronException trunkNotFound(String trunkId) {
        return new NeutronException(404, "TrunkNotFound", "Trunk " + trunkId + " could not be found.");
    }

    static NeutronException subPortNotFound(String trunkId, String portId) {
        return new NeutronException(404, "SubPortNotFound", "SubPort " + portId + " on trunk " + trunkId
                + " could not be found.");
    }

    static NeutronException trunkPortInUse(String portId) {
        return NeutronException.conflict("TrunkPortInUse", "Port " + portId + " is in use by another trunk.");
    }

    static NeutronException duplicateSubPort(String type, Object id, String trunkId) {
        return NeutronException.conflict("DuplicateSubPort", "segmentation_type " + type + " and segmentation_id "
                + id + " already in use on trunk " + trunkId + ".");
    }

    static NeutronException parentPortInUse(String portId) {
        return NeutronException.conflict("ParentPortInUse", "Port " + portId + " is currently in use and is not "
                + "eligible for use as a parent port.");
    }

    static NeutronException subPortMtuGreaterThanTrunkPortMtu(String portId, Object portMtu, String trunkId,
                                                              Object trunkMtu) {
        return NeutronException.conflict("SubPortMtuGreaterThanTrunkPortMtu", "MTU " + portMtu + " of subport "
                + portId + " cannot be greater than MTU " + trunkMtu + " of trunk " + trunkId + ".");
    }

    static NeutronException portInUseAsTrunkParent(String portId, String trunkId) {
        return NeutronException.conflict("PortInUseAsTrunkParent", "Port " + portId + " is currently a parent port "
                + "for trunk " + trunkId + ".");
    }

    static NeutronException portInUseAsSubPort(String portId, String trunkId) {
        return NeutronException.conflict("PortInUseAsSubPort", "Port " + portId + " is currently a subport for "
                + "trunk " + trunkId + ".");
    }

    static NeutronException trunkInUse(String trunkId) {
        return NeutronException.conflict("TrunkInUse", "Trunk " + trunkId + " is currently in use.");
    }

    static NeutronException trunkDisabled(String trunkId) {
        return NeutronException.conflict("TrunkDisabled", "Trunk " + trunkId + " is currently disabled.");
    }

    static NeutronException trunkInErrorState(String trunkId) {
        return NeutronException.conflict("TrunkInErrorState", "Trunk " + trunkId + " is in error state. Attempt "
                + "to resolve the error condition before proceeding.");
    }

    /** n_exc.PortInUse: a subport candidate that has a device. */
    static NeutronException portInUse(String netId, String portId, String deviceId) {
        return NeutronException.conflict("PortInUse", "Unable to complete operation on port " + portId
                + " for network " + netId + ". Port already has an attached device " + deviceId + ".");
    }

    /** n_exc.InvalidInput. */
    static NeutronException invalidInput(String message) {
        return new NeutronException(400, "InvalidInput", "Invalid input for operation: " + message + ".");
    }
}
