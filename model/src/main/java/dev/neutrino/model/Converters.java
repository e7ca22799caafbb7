package dev.neutrino.model;

import dev.neutrino.common.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** neutron-lib's converters ({@code neutron_lib.api.converters}), for bodies and query strings alike. */
public final class Converters {
    private Converters() {}

    /** convert_to_boolean: JSON booleans, and "true"/"false"/"1"/"0" as query strings send them. */
    public static final Converter BOOLEAN = v -> {
        if (v instanceof Boolean) return v;
        if (v instanceof String s) {
            try {
                return Option.parseBool(s);
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        if (v instanceof Number n && (n.intValue() == 0 || n.intValue() == 1) && isIntegral(n)) {
            return n.intValue() == 1;
        }
        throw new IllegalArgumentException("'" + display(v) + "' cannot be converted to boolean");
    };

    /** Booleans or null (convert_to_boolean_if_not_none). */
    public static final Converter BOOLEAN_OR_NONE = v -> v == null ? null : BOOLEAN.convert(v);

    /** convert_to_int. */
    public static final Converter INTEGER = v -> {
        if (v instanceof Integer) return v;
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) return l.intValue();
        if (v instanceof BigDecimal d) {
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                // fall through
            }
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("'" + display(v) + "' is not an integer");
    };

    public static final Converter INTEGER_OR_NONE = v -> v == null ? null : INTEGER.convert(v);

    /** Strings stay strings; numbers and booleans are refused as neutron-lib's validate_string does. */
    public static final Converter STRING = v -> v;

    /** convert_to_lowercase for strings (mac addresses, protocols). */
    public static final Converter LOWERCASE = v -> v instanceof String s ? s.toLowerCase(Locale.ROOT) : v;

    /** convert_none_to_empty_list / convert_to_list. */
    public static final Converter LIST_OR_EMPTY = v -> {
        if (v == null) return new ArrayList<>();
        if (v instanceof List<?>) return v;
        return new ArrayList<>(List.of(v));
    };

    public static String display(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(v);
    }

    private static boolean isIntegral(Number n) {
        return !(n instanceof BigDecimal d) || d.stripTrailingZeros().scale() <= 0;
    }
}
