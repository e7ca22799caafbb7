package dev.neutrino.ovn;

import static dev.neutrino.schema.Tables.FLOATINGIPS;
import static dev.neutrino.schema.Tables.IPALLOCATIONS;
import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.NETWORK_SEGMENTS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.PORT_SECURITY_GROUPS;
import static dev.neutrino.schema.Tables.ROUTERS;
import static dev.neutrino.schema.Tables.SECURITYGROUPS;

import dev.neutrino.db.Database;
import dev.neutrino.ml2.CommittedChange;
import dev.neutrino.ml2.CorePlugin;
import dev.neutrino.ovn.NbRow.Ref;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.monitor.TableReplica;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.Row;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Record;

/**
 * The write path to OVN: the northbound operations for the resources a committed change touched
 * (and those that depend on them), computed from the database's current state of just those
 * resources and the replica's rows for just those resources. Its cost follows the change, not the
 * size of the cloud: no table is read whole, on either side; the replica is reached through
 * indexes, and a port joins or leaves its switch and port groups by a {@code mutate} of that one
 * element.
 *
 * <p>A change is first mapped to {@link Scope}s ({@link #scopesOf}); {@link #plan} expands them
 * (a port on a router is its router's business too, a new port group brings in its member ports,
 * a port whose switch does not exist yet brings in its network) and produces one {@link NbWriter.Plan}.
 * Scopes read the database again rather than trusting the change's views, so a late or repeated
 * change is harmless and two servers working on the same resource compute the same rows.
 */
final class IncrementalSync {
    enum Kind { NETWORK, SUBNET, PORT, SECURITY_GROUP, ROUTER, FLOATINGIP,
        /** The ports a QoS policy applies to: its own and those of the networks that have it. */
        QOS_POLICY,
        /** Every port of a network whose QoS policy changed. */
        NETWORK_QOS,
        /** An address group's two address sets (its addresses changed: a touch). */
        ADDRESS_GROUP,
        /** A network's DNS row: the records of its ports that have a dns_name. */
        NETWORK_DNS,
        /** Security group logging's meter and neutron_pg_drop's ACLs (any log changed). */
        LOGGING,
        /** The security groups of a port a log names (target_id). */
        LOGGED_PORT,
        /** Every security group (a log that names neither group nor port covers them all, as in Zed). */
        ALL_SECURITY_GROUPS }

    /** A resource whose northbound rows must be brought in line with the database. */
    record Scope(Kind kind, String id) {}

    /** What a port's DNS records ({@link Translator#dns}) are made of. */
    private static final List<String> DNS_INPUTS = List.of("dns_name", "dns_assignment", "device_id",
            "device_owner", "network_id");
    private static final Set<String> ROUTER_OWNERS = Set.of("network:router_interface", "network:router_gateway",
            "network:router_interface_distributed", "network:ha_router_replicated_interface");
    private static final Set<String> ROUTER_TABLES = Set.of("Logical_Router", "Logical_Router_Port",
            "Gateway_Chassis", "NAT", "Logical_Router_Static_Route", "Load_Balancer");

    private final CorePlugin plugin;
    private final Database db;
    private final Replica replica;
    private final String baseMac;
    private final Supplier<Settings> settings;
    private final TableReplica.Index switches;
    private final TableReplica.Index switchPorts;
    private final TableReplica.Index portGroups;
    private final TableReplica.Index routers;
    private final TableReplica.Index dhcpOptions;
    private final TableReplica.Index qosByGateway;
    private final TableReplica.Index qos;
    private final TableReplica.Index addressSets;
    private final TableReplica.Index loadBalancers;
    private final TableReplica.Index dns;

    /** What the translation depends on besides the resources. */
    record Settings(boolean distributedFloatingIps, boolean emitNeedToFrag, List<GatewayChassis.Chassis> chassis,
                    String dnsDomain, AclLogging.Settings aclLogging) {
        Settings(boolean distributedFloatingIps, boolean emitNeedToFrag, List<GatewayChassis.Chassis> chassis) {
            this(distributedFloatingIps, emitNeedToFrag, chassis, null, AclLogging.Settings.DEFAULT);
        }
    }

    IncrementalSync(CorePlugin plugin, Database db, Replica replica, String baseMac, Supplier<Settings> settings) {
        this.plugin = plugin;
        this.db = db;
        this.replica = replica;
        this.baseMac = baseMac;
        this.settings = settings;
        this.switches = replica.index("Logical_Switch", r -> r.getString("name"));
        this.switchPorts = replica.index("Logical_Switch_Port", r -> r.getString("name"));
        this.portGroups = replica.index("Port_Group", r -> r.getString("name"));
        this.routers = replica.index("Logical_Router", r -> r.getString("name"));
        this.dhcpOptions = replica.index("DHCP_Options", r -> r.getStringMap("external_ids").get(NbNames.EXT_SUBNET_ID));
        this.qosByGateway = replica.index("QoS", NbState::qosGatewayPort);
        this.qos = replica.index("QoS", NbState::qosKey);
        this.addressSets = replica.index("Address_Set", r -> r.getString("name"));
        this.loadBalancers = replica.index("Load_Balancer", r -> r.getString("name"));
        this.dns = replica.index("DNS", r -> r.getStringMap("external_ids").get(NbNames.EXT_DNS_LS_NAME));
    }

    // ------------------------------------------------------------------ changes to scopes

