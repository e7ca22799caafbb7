package dev.neutrino.ext.portforwarding;

import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converter;
import dev.neutrino.model.Converters;
import dev.neutrino.model.Declaration;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validator;
import dev.neutrino.model.Validators;
import java.util.List;
import java.util.Locale;

/**
 * A floating IP's port forwarding (floating_ip_port_forwarding.py with fip_pf_description.py and
 * fip_pf_port_range.py): TCP or UDP to the floating IP on {@code external_port} (or each port of
 * {@code external_port_range}, "N:M") goes to {@code internal_ip_address}, a fixed IP of
 * {@code internal_port_id}, on {@code internal_port} (or the matching port of the internal range, or
 * one internal port for the whole range). It is no top-level resource: {@link PortForwardingEndpoint}
 * serves it below its floating IP, whose project it takes ({@code project_id}, not shown). The
 * singular is the policy rules' ({@code get_floatingip_port_forwarding}); bodies say
 * {@code port_forwarding}.
 */
@Declaration
public final class PortForwardings {
    private PortForwardings() {}

    public static final String SINGULAR = "port_forwarding";

    /** neutron_lib.constants.IPTABLES_PROTOCOL_MAP's keys, in its order. */
    static final List<String> PROTOCOLS = List.of("dccp", "icmp", "ipv6-icmp", "sctp", "tcp", "udp");

    /** convert_to_protocol: a known name in any case, or 0..255, is kept as given; else refused. */
    static final Converter PROTOCOL = v -> {
        if (v == null) return null;
        String s = String.valueOf(v);
        if (PROTOCOLS.contains(s.toLowerCase(Locale.ROOT))) return v;
        try {
            int n = (Integer) Converters.INTEGER.convert(v);
            if (n >= 0 && n <= 255) return v;
        } catch (RuntimeException e) {
            // refused below
        }
        throw new IllegalArgumentException("IP protocol '" + s + "' is not supported. Only protocol names and their "
                + "integer representation (0 to 255) are supported");
    };

    /** validate_values with the map's keys: neutron-lib prints them as "valid_values". */
    static final Validator PROTOCOL_VALUES = v -> v != null && PROTOCOLS.contains(v) ? null
            : Converters.display(v) + " is not in valid_values";

    /** validate_port_range_or_none with [1, 65535]. */
    static final Validator PORT_RANGE = v -> {
        if (v == null) return null;
        String data = v instanceof String s ? s : Converters.display(v);
        String[] ports = data.split(":", -1);
        if (ports.length > 2) return "Port range must be two integers separated by a colon";
        for (String p : ports) {
            if (p.isEmpty()) return "Port range must be two integers separated by a colon";
            int n;
            try {
                n = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return "Invalid port: " + p;
            }
            if (n < 1 || n > 65535) {
                if (n < 0 || n > 65535) return "Invalid port: " + p;
                return "Invalid port: " + p + ", the port must be in the range [1, 65535]";
            }
        }
        if (ports.length > 1 && Integer.parseInt(ports[0]) > Integer.parseInt(ports[1])) {
            return "First port in a port range must be lower than the second port";
        }
        return null;
    };

    public static final ResourceDef DEF = ResourceDef.builder("floatingip_port_forwarding",
                    PortForwardingExtension.COLLECTION)
            .table("portforwardings")
            .add(string("project_id").post(dev.neutrino.model.Attribute.COMPUTED).validate(Validators.string(255))
                    .hidden())
            .add(string("floatingip_id").hidden().filter())
            .add(integer("external_port").post(null).put().convert(Converters.INTEGER_OR_NONE)
                    .validate(Validators.range(1, 65535)).query())
            .add(integer("internal_port").post(null).put().convert(Converters.INTEGER_OR_NONE)
                    .validate(Validators.range(1, 65535)))
            .add(string("internal_ip_address").required().put().validate(Validators.IP_ADDRESS))
            .add(string("protocol").required().put().convert(PROTOCOL).validate(PROTOCOL_VALUES).query())
            .add(string("internal_port_id").required().put().validate(Validators.UUID).query())
            .add(string("description").post("").put().validate(Validators.string(255)).filter())
            .add(string("external_port_range").post(null).put().validate(PORT_RANGE).query())
            .add(string("internal_port_range").post(null).put().validate(PORT_RANGE))
            .build();
}
