package dev.neutrino.model;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** neutron-lib's validators ({@code neutron_lib.api.validators}) with their wording. */
public final class Validators {
    private Validators() {}

    private static final Pattern UUID_RE =
            Pattern.compile("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");
    private static final Pattern PROJECT_ID_RE = Pattern.compile("^[A-Za-z0-9_.-]{1,255}$");
    private static final Pattern MAC_RE = Pattern.compile("^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$");

    public static Validator string(int maxLength) {
        return v -> {
            if (!(v instanceof String s)) return "'" + Converters.display(v) + "' is not a valid string";
            if (s.length() > maxLength) return "'" + s + "' exceeds maximum length of " + maxLength;
            return null;
        };
    }

    public static Validator stringOrNone(int maxLength) {
        Validator s = string(maxLength);
        return v -> v == null ? null : s.validate(v);
    }

    public static final Validator NOT_EMPTY_STRING = v -> {
        String r = string(255).validate(v);
        if (r != null) return r;
        return ((String) v).strip().isEmpty() ? "'" + v + "' Blank strings are not permitted" : null;
    };

    public static final Validator UUID = v -> v instanceof String s && UUID_RE.matcher(s).matches() ? null
            : "'" + Converters.display(v) + "' is not a valid UUID";

    public static final Validator UUID_OR_NONE = v -> v == null ? null : UUID.validate(v);

    public static final Validator BOOLEAN = v -> v instanceof Boolean ? null
            : "'" + Converters.display(v) + "' is not a valid boolean value";

    public static final Validator NON_NEGATIVE = v -> {
        if (!(v instanceof Integer i)) return "'" + Converters.display(v) + "' is not an integer";
        return i < 0 ? "'" + i + "' should be non-negative" : null;
    };

    public static Validator range(int min, int max) {
        return v -> {
            if (v == null) return null;
            if (!(v instanceof Integer i)) return "'" + Converters.display(v) + "' is not an integer";
            if (i < min) return "'" + i + "' is too small - must be at least '" + min + "'";
            if (i > max) return "'" + i + "' is too large - must be no larger than '" + max + "'";
            return null;
        };
    }

    /** validate_values; null is a value like any other (and in none of the sets declared). */
    public static Validator values(Collection<?> allowed) {
        return v -> v != null && allowed.contains(v) ? null
                : "'" + Converters.display(v) + "' is not in " + pyList(allowed);
    }

    /**
     * validate_values worded as neutron-lib 3.1 (Zed) words it when the definition gives no display
     * string: "&lt;data&gt; is not in valid_values".
     */
    public static Validator valuesAsZed(Collection<?> allowed) {
        return v -> v != null && allowed.contains(v) ? null : Converters.display(v) + " is not in valid_values";
    }

    public static Validator valuesOrNone(Collection<?> allowed) {
        Validator inner = values(allowed);
        return v -> v == null ? null : inner.validate(v);
    }

    public static final Validator IP_ADDRESS = v -> v instanceof String s && IpAddress.isValid(s) ? null
            : "'" + Converters.display(v) + "' is not a valid IP address";

    public static final Validator IP_ADDRESS_OR_NONE = v -> v == null ? null : IP_ADDRESS.validate(v);

    /**
     * validate_subnet: address/prefix, an IPv4 address written in full ("10.0.0.5/24" is fine: host
     * bits are allowed, the subnet or pool keeps the canonical form, as Neutron does).
     */
    public static final Validator SUBNET = v -> {
        if (!(v instanceof String s)) return "'" + Converters.display(v) + "' is not a valid IP subnet";
        Cidr c;
        try {
            c = Cidr.parse(s);
        } catch (IllegalArgumentException e) {
            return "'" + s + "' is not a valid IP subnet";
        }
        if (s.indexOf('/') < 0 || (c.version() == 4 && !s.equals(c.address() + "/" + c.prefixLength()))) {
            return "'" + s + "' isn't a recognized IP subnet cidr, '" + c.canonical() + "' is recommended";
        }
        return null;
    };

    public static final Validator SUBNET_OR_NONE = v -> v == null ? null : SUBNET.validate(v);

