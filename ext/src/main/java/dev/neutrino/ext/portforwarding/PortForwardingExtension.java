package dev.neutrino.ext.portforwarding;

import static dev.neutrino.model.Attribute.list;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import java.util.List;

/**
 * neutron_lib/api/definitions/floating_ip_port_forwarding.py, fip_pf_description.py,
 * fip_pf_port_range.py, fip_pf_detail.py and expose_port_forwarding_in_fip.py: port forwardings
 * below each floating IP ({@link PortForwardings}, served as a sub-resource,
 * {@code /v2.0/floatingips/{id}/port_forwardings}), their description and port ranges, and the
 * floating IP's {@code port_forwardings} (with each forwarding's id and internal port id: the
 * "detail" shim). Policy defaults are Zed's ({@code create/get/update/delete_floatingip_port_forwarding}).
 */
@Declaration
public final class PortForwardingExtension {
    private PortForwardingExtension() {}

    public static final String COLLECTION = "port_forwardings";

    public static final ExtensionDef PORT_FORWARDING = ExtensionDef.builder("floating-ip-port-forwarding",
            "Floating IP Port Forwarding",
            "Allow port forwarding from floating IP port to an internal port",
            "2018-01-19T10:00:00-00:00")
            .requires("router")
            .build();

    public static final ExtensionDef DESCRIPTION = ExtensionDef.builder("floating-ip-port-forwarding-description",
            "Floating IP Port Forwarding new attribute description",
            "Add a description field to Port Forwarding rules",
            "2019-11-01T10:00:00-00:00")
            .requires("floating-ip-port-forwarding")
            .build();

    public static final ExtensionDef PORT_RANGES = ExtensionDef.builder("floating-ip-port-forwarding-port-ranges",
            "Floating IP Port Forwarding support port ranges",
            "Add suport to port ranges",
            "2020-07-01T10:00:00-00:00")
            .requires("floating-ip-port-forwarding")
            .build();

    public static final ExtensionDef DETAIL = ExtensionDef.builder("floating-ip-port-forwarding-detail",
            "Floating IP port forwarding detail",
            "Allow list floating ip return more port forwarding data, include'id' and 'internal_port_id'",
            "2022-05-06T10:00:00-00:00")
            .build();

    public static final ExtensionDef EXPOSE = ExtensionDef.builder("expose-port-forwarding-in-fip",
            "Expose Floating IP port forwardings",
            "Expose port forwarding fields in floating IP response",
            "2018-06-28T16:00:00-00:00")
            .requires("router")
            .requires("floating-ip-port-forwarding")
            .attributes("floatingips", list(COLLECTION).computed())
            .build();

    public static final List<ExtensionDef> ALL = List.of(EXPOSE, PORT_FORWARDING, DESCRIPTION, DETAIL, PORT_RANGES);
}
