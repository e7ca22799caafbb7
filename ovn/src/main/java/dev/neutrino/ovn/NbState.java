package dev.neutrino.ovn;

import dev.neutrino.ovn.NbRow.Ref;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.monitor.TableReplica;
import dev.neutrino.ovsdb.schema.ColumnType;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.OvsdbValue;
import dev.neutrino.ovsdb.value.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The northbound rows Neutrino owns, read from the monitor's replica into the same key model as
 * {@link DesiredState} (references become {@link Ref}s), and the UUID of each key for the applier.
 */
final class NbState {
    static final List<String> TABLES = List.of("Logical_Switch", "Logical_Switch_Port", "Port_Group", "ACL",
            "DHCP_Options", "Logical_Router", "Logical_Router_Port", "NAT", "Logical_Router_Static_Route",
            "Gateway_Chassis", "QoS", "Address_Set", "Load_Balancer", "DNS", "Meter", "Meter_Band");

    final Map<String, Map<String, NbRow>> rows = new HashMap<>();
    final Map<Ref, UUID> uuids = new HashMap<>();
    private final Map<UUID, Ref> keys = new HashMap<>();

    /** Reads one moment of {@code live} (a snapshot: the reader thread may apply updates meanwhile). */
    static NbState read(Replica live) {
        Replica replica = live.snapshot();
        NbState s = new NbState();
        // keys first, so references can be resolved
        for (Row r : replica.table("DHCP_Options").rows()) {
            String subnet = r.getStringMap("external_ids").get(NbNames.EXT_SUBNET_ID);
            if (subnet != null) s.key(r, "DHCP_Options", subnet);
        }
        List<Row> switches = new ArrayList<>();
        for (Row r : replica.table("Logical_Switch").rows()) {
            if (r.getString("name").startsWith("neutron-")) {
                switches.add(r);
                s.key(r, "Logical_Switch", r.getString("name"));
            }
        }
        // switches' DNS rows, by the switch their ls_name names (also those whose switch is gone: orphans)
        List<Row> dns = new ArrayList<>();
        for (Row r : replica.table("DNS").rows()) {
            String ls = r.getStringMap("external_ids").get(NbNames.EXT_DNS_LS_NAME);
            if (ls != null && ls.startsWith("neutron-")) {
                dns.add(r);
                s.key(r, "DNS", ls);
            }
        }
        List<Row> ports = new ArrayList<>();
        TableReplica lsps = replica.table("Logical_Switch_Port");
        for (Row ls : switches) {
            for (UUID u : ls.getUuidSet("ports")) {
                lsps.row(u).ifPresent(p -> {
                    ports.add(p);
                    s.key(p, "Logical_Switch_Port", p.getString("name"));
                });
            }
        }
        List<Row> qos = new ArrayList<>();
        TableReplica qosTable = replica.table("QoS");
        for (Row ls : switches) {
            for (UUID u : ls.getUuidSet("qos_rules")) {
                qosTable.row(u).ifPresent(q -> {
                    String key = qosKey(q);
                    if (key == null) return; // not ours: left alone
                    qos.add(q);
                    s.key(q, "QoS", key);
                });
            }
        }
        List<Row> groups = new ArrayList<>();
        List<Row> acls = new ArrayList<>();
        TableReplica aclTable = replica.table("ACL");
        for (Row pg : replica.table("Port_Group").rows()) {
            String name = pg.getString("name");
            if (!name.startsWith("pg_") && !name.equals(NbNames.DROP_PORT_GROUP)) continue;
            groups.add(pg);
            s.key(pg, "Port_Group", name);
            for (UUID u : pg.getUuidSet("acls")) {
                aclTable.row(u).ifPresent(acl -> {
                    String key = aclKey(name, acl);
                    acls.add(acl);
                    s.key(acl, "ACL", key);
                });
            }
        }
        List<Row> lbs = new ArrayList<>();
        for (Row lb : replica.table("Load_Balancer").rows()) {
            if (!PortForwardingLbs.ours(lb)) continue; // not a port forwarding's: left alone
            lbs.add(lb);
            s.key(lb, "Load_Balancer", lb.getString("name"));
        }
        List<Row> routers = new ArrayList<>();
        List<Row> lrps = new ArrayList<>();
        List<Row> nats = new ArrayList<>();
        List<Row> routes = new ArrayList<>();
        List<Row> gcs = new ArrayList<>();
        for (Row lr : replica.table("Logical_Router").rows()) {
            String name = lr.getString("name");
            if (!name.startsWith("neutron-")) continue;
            String routerId = name.substring("neutron-".length());
            routers.add(lr);
            s.key(lr, "Logical_Router", name);
            for (UUID u : lr.getUuidSet("ports")) {
                replica.table("Logical_Router_Port").row(u).ifPresent(p -> {
                    lrps.add(p);
                    s.key(p, "Logical_Router_Port", p.getString("name"));
                    for (UUID g : p.getUuidSet("gateway_chassis")) {
                        replica.table("Gateway_Chassis").row(g).ifPresent(gc -> {
                            gcs.add(gc);
                            s.key(gc, "Gateway_Chassis", gc.getString("name"));
                        });
                    }
                });
            }
            for (UUID u : lr.getUuidSet("nat")) {
                replica.table("NAT").row(u).ifPresent(n -> {
                    nats.add(n);
                    s.key(n, "NAT", natKey(routerId, n));
                });
            }
            for (UUID u : lr.getUuidSet("static_routes")) {
                replica.table("Logical_Router_Static_Route").row(u).ifPresent(r -> {
                    routes.add(r);
                    s.key(r, "Logical_Router_Static_Route", routeKey(routerId, r));
                });
            }
        }
        for (Row r : replica.table("DHCP_Options").rows()) {
            if (r.getStringMap("external_ids").containsKey(NbNames.EXT_SUBNET_ID)) s.add(replica, "DHCP_Options", r);
        }
        s.meters(replica);
        for (Row r : routers) s.add(replica, "Logical_Router", r);
        for (Row r : lbs) s.add(replica, "Load_Balancer", r);
        for (Row r : lrps) s.add(replica, "Logical_Router_Port", r);
        for (Row r : nats) s.add(replica, "NAT", r);
        for (Row r : routes) s.add(replica, "Logical_Router_Static_Route", r);
        for (Row r : gcs) s.add(replica, "Gateway_Chassis", r);
        for (Row r : switches) s.add(replica, "Logical_Switch", r);
        for (Row r : ports) s.add(replica, "Logical_Switch_Port", r);
        for (Row r : qos) s.add(replica, "QoS", r);
        for (Row r : dns) s.add(replica, "DNS", r);
        for (Row r : groups) s.add(replica, "Port_Group", r);
        for (Row r : acls) s.add(replica, "ACL", r);
        // address groups' sets (other address sets, OVN's own or another CMS's, are not Neutrino's)
        for (Row r : replica.table("Address_Set").rows()) {
            if (NbNames.isAddressGroupAddressSet(r.getString("name"))
                    && r.getStringMap("external_ids").containsKey(NbNames.EXT_ADDRESS_GROUP_ID)) {
                s.key(r, "Address_Set", r.getString("name"));
                s.add(replica, "Address_Set", r);
            }
        }
        return s;
    }

