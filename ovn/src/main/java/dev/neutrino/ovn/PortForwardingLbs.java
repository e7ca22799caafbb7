package dev.neutrino.ovn;

import static dev.neutrino.schema.Tables.PORTFORWARDINGS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A floating IP's port forwardings as ML2/OVN's port forwarding driver (Zed,
 * services/portforwarding/drivers/ovn/driver.py) writes them: a Load_Balancer per floating IP and
 * protocol named {@code pf-floatingip-<fip id>-<tcp|udp>} with one vip per forwarding,
 * {@code "<floating ip>:<external port>" -> "<internal ip>:<internal port>"}; a forwarding with a
 * range of external ports gets a Load_Balancer per external port,
 * {@code pf-floatingip-<fip id>-<proto>-<external port>} (unroll_port_ranges: N-N pairs the ports,
 * 1-N sends them all to the one internal port). external_ids are the driver's
 * ({@code neutron:device_owner=port_forwarding_plugin}, {@code neutron:fip_id},
 * {@code neutron:router_name}) with the floating IP's revision, as check_revision_number sets it.
 * The load balancers hang on the router's {@code load_balancer} column. Forwardings of another
 * protocol than TCP or UDP have no load balancer (ML2/OVN's LB_PROTOCOL_MAP has none for them).
 */
final class PortForwardingLbs {
    private PortForwardingLbs() {}

    /** Where {@link IncrementalSync} and the repair pass put a floating IP's forwardings (rows of the table). */
    static final String KEY = "ovn:port_forwardings";
    static final String OWNER = "port_forwarding_plugin";
    static final String PREFIX = "pf-floatingip";
    static final String EXT_FIP_ID = "neutron:fip_id";

    /** The load balancers of one floating IP (the map carries {@link #KEY}). */
    @SuppressWarnings("unchecked")
    static List<NbRow> of(Map<String, Object> fip) {
        List<Map<String, Object>> pfs = fip.get(KEY) instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        String fipId = (String) fip.get("id");
        Map<String, Map<String, Object>> vipsByName = new TreeMap<>();
        Map<String, String> protocolOf = new HashMap<>();
        for (Map<String, Object> pf : pfs) {
            String proto = String.valueOf(pf.get("protocol")).toLowerCase(java.util.Locale.ROOT);
            if (!proto.equals("tcp") && !proto.equals("udp")) continue;
            int[] ext = range((String) pf.get("external_port_range"));
            int[] in = range((String) pf.get("internal_port_range"));
            boolean isRange = ext[1] > ext[0];
            boolean pairwise = in[1] > in[0];
            for (int i = 0; i <= ext[1] - ext[0]; i++) {
                int external = ext[0] + i;
                int internal = pairwise ? in[0] + i : in[0];
                String name = name(fipId, proto, isRange ? external : null);
                vipsByName.computeIfAbsent(name, k -> new TreeMap<>()).put(fip.get("floating_ip_address") + ":" + external,
                        pf.get("internal_ip_address") + ":" + internal);
                protocolOf.put(name, proto);
            }
        }
        List<NbRow> out = new ArrayList<>();
        for (var e : vipsByName.entrySet()) {
            Map<String, Object> ext = new TreeMap<>();
            ext.put(NbNames.EXT_DEVICE_OWNER, OWNER);
            ext.put(EXT_FIP_ID, fipId);
            ext.put("neutron:router_name", NbNames.ovnName((String) fip.get("router_id")));
            ext.put(NbNames.EXT_REVISION, Translator.str(fip.get("revision_number")));
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("name", e.getKey());
            cols.put("vips", e.getValue());
            cols.put("protocol", List.of(protocolOf.get(e.getKey())));
            cols.put("external_ids", ext);
            out.add(new NbRow("Load_Balancer", e.getKey(), cols));
        }
        return out;
    }

    /** OVNPortForwardingHandler.lb_name. */
    static String name(String fipId, String proto, Integer externalPort) {
        return PREFIX + "-" + fipId + "-" + proto + (externalPort == null ? "" : "-" + externalPort);
    }

    /** Whether a northbound load balancer is a forwarding's (ours to keep in line). */
    static boolean ours(dev.neutrino.ovsdb.value.Row lb) {
        return OWNER.equals(lb.getStringMap("external_ids").get(NbNames.EXT_DEVICE_OWNER))
                && lb.getString("name").startsWith(PREFIX + "-");
    }

    private static int[] range(String text) {
        String[] p = text.split(":");
        int s = Integer.parseInt(p[0]);
        return new int[] {s, p.length > 1 ? Integer.parseInt(p[1]) : s};
    }

    /**
     * The forwardings of the given floating IPs (all of them for null), by floating IP: what
     * {@link #of} needs of each row.
     */
    static Map<String, List<Map<String, Object>>> read(DSLContext dsl, Collection<String> fipIds) {
        var t = PORTFORWARDINGS;
        Condition c = fipIds == null ? DSL.noCondition() : t.FLOATINGIP_ID.in(fipIds);
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        if (fipIds != null && fipIds.isEmpty()) return out;
        for (Record r : dsl.select(t.FLOATINGIP_ID, t.ID, t.PROTOCOL, t.INTERNAL_IP_ADDRESS, t.EXTERNAL_PORT_RANGE,
                t.INTERNAL_PORT_RANGE).from(t).where(c).orderBy(t.FLOATINGIP_ID, t.ID).fetch()) {
            Map<String, Object> pf = new HashMap<>();
            pf.put("id", r.get(t.ID));
            pf.put("protocol", r.get(t.PROTOCOL));
            pf.put("internal_ip_address", r.get(t.INTERNAL_IP_ADDRESS));
            pf.put("external_port_range", r.get(t.EXTERNAL_PORT_RANGE));
            pf.put("internal_port_range", r.get(t.INTERNAL_PORT_RANGE));
            out.computeIfAbsent(r.get(t.FLOATINGIP_ID), k -> new ArrayList<>()).add(pf);
        }
        return out;
    }
}
