package dev.neutrino.ext.l3;

import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;

/**
 * neutron_lib/api/definitions/l3.py (floating IPs) with fip-port-details. {@code port_id} is the
 * associated (fixed) port; {@code floating_port_id} the hidden port on the external network that
 * holds the floating address; {@code subnet_id} is input only.
 */
@dev.neutrino.model.Declaration
public final class FloatingIps {
    private FloatingIps() {}

    public static final ResourceDef DEF = ResourceDef.builder("floatingip", "floatingips")
            .project()
            .standard()
            .add(string("floating_ip_address").post(null).validate(Validators.IP_ADDRESS_OR_NONE).query())
            .add(string("subnet_id").post(null).validate(Validators.UUID_OR_NONE).hidden().computed())
            .add(string("floating_network_id").required().validate(Validators.UUID).query())
            .add(string("router_id").query())
            .add(string("port_id").post(null).put().validate(Validators.UUID_OR_NONE).filter())
            .add(string("fixed_ip_address").post(null).put().validate(Validators.IP_ADDRESS_OR_NONE).query())
            .add(string("status").query())
            .add(string("floating_port_id").hidden())
            .build();
}