    /** The key of an ACL of port group {@code portGroup}: its rule's id, else group/direction (the drop ACLs). */
    static String aclKey(String portGroup, Row acl) {
        String rule = acl.getStringMap("external_ids").get(NbNames.EXT_SG_RULE_ID);
        return rule != null ? rule : portGroup + "/" + acl.getString("direction");
    }

    /**
     * The key of a QoS row ({@link NbNames#qosKey}): a port's, a floating IP's or a router gateway's;
     * null for a QoS row that is not ours.
     */
    static String qosKey(Row qos) {
        Map<String, String> ext = qos.getStringMap("external_ids");
        String owner = ext.get(NbNames.EXT_PORT_ID);
        if (owner == null && ext.get(NbNames.EXT_FIP_ID) != null) owner = NbNames.qosOwnerFloatingIp(ext.get(NbNames.EXT_FIP_ID));
        if (owner == null && ext.get(NbNames.EXT_ROUTER_ID) != null) owner = NbNames.qosOwnerRouter(ext.get(NbNames.EXT_ROUTER_ID));
        return owner == null ? null : NbNames.qosKey(owner, qos.getString("direction"));
    }

    /**
     * The gateway port a floating IP's or router gateway's QoS row is for (the port its match names
     * first), or null for a port's row or one that is not ours: the write path finds a gateway's rows
     * by it.
     */
    static String qosGatewayPort(Row qos) {
        Map<String, String> ext = qos.getStringMap("external_ids");
        if (ext.get(NbNames.EXT_FIP_ID) == null && ext.get(NbNames.EXT_ROUTER_ID) == null) return null;
        String match = qos.getString("match");
        int start = match.indexOf('"');
        int end = start < 0 ? -1 : match.indexOf('"', start + 1);
        return end < 0 ? null : match.substring(start + 1, end);
    }

