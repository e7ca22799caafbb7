package dev.neutrino.ext.portforwarding;

import dev.neutrino.common.NeutronException;
import java.util.Map;

/** A range of ports "start:end" (start == end for a single port), as Neutron stores a forwarding's. */
record PortRange(int start, int end) {
    static PortRange parse(String text) {
        String[] p = text.split(":");
        int s = Integer.parseInt(p[0].strip());
        return new PortRange(s, p.length > 1 ? Integer.parseInt(p[1].strip()) : s);
    }

    /** The external or internal ports of a forwarding's attributes ({@code side}: "external"/"internal"). */
    static PortRange of(Map<String, Object> pf, String side) {
        Object range = pf.get(side + "_port_range");
        if (range != null) return parse(String.valueOf(range));
        Object port = pf.get(side + "_port");
        if (port != null) {
            int n = ((Number) port).intValue();
            return new PortRange(n, n);
        }
        throw PortForwardingErrors.badRequest("The " + side + "_port or the " + side + "_port_range must be given");
    }

    int length() {
        return end - start;
    }

    boolean single() {
        return start == end;
    }

    boolean overlaps(PortRange o) {
        return Math.max(start, o.start) <= Math.min(end, o.end);
    }

    /** What the API shows in {@code *_port}: the port when single, else null. */
    Integer port() {
        return single() ? start : null;
    }

    @Override
    public String toString() {
        return start + ":" + end;
    }

    static void requireValid(PortRange r) {
        if (r.start < 1 || r.end > 65535) {
            throw PortForwardingErrors.badRequest("Invalid port value, the port value must be a value between 1 and 65535.");
        }
    }

    /** _validate_ranges: N internal ports for N external ones, or one internal port for them all. */
    static void requireMatching(PortRange internal, PortRange external) {
        if (internal.length() > 0 && internal.length() != external.length()) {
            throw PortForwardingErrors.badRequest("Invalid ranges of internal and/or external ports. The relation "
                    + "between internal and external ports must be N-N or 1-N");
        }
    }

    static NeutronException collision(String key, PortRange existing, PortRange wanted) {
        return PortForwardingErrors.badRequest("There is a port collision with the " + key
                + ". The following ranges collides: " + existing + " and " + wanted);
    }
}
