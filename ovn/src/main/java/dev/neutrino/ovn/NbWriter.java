package dev.neutrino.ovn;

import dev.neutrino.ovn.NbRow.Ref;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Delete;
import dev.neutrino.ovsdb.txn.Insert;
import dev.neutrino.ovsdb.txn.Mutate;
import dev.neutrino.ovsdb.txn.Mutation;
import dev.neutrino.ovsdb.txn.Operation;
import dev.neutrino.ovsdb.txn.Update;
import dev.neutrino.ovsdb.txn.Wait;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.OvsdbValue;
import dev.neutrino.ovsdb.value.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a northbound difference into the operations of one OVSDB transaction, under the revision
 * rule that keeps several servers from undoing each other:
 * <ul>
 *   <li>an update of a row that mirrors a Neutron resource is dropped when the row already carries a
 *       newer {@code neutron:revision_number} than the one being written ({@link Plan#stale()}), and
 *       otherwise waits (in the same transaction) for the {@code external_ids} it was computed
 *       from: if another server changed the row meanwhile, the transaction fails and is recomputed;</li>
 *   <li>an insert waits for the absence of a row with the same key (a name, or the Neutron id in
 *       {@code external_ids}), so two servers cannot both create a switch, a router or a subnet's
 *       DHCP options;</li>
 *   <li>a membership in a large set (a switch's ports, a port group's ports) is a {@code mutate}
 *       of that one element, never a rewrite of the whole set.</li>
 * </ul>
 */
final class NbWriter {
    static final String EXTERNAL_IDS = "external_ids";

    private NbWriter() {}

    /** {@code child} is (add) or is not (remove) in {@code parent}'s set column {@code column}. */
    record Member(Ref parent, String column, Ref child, boolean add) {}

    /**
     * @param ops the transaction's operations (empty: nothing to do)
     * @param stale updates dropped because the row had a newer revision than the one computed
     * @param inserted the uuid-names of the inserted rows, by key
     */
    record Plan(List<Operation> ops, int stale, Map<Ref, String> inserted) {
        boolean isEmpty() {
            return ops.isEmpty();
        }
    }

    /**
     * @param actual the current rows the diff was computed against (for the revision rule)
     * @param uuidOf the UUID of a row that exists in the northbound database, or null
     */
    static Plan plan(NbDiff diff, Map<String, Map<String, NbRow>> actual, Function<Ref, UUID> uuidOf,
                     List<Member> members) {
        Map<Ref, String> named = new LinkedHashMap<>();
        int n = 0;
        for (NbDiff.Insert i : diff.inserts()) named.put(i.row().ref(), "row" + n++);
        // memberships of rows inserted here go into the insert itself
        Map<Ref, Map<String, List<Object>>> folded = new HashMap<>();
        List<Operation> mutations = new ArrayList<>();
        for (Member m : members) {
            if (named.containsKey(m.parent())) {
                if (m.add()) folded.computeIfAbsent(m.parent(), k -> new HashMap<>())
                        .computeIfAbsent(m.column(), k -> new ArrayList<>()).add(m.child());
                continue;
            }
            UUID parent = uuidOf.apply(m.parent());
            if (parent == null) continue; // the parent is gone (or not ours): nothing to be a member of
            Atom child;
            if (named.containsKey(m.child())) {
                child = Atom.namedUuid(named.get(m.child()));
            } else {
                UUID c = uuidOf.apply(m.child());
                if (c == null) continue;
                child = Atom.of(c);
            }
            mutations.add(Mutate.table(m.parent().table()).where(Condition.uuidIs(parent))
                    .mutate(m.add() ? Mutation.insert(m.column(), OvsdbSet.of(child))
                            : Mutation.delete(m.column(), OvsdbSet.of(child))));
        }
        List<Operation> ops = new ArrayList<>();
        for (NbDiff.Insert i : diff.inserts()) {
            List<Condition> key = keyConditions(i.row());
            if (!key.isEmpty()) {
                ops.add(Wait.on(i.row().table()).where(key.toArray(Condition[]::new)).columns(EXTERNAL_IDS).until(Wait.Until.EQUAL)
                        .rows(new Row[0]).timeout(Duration.ZERO)); // no such row yet
            }
            Map<String, Object> columns = new LinkedHashMap<>(i.row().columns());
            folded.getOrDefault(i.row().ref(), Map.of()).forEach((column, refs) -> {
                List<Object> all = new ArrayList<>();
                if (columns.get(column) instanceof List<?> l) all.addAll(l);
                for (Object r : refs) if (!all.contains(r)) all.add(r);
                columns.put(column, all);
            });
            Insert ins = Insert.into(i.row().table()).uuidName(named.get(i.row().ref()));
            for (var c : columns.entrySet()) ins = ins.set(c.getKey(), encode(c.getValue(), named, uuidOf));
            ops.add(ins);
        }
        int stale = 0;
        for (NbDiff.Update u : diff.updates()) {
            UUID uuid = uuidOf.apply(u.row().ref());
            NbRow have = actual.getOrDefault(u.row().table(), Map.of()).get(u.row().key());
            long want = revision(u.row());
            long had = revision(have);
            if (want >= 0 && had > want) {
                stale++;
                continue;
            }
            if (had >= 0) {
                ops.add(Wait.on(u.row().table()).where(Condition.uuidIs(uuid)).columns(EXTERNAL_IDS)
                        .until(Wait.Until.EQUAL)
                        .rows(Row.of(Map.of(EXTERNAL_IDS, encode(have.columns().get(EXTERNAL_IDS), named, uuidOf))))
                        .timeout(Duration.ZERO));
            } else if (have != null && (u.row().table().equals("QoS") || u.row().table().equals("DNS"))) {
                // a QoS or DNS row has no revision (nor has ML2/OVN's): it is guarded by the columns it
                // changes still being what was read, so a racing server's newer write fails this one
                Map<String, OvsdbValue> read = new LinkedHashMap<>();
                for (String c : u.changed().keySet()) {
                    Object old = have.columns().get(c);
                    if (old != null) read.put(c, encode(old, named, uuidOf));
                }
                if (!read.isEmpty()) {
                    ops.add(Wait.on(u.row().table()).where(Condition.uuidIs(uuid))
                            .columns(read.keySet().toArray(String[]::new)).until(Wait.Until.EQUAL)
                            .rows(Row.of(read)).timeout(Duration.ZERO));
                }
            }
            Update up = Update.table(u.row().table()).where(Condition.uuidIs(uuid));
            for (var c : u.changed().entrySet()) up = up.set(c.getKey(), encode(c.getValue(), named, uuidOf));
            ops.add(up);
        }
        ops.addAll(mutations);
        for (NbDiff.Delete d : diff.deletes()) {
            UUID uuid = uuidOf.apply(new Ref(d.table(), d.key()));
            if (uuid != null) ops.add(Delete.from(d.table()).where(Condition.uuidIs(uuid)));
        }
        return new Plan(ops, stale, named);
    }

    /**
     * What identifies a row of this kind across servers, for the insert guard: its name, or the
     * Neutron id it carries in external_ids (a QoS row: its port and direction); none for rows that
     * only exist as a member of one parent whose whole set is written (a second copy there is
     * unreferenced and collected by OVSDB).
     */
    static List<Condition> keyConditions(NbRow row) {
        return switch (row.table()) {
            case "Logical_Switch", "Logical_Router", "Port_Group", "Logical_Switch_Port", "Logical_Router_Port",
                 "Gateway_Chassis", "Load_Balancer", "Meter" -> List.of(Condition.equal("name", row.key()));
            case "DHCP_Options" -> List.of(Condition.includes(EXTERNAL_IDS, Map.of(NbNames.EXT_SUBNET_ID, row.key())));
            case "DNS" -> List.of(Condition.includes(EXTERNAL_IDS, Map.of(NbNames.EXT_DNS_LS_NAME, row.key())));
            case "QoS" -> List.of(Condition.includes(EXTERNAL_IDS, row.columns().get(EXTERNAL_IDS)),
                    Condition.equal("direction", row.columns().get("direction")));
            default -> List.of();
        };
    }

    /** The neutron:revision_number of a row's external_ids, or -1 when it has none. */
    static long revision(NbRow row) {
        if (row == null || !(row.columns().get(EXTERNAL_IDS) instanceof Map<?, ?> ext)) return -1;
        Object v = ext.get(NbNames.EXT_REVISION);
        if (v == null) return -1;
        try {
            return Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static OvsdbValue encode(Object value, Map<Ref, String> named, Function<Ref, UUID> uuidOf) {
        if (value instanceof List<?> list) {
            List<Atom> atoms = new ArrayList<>();
            for (Object o : list) atoms.add(atom(o, named, uuidOf));
            return OvsdbSet.of(atoms.toArray(Atom[]::new));
        }
        if (value instanceof Map<?, ?> map) {
            // integer-valued maps (a QoS row's bandwidth and action) hold Longs and keep them; the
            // string maps (external_ids, options) may be given other values and are written as text
            Map<String, Object> m = new TreeMap<>();
            for (var e : map.entrySet()) {
                Object v = e.getValue();
                m.put(String.valueOf(e.getKey()), v instanceof Long l ? (Object) l : String.valueOf(v));
            }
            return OvsdbMap.ofJava(m);
        }
        return atom(value, named, uuidOf);
    }

    private static Atom atom(Object o, Map<Ref, String> named, Function<Ref, UUID> uuidOf) {
        if (o instanceof Ref ref) {
            String name = named.get(ref);
            if (name != null) return Atom.namedUuid(name);
            UUID uuid = uuidOf.apply(ref);
            if (uuid == null) throw new IllegalStateException("reference to a row that is neither there nor new: " + ref);
            return Atom.of(uuid);
        }
        if (o instanceof Integer i) return Atom.of((long) i);
        return Atom.fromJava(o);
    }
}
