package dev.neutrino.ext.core;

import static dev.neutrino.model.Attribute.COMPUTED;
import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;
import java.util.Map;

/**
 * neutron_lib/api/definitions/port.py with portbindings, port-security, security-group,
 * allowed-address-pairs, extra_dhcp_opt, port-numa-affinity-policy and port-device-profile.
 */
@dev.neutrino.model.Declaration
public final class Ports {
    private Ports() {}

    public static final List<String> VNIC_TYPES = List.of("normal", "direct", "macvtap", "baremetal",
            "direct-physical", "virtio-forwarder", "smart-nic", "vdpa", "remote-managed");

    public static final ResourceDef DEF = ResourceDef.builder("port", "ports")
            .name()
            .project()
            .standard()
            .add(string("network_id").required().validate(Validators.UUID).query())
            .add(bool("admin_state_up").post(true).put().validate(Validators.BOOLEAN).query())
            // null: a new one (port-mac-address-regenerate)
            .add(string("mac_address").post(COMPUTED).put().convert(Converters.LOWERCASE)
                    .validate(v -> v == null ? null : Validators.MAC_ADDRESS.validate(v)).query())
            .add(list("fixed_ips").post(COMPUTED).put().filter().computed())
            .add(string("device_id").post("").put().validate(Validators.string(255)).query())
            .add(string("device_owner").post("").put().validate(Validators.string(255)).query())
            .add(string("status").query())
            .add(string("ip_allocation").hidden().extension("ip_allocation"))
            .build();
}
