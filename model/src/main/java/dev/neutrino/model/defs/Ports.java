package dev.neutrino.model.defs;

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
            .add(string("mac_address").post(COMPUTED).put().convert(Converters.LOWERCASE)
                    .validate(Validators.MAC_ADDRESS).query())
            .add(list("fixed_ips").post(COMPUTED).put().filter().computed())
            .add(string("device_id").post("").put().validate(Validators.string(255)).query())
            .add(string("device_owner").post("").put().validate(Validators.string(255)).query())
            .add(string("status").query())
            .add(string("ip_allocation").hidden().extension("ip_allocation"))
            .add(bool("port_security_enabled").post(COMPUTED).put().validate(Validators.BOOLEAN).filter()
                    .extension("port-security"))
            .add(list("security_groups").post(COMPUTED).put().convert(Converters.LIST_OR_EMPTY)
                    .validate(Validators.listOf(Validators.UUID)).filter().computed().extension("security-group"))
            .add(list("allowed_address_pairs").post(List.of()).put().convert(Converters.LIST_OR_EMPTY)
                    .extension("allowed-address-pairs"))
            .add(list("extra_dhcp_opts").post(List.of()).put().convert(Converters.LIST_OR_EMPTY)
                    .extension("extra_dhcp_opt"))
            .add(string("numa_affinity_policy").post(null).put()
                    .validate(Validators.valuesOrNone(List.of("required", "preferred", "legacy")))
                    .extension("port-numa-affinity-policy"))
            .add(string("device_profile").post(null).validate(Validators.stringOrNone(255))
                    .extension("port-device-profile"))
            .add(string("binding:host_id").post("").put().validate(Validators.string(255)).filter().adminOnly()
                    .extension("binding"))
            .add(string("binding:vnic_type").post("normal").put().validate(Validators.values(VNIC_TYPES))
                    .filter().extension("binding"))
            .add(dict("binding:profile").post(Map.of()).put().validate(Validators.DICT_OR_NONE).adminOnly()
                    .extension("binding"))
            .add(string("binding:vif_type").adminOnly().extension("binding"))
            .add(dict("binding:vif_details").adminOnly().extension("binding"))
            .build();
}