    /** The key of a router's NAT row, as {@link Translator#floatingIp} and {@link Translator#snat} key them. */
    static String natKey(String routerId, Row nat) {
        String fip = nat.getStringMap("external_ids").get("neutron:fip_id");
        return fip != null ? Translator.fipKey(fip) : Translator.snatKey(routerId, nat.getString("logical_ip"));
    }

    /** The key of a router's static route, as {@link Translator} keys it. */
    static String routeKey(String routerId, Row route) {
        return Translator.routeKey(routerId, route.getString("ip_prefix"), route.getString("nexthop"));
    }

    private void key(Row r, String table, String key) {
        UUID u = r.uuid().orElseThrow();
        Ref ref = new Ref(table, key);
        uuids.put(ref, u);
        keys.put(u, ref);
    }

    /** The security group logging meters and their bands ({@link AclLogging}; other meters are not Neutrino's). */
    private void meters(Replica replica) {
        for (Row m : replica.table("Meter").rows()) {
            if (!AclLogging.ours(m)) continue;
            String name = m.getString("name");
            key(m, "Meter", name);
            int n = 0;
            for (UUID u : m.getUuidSet("bands")) {
                int i = n++;
                replica.table("Meter_Band").row(u).ifPresent(b -> {
                    key(b, "Meter_Band", AclLogging.bandKey(name, i));
                    add(replica, "Meter_Band", b);
                });
            }
            add(replica, "Meter", m);
        }
    }

    private void add(Replica replica, String table, Row r) {
        Ref ref = keys.get(r.uuid().orElseThrow());
        rows.computeIfAbsent(table, k -> new TreeMap<>()).put(ref.key(), convert(replica, table, ref.key(), r,
                u -> keys.get(u)));
    }

    /**
     * A replica row in the key model: its columns as Java values, references as {@link Ref}s where
     * {@code refOf} knows the referenced row (else the UUID's text).
     */
    static NbRow convert(Replica replica, String table, String key, Row r, java.util.function.Function<UUID, Ref> refOf) {
        return convert(replica, table, key, r, refOf, java.util.Set.of());
    }

    /** As above, leaving out the columns in {@code skip}. */
    static NbRow convert(Replica replica, String table, String key, Row r, java.util.function.Function<UUID, Ref> refOf,
                         java.util.Set<String> skip) {
        TableSchema schema = replica.schema().requireTable(table);
        Map<String, Object> cols = new LinkedHashMap<>();
        for (var e : r.columns().entrySet()) {
            if (e.getKey().startsWith("_") || skip.contains(e.getKey())) continue;
            var column = schema.column(e.getKey());
            if (column.isEmpty()) continue;
            cols.put(e.getKey(), toJava(e.getValue(), column.get().type(), refOf));
        }
        return new NbRow(table, key, cols);
    }

    private static Object toJava(OvsdbValue v, ColumnType type, java.util.function.Function<UUID, Ref> refOf) {
        if (v instanceof OvsdbMap m) {
            Map<String, Object> out = new TreeMap<>();
            for (var e : m.entries().entrySet()) {
                out.put(String.valueOf(atom(e.getKey(), refOf)), atom(e.getValue(), refOf));
            }
            return out;
        }
        if (v instanceof OvsdbSet set) {
            if (type.isScalar()) return set.isEmpty() ? null : atom(set.elements().iterator().next(), refOf);
            List<Object> out = new ArrayList<>();
            for (Atom a : set.elements()) out.add(atom(a, refOf));
            return out;
        }
        Atom a = (Atom) v;
        return type.isScalar() ? atom(a, refOf) : new ArrayList<>(List.of(atom(a, refOf)));
    }

    private static Object atom(Atom a, java.util.function.Function<UUID, Ref> refOf) {
        Object j = a.toJava();
        if (j instanceof UUID u) {
            Ref ref = refOf.apply(u);
            return ref != null ? ref : u.toString();
        }
        return j;
    }
}
