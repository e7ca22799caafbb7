package dev.neutrino.model.defs;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;

/**
 * neutron_lib/api/definitions/network.py with external-net, net-mtu, port-security, availability zones,
 * provider and multi-provider (a network with one segment shows provider:*, with more {@code segments}).
 */
public final class Networks {
    private Networks() {}

    public static final ResourceDef DEF = ResourceDef.builder("network", "networks")
            .name()
            .project()
            .standard()
            .add(list("subnets").computed())
            .add(bool("admin_state_up").post(true).put().validate(Validators.BOOLEAN).query())
            .add(string("status").query())
            .add(bool("shared").post(false).put().validate(Validators.BOOLEAN).query())
            .add(bool("router:external").post(false).put().validate(Validators.BOOLEAN).query()
                    .extension("external-net"))
            .add(bool("is_default").post(false).put().validate(Validators.BOOLEAN).filter()
                    .extension("auto-allocated-topology"))
            .add(integer("mtu").post(dev.neutrino.model.Attribute.COMPUTED).put().validate(Validators.NON_NEGATIVE).convert(Converters.INTEGER).query()
                    .extension("net-mtu-writable"))
            .add(bool("port_security_enabled").post(true).put().validate(Validators.BOOLEAN).filter()
                    .extension("port-security"))
            .add(string("provider:network_type").post(dev.neutrino.model.Attribute.COMPUTED).put()
                    .validate(Validators.string(32)).filter().adminOnly().computed().extension("provider"))
            .add(string("provider:physical_network").post(dev.neutrino.model.Attribute.COMPUTED).put()
                    .validate(Validators.stringOrNone(64)).filter().adminOnly().computed().extension("provider"))
            .add(integer("provider:segmentation_id").post(dev.neutrino.model.Attribute.COMPUTED).put()
                    .convert(Converters.INTEGER_OR_NONE).filter().adminOnly().computed().extension("provider"))
            .add(list("segments").post(dev.neutrino.model.Attribute.COMPUTED).put().adminOnly().computed()
                    .extension("multi-provider"))
            .add(list("availability_zone_hints").post(java.util.List.of())
                    .convert(Converters.LIST_OR_EMPTY).validate(Validators.listOf(Validators.string(255)))
                    .extension("network_availability_zone"))
            .add(list("availability_zones").computed().extension("network_availability_zone"))
            .add(string("ipv4_address_scope").computed().extension("address-scope"))
            .add(string("ipv6_address_scope").computed().extension("address-scope"))
            .add(bool("l2_adjacency").computed().extension("l2_adjacency"))
            .build();
}