    /** The scopes a committed change touches directly (others are found while planning). */
    static List<Scope> scopesOf(CommittedChange c) {
        List<Scope> out = new ArrayList<>();
        Map<String, Object> cur = c.current() == null ? Map.of() : c.current();
        Map<String, Object> orig = c.original() == null ? Map.of() : c.original();
        switch (c.resource()) {
            case "network" -> {
                out.add(new Scope(Kind.NETWORK, c.id()));
                // its ports without a policy of their own follow its QoS policy
                if (c.kind() == CommittedChange.Kind.UPDATE
                        && !Objects.equals(cur.get("qos_policy_id"), orig.get("qos_policy_id"))) {
                    out.add(new Scope(Kind.NETWORK_QOS, c.id()));
                }
                // a deleted network takes its subnets along without their own events
                if (c.kind() == CommittedChange.Kind.DELETE) {
                    for (String s : Translator.strings(cur.get("subnets"))) out.add(new Scope(Kind.SUBNET, s));
                }
                // its DNS row is a root row: it goes with the network, and its names follow its domain
                if (c.kind() == CommittedChange.Kind.DELETE || (c.kind() == CommittedChange.Kind.UPDATE
                        && !Objects.equals(cur.get("dns_domain"), orig.get("dns_domain")))) {
                    out.add(new Scope(Kind.NETWORK_DNS, c.id()));
                }
            }
            case "subnet" -> out.add(new Scope(Kind.SUBNET, c.id()));
            case "port" -> {
                out.add(new Scope(Kind.PORT, c.id()));
                // a named port's records are in its network's DNS row (the one it had, the one it has),
                // re-planned only when what they are made of changed (not for a status or binding change)
                if (c.kind() != CommittedChange.Kind.UPDATE || DNS_INPUTS.stream()
                        .anyMatch(k -> !Objects.equals(cur.get(k), orig.get(k)))) {
                    for (Map<String, Object> view : List.of(cur, orig)) {
                        if (!Translator.str(view.get("dns_name")).isEmpty()
                                && view.get("network_id") instanceof String n) {
                            out.add(new Scope(Kind.NETWORK_DNS, n));
                        }
                    }
                }
                // a metadata port leaving a subnet takes its route out of that subnet's DHCP options
                if (Translator.DISTRIBUTED.equals(orig.get("device_owner"))) {
                    for (Map<String, Object> ip : Translator.fixedIps(orig)) {
                        out.add(new Scope(Kind.SUBNET, (String) ip.get("subnet_id")));
                    }
                }
            }
            case "security_group" -> out.add(new Scope(Kind.SECURITY_GROUP, c.id()));
            case "security_group_rule" -> {
                if (cur.get("security_group_id") instanceof String sg) out.add(new Scope(Kind.SECURITY_GROUP, sg));
            }
            case "router" -> out.add(new Scope(Kind.ROUTER, c.id()));
            case "floatingip" -> {
                out.add(new Scope(Kind.FLOATINGIP, c.id()));
                for (Map<String, Object> view : List.of(cur, orig)) {
                    if (view.get("router_id") instanceof String r) out.add(new Scope(Kind.ROUTER, r));
                }
            }
            case "segment" -> {
                if (cur.get("network_id") instanceof String n) out.add(new Scope(Kind.NETWORK, n));
            }
            case "trunk" -> {
                // a trunk is its subports' child Logical_Switch_Ports: those it has and those it had
                for (Map<String, Object> view : List.of(cur, orig)) {
                    for (Map<String, Object> s : Translator.maps(view.get("sub_ports"))) {
                        if (s.get("port_id") instanceof String p) out.add(new Scope(Kind.PORT, p));
                    }
                }
            }
            // a QoS policy: a rule change is a revision bump of its policy (a touch)
            case "policy" -> out.add(new Scope(Kind.QOS_POLICY, c.id()));
            case "address_group" -> out.add(new Scope(Kind.ADDRESS_GROUP, c.id()));
            case "log" -> out.addAll(logScopes(cur, orig));
            default -> { }
        }
        return out;
    }

    // ------------------------------------------------------------------ planning

    /** The rows wanted and found for a set of scopes, and the memberships to add or remove. */
    private final class Work {
        final Deque<Scope> queue = new ArrayDeque<>();
        final Set<Scope> seen = new HashSet<>();
        final Map<String, Map<String, NbRow>> desired = new TreeMap<>();
        final Map<String, Map<String, NbRow>> actual = new TreeMap<>();
        final Map<Ref, UUID> uuids = new HashMap<>();
        final List<NbWriter.Member> members = new ArrayList<>();
        final Map<String, Optional<Map<String, Object>>> cache = new HashMap<>();

        void push(Kind kind, String id) {
            if (id != null && !id.isEmpty()) {
                Scope s = new Scope(kind, id);
                if (!seen.contains(s)) queue.add(s);
            }
        }

        void want(NbRow row) {
            desired.computeIfAbsent(row.table(), k -> new TreeMap<>()).put(row.key(), row);
        }

        void have(String table, String key, Row row, java.util.function.Function<UUID, Ref> refOf) {
            UUID uuid = row.uuid().orElseThrow();
            uuids.put(new Ref(table, key), uuid);
            // a switch's or a port group's ports are handled one member at a time: not read whole
            Set<String> skip = table.equals("Logical_Switch") ? Set.of("ports", "qos_rules", "dns_records")
                    : table.equals("Port_Group") ? Set.of("ports") : Set.of();
            actual.computeIfAbsent(table, k -> new TreeMap<>())
                    .put(key, NbState.convert(replica, table, key, row, refOf, skip));
        }

        void member(Ref parent, String column, Ref child, boolean add) {
            members.add(new NbWriter.Member(parent, column, child, add));
        }

        boolean wanted(Ref ref) {
            return desired.getOrDefault(ref.table(), Map.of()).containsKey(ref.key());
        }

        /** One resource by id, read once per plan (null when it no longer exists). */
        Map<String, Object> read(String collection, String id) {
            return cache.computeIfAbsent(collection + "/" + id, k -> {
                List<Map<String, Object>> found = plugin.read(collection, Map.of("id", List.of(id)));
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }).orElse(null);
        }

        private AclLogging logging;
        private List<Map<String, Object>> logs;

        /** The log objects, read once per plan (none without the logging extension). */
        List<Map<String, Object>> logs() {
            if (logs == null) logs = plugin.readAll("logs");
            return logs;
        }

        /** The logs with the security groups of the ports they name, once per plan. */
        AclLogging logging() {
            if (logging == null) {
                Set<String> targets = AclLogging.targets(logs());
                prefetch("ports", targets);
                List<Map<String, Object>> ports = new ArrayList<>();
                for (String t : targets) if (read("ports", t) instanceof Map<String, Object> p) ports.add(p);
                logging = AclLogging.of(logs(), AclLogging.groupsOf(ports), settings.get().aclLogging());
            }
            return logging;
        }

        /** Many resources by id in one read; those already read are not read again. */
        void prefetch(String collection, Collection<String> ids) {
            List<String> missing = ids.stream().filter(id -> !cache.containsKey(collection + "/" + id)).toList();
            if (missing.isEmpty()) return;
            for (Map<String, Object> r : plugin.read(collection, Map.of("id", missing))) {
                cache.put(collection + "/" + r.get("id"), Optional.of(r));
            }
            for (String id : missing) cache.putIfAbsent(collection + "/" + id, Optional.empty());
        }
    }

