package dev.neutrino.ext.core;

import static dev.neutrino.model.Attribute.COMPUTED;
import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.Validators;
import java.util.List;
import java.util.Map;

/**
 * The ML2 core plugin's own extensions: what its networks, subnets and ports hooks implement
 * (binding, provider and multi-provider segments, external networks, MTU, allowed address pairs,
 * extra DHCP options, availability zones, L2 adjacency). The core resources themselves are
 * {@link Networks}, {@link Subnets} and {@link Ports}.
 */
@Declaration
public final class CoreExtensions {
    private CoreExtensions() {}

    public static final ExtensionDef ALLOWED_ADDRESS_PAIRS = ExtensionDef.builder("allowed-address-pairs",
            "Allowed Address Pairs",
            "Provides allowed address pairs",
            "2013-07-23T10:00:00-00:00")
            .attributes("ports",
                    list("allowed_address_pairs").post(List.of()).put().convert(Converters.LIST_OR_EMPTY))
            .build();

    public static final ExtensionDef BINDING = ExtensionDef.builder("binding",
            "Port Binding",
            "Expose port bindings of a virtual port to external application",
            "2014-02-03T10:00:00-00:00")
            .attributes("ports",
                    // ML2's _process_port_binding_attributes: None (Nova's unbind) means no host
                    string("binding:host_id").post("").put().convert(v -> v == null ? "" : v)
                            .validate(Validators.string(255)).filter().adminOnly(),
                    string("binding:vnic_type").post("normal").put().validate(Validators.values(Ports.VNIC_TYPES))
                    .filter(),
                    dict("binding:profile").post(Map.of()).put().validate(Validators.DICT_OR_NONE).adminOnly(),
                    string("binding:vif_type").adminOnly(),
                    dict("binding:vif_details").adminOnly())
            .build();

    public static final ExtensionDef EXTERNAL_NET = ExtensionDef.builder("external-net",
            "Neutron external network",
            "Adds external network attribute to network resource.",
            "2013-01-14T10:00:00-00:00")
            .attributes("networks",
                    bool("router:external").post(false).put().validate(Validators.BOOLEAN).query())
            .build();

    public static final ExtensionDef EXTRA_DHCP_OPT = ExtensionDef.builder("extra_dhcp_opt",
            "Neutron Extra DHCP options",
            "Extra options configuration for DHCP. For example PXE boot options to "
                    + "DHCP clients can be specified (e.g. tftp-server, server-ip-address, "
                    + "bootfile-name)",
            "2013-03-17T12:00:00-00:00")
            .attributes("ports",
                    list("extra_dhcp_opts").post(List.of()).put().convert(Converters.LIST_OR_EMPTY))
            .build();

    public static final ExtensionDef L2_ADJACENCY = ExtensionDef.builder("l2_adjacency",
            "L2 Adjacency",
            "Display L2 Adjacency for Neutron Networks.",
            "2016-04-12T16:00:00-00:00")
            .attributes("networks",
                    bool("l2_adjacency").computed())
            .build();

    public static final ExtensionDef MULTI_PROVIDER = ExtensionDef.builder("multi-provider",
            "Multi Provider Network",
            "Expose mapping of virtual networks to multiple physical networks",
            "2013-06-27T10:00:00-00:00")
            .attributes("networks",
                    list("segments").post(dev.neutrino.model.Attribute.COMPUTED).put().adminOnly().computed())
            .build();

    public static final ExtensionDef NET_MTU = ExtensionDef.builder("net-mtu",
            "Network MTU",
            "Provides MTU attribute for a network resource.",
            "2015-03-25T10:00:00-00:00")
            .build();

    public static final ExtensionDef NET_MTU_WRITABLE = ExtensionDef.builder("net-mtu-writable",
            "Network MTU (writable)",
            "Provides a writable MTU attribute for a network resource.",
            "2017-07-12T00:00:00-00:00")
            .requires("net-mtu")
            .attributes("networks",
                    integer("mtu").post(dev.neutrino.model.Attribute.COMPUTED).put().validate(Validators.NON_NEGATIVE).convert(Converters.INTEGER).query())
            .build();

    public static final ExtensionDef NETWORK_AVAILABILITY_ZONE = ExtensionDef.builder("network_availability_zone",
            "Network Availability Zone",
            "Add availability zone information to networks.",
            "2015-01-01T10:00:00-00:00")
            .attributes("networks",
                    list("availability_zone_hints").post(java.util.List.of())
                    .convert(Converters.LIST_OR_EMPTY).validate(Validators.listOf(Validators.string(255))),
                    list("availability_zones").computed())
            .build();

    /**
     * A port's {@code mac_address} null on create or update: a new random one (neutron-lib redeclares
     * the attribute with convert_to_mac_if_none; here {@link Ports} takes null and {@link PortHooks}
     * makes the address).
     */
    public static final ExtensionDef PORT_MAC_ADDRESS_REGENERATE = ExtensionDef.builder("port-mac-address-regenerate",
            "Neutron Port MAC address regenerate",
            "Network port MAC address regenerate",
            "2018-05-03T10:00:00-00:00")
            .build();

    public static final ExtensionDef PROVIDER = ExtensionDef.builder("provider",
            "Provider Network",
            "Expose mapping of virtual networks to physical networks",
            "2012-09-07T10:00:00-00:00")
            .attributes("networks",
                    string("provider:network_type").post(dev.neutrino.model.Attribute.COMPUTED).put()
                    .validate(Validators.string(32)).filter().adminOnly().computed(),
                    string("provider:physical_network").post(dev.neutrino.model.Attribute.COMPUTED).put()
                    .validate(Validators.stringOrNone(64)).filter().adminOnly().computed(),
                    integer("provider:segmentation_id").post(dev.neutrino.model.Attribute.COMPUTED).put()
                    .convert(Converters.INTEGER_OR_NONE).filter().adminOnly().computed())
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(ALLOWED_ADDRESS_PAIRS, BINDING, EXTERNAL_NET, EXTRA_DHCP_OPT, L2_ADJACENCY, MULTI_PROVIDER, NET_MTU, NET_MTU_WRITABLE, NETWORK_AVAILABILITY_ZONE, PORT_MAC_ADDRESS_REGENERATE, PROVIDER);

    /** The core resources, which every ML2 deployment has (not extensions: not listed). */
    public static final List<dev.neutrino.model.ResourceDef> RESOURCES = List.of(Networks.DEF, Subnets.DEF, Ports.DEF);
}
