package dev.neutrino.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The API extensions Neutrino implements, as GET /v2.0/extensions lists them. Only what is really
 * implemented belongs here; docs/compatibility.md lists the rest.
 */
public final class Extensions {
    public record Extension(String alias, String name, String description, String updated) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("alias", alias);
            m.put("description", description);
            m.put("updated", updated);
            m.put("links", List.of());
            return m;
        }
    }

    public static final List<Extension> ALL = List.of(
            new Extension("address-scope", "Address scope", "Address scopes extension.", "2015-07-26T10:00:00-00:00"),
            new Extension("allowed-address-pairs", "Allowed Address Pairs",
                    "Provides allowed address pairs", "2013-07-23T10:00:00-00:00"),
            new Extension("auto-allocated-topology", "Auto Allocated Topology Services", "Auto Allocated Topology "
                    + "Services.", "2016-01-01T00:00:00-00:00"),
            new Extension("binding", "Port Binding", "Expose port bindings of a virtual port to external "
                    + "application", "2014-02-03T10:00:00-00:00"),
            new Extension("default-subnetpools", "Default Subnetpools", "Provides ability to mark and use a "
                    + "subnetpool as the default.", "2016-02-18T18:00:00-00:00"),
            new Extension("ext-gw-mode", "Neutron L3 Configurable external gateway mode", "Extension of the "
                    + "router abstraction for specifying whether SNAT should occur on the external gateway",
                    "2013-03-28T10:00:00-00:00"),
            new Extension("external-net", "Neutron external network", "Adds external network attribute to "
                    + "network resource.", "2013-01-14T10:00:00-00:00"),
            new Extension("extra_dhcp_opt", "Neutron Extra DHCP options", "Extra options configuration for DHCP. "
                    + "For example PXE boot options to DHCP clients can be specified (e.g. tftp-server, server-ip-"
                    + "address, bootfile-name)", "2013-03-17T12:00:00-00:00"),
            new Extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router",
                    "2013-02-01T10:00:00-00:00"),
            new Extension("extraroute-atomic", "Atomically add/remove extra routes", "Edit extra routes of a "
                    + "router on server side by atomically adding/removing extra routes", "2019-07-10T00:00:00+00:00"),
            new Extension("filter-validation", "Filter parameters validation", "Provides validation on filter "
                    + "parameters.", "2018-03-21T10:00:00-00:00"),
            new Extension("fip-port-details", "Floating IP Port Details Extension", "Add port_details attribute "
                    + "to Floating IP resource", "2018-04-09T10:00:00-00:00"),
            new Extension("l2_adjacency", "L2 Adjacency", "Display L2 Adjacency for Neutron Networks.",
                    "2016-04-12T16:00:00-00:00"),
            new Extension("multi-provider", "Multi Provider Network", "Expose mapping of virtual networks to "
                    + "multiple physical networks", "2013-06-27T10:00:00-00:00"),
            new Extension("net-mtu", "Network MTU", "Provides MTU attribute for a network resource.",
                    "2015-03-25T10:00:00-00:00"),
            new Extension("net-mtu-writable", "Network MTU (writable)", "Provides a writable MTU attribute for a "
                    + "network resource.", "2017-07-12T00:00:00-00:00"),
            new Extension("network-ip-availability", "Network IP Availability", "Provides IP availability data for "
                    + "each network and subnet.", "2015-09-24T00:00:00-00:00"),
            new Extension("network_availability_zone", "Network Availability Zone", "Add availability zone "
                    + "information to networks.", "2015-01-01T10:00:00-00:00"),
            new Extension("pagination", "Pagination support", "Extension that indicates that pagination is "
                    + "enabled.", "2016-06-12T00:00:00-00:00"),
            new Extension("port-device-profile", "Port device profile", "Expose the port device profile (Cyborg)",
                    "2020-12-17T10:00:00-00:00"),
            new Extension("port-numa-affinity-policy", "Port NUMA affinity policy", "Expose the port NUMA "
                    + "affinity policy", "2020-07-08T10:00:00-00:00"),
            new Extension("port-security", "Port Security", "Provides port security",
                    "2012-07-23T10:00:00-00:00"),
            new Extension("project-id", "project_id field enabled", "Extension that indicates that project_id "
                    + "field is enabled.", "2016-09-09T09:09:09-09:09"),
            new Extension("provider", "Provider Network", "Expose mapping of virtual networks to physical "
                    + "networks", "2012-09-07T10:00:00-00:00"),
            new Extension("quota_details", "Quota details management support", "Expose functions for quotas usage "
                    + "statistics per project", "2017-02-10T10:00:00-00:00"),
            new Extension("quotas", "Quota management support", "Expose functions for quotas management per "
                    + "project", "2012-07-29T10:00:00-00:00"),
            new Extension("rbac-policies", "RBAC Policies", "Allows creation and modification of policies that "
                    + "control tenant access to resources.", "2015-06-17T12:15:12-00:00"),
            new Extension("revision-if-match", "If-Match constraints based on revision_number", "Extension "
                    + "indicating that If-Match based on revision_number is supported.", "2016-12-11T00:00:00-00:00"),
            new Extension("router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 "
                    + "Neutron networks and access to external networks via a NAT gateway.",
                    "2012-07-20T10:00:00-00:00"),
            new Extension("router_availability_zone", "Router Availability Zone", "Availability zone support for "
                    + "router.", "2015-01-01T10:00:00-00:00"),
            new Extension("security-group", "security-group", "The security groups extension.",
                    "2012-10-05T10:00:00-00:00"),
            new Extension("segment", "Segment", "Segments extension.", "2016-02-24T17:00:00-00:00"),
            new Extension("sorting", "Sorting support", "Extension that indicates that sorting is enabled.",
                    "2016-06-12T00:00:00-00:00"),
            new Extension("standard-attr-description", "standard-attr-description", "Extension to add "
                    + "descriptions to standard attributes", "2016-02-10T10:00:00-00:00"),
            new Extension("standard-attr-revisions", "Resource revision numbers", "This extension will display "
                    + "the revision number of neutron resources.", "2016-04-11T10:00:00-00:00"),
            new Extension("standard-attr-segment", "Standard Attribute Segment Extension", "Add standard "
                    + "attributes to Segment resource", "2018-04-09T10:00:00-00:00"),
            new Extension("standard-attr-tag", "Tag support for resources with standard attribute: subnet, "
                    + "trunk, network_segment_range, router, network, policy, subnetpool, port, security_group, "
                    + "floatingip", "Enables to set tag on resources with standard attribute.",
                    "2017-01-01T00:00:00-00:00"),
            new Extension("standard-attr-timestamp", "Resource timestamps", "Adds created_at and updated_at "
                    + "fields to all Neutron resources that have Neutron standard attributes.",
                    "2016-09-12T10:00:00-00:00"),
            new Extension("stateful-security-group", "Stateful security group", "Indicates if the security group "
                    + "is stateful or not", "2019-11-26T09:00:00-00:00"),
            new Extension("subnet-segmentid-writable", "Subnet SegmentID (writable)", "Provides a writable "
                    + "segment_id attribute for a subnet resource.", "2018-03-12T00:00:00-00:00"),
            new Extension("subnet_allocation", "Subnet Allocation", "Enables allocation of subnets from a subnet "
                    + "pool", "2015-03-30T10:00:00-00:00"));

    private Extensions() {}

    /** The extension {@code alias} when it is implemented and {@code enabled} (its driver is loaded), else null. */
    public static Map<String, Object> find(String alias, Predicate<String> enabled) {
        for (Extension e : ALL) if (e.alias().equals(alias) && enabled.test(alias)) return e.toMap();
        return null;
    }

    public static List<Map<String, Object>> list(Predicate<String> enabled) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Extension e : ALL) if (enabled.test(e.alias())) out.add(e.toMap());
        return out;
    }
}