    /** The northbound transaction that brings these scopes (and what they drag in) in line. */
    NbWriter.Plan plan(Collection<Scope> scopes) {
        Work w = new Work();
        w.queue.addAll(scopes);
        Map<Kind, List<String>> byKind = new HashMap<>();
        for (Scope s : scopes) byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.id());
        w.prefetch("ports", byKind.getOrDefault(Kind.PORT, List.of()));
        w.prefetch("networks", byKind.getOrDefault(Kind.NETWORK, List.of()));
        w.prefetch("subnets", byKind.getOrDefault(Kind.SUBNET, List.of()));
        while (!w.queue.isEmpty()) {
            Scope s = w.queue.poll();
            if (!w.seen.add(s)) continue;
            switch (s.kind()) {
                case NETWORK -> network(w, s.id());
                case SUBNET -> subnet(w, s.id());
                case PORT -> port(w, s.id());
                case SECURITY_GROUP -> securityGroup(w, s.id());
                case ROUTER -> router(w, s.id());
                case FLOATINGIP -> floatingIp(w, s.id());
                case QOS_POLICY -> qosPolicy(w, s.id());
                case NETWORK_QOS -> networkQos(w, s.id());
                case ADDRESS_GROUP -> addressGroup(w, s.id());
                case NETWORK_DNS -> networkDns(w, s.id());
                case LOGGING -> logging(w);
                case LOGGED_PORT -> {
                    Map<String, Object> port = w.read("ports", s.id());
                    if (port != null) {
                        for (String sg : Translator.strings(port.get("security_groups"))) w.push(Kind.SECURITY_GROUP, sg);
                    }
                }
                case ALL_SECURITY_GROUPS -> {
                    List<String> all = db.tx(dsl -> dsl.select(SECURITYGROUPS.ID).from(SECURITYGROUPS)
                            .fetch(SECURITYGROUPS.ID));
                    w.prefetch("security_groups", all);
                    for (String sg : all) w.push(Kind.SECURITY_GROUP, sg);
                }
            }
        }
        if (w.desired.containsKey("ACL")) w.logging().annotate(w.desired);
        // a floating IP's QoS row that moves from one gateway to another stays on the switch
        w.members.removeIf(m -> !m.add() && m.child().table().equals("QoS") && w.wanted(m.child()));
        DesiredState wanted = DesiredState.ofRows(w.desired);
        NbDiff diff = NbDiff.between(wanted, w.actual);
        return NbWriter.plan(diff, w.actual, ref -> uuidOf(w, ref), w.members);
    }

    private UUID uuidOf(Work w, Ref ref) {
        UUID known = w.uuids.get(ref);
        if (known != null) return known;
        Optional<Row> row = switch (ref.table()) {
            case "Logical_Switch" -> switches.first(ref.key());
            case "Logical_Switch_Port" -> switchPorts.first(ref.key());
            case "Port_Group" -> portGroups.first(ref.key());
            case "Logical_Router" -> routers.first(ref.key());
            case "DHCP_Options" -> dhcpOptions.first(ref.key());
            case "Load_Balancer" -> loadBalancers.first(ref.key());
            case "DNS" -> dns.first(ref.key());
            default -> Optional.empty();
        };
        return row.flatMap(Row::uuid).orElse(null);
    }

    /** The key of a row a column refers to, for the tables whose rows carry their own key. */
    private Ref refOf(UUID uuid) {
        for (String table : List.of("DHCP_Options", "Logical_Switch_Port")) {
            Optional<Row> row = replica.row(table, uuid);
            if (row.isPresent()) {
                String key = table.equals("DHCP_Options")
                        ? row.get().getStringMap("external_ids").get(NbNames.EXT_SUBNET_ID)
                        : row.get().getString("name");
                return key == null ? null : new Ref(table, key);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ networks and subnets

    private void network(Work w, String id) {
        Map<String, Object> net = w.read("networks", id);
        String name = NbNames.ovnName(id);
        Optional<Row> ls = switches.first(name);
        ls.ifPresent(row -> w.have("Logical_Switch", name, row, this::refOf));
        if (net == null) return; // its switch (and with it every port on it) goes
        NbRow want = Translator.logicalSwitch(net);
        w.want(want);
        Ref lsRef = want.ref();
        // provider ports: one localnet port per physical segment
        Set<String> provnets = new HashSet<>();
        for (Translator.Segment segment : segments(id)) {
            NbRow port = Translator.providerPort(segment, net);
            if (port == null) continue;
            provnets.add(port.key());
            w.want(port);
            switchPorts.first(port.key()).ifPresent(row -> w.have("Logical_Switch_Port", port.key(), row, this::refOf));
            w.member(lsRef, "ports", port.ref(), true);
        }
        if (ls.isPresent()) {
            for (UUID u : ls.get().getUuidSet("ports")) {
                replica.row("Logical_Switch_Port", u).ifPresent(p -> {
                    String pname = p.getString("name");
                    if ("localnet".equals(p.getString("type")) && !provnets.contains(pname)) {
                        w.uuids.put(new Ref("Logical_Switch_Port", pname), u);
                        w.member(lsRef, "ports", new Ref("Logical_Switch_Port", pname), false);
                    }
                });
            }
            // the MTU is in the DHCP options and the router ports' RA configs
            String mtu = ls.get().getStringMap("external_ids").get(NbNames.EXT_MTU);
            if (!Objects.equals(mtu, Translator.str(net.get("mtu")))) {
                for (Map<String, Object> p : plugin.read("ports", Map.of("network_id", List.of(id),
                        "device_owner", List.copyOf(ROUTER_OWNERS)))) {
                    w.push(Kind.ROUTER, (String) p.get("device_id"));
                }
            }
        }
        List<String> subnets = Translator.strings(net.get("subnets"));
        w.prefetch("subnets", subnets);
        for (String s : subnets) w.push(Kind.SUBNET, s);
    }

    /**
     * A network's DNS row from its named ports (read by the index on dns_name, not the network's
     * every port): in place, inserted and added to its switch's dns_records, or, with no records
     * left or no network, deleted.
     */
    private void networkDns(Work w, String id) {
        String name = NbNames.ovnName(id);
        Optional<Row> have = dns.first(name);
        have.ifPresent(r -> w.have("DNS", name, r, x -> null));
        Map<String, Object> net = w.read("networks", id);
        if (net == null) return;
        List<String> named = db.tx(dsl -> dsl.select(PORTS.ID).from(PORTS)
                .where(PORTS.NETWORK_ID.eq(id).and(PORTS.DNS_NAME.ne(""))).fetch(PORTS.ID));
        w.prefetch("ports", named);
        List<Map<String, Object>> ports = new ArrayList<>();
        for (String p : named) {
            Map<String, Object> port = w.read("ports", p);
            if (port != null && !Translator.isIgnored(port)) ports.add(port);
        }
        NbRow want = Translator.dns(net, ports);
        Optional<Row> ls = switches.first(name);
        if (want == null) {
            // taken off the switch in the same transaction: ovsdb-server 3.1.0 can keep a weak reference
            // to a row deleted by a transaction that also modifies the referring row (see below)
            if (have.isPresent() && ls.isPresent() && contains(ls.get(), "dns_records", have.get())) {
                w.member(new Ref("Logical_Switch", name), "dns_records", new Ref("DNS", name), false);
            }
            return;
        }
        w.want(want);
        if (ls.isEmpty()) w.push(Kind.NETWORK, id);
        if (ls.isEmpty() || have.isEmpty() || !contains(ls.get(), "dns_records", have.get())) {
            w.member(new Ref("Logical_Switch", name), "dns_records", want.ref(), true);
        }
    }

    private List<Translator.Segment> segments(String networkId) {
        return db.tx(dsl -> {
            List<Translator.Segment> out = new ArrayList<>();
            for (Record r : dsl.select(NETWORK_SEGMENTS.ID, NETWORK_SEGMENTS.NETWORK_TYPE,
                            NETWORK_SEGMENTS.PHYSICAL_NETWORK, NETWORK_SEGMENTS.SEGMENTATION_ID)
                    .from(NETWORK_SEGMENTS).where(NETWORK_SEGMENTS.NETWORK_ID.eq(networkId))
                    .orderBy(NETWORK_SEGMENTS.SEGMENT_INDEX, NETWORK_SEGMENTS.ID).fetch()) {
                Object vlan = r.get(3);
                out.add(new Translator.Segment((String) r.get(0), (String) r.get(1), (String) r.get(2),
                        vlan == null ? null : ((Number) vlan).intValue()));
            }
            return out;
        });
    }

    /** A subnet's DHCP options; when they appear or go, the ports with an address on it follow. */
    private void subnet(Work w, String id) {
        Map<String, Object> sub = w.read("subnets", id);
        Optional<Row> have = dhcpOptions.first(id);
        have.ifPresent(row -> w.have("DHCP_Options", id, row, this::refOf));
        NbRow want = null;
        if (sub != null) {
            Map<String, Object> net = w.read("networks", (String) sub.get("network_id"));
            if (net != null) {
                want = Translator.dhcpOptions(sub, net, DesiredState.serverMac(baseMac, id), metadataIp(sub),
                        settings.get().dnsDomain());
                if (want != null) w.want(want);
            }
        }
        if ((want != null) != have.isPresent()) {
            List<String> ports = db.tx(dsl -> dsl.selectDistinct(IPALLOCATIONS.PORT_ID).from(IPALLOCATIONS)
                    .where(IPALLOCATIONS.SUBNET_ID.eq(id)).fetch(IPALLOCATIONS.PORT_ID));
            w.prefetch("ports", ports);
            for (String p : ports) w.push(Kind.PORT, p);
        }
    }

    /** The address of the network's metadata port on this DHCP subnet (ML2/OVN's {@code _find_metadata_port_ip}), or null. */
    private String metadataIp(Map<String, Object> sub) {
        if (!Boolean.TRUE.equals(sub.get("enable_dhcp"))) return null;
        List<Map<String, Object>> ports = plugin.read("ports", Map.of("network_id",
                List.of((String) sub.get("network_id")), "device_owner", List.of(Translator.DISTRIBUTED)));
        return Translator.metadataIps(ports).get((String) sub.get("id"));
    }

    // ------------------------------------------------------------------ ports

    private void port(Work w, String id) {
        Map<String, Object> port = w.read("ports", id);
        Optional<Row> lsp = switchPorts.first(id);
        Ref lspRef = new Ref("Logical_Switch_Port", id);
        Set<String> oldGroups = new LinkedHashSet<>();
        String oldSwitch = null;
        if (lsp.isPresent()) {
            w.have("Logical_Switch_Port", id, lsp.get(), this::refOf);
            Map<String, String> ext = lsp.get().getStringMap("external_ids");
            for (String sg : ext.getOrDefault(NbNames.EXT_SG_IDS, "").split(" ")) if (!sg.isEmpty()) oldGroups.add(sg);
            oldSwitch = ext.get(NbNames.EXT_NETWORK_NAME);
            if (ROUTER_OWNERS.contains(ext.getOrDefault(NbNames.EXT_DEVICE_OWNER, ""))) {
                w.push(Kind.ROUTER, ext.get(NbNames.EXT_DEVICE_ID));
            }
        }
        if (port == null || Translator.isIgnored(port)) {
            if (lsp.isEmpty()) return;
            // out of its switch and its groups: OVSDB collects the unreferenced row
            if (oldSwitch != null) w.member(new Ref("Logical_Switch", oldSwitch), "ports", lspRef, false);
            if (oldSwitch != null) portQos(w, id, oldSwitch, List.of());
            if (oldSwitch != null) gatewayQos(w, id, oldSwitch, List.of());
            for (String sg : oldGroups) w.member(new Ref("Port_Group", NbNames.portGroup(sg)), "ports", lspRef, false);
            w.member(new Ref("Port_Group", NbNames.DROP_PORT_GROUP), "ports", lspRef, false);
            return;
        }
        String owner = Translator.str(port.get("device_owner"));
        if (ROUTER_OWNERS.contains(owner)) w.push(Kind.ROUTER, (String) port.get("device_id"));
        if (owner.equals(Translator.DISTRIBUTED)) {
            // the metadata port's addresses are in its subnets' DHCP options (the route to 169.254.169.254)
            for (Map<String, Object> ip : Translator.fixedIps(port)) w.push(Kind.SUBNET, (String) ip.get("subnet_id"));
        }
        if (settings.get().distributedFloatingIps()) {
            // a floating IP's NAT moves to the port's chassis once the port is up
            for (Map<String, Object> fip : plugin.read("floatingips", Map.of("port_id", List.of(id)))) {
                w.push(Kind.ROUTER, (String) fip.get("router_id"));
            }
        }
        String networkId = (String) port.get("network_id");
        Map<String, Object> net = w.read("networks", networkId);
        if (net == null) return; // the network is going: its switch takes the port along
        List<String> subnetIds = new ArrayList<>();
        for (Map<String, Object> ip : Translator.fixedIps(port)) subnetIds.add((String) ip.get("subnet_id"));
        w.prefetch("subnets", subnetIds);
        Map<String, Map<String, Object>> subnets = new HashMap<>();
        Map<String, String> dhcp = new HashMap<>();
        for (String s : subnetIds) {
            Map<String, Object> sub = w.read("subnets", s);
            if (sub == null) continue;
            subnets.put(s, sub);
            // a subnet without a gateway has options only when a metadata port serves it (rare: read it then)
            boolean hasOptions = sub.get("gateway_ip") != null ? Translator.hasDhcpOptions(sub, null)
                    : Translator.hasDhcpOptions(sub, metadataIp(sub));
            if (hasOptions) {
                dhcp.put(s, s);
                if (dhcpOptions.first(s).isEmpty()) w.push(Kind.SUBNET, s); // its options come first
            }
        }
        String switchName = NbNames.ovnName(networkId);
        String policy = Translator.effectiveQosPolicy(port, net);
        Map<String, List<Translator.QosRule>> rules = policy == null ? Map.of()
                : db.tx(dsl -> QosRuleReader.byPolicy(dsl, List.of(policy)));
        NbRow want = Translator.withQosOptions(Translator.logicalSwitchPort(port, subnets, dhcp),
                Translator.lspQosOptions(port, net, rules));
        w.want(want);
        portQos(w, id, switchName, Translator.qos(port, net, rules));
        if (oldSwitch != null && !oldSwitch.equals(switchName)) portQos(w, id, oldSwitch, List.of());
        if (owner.equals("network:router_gateway")) gatewayQos(w, id, switchName, gatewayQosRows(w, port, net));
        Optional<Row> ls = switches.first(switchName);
        if (ls.isEmpty()) w.push(Kind.NETWORK, networkId);
        if (ls.isEmpty() || lsp.isEmpty() || !contains(ls.get(), "ports", lsp.get())) {
            w.member(new Ref("Logical_Switch", switchName), "ports", lspRef, true);
        }
        Set<String> groups = new LinkedHashSet<>();
        if (Translator.isFiltered(port)) groups.addAll(Translator.strings(port.get("security_groups")));
        for (String sg : groups) {
            String pg = NbNames.portGroup(sg);
            Optional<Row> row = portGroups.first(pg);
            if (row.isEmpty()) w.push(Kind.SECURITY_GROUP, sg);
            if (row.isEmpty() || lsp.isEmpty() || !contains(row.get(), "ports", lsp.get())) {
                w.member(new Ref("Port_Group", pg), "ports", lspRef, true);
            }
        }
        for (String sg : oldGroups) {
            if (!groups.contains(sg)) w.member(new Ref("Port_Group", NbNames.portGroup(sg)), "ports", lspRef, false);
        }
        if (lsp.isPresent() && !oldGroups.equals(groups) && w.logs().stream().anyMatch(l -> id.equals(l.get("target_id")))) {
            // a log naming this port covers its groups: those it left and those it joined change
            for (String sg : oldGroups) if (!groups.contains(sg)) w.push(Kind.SECURITY_GROUP, sg);
            for (String sg : groups) if (!oldGroups.contains(sg)) w.push(Kind.SECURITY_GROUP, sg);
        }
        Optional<Row> drop = portGroups.first(NbNames.DROP_PORT_GROUP);
        Ref dropRef = new Ref("Port_Group", NbNames.DROP_PORT_GROUP);
        if (Translator.isFiltered(port)) {
            if (drop.isEmpty() && !w.wanted(dropRef)) {
                for (NbRow r : Translator.dropPortGroup(List.of())) w.want(r);
            }
            if (drop.isEmpty() || lsp.isEmpty() || !contains(drop.get(), "ports", lsp.get())) {
                w.member(dropRef, "ports", lspRef, true);
            }
        } else if (drop.isPresent() && lsp.isPresent() && contains(drop.get(), "ports", lsp.get())) {
            w.member(dropRef, "ports", lspRef, false);
        }
    }

    // ------------------------------------------------------------------ QoS

    /**
     * A port's QoS rows on switch {@code switchName}: the wanted ones (in place when they exist, else
     * inserted into the switch's qos_rules by a mutate of that one element) and the others out of it.
     */
    private void portQos(Work w, String portId, String switchName, List<NbRow> wanted) {
        Ref lsRef = new Ref("Logical_Switch", switchName);
        Set<String> keep = wantQos(w, switchName, wanted);
        for (String direction : List.of("from-lport", "to-lport")) {
            String key = NbNames.qosKey(portId, direction);
            if (keep.contains(key)) continue;
            qos.first(key).ifPresent(r -> {
                w.uuids.put(new Ref("QoS", key), r.uuid().orElseThrow());
                w.member(lsRef, "qos_rules", new Ref("QoS", key), false);
            });
        }
    }

    /**
     * QoS rows wanted on switch {@code switchName}: each in place when it exists, else added to the
     * switch's qos_rules by a mutate of that one element. Returns their keys.
     */
    private Set<String> wantQos(Work w, String switchName, List<NbRow> wanted) {
        Ref lsRef = new Ref("Logical_Switch", switchName);
        Optional<Row> ls = switches.first(switchName);
        Set<String> keys = new HashSet<>();
        for (NbRow q : wanted) {
            keys.add(q.key());
            w.want(q);
            Optional<Row> row = qos.first(q.key());
            row.ifPresent(r -> w.have("QoS", q.key(), r, x -> null));
            if (row.isEmpty() || ls.isEmpty() || !contains(ls.get(), "qos_rules", row.get())) {
                w.member(lsRef, "qos_rules", q.ref(), true);
            }
        }
        return keys;
    }

    /**
     * The rows of a router gateway's QoS and of its router's associated floating IPs on the gateway's
     * switch (OVNClientQosExtension.update_router and update_floatingip).
     */
    private List<NbRow> gatewayQosRows(Work w, Map<String, Object> gatewayPort, Map<String, Object> net) {
        String routerId = (String) gatewayPort.get("device_id");
        Map<String, Object> router = w.read("routers", routerId);
        if (router == null) return List.of();
        String networkId = (String) gatewayPort.get("network_id");
        List<Map<String, Object>> fips = new ArrayList<>();
        for (Map<String, Object> f : plugin.read("floatingips", Map.of("router_id", List.of(routerId)))) {
            if (networkId.equals(f.get("floating_network_id"))) fips.add(f);
        }
        String gatewayPolicy = DesiredState.gatewayPolicy(router, net);
        Map<String, String> fipPolicy = new HashMap<>();
        for (Map<String, Object> f : fips) {
            String p = DesiredState.floatingIpPolicy(f, net);
            if (p != null) fipPolicy.put((String) f.get("id"), p);
        }
        Set<String> policies = new HashSet<>(fipPolicy.values());
        if (gatewayPolicy != null) policies.add(gatewayPolicy);
        if (policies.isEmpty()) return List.of();
        Map<String, List<Translator.QosRule>> rules = db.tx(dsl -> QosRuleReader.byPolicy(dsl, policies));
        String gw = (String) gatewayPort.get("id");
        List<NbRow> out = new ArrayList<>(Translator.gatewayQos(routerId, gw,
                rules.getOrDefault(gatewayPolicy, List.of())));
        boolean distributed = settings.get().distributedFloatingIps();
        for (Map<String, Object> f : fips) {
            out.addAll(Translator.floatingIpQos(f, gw, distributed,
                    rules.getOrDefault(fipPolicy.get((String) f.get("id")), List.of())));
        }
        return out;
    }

    /**
     * A gateway port's QoS rows (its router's and its router's floating IPs') on switch
     * {@code switchName}: the wanted ones in place or added, the others there for this gateway out.
     */
    private void gatewayQos(Work w, String gatewayPortId, String switchName, List<NbRow> wanted) {
        Ref lsRef = new Ref("Logical_Switch", switchName);
        Set<String> keep = wantQos(w, switchName, wanted);
        for (Row r : qosByGateway.rows(gatewayPortId)) {
            String key = NbState.qosKey(r);
            if (key == null || keep.contains(key)) continue;
            w.uuids.put(new Ref("QoS", key), r.uuid().orElseThrow());
            w.member(lsRef, "qos_rules", new Ref("QoS", key), false);
        }
    }

    /**
     * The ports a QoS policy applies to: those that name it, those on networks that name it, and the
     * gateway ports of routers whose gateway or whose floating IPs have it.
     */
    private void qosPolicy(Work w, String policyId) {
        List<String> ports = db.tx(dsl -> dsl.select(PORTS.ID).from(PORTS)
                .where(PORTS.QOS_POLICY_ID.eq(policyId)
                        .or(PORTS.NETWORK_ID.in(dsl.select(NETWORKS.ID).from(NETWORKS)
                                .where(NETWORKS.QOS_POLICY_ID.eq(policyId))))
                        .or(PORTS.DEVICE_OWNER.eq("network:router_gateway").and(
                                PORTS.DEVICE_ID.in(dsl.select(ROUTERS.ID).from(ROUTERS)
                                        .where(ROUTERS.QOS_POLICY_ID.eq(policyId)))
                                .or(PORTS.DEVICE_ID.in(dsl.select(FLOATINGIPS.ROUTER_ID).from(FLOATINGIPS)
                                        .where(FLOATINGIPS.QOS_POLICY_ID.eq(policyId)))))))
                .fetch(PORTS.ID));
        w.prefetch("ports", ports);
        for (String p : ports) w.push(Kind.PORT, p);
    }

    private void networkQos(Work w, String networkId) {
        List<String> ports = db.tx(dsl -> dsl.select(PORTS.ID).from(PORTS).where(PORTS.NETWORK_ID.eq(networkId))
                .fetch(PORTS.ID));
        w.prefetch("ports", ports);
        for (String p : ports) w.push(Kind.PORT, p);
    }

    private static boolean contains(Row parent, String column, Row child) {
        return parent.value(column).map(v -> v.asSet().contains(Atom.of(child.uuid().orElseThrow()))).orElse(false);
    }

    // ------------------------------------------------------------------ security groups

    /**
     * The scopes a log's change touches, from what it names now and named before: its security group
     * (or its port's groups, or, naming neither, every group, as Zed's driver visits every port group),
     * unless its event is DROP; and always the meter and neutron_pg_drop's ACLs (a DROP or ALL log
     * covers them whatever it names).
     */
    static List<Scope> logScopes(Map<String, Object> cur, Map<String, Object> orig) {
        List<Scope> out = new ArrayList<>();
        out.add(new Scope(Kind.LOGGING, NbNames.DROP_PORT_GROUP));
        for (Map<String, Object> view : List.of(cur, orig)) {
            if (view.isEmpty() || "DROP".equals(view.get("event"))) continue;
            if (view.get("resource_id") instanceof String sg) out.add(new Scope(Kind.SECURITY_GROUP, sg));
            else if (view.get("target_id") instanceof String port) out.add(new Scope(Kind.LOGGED_PORT, port));
            else out.add(new Scope(Kind.ALL_SECURITY_GROUPS, "all"));
        }
        return out;
    }

    /** The logs' meter (while any log exists) and neutron_pg_drop's ACLs, with what they log. */
    private void logging(Work w) {
        for (Row m : replica.table("Meter").rows()) {
            if (!AclLogging.ours(m)) continue;
            String name = m.getString("name");
            Map<UUID, Ref> bands = new HashMap<>();
            int n = 0;
            for (UUID u : m.getUuidSet("bands")) {
                Ref band = new Ref("Meter_Band", AclLogging.bandKey(name, n++));
                bands.put(u, band);
                replica.row("Meter_Band", u).ifPresent(b -> w.have("Meter_Band", band.key(), b, x -> null));
            }
            w.have("Meter", name, m, bands::get);
        }
        for (NbRow r : w.logging().meterRows()) w.want(r);
        Optional<Row> drop = portGroups.first(NbNames.DROP_PORT_GROUP);
        if (drop.isEmpty()) return; // made with the first filtered port, its ACLs then annotated
        Map<UUID, Ref> acls = haveAcls(w, NbNames.DROP_PORT_GROUP, drop.get());
        w.have("Port_Group", NbNames.DROP_PORT_GROUP, drop.get(), u -> acls.getOrDefault(u, refOf(u)));
        for (NbRow r : Translator.dropPortGroup(List.of())) w.want(withoutPorts(r));
    }

    /** A port group's ACLs as found, keyed as {@link NbState} keys them; their UUIDs to keys. */
    private Map<UUID, Ref> haveAcls(Work w, String name, Row pg) {
        Map<UUID, Ref> acls = new HashMap<>();
        for (UUID u : pg.getUuidSet("acls")) {
            replica.row("ACL", u).ifPresent(acl -> {
                String key = NbState.aclKey(name, acl);
                acls.put(u, new Ref("ACL", key));
                w.have("ACL", key, acl, x -> null);
            });
        }
        return acls;
    }

    /** A port group's row without its ports: those are each port's business (a mutate per port). */
    private static NbRow withoutPorts(NbRow group) {
        if (!group.table().equals("Port_Group")) return group;
        Map<String, Object> cols = new java.util.LinkedHashMap<>(group.columns());
        cols.remove("ports");
        return new NbRow(group.table(), group.key(), cols);
    }

    /** An address group's address sets: as the group is, or gone with it. */
    private void addressGroup(Work w, String id) {
        for (String ip : List.of("ip4", "ip6")) {
            String name = NbNames.addressGroupAddressSet(id, ip);
            addressSets.first(name).ifPresent(row -> w.have("Address_Set", name, row, this::refOf));
        }
        Map<String, Object> group = w.read("address_groups", id);
        if (group == null) return;
        for (NbRow set : Translator.addressSets(group)) w.want(set);
    }

    private void securityGroup(Work w, String id) {
        Map<String, Object> sg = w.read("security_groups", id);
        String name = NbNames.portGroup(id);
        Optional<Row> pg = portGroups.first(name);
        if (pg.isPresent()) {
            // the group and its ACLs (a rule's ACL is keyed by the rule's id)
            Map<UUID, Ref> acls = haveAcls(w, name, pg.get());
            w.have("Port_Group", name, pg.get(), u -> acls.getOrDefault(u, refOf(u)));
        }
        if (sg == null) return;
        boolean stateful = !Boolean.FALSE.equals(sg.get("stateful"));
        List<Ref> aclRefs = new ArrayList<>();
        for (Map<String, Object> rule : Translator.maps(sg.get("security_group_rules"))) {
            NbRow acl = Translator.ruleAcl(rule, stateful);
            w.want(acl);
            aclRefs.add(acl.ref());
        }
        NbRow group = Translator.portGroup(sg, List.of(), aclRefs);
        if (pg.isPresent()) {
            group = withoutPorts(group); // its ports are each port's business, not the group's
        } else {
            // a new group: the ports already in it join it (none, unless it was lost)
            List<String> ports = db.tx(dsl -> dsl.select(PORT_SECURITY_GROUPS.PORT_ID).from(PORT_SECURITY_GROUPS)
                    .where(PORT_SECURITY_GROUPS.SECURITY_GROUP_ID.eq(id)).fetch(PORT_SECURITY_GROUPS.PORT_ID));
            w.prefetch("ports", ports);
            for (String p : ports) w.push(Kind.PORT, p);
        }
        w.want(group);
    }

    // ------------------------------------------------------------------ routers and floating IPs

    private void floatingIp(Work w, String id) {
        Map<String, Object> fip = w.read("floatingips", id);
        if (fip != null) w.push(Kind.ROUTER, (String) fip.get("router_id"));
    }

    private void router(Work w, String id) {
        Map<String, Object> router = w.read("routers", id);
        String name = NbNames.ovnName(id);
        routers.first(name).ifPresent(lr -> readRouter(w, lr, id));
        if (router == null) return;
        List<Map<String, Object>> ports = new ArrayList<>();
        for (Map<String, Object> p : plugin.read("ports", Map.of("device_id", List.of(id)))) {
            if (ROUTER_OWNERS.contains(Translator.str(p.get("device_owner")))) ports.add(p);
            // the gateway port's scope holds the QoS rows of the gateway and of the floating IPs
            if ("network:router_gateway".equals(p.get("device_owner"))) w.push(Kind.PORT, (String) p.get("id"));
        }
        List<Map<String, Object>> fips = plugin.read("floatingips", Map.of("router_id", List.of(id)));
        Map<String, String> floatingPorts = new HashMap<>();
        if (!fips.isEmpty()) {
            List<String> ids = fips.stream().map(f -> (String) f.get("id")).toList();
            db.tx(dsl -> {
                for (Record r : dsl.select(FLOATINGIPS.ID, FLOATINGIPS.FLOATING_PORT_ID).from(FLOATINGIPS)
                        .where(FLOATINGIPS.ID.in(ids)).fetch()) {
                    floatingPorts.put((String) r.get(0), (String) r.get(1));
                }
                return null;
            });
        }
        Set<String> more = new LinkedHashSet<>();
        List<Map<String, Object>> withPorts = new ArrayList<>();
        Map<String, List<Map<String, Object>>> forwardings = fips.isEmpty() ? Map.of()
                : db.tx(dsl -> PortForwardingLbs.read(dsl, fips.stream().map(f -> (String) f.get("id")).toList()));
        for (Map<String, Object> f : fips) {
            Map<String, Object> copy = new HashMap<>(f);
            String floatingPort = floatingPorts.get((String) f.get("id"));
            copy.put("floating_port_id", floatingPort);
            copy.put(PortForwardingLbs.KEY, forwardings.get((String) f.get("id")));
            withPorts.add(copy);
            if (floatingPort != null) more.add(floatingPort);
            if (f.get("port_id") instanceof String p) more.add(p);
        }
        List<Map<String, Object>> allPorts = new ArrayList<>(ports);
        if (!more.isEmpty()) allPorts.addAll(plugin.read("ports", Map.of("id", List.copyOf(more))));
        Set<String> netIds = new LinkedHashSet<>();
        Set<String> subnetIds = new LinkedHashSet<>();
        for (Map<String, Object> p : ports) {
            netIds.add((String) p.get("network_id"));
            for (Map<String, Object> ip : Translator.fixedIps(p)) subnetIds.add((String) ip.get("subnet_id"));
        }
        List<Map<String, Object>> nets = netIds.isEmpty() ? List.of()
                : plugin.read("networks", Map.of("id", List.copyOf(netIds)));
        List<Map<String, Object>> subnets = subnetIds.isEmpty() ? List.of()
                : plugin.read("subnets", Map.of("id", List.copyOf(subnetIds)));
        Settings s = settings.get();
        DesiredState d = DesiredState.of(new DesiredState.Input(nets, Map.of(), subnets, allPorts, List.of(),
                List.of(router), withPorts, s.distributedFloatingIps(), s.emitNeedToFrag(), s.chassis(), baseMac),
                routers.first(name)
                        .map(lr -> GatewayChassis.scheduled(replica, lr.getUuidSet("ports"))).orElse(Map.of()));
        d = d.keepingForeignLoadBalancers(w.actual);
        for (String table : ROUTER_TABLES) for (NbRow row : d.table(table).values()) w.want(row);
        // a forwarding's load balancer that exists but is not (or no longer) the router's
        for (NbRow lb : d.table("Load_Balancer").values()) {
            Ref ref = lb.ref();
            if (w.actual.getOrDefault("Load_Balancer", Map.of()).containsKey(ref.key())) continue;
            loadBalancers.first(ref.key()).ifPresent(row -> w.have("Load_Balancer", ref.key(), row, this::refOf));
        }
        forwardingsOnSwitches(w, ports, d);
    }

    /**
     * ML2/OVN's _handle_lb_on_ls: the router's port forwarding load balancers are on the switches of
     * its interfaces too (one element of the switch's set at a time), and leave the switch of an
     * interface the router no longer has. A load balancer that goes is taken off its switches in the
     * same transaction: the reference is weak, but ovsdb-server 3.1.0 keeps a weak reference to a
     * row deleted in a transaction that also modifies the referring row (seen: a switch losing a
     * port and a load balancer at once kept a dangling reference).
     */
    private void forwardingsOnSwitches(Work w, List<Map<String, Object>> ports, DesiredState d) {
        Set<String> networks = new LinkedHashSet<>();
        for (Map<String, Object> p : ports) {
            if ("network:router_interface".equals(p.get("device_owner"))) networks.add((String) p.get("network_id"));
        }
        Map<String, NbRow> wanted = d.table("Load_Balancer");
        Collection<NbRow> had = w.actual.getOrDefault("Load_Balancer", Map.of()).values();
        for (String net : networks) {
            Ref ls = new Ref("Logical_Switch", NbNames.ovnName(net));
            Set<UUID> has = switches.first(ls.key()).map(r -> r.getUuidSet("load_balancer")).orElse(Set.of());
            for (NbRow lb : wanted.values()) {
                UUID u = uuidOf(w, lb.ref());
                if (u == null || !has.contains(u)) w.member(ls, "load_balancer", lb.ref(), true);
            }
            for (NbRow lb : had) {
                UUID u = uuidOf(w, lb.ref());
                if (!wanted.containsKey(lb.key()) && u != null && has.contains(u)) {
                    w.member(ls, "load_balancer", lb.ref(), false);
                }
            }
        }
        // interfaces gone: the networks of the router ports OVN still has but the router no longer
        for (NbRow lrp : w.actual.getOrDefault("Logical_Router_Port", Map.of()).values()) {
            if (d.table("Logical_Router_Port").containsKey(lrp.key())) continue;
            if (!(lrp.columns().get("external_ids") instanceof Map<?, ?> ext)) continue;
            Object name = ext.get(NbNames.EXT_NETWORK_NAME);
            if (name == null || networks.contains(String.valueOf(name).replaceFirst("^neutron-", ""))) continue;
            Ref ls = new Ref("Logical_Switch", String.valueOf(name));
            Set<UUID> has = switches.first(ls.key()).map(r -> r.getUuidSet("load_balancer")).orElse(Set.of());
            for (NbRow lb : had) {
                UUID u = uuidOf(w, lb.ref());
                if (u != null && has.contains(u)) w.member(ls, "load_balancer", lb.ref(), false);
            }
        }
    }

    /** The router's rows as the replica has them, keyed as {@link NbState} keys them (one router's walk). */
    private void readRouter(Work w, Row lr, String routerId) {
        Map<UUID, Ref> keys = new HashMap<>();
        List<Runnable> adds = new ArrayList<>();
        for (UUID u : lr.getUuidSet("ports")) {
            replica.row("Logical_Router_Port", u).ifPresent(p -> {
                keys.put(u, new Ref("Logical_Router_Port", p.getString("name")));
                for (UUID g : p.getUuidSet("gateway_chassis")) {
                    replica.row("Gateway_Chassis", g).ifPresent(gc -> {
                        keys.put(g, new Ref("Gateway_Chassis", gc.getString("name")));
                        adds.add(() -> w.have("Gateway_Chassis", gc.getString("name"), gc, keys::get));
                    });
                }
                adds.add(() -> w.have("Logical_Router_Port", p.getString("name"), p, keys::get));
            });
        }
        for (UUID u : lr.getUuidSet("nat")) {
            replica.row("NAT", u).ifPresent(n -> {
                String key = NbState.natKey(routerId, n);
                keys.put(u, new Ref("NAT", key));
                adds.add(() -> w.have("NAT", key, n, keys::get));
            });
        }
        for (UUID u : lr.getUuidSet("load_balancer")) {
            replica.row("Load_Balancer", u).ifPresent(lb -> {
                if (!PortForwardingLbs.ours(lb)) return; // someone else's: kept as its UUID
                keys.put(u, new Ref("Load_Balancer", lb.getString("name")));
                adds.add(() -> w.have("Load_Balancer", lb.getString("name"), lb, keys::get));
            });
        }
        for (UUID u : lr.getUuidSet("static_routes")) {
            replica.row("Logical_Router_Static_Route", u).ifPresent(r -> {
                String key = NbState.routeKey(routerId, r);
                keys.put(u, new Ref("Logical_Router_Static_Route", key));
                adds.add(() -> w.have("Logical_Router_Static_Route", key, r, keys::get));
            });
        }
        adds.forEach(Runnable::run);
        w.have("Logical_Router", lr.getString("name"), lr, keys::get);
    }
}