    /**
     * validate_route_cidr: address/prefix without whitespace, with no host bits set, and not loopback
     * ("10.0.0.1/24" is refused with '10.0.0.0/24' recommended).
     */
    public static final Validator ROUTE_CIDR = v -> {
        if (!(v instanceof String s) || s.chars().anyMatch(Character::isWhitespace)) {
            return "'" + Converters.display(v) + "' is not a valid CIDR";
        }
        Cidr c;
        try {
            c = Cidr.parse(s);
        } catch (IllegalArgumentException e) {
            return "'" + s + "' is not a valid CIDR";
        }
        if (s.indexOf('/') < 0 || !c.isCanonical()) {
            return "'" + s + "' is not a recognized CIDR, '" + c.canonical() + "' is recommended";
        }
        boolean loopback = c.version() == 4 ? c.prefixLength() >= 8 && c.address().value().shiftRight(24).intValue() == 127
                : c.prefixLength() == 128 && c.address().value().equals(java.math.BigInteger.ONE);
        return loopback ? "'" + s + "' is not a routable CIDR" : null;
    };

    /** validate_nameservers: a list of unique IP addresses. */
    public static final Validator NAMESERVERS = v -> {
        if (!(v instanceof List<?> l)) return "Invalid data format for nameserver: '" + Converters.display(v) + "'";
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Object host : l) {
            String r = IP_ADDRESS.validate(host);
            if (r != null) return "'" + Converters.display(host) + "' is not a valid nameserver. " + r;
            if (!seen.add(host)) return "Duplicate nameserver '" + host + "'";
        }
        return null;
    };

    /** validate_hostroutes: a list of unique {destination, nexthop} dicts, the destination a route CIDR. */
    public static final Validator HOSTROUTES = v -> {
        if (!(v instanceof List<?> l)) return "Invalid data format for hostroute: '" + Converters.display(v) + "'";
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?> m)) return "'" + Converters.display(o) + "' is not a dictionary";
            if (m.size() != 2 || !m.containsKey("destination") || !m.containsKey("nexthop")) {
                return "Validation of dictionary's keys failed. Expected keys: ['destination', 'nexthop'] Provided "
                        + "keys: " + pyList(new java.util.TreeSet<>(m.keySet().stream().map(String::valueOf).toList()));
            }
            String r = ROUTE_CIDR.validate(m.get("destination"));
            if (r == null) r = IP_ADDRESS.validate(m.get("nexthop"));
            if (r != null) return r;
            if (!seen.add(m)) return "Duplicate hostroute '" + Converters.display(o) + "'";
        }
        return null;
    };

    /**
     * A project id as Keystone makes them (32 hex digits; "default"; names in noauth setups): 1 to 255
     * characters (neutron-lib's PROJECT_ID_FIELD_SIZE) of letters, digits, '_', '-' and '.'.
     */
    public static final Validator PROJECT_ID = v -> {
        if (!(v instanceof String s)) return "'" + Converters.display(v) + "' is not a valid project id";
        if (s.length() > 255) return "'" + s.substring(0, 32) + "...' exceeds maximum length of 255";
        return PROJECT_ID_RE.matcher(s).matches() ? null : "'" + s + "' is not a valid project id";
    };

    public static final Validator MAC_ADDRESS = v -> {
        if (v instanceof String s && MAC_RE.matcher(s).matches()) {
            // neutron-lib refuses multicast and all-zero addresses for ports
            int first = Integer.parseInt(s.substring(0, 2), 16);
            if ((first & 1) == 0 && !s.replaceAll("[:-]", "").matches("0+")) return null;
        }
        return "'" + Converters.display(v) + "' is not a valid MAC address";
    };

    public static final Validator DICT_OR_NONE = v -> v == null || v instanceof Map<?, ?> ? null
            : "'" + Converters.display(v) + "' is not a dictionary";

    public static final Validator DICT_OR_EMPTY = v -> v == null || v instanceof Map<?, ?> ? null
            : "'" + Converters.display(v) + "' is not a dictionary";

    public static final Validator LIST = v -> v instanceof List<?> ? null
            : "'" + Converters.display(v) + "' is not a list";

    /** A list of unique items, each checked by {@code item}. */
    public static Validator listOf(Validator item) {
        return v -> {
            if (!(v instanceof List<?> l)) return "'" + Converters.display(v) + "' is not a list";
            if (l.stream().distinct().count() != l.size()) return "Duplicate items in the list: '" + pyItems(l) + "'";
            for (Object o : l) {
                String r = item.validate(o);
                if (r != null) return r;
            }
            return null;
        };
    }

    static String pyList(Collection<?> c) {
        StringBuilder sb = new StringBuilder("[");
        for (Object o : c) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(o instanceof String ? "'" + o + "'" : Converters.display(o));
        }
        return sb.append(']').toString();
    }

    static String pyItems(List<?> l) {
        StringBuilder sb = new StringBuilder();
        for (Object o : l) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(Converters.display(o));
        }
        return sb.toString();
    }
}
