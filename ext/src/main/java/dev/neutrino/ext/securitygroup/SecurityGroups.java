package dev.neutrino.ext.securitygroup;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;

/** neutron_lib/api/definitions/security_groups.py (with stateful-security-group). */
@dev.neutrino.model.Declaration
public final class SecurityGroups {
    private SecurityGroups() {}

    public static final ResourceDef GROUP = ResourceDef.builder("security_group", "security_groups")
            .table("securitygroups")
            .path("security-groups")
            .name()
            .project()
            .standard()
            .add(list("security_group_rules").computed())
            .build();

    public static final List<String> DIRECTIONS = List.of("ingress", "egress");

    /** neutron-lib's convert_validate_port_value: an integer 0..65535, else "Invalid value for port". */
    static final dev.neutrino.model.Converter PORT_VALUE = v -> {
        if (v == null) return null;
        Object i;
        try {
            i = Converters.INTEGER.convert(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for port " + Converters.display(v));
        }
        int port = (Integer) i;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("Invalid value for port " + port);
        return port;
    };
    public static final List<String> ETHERTYPES = List.of("IPv4", "IPv6");

    public static final ResourceDef RULE = ResourceDef.builder("security_group_rule", "security_group_rules")
            .table("securitygrouprules")
            .path("security-group-rules")
            .project()
            .standard()
            .add(string("security_group_id").required().validate(Validators.UUID).query())
            // neutron-lib does not check the format: an unknown group is 404 SecurityGroupNotFound
            .add(string("remote_group_id").post(null).validate(Validators.stringOrNone(255)).query())
            .add(string("remote_address_group_id").post(null).validate(Validators.UUID_OR_NONE).query()
                    .extension("security-groups-remote-address-group"))
            .add(string("direction").required().validate(Validators.values(DIRECTIONS)).query())
            .add(string("protocol").post(null).convert(v -> v instanceof String s ? s.toLowerCase() : v).query())
            .add(integer("port_range_min").post(null).convert(PORT_VALUE)
                    .validate(Validators.range(0, 65535)).query())
            .add(integer("port_range_max").post(null).convert(PORT_VALUE)
                    .validate(Validators.range(0, 65535)).query())
            .add(string("ethertype").post("IPv4").convert(v -> v instanceof String e
                    ? (e.equalsIgnoreCase("ipv4") ? "IPv4" : e.equalsIgnoreCase("ipv6") ? "IPv6" : e) : v)
                    .validate(Validators.values(ETHERTYPES)).query())
            .add(string("remote_ip_prefix").post(null).query())
            .build();
}
