package dev.neutrino.ext.l3;

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
 * neutron_lib/api/definitions/l3.py, l3_ext_gw_mode.py, extraroute.py, extraroute_atomic.py,
 * router_availability_zone.py and fip_port_details.py: routers and floating IPs ({@link Routers},
 * {@link FloatingIps}) with their actions.
 */
@Declaration
public final class L3Extension {
    private L3Extension() {}

    public static final ExtensionDef ROUTER = ExtensionDef.builder("router",
            "Neutron L3 Router",
            "Router abstraction for basic L3 forwarding between L2 Neutron "
                    + "networks and access to external networks via a NAT gateway.",
            "2012-07-20T10:00:00-00:00")
            .requires("external-net")
            .resource(Routers.DEF)
            .resource(FloatingIps.DEF)
            .action("routers", "add_router_interface")
            .action("routers", "remove_router_interface")
            .build();

    public static final ExtensionDef EXT_GW_MODE = ExtensionDef.builder("ext-gw-mode",
            "Neutron L3 Configurable external gateway mode",
            "Extension of the router abstraction for specifying whether SNAT "
                    + "should occur on the external gateway",
            "2013-03-28T10:00:00-00:00")
            .requires("router")
            .attributes("routers",
                    bool("enable_snat").hidden())
            .build();

    public static final ExtensionDef EXTRAROUTE = ExtensionDef.builder("extraroute",
            "Neutron Extra Route",
            "Extra routes configuration for L3 router",
            "2013-02-01T10:00:00-00:00")
            .requires("router")
            .attributes("routers",
                    list("routes").put().convert(Routers.NONE_TO_EMPTY).validate(Routers.HOSTROUTES))
            .build();

    public static final ExtensionDef EXTRAROUTE_ATOMIC = ExtensionDef.builder("extraroute-atomic",
            "Atomically add/remove extra routes",
            "Edit extra routes of a router on server side by atomically "
                    + "adding/removing extra routes",
            "2019-07-10T00:00:00+00:00")
            .requires("extraroute")
            .action("routers", "add_extraroutes")
            .action("routers", "remove_extraroutes")
            .build();

    public static final ExtensionDef ROUTER_AVAILABILITY_ZONE = ExtensionDef.builder("router_availability_zone",
            "Router Availability Zone",
            "Availability zone support for router.",
            "2015-01-01T10:00:00-00:00")
            .requires("router")
            .attributes("routers",
                    list("availability_zone_hints").post(List.of()).validate(Routers.AZ_HINTS),
                    list("availability_zones").computed())
            .build();

    public static final ExtensionDef FIP_PORT_DETAILS = ExtensionDef.builder("fip-port-details",
            "Floating IP Port Details Extension",
            "Add port_details attribute to Floating IP resource",
            "2018-04-09T10:00:00-00:00")
            .requires("router")
            .attributes("floatingips",
                    dict("port_details").computed())
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(EXT_GW_MODE, EXTRAROUTE, EXTRAROUTE_ATOMIC, FIP_PORT_DETAILS, ROUTER, ROUTER_AVAILABILITY_ZONE);

    public static final ExtensionDef.Action ADD_ROUTER_INTERFACE = ROUTER.actions().get(0);
    public static final ExtensionDef.Action REMOVE_ROUTER_INTERFACE = ROUTER.actions().get(1);
    public static final ExtensionDef.Action ADD_EXTRAROUTES = EXTRAROUTE_ATOMIC.actions().get(0);
    public static final ExtensionDef.Action REMOVE_EXTRAROUTES = EXTRAROUTE_ATOMIC.actions().get(1);
}
