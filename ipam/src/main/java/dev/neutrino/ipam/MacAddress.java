package dev.neutrino.ipam;

/** A 48-bit IEEE 802 MAC address, printed as Neutron stores it: lower case, colon separated. */
public record MacAddress(long value) {
    public static final long MAX = (1L << 48) - 1;

    public MacAddress {
        if (value < 0 || value > MAX) throw new IllegalArgumentException("not a 48-bit MAC address: " + value);
    }

    /** Six octets of two hex digits each, separated by ':' or '-' (either case). */
    public static MacAddress parse(String text) {
        int[] octets = octets(text);
        if (octets == null) throw new IllegalArgumentException("'" + text + "' is not a valid MAC address");
        long v = 0;
        for (int octet : octets) v = (v << 8) | octet;
        return new MacAddress(v);
    }

    public static boolean isValid(String text) {
        return octets(text) != null;
    }

    /** The six octets of a well-formed MAC, else null. */
    static int[] octets(String text) {
        if (text == null || text.length() != 17) return null;
        char sep = text.charAt(2);
        if (sep != ':' && sep != '-') return null;
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) {
            int at = i * 3;
            if (i > 0 && text.charAt(at - 1) != sep) return null;
            int hi = hex(text.charAt(at));
            int lo = hex(text.charAt(at + 1));
            if (hi < 0 || lo < 0) return null;
            out[i] = hi << 4 | lo;
        }
        return out;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Octet {@code i} (0 = first, as printed). */
    public int octet(int i) {
        if (i < 0 || i > 5) throw new IndexOutOfBoundsException(i);
        return (int) (value >>> (8 * (5 - i))) & 0xff;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) sb.append(':');
            int o = octet(i);
            sb.append(Character.forDigit(o >> 4, 16)).append(Character.forDigit(o & 15, 16));
        }
        return sb.toString();
    }
}
