package dev.neutrino.ext.core;

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
@dev.neutrino.model.Declaration
public final class Networks {
    private Networks() {}

    /** Ports a network owns itself (device_owner); they do not keep it from being deleted. */
    public static final java.util.List<String> NETWORK_OWNED = java.util.List.of("network:dhcp", "network:distributed");

    public static final ResourceDef DEF = ResourceDef.builder("network", "networks")
            .name()
            .project()
            .standard()
            .add(list("subnets").computed())
            .add(bool("admin_state_up").post(true).put().validate(Validators.BOOLEAN).query())
            .add(string("status").query())
            .add(bool("shared").post(false).put().validate(Validators.BOOLEAN).query())
            .build();
}
