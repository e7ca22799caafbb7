package dev.neutrino.ovn;

/**
 * Neutron's naming of OVN northbound rows (neutron/common/ovn/utils.py), which operators' tools and
 * runbooks rely on.
 */
public final class NbNames {
    private NbNames() {}

    public static final String DROP_PORT_GROUP = "neutron_pg_drop";
    public static final String EXT_NETWORK_NAME = "neutron:network_name";
    public static final String EXT_REVISION = "neutron:revision_number";
    public static final String EXT_PORT_NAME = "neutron:port_name";
    public static final String EXT_DEVICE_ID = "neutron:device_id";
    public static final String EXT_DEVICE_OWNER = "neutron:device_owner";
    public static final String EXT_PROJECT_ID = "neutron:project_id";
    public static final String EXT_CIDRS = "neutron:cidrs";
    public static final String EXT_SG_IDS = "neutron:security_group_ids";
    public static final String EXT_SG_ID = "neutron:security_group_id";
    public static final String EXT_SG_RULE_ID = "neutron:security_group_rule_id";
    public static final String EXT_MTU = "neutron:mtu";
    public static final String EXT_AZ_HINTS = "neutron:availability_zone_hints";
    public static final String EXT_SUBNET_ID = "subnet_id";
    /** ML2/OVN's OVN_PORT_EXT_ID_KEY: the port a QoS row is for. */
    public static final String EXT_PORT_ID = "neutron:port_id";

    /** ML2/OVN's OVN_FIP_EXT_ID_KEY: the floating IP a QoS row (or NAT) is for. */
    public static final String EXT_FIP_ID = "neutron:fip_id";
    /** ML2/OVN's OVN_ROUTER_ID_EXT_ID_KEY: the router whose gateway IP a QoS row is for. */
    public static final String EXT_ROUTER_ID = "neutron:router_id";

    /**
     * The key of a QoS row in one OVN direction (from-lport, to-lport): its owner (a port id, or
     * {@link #qosOwnerFloatingIp} / {@link #qosOwnerRouter}) and direction; not a name OVN has.
     */
    public static String qosKey(String owner, String direction) {
        return owner + "/" + direction;
    }

    /** The owner part of a floating IP's QoS row key. */
    public static String qosOwnerFloatingIp(String fipId) {
        return "fip:" + fipId;
    }

    /** The owner part of a router gateway's QoS row key. */
    public static String qosOwnerRouter(String routerId) {
        return "router:" + routerId;
    }

    /** neutron-&lt;id&gt;: logical switches and routers. */
    public static String ovnName(String id) {
        return "neutron-" + id;
    }

    /** pg_&lt;security group id with underscores&gt;. */
    public static String portGroup(String securityGroupId) {
        return "pg_" + securityGroupId.replace('-', '_');
    }

    /** The address set OVN derives from a port group for one IP version: pg_…_ip4 / pg_…_ip6. */
    public static String portGroupAddressSet(String securityGroupId, String ipVersion) {
        return portGroup(securityGroupId) + "_" + ipVersion;
    }

    /**
     * The address set of an address group for one IP version: ag_&lt;id with underscores&gt;_ip4 /
     * _ip6 (ML2/OVN's ovn_ag_addrset_name).
     */
    public static String addressGroupAddressSet(String addressGroupId, String ipVersion) {
        return ("ag-" + addressGroupId + "-" + ipVersion).replace('-', '_');
    }

    /** Whether an Address_Set's name is an address group's (the only address sets Neutrino owns). */
    public static boolean isAddressGroupAddressSet(String name) {
        return name.startsWith("ag_") && (name.endsWith("_ip4") || name.endsWith("_ip6"));
    }

    public static final String EXT_ADDRESS_GROUP_ID = "neutron:address_group_id";

    /** lrp-&lt;port id&gt;: logical router ports. */
    public static String routerPort(String portId) {
        return "lrp-" + portId;
    }

    /** provnet-&lt;segment id&gt;: the localnet port of a provider network. */
    public static String providerPort(String segmentId) {
        return "provnet-" + segmentId;
    }

    /** A DNS row's external_ids key naming its switch (ML2/OVN's get_ls_and_dns_record looks it up by it). */
    public static final String EXT_DNS_LS_NAME = "ls_name";
}
