package dev.neutrino.ext.l3;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converter;
import dev.neutrino.model.Converters;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validator;
import dev.neutrino.model.Validators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * neutron_lib/api/definitions/l3.py (routers) with ext-gw-mode, extraroute and
 * router_availability_zone. {@code external_gateway_info} is not stored: it is read from the
 * router's gateway port; {@code enable_snat} is stored (hidden) as Neutron's routers table has it.
 */
@dev.neutrino.model.Declaration
public final class Routers {
    private Routers() {}

    /**
     * Keys of external_gateway_info, in the order l3_ext_gw_mode (and qos_gateway_ip, which adds
     * qos_policy_id) validates them. Without qos-gateway-ip, RouterHooks refuses qos_policy_id.
     */
    static final List<String> GATEWAY_KEYS = List.of("network_id", "enable_snat", "external_fixed_ips",
            "qos_policy_id");

    /** Converts enable_snat inside external_gateway_info (convert_to_boolean of the key spec). */
    static final Converter GATEWAY_CONVERTER = v -> {
        if (!(v instanceof Map<?, ?> m) || !m.containsKey("enable_snat")) return v;
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
        copy.put("enable_snat", Converters.BOOLEAN.convert(m.get("enable_snat")));
        return copy;
    };

    /** validate_dict_or_nodata with l3_ext_gw_mode's key specs. */
    static final Validator GATEWAY_VALIDATOR = v -> {
        if (v == null || (v instanceof Map<?, ?> empty && empty.isEmpty())) return null;
        if (!(v instanceof Map<?, ?> m)) return "'" + Converters.display(v) + "' is not a dictionary";
        if (!m.containsKey("network_id")) {
            return "Validation of dictionary's keys failed. Expected keys: {'network_id'} Provided keys: "
                    + pySet(m.keySet());
        }
        List<String> unexpected = new ArrayList<>();
        for (Object k : m.keySet()) if (!GATEWAY_KEYS.contains(k)) unexpected.add(String.valueOf(k));
        if (!unexpected.isEmpty()) return "Unexpected keys supplied: " + String.join(", ", unexpected);
        String r = Validators.UUID.validate(m.get("network_id"));
        if (r != null) return r;
        if (m.containsKey("enable_snat")) {
            r = Validators.BOOLEAN.validate(m.get("enable_snat"));
            if (r != null) return r;
        }
        if (m.containsKey("external_fixed_ips")) {
            r = fixedIps(m.get("external_fixed_ips"));
            if (r != null) return r;
        }
        if (m.containsKey("qos_policy_id")) return Validators.UUID_OR_NONE.validate(m.get("qos_policy_id"));
        return null;
    };

    /** validate_fixed_ips. */
    static String fixedIps(Object data) {
        if (!(data instanceof List<?> list)) return "Invalid data format for fixed IP: '" + pyRepr(data) + "'";
        List<Object> seen = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> ip)) return "Invalid data format for fixed IP: '" + pyRepr(o) + "'";
            if (ip.containsKey("ip_address")) {
                Object addr = ip.get("ip_address");
                if (seen.contains(addr)) return "Duplicate IP address '" + Converters.display(addr) + "'";
                String r = Validators.IP_ADDRESS.validate(addr);
                if (r != null) return r;
                seen.add(addr);
            }
            if (ip.containsKey("subnet_id")) {
                String r = Validators.UUID.validate(ip.get("subnet_id"));
                if (r != null) return r;
            }
        }
        return null;
    }

    /** convert_none_to_empty_list. */
    static final Converter NONE_TO_EMPTY = v -> v == null ? new ArrayList<>() : v;


    /** validate_hostroutes: a list of unique {destination, nexthop} dicts. */
    public static final Validator HOSTROUTES = v -> {
        if (!(v instanceof List<?> list)) return "Invalid data format for hostroute: '" + pyRepr(v) + "'";
        List<Object> seen = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> route)) {
                return "Invalid input. '" + pyRepr(o) + "' must be a dictionary with keys: ['destination', "
                        + "'nexthop']";
            }
            if (!route.keySet().equals(Set.of("destination", "nexthop"))) {
                return "Validation of dictionary's keys failed. Expected keys: {'destination', 'nexthop'} "
                        + "Provided keys: " + pySet(route.keySet());
            }
            String r = Validators.ROUTE_CIDR.validate(route.get("destination"));
            if (r != null) return r;
            r = Validators.IP_ADDRESS.validate(route.get("nexthop"));
            if (r != null) return r;
            if (seen.contains(route)) return "Duplicate hostroute '" + pyRepr(route) + "'";
            seen.add(route);
        }
        return null;
    };

    /** _validate_availability_zone_hints: unique strings whose JSON text fits the 255-character column. */
    static final Validator AZ_HINTS = v -> {
        if (!(v instanceof List<?> l)) return "'" + pyRepr(v) + "' is not a list";
        List<String> dups = new ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (Object o : l) {
            if (!seen.add(o) && !dups.contains(Converters.display(o))) dups.add(Converters.display(o));
        }
        if (!dups.isEmpty()) return "Duplicate items in the list: '" + String.join(", ", dups) + "'";
        StringBuilder json = new StringBuilder("[");
        for (Object o : l) {
            if (!(o instanceof String s)) return "'" + Converters.display(o) + "' is not a valid string";
            if (json.length() > 1) json.append(", ");
            json.append(dev.neutrino.common.Json.write(s));
        }
        if (json.length() + 1 > 255) {
            throw new dev.neutrino.common.NeutronException(400, "InvalidInput",
                    "Invalid input for operation: Too many availability_zone_hints specified.");
        }
        return null;
    };

    public static final ResourceDef DEF = ResourceDef.builder("router", "routers")
            .name()
            .project()
            .standard()
            .add(bool("admin_state_up").post(true).put().validate(Validators.BOOLEAN).query())
            .add(string("status"))
            .add(dict("external_gateway_info").post(null).put().convert(GATEWAY_CONVERTER)
                    .validate(GATEWAY_VALIDATOR).computed())
            .build();

    // ------------------------------------------------------------------ Python-style rendering

    /** Renders a value as Python's repr would (messages quote request data that way). */
    public static String pyRepr(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof String s) return "'" + s + "'";
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (var e : m.entrySet()) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(pyRepr(e.getKey())).append(": ").append(pyRepr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                if (sb.length() > 1) sb.append(", ");
                sb.append(pyRepr(o));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }

    static String pySet(Set<?> keys) {
        StringBuilder sb = new StringBuilder("{");
        for (Object k : keys) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(pyRepr(k));
        }
        return sb.append('}').toString();
    }
}
