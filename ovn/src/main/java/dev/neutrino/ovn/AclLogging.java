package dev.neutrino.ovn;

import dev.neutrino.ovn.NbRow.Ref;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Security group logging as ML2/OVN's log driver writes it (neutron/services/logapi/drivers/ovn/driver.py,
 * Zed), declaratively: the ACLs of every port group a log covers carry the log's {@code name}
 * ("neutron-&lt;log id&gt;"), {@code severity} info and {@code meter}, and {@code log} true when the
 * log is enabled and its event covers the ACL's action (ACCEPT: allow*, DROP: drop/reject, ALL: both);
 * while at least one log exists, the NB has the one fair meter they share ({@code [network_log]}
 * rate_limit packets per second, burst_limit, action drop), named acl_log_meter or
 * {@code local_output_log_base}, external_ids neutron:device_owner=logging-plugin.
 *
 * <p>Which port groups a log covers is Zed's {@code _pgs_from_log_obj}: a log of event DROP or ALL
 * covers neutron_pg_drop (whatever its group or port); one of ACCEPT or ALL covers its security group,
 * the groups of its port (target_id, when it names no group), or every group when it names neither.
 * Where Zed gives an ACL to whichever log set it first, here the enabled log that logs the ACL's action
 * wins, then the oldest (created_at, then id), so that every server and the repair pass agree.
 */
public final class AclLogging {
    public static final String DEVICE_OWNER = "logging-plugin";
    static final String EXT_DEVICE_OWNER = "neutron:device_owner";

    /** {@code [network_log]}: the meter's name, packets per second and burst. */
    public record Settings(String meter, long rate, long burst) {
        public static final Settings DEFAULT = new Settings("acl_log_meter", 100, 25);
    }

    /** A log object as the ACLs need it; {@code targetGroups}: the security groups of its port, if it names one. */
    record Log(String id, String resourceId, String targetId, String event, boolean enabled, String createdAt,
               List<String> targetGroups) {
        boolean covers(String securityGroupId) {
            if (securityGroupId == null) return !"ACCEPT".equals(event); // neutron_pg_drop
            if ("DROP".equals(event)) return false;
            if (resourceId != null) return resourceId.equals(securityGroupId);
            if (targetId != null) return targetGroups.contains(securityGroupId);
            return true;
        }

        boolean logs(String action) {
            if (!enabled) return false;
            boolean drop = action.equals("drop") || action.equals("reject");
            return switch (event) {
                case "ACCEPT" -> !drop;
                case "DROP" -> drop;
                default -> true;
            };
        }
    }

    private final List<Log> logs;
    private final Settings settings;

    private AclLogging(List<Log> logs, Settings settings) {
        this.logs = logs;
        this.settings = settings;
    }

    /**
     * @param logs the log objects as the API shows them (admin view)
     * @param groupsOfPorts the security groups of (at least) every port a log names as target_id
     */
    static AclLogging of(List<Map<String, Object>> logs, Map<String, List<String>> groupsOfPorts, Settings settings) {
        List<Log> out = new ArrayList<>();
        for (Map<String, Object> l : logs) {
            String target = (String) l.get("target_id");
            out.add(new Log((String) l.get("id"), (String) l.get("resource_id"), target,
                    Translator.str(l.get("event")), !Boolean.FALSE.equals(l.get("enabled")),
                    Translator.str(l.get("created_at")),
                    target == null ? List.of() : groupsOfPorts.getOrDefault(target, List.of())));
        }
        return new AclLogging(List.copyOf(out), settings);
    }

    /** The ports whose security groups {@link #of} needs: the logs' targets. */
    static Set<String> targets(List<Map<String, Object>> logs) {
        Set<String> out = new java.util.TreeSet<>();
        for (Map<String, Object> l : logs) if (l.get("target_id") instanceof String t) out.add(t);
        return out;
    }

    /** The security groups of {@code ports}, by port id. */
    static Map<String, List<String>> groupsOf(List<Map<String, Object>> ports) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (Map<String, Object> p : ports) out.put((String) p.get("id"), Translator.strings(p.get("security_groups")));
        return out;
    }

    /**
     * Rewrites, in {@code rows}, the ACLs of every port group there for the logs that cover it (ACLs
     * that no log covers lose their log columns).
     */
    void annotate(Map<String, Map<String, NbRow>> rows) {
        Map<String, NbRow> acls = rows.get("ACL");
        if (acls == null) return;
        for (NbRow pg : rows.getOrDefault("Port_Group", Map.of()).values()) {
            String sg = NbNames.DROP_PORT_GROUP.equals(pg.key()) ? null
                    : pg.columns().get("external_ids") instanceof Map<?, ?> ext ? (String) ext.get(NbNames.EXT_SG_ID)
                    : null;
            if (sg == null && !NbNames.DROP_PORT_GROUP.equals(pg.key())) continue;
            List<Log> covering = new ArrayList<>();
            for (Log l : logs) if (l.covers(sg)) covering.add(l);
            if (!(pg.columns().get("acls") instanceof List<?> refs)) continue;
            for (Object o : refs) {
                if (o instanceof Ref ref && acls.get(ref.key()) instanceof NbRow acl) {
                    acls.put(ref.key(), annotate(acl, covering));
                }
            }
        }
    }

    private NbRow annotate(NbRow acl, List<Log> covering) {
        String action = Translator.str(acl.columns().get("action"));
        Map<String, Object> cols = new LinkedHashMap<>(acl.columns());
        Log first = covering.stream().min(Comparator.comparing((Log l) -> !l.logs(action))
                .thenComparing(Log::createdAt).thenComparing(Log::id)).orElse(null);
        cols.put("log", first != null && first.logs(action));
        cols.put("name", first == null ? List.of() : List.of(NbNames.ovnName(first.id())));
        cols.put("severity", first == null ? List.of() : List.of("info"));
        cols.put("meter", first == null ? List.of() : List.of(settings.meter()));
        return new NbRow(acl.table(), acl.key(), cols);
    }

    /** The meter and its band, while any log exists (ML2/OVN's _create_ovn_fair_meter; deleted with the last log). */
    List<NbRow> meterRows() {
        if (logs.isEmpty()) return List.of();
        return meterRows(settings);
    }

    static List<NbRow> meterRows(Settings settings) {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("action", "drop");
        band.put("rate", settings.rate());
        band.put("burst_size", settings.burst());
        band.put("external_ids", Map.of());
        NbRow bandRow = new NbRow("Meter_Band", bandKey(settings.meter(), 0), band);
        Map<String, Object> meter = new LinkedHashMap<>();
        meter.put("name", settings.meter());
        meter.put("unit", "pktps");
        meter.put("bands", List.of(bandRow.ref()));
        meter.put("fair", List.of(true));
        meter.put("external_ids", new TreeMap<>(Map.of(EXT_DEVICE_OWNER, DEVICE_OWNER)));
        return List.of(bandRow, new NbRow("Meter", settings.meter(), meter));
    }

    /** The key of a meter's n-th band. */
    static String bandKey(String meter, int n) {
        return meter + "/band" + n;
    }

    /** Whether a Meter row is the log driver's (the only meters Neutrino owns). */
    static boolean ours(dev.neutrino.ovsdb.value.Row meter) {
        return DEVICE_OWNER.equals(meter.getStringMap("external_ids").get(EXT_DEVICE_OWNER));
    }
}
