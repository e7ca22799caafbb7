package dev.neutrino.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few pieces of Python value semantics oslo.policy relies on: {@code str()},
 * {@code repr()}, {@code ==}, {@code fmt % dict} and {@code ast.literal_eval} of a
 * check's left-hand side. Values are the plain Java shapes a JSON body maps to:
 * String, Boolean, Number, List, Map and null (Python's None).
 */
final class PyValues {
    private PyValues() {}

    /** Thrown by {@link #format} when a key is missing (oslo catches this KeyError). */
    static final class MissingKey extends Exception {
        MissingKey(String key) {
            super(key, null, false, false);
        }
    }

    /** Python {@code str(value)}. */
    static String str(Object v) {
        if (v == null) return "None";
        if (v instanceof String s) return s;
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Double || v instanceof Float) return floatRepr(((Number) v).doubleValue());
        if (v instanceof BigDecimal d) return floatRepr(d.doubleValue());
        if (v instanceof Number || v instanceof Character) return v.toString();
        if (v instanceof List<?> || v instanceof Map<?, ?> || v instanceof Object[]) return repr(v);
        return v.toString();
    }

    /** Python {@code repr(value)}. */
    static String repr(Object v) {
        if (v instanceof String s) return stringRepr(s);
        if (v instanceof Object[] arr) v = List.of(arr);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(repr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) sb.append(", ");
            }
            return sb.append('}').toString();
        }
        return str(v);
    }

    private static String stringRepr(String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return sb.append(quote).toString();
    }

    private static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return new BigDecimal(d).toBigInteger().toString() + ".0";
        }
        String s = Double.toString(d);
        // Java: 1.0E-5 / 1.234E20 -> Python: 1e-05 / 1.234e+20
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mant = s.substring(0, e);
        if (mant.endsWith(".0")) mant = mant.substring(0, mant.length() - 2);
        int exp = Integer.parseInt(s.substring(e + 1));
        if (exp >= -4 && exp < 16) return new BigDecimal(s).toPlainString();
        return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** Python {@code a == b} for JSON-shaped values (True == 1, 1 == 1.0, deep list/dict equality). */
    static boolean eq(Object a, Object b) {
        if (a == null || b == null) return a == b;
        if (isNumeric(a) && isNumeric(b)) {
            return toBigDecimal(a).compareTo(toBigDecimal(b)) == 0;
        }
        if (a instanceof String || b instanceof String) return a.equals(b);
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) if (!eq(la.get(i), lb.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) return false;
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !eq(e.getValue(), mb.get(e.getKey()))) return false;
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean isNumeric(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static BigDecimal toBigDecimal(Object o) {
        if (o instanceof Boolean b) return b ? BigDecimal.ONE : BigDecimal.ZERO;
        if (o instanceof BigDecimal d) return d;
        if (o instanceof BigInteger i) return new BigDecimal(i);
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) return BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.TEN);
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(((Number) o).longValue());
    }

    /** Python truthiness. */
    static boolean truthy(Object o) {
        if (o == null) return false;
        if (o instanceof Boolean b) return b;
        if (o instanceof Number n) return toBigDecimal(n).signum() != 0;
        if (o instanceof String s) return !s.isEmpty();
        if (o instanceof List<?> l) return !l.isEmpty();
        if (o instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** Python {@code x in container} for str / list / dict containers. */
    static boolean contains(Object container, Object x) {
        if (container instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) if (eq(k, x)) return true;
            return false;
        }
        if (container instanceof List<?> l) {
            for (Object e : l) if (eq(e, x)) return true;
            return false;
        }
        if (container instanceof String s && x instanceof String sx) return s.contains(sx);
        return false;
    }

    /**
     * Python {@code fmt % mapping} as used by oslo.policy ({@code "%(project_id)s" % target}).
     * Supports {@code %(key)s}, {@code %(key)r}, {@code %(key)d} with optional flags/width, and
     * {@code %%}.
     *
     * @throws MissingKey when a referenced key is absent (Python KeyError)
     * @throws PolicyCheckException for a malformed format (Python ValueError/TypeError,
     *         which oslo.policy does not catch either)
     */
    static String format(String fmt, Map<String, ?> mapping) throws MissingKey {
        if (fmt.indexOf('%') < 0) return fmt;
        StringBuilder out = new StringBuilder();
        int n = fmt.length();
        int i = 0;
        while (i < n) {
            char c = fmt.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= n) throw bad(fmt, "incomplete format");
            Object value;
            boolean haveKey = false;
            String key = null;
            if (fmt.charAt(i) == '(') {
                int depth = 1;
                int start = ++i;
                while (i < n && depth > 0) {
                    char k = fmt.charAt(i);
                    if (k == '(') depth++;
                    else if (k == ')') depth--;
                    i++;
                }
                if (depth > 0) throw bad(fmt, "incomplete format key");
                key = fmt.substring(start, i - 1);
                haveKey = true;
            }
            boolean left = false;
            boolean zero = false;
            while (i < n && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
                if (fmt.charAt(i) == '-') left = true;
                if (fmt.charAt(i) == '0') zero = true;
                i++;
            }
            int width = 0;
            while (i < n && Character.isDigit(fmt.charAt(i))) width = width * 10 + (fmt.charAt(i++) - '0');
            int precision = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < n && Character.isDigit(fmt.charAt(i))) precision = precision * 10 + (fmt.charAt(i++) - '0');
            }
            while (i < n && "hlL".indexOf(fmt.charAt(i)) >= 0) i++;
            if (i >= n) throw bad(fmt, "incomplete format");
            char conv = fmt.charAt(i++);
            if (conv == '%' && !haveKey) {
                out.append('%');
                continue;
            }
            if (!haveKey) throw bad(fmt, "format requires a mapping key");
            if (!mapping.containsKey(key)) throw new MissingKey(key);
            value = mapping.get(key);
            String text;
            switch (conv) {
                case 's' -> text = str(value);
                case 'r', 'a' -> text = repr(value);
                case 'd', 'i', 'u' -> {
                    if (value instanceof Boolean b) text = b ? "1" : "0";
                    else if (value instanceof Number num) text = toBigDecimal(num).toBigInteger().toString();
                    else throw bad(fmt, "%d format: a real number is required, not " + typeName(value));
                }
                case '%' -> text = "%";
                default -> throw bad(fmt, "unsupported format character '" + conv + "'");
            }
            if (precision >= 0 && (conv == 's' || conv == 'r' || conv == 'a') && text.length() > precision) {
                text = text.substring(0, precision);
            }
            if (text.length() < width) {
                String pad = String.valueOf(zero && !left && conv != 's' && conv != 'r' ? '0' : ' ').repeat(width - text.length());
                text = left ? text + pad : pad + text;
            }
            out.append(text);
        }
        return out.toString();
    }

    private static String typeName(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof String) return "str";
        if (v instanceof List<?>) return "list";
        if (v instanceof Map<?, ?>) return "dict";
        return v.getClass().getSimpleName();
    }

    private static PolicyCheckException bad(String fmt, String why) {
        return new PolicyCheckException("cannot format policy match '" + fmt + "': " + why);
    }

    private static final Pattern INT = Pattern.compile("[-+]?(?:0|[1-9](?:_?[0-9])*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern SQ = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'");
    private static final Pattern DQ = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /** Sentinel: the text is not a Python literal (literal_eval raised ValueError). */
    static final Object NOT_A_LITERAL = new Object();

    /**
     * A subset of {@code ast.literal_eval} sufficient for the left-hand side of generic checks:
     * quoted strings, ints, floats, True, False, None. Anything else is reported as
     * {@link #NOT_A_LITERAL} and used as a credentials path, as oslo.policy does on ValueError.
     */
    static Object literal(String text) {
        String t = text.strip();
        switch (t) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return null;
            default: break;
        }
        Matcher m;
        if ((m = SQ.matcher(t)).matches() || (m = DQ.matcher(t)).matches()) return unescape(m.group(1));
        if (INT.matcher(t).matches()) return new BigInteger(t.replace("_", ""));
        if (FLOAT.matcher(t).matches() && !t.isEmpty()) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return NOT_A_LITERAL;
            }
        }
        return NOT_A_LITERAL;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\', '\'', '"' -> sb.append(e);
                default -> sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }
}
