package dev.neutrino.ovn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.neutrino.ovsdb.txn.Delete;
import dev.neutrino.ovsdb.txn.Insert;
import dev.neutrino.ovsdb.txn.Update;

/**
 * What to change in the northbound database so that it matches the desired state: rows to insert,
 * columns to update, and root rows to delete (rows only referenced by others — ports, ACLs — go
 * away with the reference, as OVSDB garbage-collects non-root rows).
 */
public final class NbDiff {
    /** Tables whose rows exist on their own in OVN_Northbound (isRoot in the schema). */
    public static final Set<String> ROOT_TABLES = Set.of("Logical_Switch", "Logical_Router", "Port_Group",
            "DHCP_Options", "Address_Set", "Load_Balancer", "DNS", "Meter");

    public record Insert(NbRow row) {}

    public record Update(NbRow row, Map<String, Object> changed) {}

    public record Delete(String table, String key) {}

    private final List<Insert> inserts = new ArrayList<>();
    private final List<Update> updates = new ArrayList<>();
    private final List<Delete> deletes = new ArrayList<>();

    /**
     * @param actual the rows Neutrino owns in OVN now, in the same key model (references as
     *     {@link NbRow.Ref}); only the columns Neutrino manages are compared
     */
    public static NbDiff between(DesiredState desired, Map<String, Map<String, NbRow>> actual) {
        NbDiff d = new NbDiff();
        for (String table : desired.tables()) {
            Map<String, NbRow> have = actual.getOrDefault(table, Map.of());
            for (NbRow want : desired.table(table).values()) {
                NbRow current = have.get(want.key());
                if (current == null) {
                    d.inserts.add(new Insert(want));
                    continue;
                }
                Map<String, Object> changed = new LinkedHashMap<>();
                for (var c : want.columns().entrySet()) {
                    if (!sameValue(c.getValue(), current.columns().get(c.getKey()))) {
                        changed.put(c.getKey(), c.getValue());
                    }
                }
                if (!changed.isEmpty()) d.updates.add(new Update(want, changed));
            }
        }
        for (var t : actual.entrySet()) {
            if (!ROOT_TABLES.contains(t.getKey())) continue;
            for (String key : t.getValue().keySet()) {
                if (!desired.table(t.getKey()).containsKey(key)) d.deletes.add(new Delete(t.getKey(), key));
            }
        }
        return d;
    }

    /** OVSDB sets have no order: lists compare as sets; everything else by equality. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            return la.size() == lb.size() && uuidsAsText(la).equals(uuidsAsText(lb));
        }
        if (a instanceof Number na && b instanceof Number nb) return na.longValue() == nb.longValue();
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) return ma.equals(mb);
        return Objects.equals(a, b);
    }

    /** A set's elements, a UUID (a row Neutrino does not own, kept as it is) as the text the replica has. */
    private static java.util.Set<Object> uuidsAsText(List<?> l) {
        java.util.Set<Object> out = new java.util.HashSet<>();
        for (Object o : l) out.add(o instanceof java.util.UUID u ? u.toString() : o);
        return out;
    }

    public List<Insert> inserts() { return inserts; }
    public List<Update> updates() { return updates; }
    public List<Delete> deletes() { return deletes; }

    /** What this difference is about: one "insert|update|delete table key" per row. */
    public Set<String> keys() {
        Set<String> out = new java.util.HashSet<>();
        for (Insert i : inserts) out.add("insert " + i.row().table() + " " + i.row().key());
        for (Update u : updates) out.add("update " + u.row().table() + " " + u.row().key());
        for (Delete d : deletes) out.add("delete " + d.table() + " " + d.key());
        return out;
    }

    /** The part of this difference whose {@link #keys()} are in {@code keys}. */
    public NbDiff retain(Set<String> keys) {
        NbDiff d = new NbDiff();
        for (Insert i : inserts) if (keys.contains("insert " + i.row().table() + " " + i.row().key())) d.inserts.add(i);
        for (Update u : updates) if (keys.contains("update " + u.row().table() + " " + u.row().key())) d.updates.add(u);
        for (Delete x : deletes) if (keys.contains("delete " + x.table() + " " + x.key())) d.deletes.add(x);
        return d;
    }

    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    /**
     * Up to {@code limit} of the rows this diff changes, as {@code ovn-db-sync} lists them
     * ({@code missing T key}, {@code stale T key [columns]}, {@code orphaned T key}), for logs.
     */
    public List<String> describe(int limit) {
        List<String> out = new ArrayList<>();
        for (Insert i : inserts) out.add("missing " + i.row().table() + " " + i.row().key());
        for (Update u : updates) out.add("stale " + u.row().table() + " " + u.row().key() + " " + u.changed().keySet());
        for (Delete d : deletes) out.add("orphaned " + d.table() + " " + d.key());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    @Override
    public String toString() {
        return inserts.size() + " to insert, " + updates.size() + " to update, " + deletes.size() + " to delete";
    }
}
