package dev.neutrino.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;

/** neutron-lib's converters ({@code neutron_lib.api.converters}), for bodies and query strings alike. */
public final class Converters {
    private Converters() {}

    private static final Set<String> TRUE_STRINGS = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE_STRINGS = Set.of("0", "f", "false", "off", "n", "no");

    /**
     * convert_to_boolean (oslo's bool_from_string, strict): JSON booleans, the integers 0 and 1, and
     * the strings "1/t/true/on/y/yes" and "0/f/false/off/n/no" in any case, as query strings send
     * them. Anything else, 2 or 1.0 or 2**70 included, cannot be converted.
     */
    public static final Converter BOOLEAN = v -> {
        if (v instanceof Boolean) return v;
        String text = v instanceof String s ? s.strip().toLowerCase(Locale.ROOT)
                : v instanceof Integer || v instanceof Long || v instanceof BigInteger ? v.toString() : null;
        if (text != null && TRUE_STRINGS.contains(text)) return true;
        if (text != null && FALSE_STRINGS.contains(text)) return false;
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

    /**
     * convert_none_to_empty_list: null is an empty list, anything else stays as it is (a value that is
     * no list is then the validator's to refuse, as in neutron-lib).
     */
    public static final Converter LIST_OR_EMPTY = v -> v == null ? new ArrayList<>() : v;

    /**
     * A timestamp filter value, as Neutron writes timestamps ("2024-01-31T12:00:00Z") or any ISO 8601
     * date and time (an offset is turned to UTC; none means UTC): the stored column's type.
     */
    public static final Converter TIMESTAMP = v -> {
        if (v instanceof String s) {
            String t = s.strip().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(t);
                } catch (DateTimeParseException e2) {
                    // fall through
                }
            }
        }
        throw new IllegalArgumentException("'" + display(v) + "' is not a valid timestamp");
    };

    public static String display(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(v);
    }

}
