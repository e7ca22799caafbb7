package dev.neutrino.common;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 address parsed strictly (no DNS, no shorthand such as "10.1") and printed
 * canonically (IPv6 compressed as RFC 5952 says).
 */
public record IpAddress(int version, BigInteger value) implements Comparable<IpAddress> {
    public static final BigInteger V4_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    public static final BigInteger V6_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    public static IpAddress parse(String text) {
        IpAddress ip = tryParse(text);
        if (ip == null) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IP address");
        }
        return ip;
    }

    public static boolean isValid(String text) {
        return tryParse(text) != null;
    }

    public static IpAddress tryParse(String text) {
        if (text == null || text.isEmpty()) return null;
        if (text.indexOf(':') >= 0) {
            long[] v6 = parseV6(text);
            if (v6 == null) return null;
            return new IpAddress(6, unsigned(v6[0]).shiftLeft(64).or(unsigned(v6[1])));
        }
        Long v4 = parseV4(text);
        return v4 == null ? null : new IpAddress(4, BigInteger.valueOf(v4));
    }

    private static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v & Long.MAX_VALUE);
        return v < 0 ? b.setBit(63) : b;
    }

    static Long parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) return null;
            for (int i = 0; i < p.length(); i++) {
                if (!Character.isDigit(p.charAt(i))) return null;
            }
            if (p.length() > 1 && p.charAt(0) == '0') return null;
            int n = Integer.parseInt(p);
            if (n > 255) return null;
            v = (v << 8) | n;
        }
        return v;
    }

    static long[] parseV6(String s) {
        int[] groups = new int[8];
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return null;
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int[] h = groups(head, dbl < 0 || !tail.isEmpty() || true);
        int[] t = dbl >= 0 ? groups(tail, true) : new int[0];
        if (h == null || t == null) return null;
        if (dbl < 0) {
            if (h.length != 8) return null;
            System.arraycopy(h, 0, groups, 0, 8);
        } else {
            if (h.length + t.length > 7) return null;
            System.arraycopy(h, 0, groups, 0, h.length);
            System.arraycopy(t, 0, groups, 8 - t.length, t.length);
        }
        long hi = 0, lo = 0;
        for (int i = 0; i < 4; i++) hi = (hi << 16) | groups[i];
        for (int i = 4; i < 8; i++) lo = (lo << 16) | groups[i];
        return new long[] {hi, lo};
    }

    /** Groups of one side of "::"; an embedded IPv4 tail counts as two groups. */
    private static int[] groups(String s, boolean allowV4Tail) {
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split(":", -1);
        int n = parts.length;
        boolean v4 = allowV4Tail && parts[n - 1].indexOf('.') >= 0;
        int[] out = new int[v4 ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (v4 && i == n - 1) {
                Long v = parseV4(p);
                if (v == null) return null;
                out[i] = (int) (v >>> 16);
                out[i + 1] = (int) (v & 0xffff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) return null;
            int g = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) return null;
                g = (g << 4) | d;
            }
            out[i] = g;
        }
        return out;
    }

    public static IpAddress of(int version, BigInteger value) {
        return new IpAddress(version, value);
    }

    /**
     * A key whose string order is the address order within one IP version: the value in lowercase
     * hex, zero-padded to 8 digits (IPv4) or 32 (IPv6). Stored beside an address so that the
     * database can scan addresses in numeric order (dotted and colon text does not sort that way).
     */
    public String sortKey() {
        String hex = value.toString(16);
        int width = version == 4 ? 8 : 32;
        return hex.length() >= width ? hex : "0".repeat(width - hex.length()) + hex;
    }

    /** The address of a {@link #sortKey()}: 8 hex digits are IPv4, 32 are IPv6. */
    public static IpAddress fromSortKey(String key) {
        int version = switch (key.length()) {
            case 8 -> 4;
            case 32 -> 6;
            default -> throw new IllegalArgumentException("not an address sort key: '" + key + "'");
        };
        return new IpAddress(version, new BigInteger(key, 16));
    }

    public BigInteger max() {
        return version == 4 ? V4_MAX : V6_MAX;
    }

    public int bits() {
        return version == 4 ? 32 : 128;
    }

    public IpAddress plus(long n) {
        return new IpAddress(version, value.add(BigInteger.valueOf(n)));
    }

    @Override
    public int compareTo(IpAddress o) {
        int c = Integer.compare(version, o.version);
        return c != 0 ? c : value.compareTo(o.value);
    }

    @Override
    public String toString() {
        if (version == 4) {
            long v = value.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] g = new int[8];
        BigInteger v = value;
        for (int i = 7; i >= 0; i--) {
            g[i] = v.intValue() & 0xffff;
            v = v.shiftRight(16);
        }
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i >= 2) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
