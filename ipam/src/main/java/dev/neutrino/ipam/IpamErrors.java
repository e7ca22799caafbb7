package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;

/**
 * The errors Neutron raises for subnet and address management, with Neutron's HTTP status,
 * NeutronError type (the Python exception class name) and message text.
 */
public final class IpamErrors {
    private IpamErrors() {}

    /** neutron_lib InvalidAllocationPool (BadRequest). */
    public static NeutronException invalidAllocationPool(String pool) {
        return new NeutronException(400, "InvalidAllocationPool",
                "The allocation pool " + pool + " is not valid.");
    }

    /** The pool as Neutron prints a request dict it could not turn into a range. */
    static String poolDict(String start, String end) {
        return "{'start': '" + start + "', 'end': '" + end + "'}";
    }

    /** neutron_lib OutOfBoundsAllocationPool (BadRequest). */
    public static NeutronException outOfBoundsAllocationPool(AllocationPool pool, Cidr cidr) {
        return new NeutronException(400, "OutOfBoundsAllocationPool",
                "The allocation pool " + pool + " spans beyond the subnet cidr " + cidr + ".");
    }

    /** neutron_lib OverlappingAllocationPools (Conflict, hence 409). */
    public static NeutronException overlappingAllocationPools(AllocationPool first, AllocationPool second,
                                                              Cidr cidr) {
        return new NeutronException(409, "OverlappingAllocationPools",
                "Found overlapping allocation pools: " + first + " " + second + " for subnet " + cidr + ".");
    }

    /** neutron_lib GatewayConflictWithAllocationPools (InUse, hence 409). */
    public static NeutronException gatewayConflictWithAllocationPools(IpAddress gateway, AllocationPool pool) {
        return new NeutronException(409, "GatewayConflictWithAllocationPools",
                "Gateway ip " + gateway + " conflicts with allocation pool " + pool + ".");
    }

    /** neutron_lib InvalidInput: "Invalid input for operation: ...". */
    public static NeutronException invalidInput(String errorMessage) {
        return NeutronException.invalidInputGeneric(errorMessage);
    }

    /** neutron.ipam IpamValueInvalid (Conflict, hence 409). */
    public static NeutronException ipamValueInvalid(String message) {
        return new NeutronException(409, "IpamValueInvalid", message);
    }

    /** neutron_lib SubnetAllocationError: a bare NeutronException, which Neutron maps to 500. */
    public static NeutronException subnetAllocationError(String reason) {
        return new NeutronException(500, "SubnetAllocationError", "Failed to allocate subnet: " + reason + ".");
    }

    public static NeutronException maxPrefixSubnetAllocationError(int prefixlen, int maxPrefixlen) {
        return new NeutronException(400, "MaxPrefixSubnetAllocationError",
                "Unable to allocate subnet with prefix length " + prefixlen
                        + ", maximum allowed prefix is " + maxPrefixlen + ".");
    }

    public static NeutronException minPrefixSubnetAllocationError(int prefixlen, int minPrefixlen) {
        return new NeutronException(400, "MinPrefixSubnetAllocationError",
                "Unable to allocate subnet with prefix length " + prefixlen
                        + ", minimum allowed prefix is " + minPrefixlen + ".");
    }

    public static NeutronException illegalSubnetPoolPrefixBounds(String prefixType, int prefixlen,
                                                                 String basePrefixType, int basePrefixlen) {
        return new NeutronException(400, "IllegalSubnetPoolPrefixBounds",
                "Illegal prefix bounds: " + prefixType + "=" + prefixlen + ", "
                        + basePrefixType + "=" + basePrefixlen + ".");
    }

    /** Neutron always says "IPv4" here, whatever the pool's version. */
    public static NeutronException unsupportedMinSubnetPoolPrefix(int prefix) {
        return new NeutronException(400, "UnsupportedMinSubnetPoolPrefix",
                "Prefix '" + prefix + "' not supported in IPv4 pool.");
    }

    public static NeutronException emptySubnetPoolPrefixList() {
        return new NeutronException(400, "EmptySubnetPoolPrefixList", "Empty subnet pool prefix list.");
    }

    public static NeutronException prefixVersionMismatch() {
        return new NeutronException(400, "PrefixVersionMismatch",
                "Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
    }

    public static NeutronException illegalSubnetPoolPrefixUpdate(String msg) {
        return new NeutronException(400, "IllegalSubnetPoolPrefixUpdate", "Illegal update to prefixes: " + msg + ".");
    }

    /** neutron_lib SubnetPoolQuotaExceeded (OverQuota, a Conflict: 409). */
    public static NeutronException subnetPoolQuotaExceeded() {
        return new NeutronException(409, "SubnetPoolQuotaExceeded", "Per-tenant subnet pool prefix quota exceeded.");
    }
}
