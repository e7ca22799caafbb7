package dev.neutrino.ovn;

import static dev.neutrino.schema.Tables.FLOATINGIPS;
import static dev.neutrino.schema.Tables.NETWORK_SEGMENTS;

import dev.neutrino.db.Database;
import dev.neutrino.ml2.CorePlugin;
import dev.neutrino.ovn.NbRow.Ref;
import dev.neutrino.ovsdb.Monitor;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.OvsdbLock;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.txn.Comment;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Delete;
import dev.neutrino.ovsdb.txn.Insert;
import dev.neutrino.ovsdb.txn.Operation;
import dev.neutrino.ovsdb.txn.Update;
import dev.neutrino.ovsdb.value.Row;
import dev.neutrino.ovsdb.txn.Wait;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.OvsdbValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps OVN's northbound database equal to what the Neutron database says, as ML2/OVN does, with
 * the database as the source of truth: after every committed change (coalesced) and on a timer,
 * it computes the desired rows ({@link DesiredState}), compares them with the monitored replica
 * ({@link NbDiff}) and applies the difference in one OVSDB transaction. Missing, stale and orphaned
 * rows are all repaired the same way, so a restart or a lost update converges on the next pass.
 * No database transaction is open while it talks to OVN.
 */
public final class OvnNorthbound implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OvnNorthbound.class);
    static final String DB = "OVN_Northbound";
    /** The northbound OVSDB lock whose holder runs the periodic repair pass. */
    public static final String REPAIR_LOCK = "neutrino_ovn_repair";

    private final CorePlugin plugin;
    private final Database db;
    private final OvsdbClient nb;
    private final String baseMac;
    private final Duration interval;
    private volatile boolean distributedFloatingIps;
    private volatile boolean emitNeedToFrag;
    private volatile boolean recordPortStatus = true;
    private volatile java.util.function.Supplier<List<GatewayChassis.Chassis>> chassis = List::of;
    private final Semaphore wake = new Semaphore(1);
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private volatile boolean running = true;
    private volatile Monitor monitor;
    private Thread loop;
    private volatile OvsdbLock repairLock;
    private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param plugin the core plugin's API (reads for a full pass, port status writes)
     * @param db the database, for the rows no API shows (segments in order, floating IPs' ports)
     */
    public OvnNorthbound(CorePlugin plugin, Database db, OvsdbClient nb, String baseMac, Duration interval) {
        this.plugin = plugin;
        this.db = db;
        this.nb = nb;
        this.baseMac = baseMac;
        this.interval = interval;
    }

    /**
     * ML2/OVN's bind_port for normal (virtio) ports: vif_type ovs, OVN's port filter; ovn-controller
     * on the host then claims the port whose iface-id is the port id.
     */
    public static Map<String, Object> bindPort(Map<String, Object> port) {
        Object vnic = port.getOrDefault("binding:vnic_type", "normal");
        if (!"normal".equals(vnic)) return null;
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("port_filter", true);
        details.put("connectivity", "l2");
        details.put("bridge_name", "br-int");
        details.put("datapath_type", "system");
        return details;
    }

    /** [ovn] enable_distributed_floating_ip: NAT floating IPs on the port's chassis. */
    /**
     * Whether ports' status follows OVN's {@code up} (the server: yes; {@code ovn-db-sync}, which
     * only compares or repairs OVN, writes nothing to the database: no).
     */
    public OvnNorthbound recordPortStatus(boolean enabled) {
        this.recordPortStatus = enabled;
        return this;
    }

    /** {@code [ovn] ovn_emit_need_to_frag}: gateway ports carry {@code gateway_mtu} where MTUs differ. */
    public OvnNorthbound emitNeedToFrag(boolean enabled) {
        this.emitNeedToFrag = enabled;
        return this;
    }

    public OvnNorthbound distributedFloatingIps(boolean enabled) {
        this.distributedFloatingIps = enabled;
        return this;
    }

    /** The chassis, from the southbound database: where router gateways may be scheduled. */
    public OvnNorthbound chassis(java.util.function.Supplier<List<GatewayChassis.Chassis>> chassis) {
        this.chassis = chassis;
        return this;
    }

    /**
     * The OVSDB lock that makes this server the one repair worker: the periodic pass (every
     * {@code [ovn] db_sync_interval}) runs only while this server holds it; passes asked for by
     * writes run on every server. Getting the lock (at start, or when the holder's connection ends)
     * runs a pass at once. Without a lock every server repairs periodically.
     */
    public OvnNorthbound repairLock(OvsdbLock lock) {
        this.repairLock = lock;
        lock.addListener(new OvsdbLock.Listener() {
            @Override public void acquired() {
                LOG.info("this server is now the OVN repair worker (lock {})", lock.id());
                requestSync();
            }

            @Override public void lost() {
                LOG.info("this server is no longer the OVN repair worker (lock {})", lock.id());
            }
        });
        return this;
    }

    /** Passes run so far (for tests and metrics). */
    public long passes() {
        return passes.get();
    }

    /** Starts monitoring and the sync loop; the first pass runs at once. */
    public OvnNorthbound start() {
        plugin.onCommitted(this::requestSync);
        loop = Thread.ofVirtual().name("ovn-nb-sync").start(this::run);
        return this;
    }

    /** Asks for a pass soon; many requests while one runs collapse into one more pass. */
    public void requestSync() {
        if (!dirty.getAndSet(true)) wake.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                boolean woken = wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) return;
                boolean requested = dirty.getAndSet(false);
                OvsdbLock lock = repairLock;
                if (!woken && !requested && lock != null && !lock.isHeld()) continue; // the repair worker's tick
                NbDiff d = syncOnce();
                passes.incrementAndGet();
                if (!d.isEmpty()) LOG.debug("OVN northbound sync: {}", d);
                backoff = Duration.ofMillis(200);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("OVN northbound sync failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                dirty.set(true);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
                wake.release();
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Monitor monitor() {
        if (monitor == null) {
            List<MonitorRequest> requests = new ArrayList<>();
            for (String t : NbState.TABLES) requests.add(MonitorRequest.table(t));
            monitor = nb.monitor(DB, requests, new PortStatus()).join();
            if (recordPortStatus) {
                for (var row : monitor.replica().table("Logical_Switch_Port").rows()) {
                    String port = row.getString("name");
                    statusWorker.execute(() -> refreshStatus(port));
                }
            }
        }
        return monitor;
    }

    private final java.util.concurrent.ExecutorService statusWorker =
            java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ovn-port-status").factory());

    /**
     * OVN says a port is up (ovn-controller bound it and its flows are in) or down: Neutron's
     * ACTIVE/DOWN. The listener only notes which port changed; a worker reads its current {@code up}
     * with a select (the authoritative value) and records it outside the reader thread.
     */
    private final class PortStatus implements dev.neutrino.ovsdb.monitor.RowListener {
        @Override
        public void onUpdate(String table, dev.neutrino.ovsdb.value.Row oldRow, dev.neutrino.ovsdb.value.Row newRow) {
            if (!recordPortStatus || !table.equals("Logical_Switch_Port") || statusWorker.isShutdown()) return;
            if (java.util.Objects.equals(oldRow.value("up"), newRow.value("up"))) return;
            String port = newRow.getString("name");
            statusWorker.execute(() -> refreshStatus(port));
        }
    }

    private void refreshStatus(String portId) {
        try {
            var result = nb.transact(DB, dev.neutrino.ovsdb.txn.Select.from("Logical_Switch_Port")
                    .where(Condition.equal("name", portId)).columns("up")).join();
            for (var row : result.rows(0)) {
                java.util.Set<Boolean> up = row.getSet("up", Boolean.class);
                if (up.size() == 1) setStatus(portId, up.iterator().next());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the state of port {} from OVN: {}", portId, e.toString());
        }
    }

    private void setStatus(String portId, boolean up) {
        String status = up ? "ACTIVE" : "DOWN";
        try {
            if (plugin.updatePortStatus(portId, status)) {
                LOG.info("port {} is {}", portId, status);
                requestSync();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record status {} of port {}: {}", status, portId, e.toString());
        }
    }

    /** One pass: compare and repair. Returns what was changed. */
    public NbDiff syncOnce() {
        DesiredState desired = desired();
        NbState actual = NbState.read(monitor().replica());
        NbDiff diff = NbDiff.between(desired, actual.rows);
        if (!diff.isEmpty()) apply(diff, actual);
        return diff;
    }

    /** Compares without changing anything ({@code ovn-db-sync --mode log}). */
    public NbDiff compare() {
        return NbDiff.between(desired(), NbState.read(monitor().replica()).rows);
    }

    DesiredState desired() {
        List<Map<String, Object>> networks = plugin.readAll("networks");
        List<Map<String, Object>> subnets = plugin.readAll("subnets");
        List<Map<String, Object>> ports = plugin.readAll("ports");
        List<Map<String, Object>> groups = plugin.readAll("security_groups");
        Map<String, List<Translator.Segment>> segments = db.tx(dsl -> {
            Map<String, List<Translator.Segment>> out = new HashMap<>();
            for (Record r : dsl.select(NETWORK_SEGMENTS.NETWORK_ID, NETWORK_SEGMENTS.ID, NETWORK_SEGMENTS.NETWORK_TYPE,
                            NETWORK_SEGMENTS.PHYSICAL_NETWORK, NETWORK_SEGMENTS.SEGMENTATION_ID)
                    .from(NETWORK_SEGMENTS)
                    .orderBy(NETWORK_SEGMENTS.NETWORK_ID, NETWORK_SEGMENTS.SEGMENT_INDEX, NETWORK_SEGMENTS.ID).fetch()) {
                Object vlan = r.get(4);
                out.computeIfAbsent((String) r.get(0), k -> new ArrayList<>()).add(new Translator.Segment(
                        (String) r.get(1), (String) r.get(2), (String) r.get(3),
                        vlan == null ? null : ((Number) vlan).intValue()));
            }
            return out;
        });
        List<Map<String, Object>> routers = plugin.readAll("routers");
        List<Map<String, Object>> fips = plugin.readAll("floatingips");
        Map<String, String> floatingPorts = db.tx(dsl -> {
            Map<String, String> out = new HashMap<>();
            for (Record r : dsl.select(FLOATINGIPS.ID, FLOATINGIPS.FLOATING_PORT_ID)
                    .from(FLOATINGIPS).fetch()) {
                out.put((String) r.get(0), (String) r.get(1));
            }
            return out;
        });
        List<Map<String, Object>> withPorts = new ArrayList<>();
        for (Map<String, Object> f : fips) {
            Map<String, Object> copy = new HashMap<>(f);
            copy.put("floating_port_id", floatingPorts.get((String) f.get("id")));
            withPorts.add(copy);
        }
        return DesiredState.of(new DesiredState.Input(networks, segments, subnets, ports, groups, routers, withPorts,
                distributedFloatingIps, emitNeedToFrag, chassis.get(), baseMac));
    }

    private void apply(NbDiff diff, NbState actual) {
        Map<Ref, String> named = new HashMap<>();
        int n = 0;
        for (NbDiff.Insert i : diff.inserts()) named.put(i.row().ref(), "row" + n++);
        List<Operation> ops = new ArrayList<>();
        for (NbDiff.Insert i : diff.inserts()) {
            Insert ins = Insert.into(i.row().table()).uuidName(named.get(i.row().ref()));
            for (var c : i.row().columns().entrySet()) ins = ins.set(c.getKey(), encode(c.getValue(), named, actual));
            ops.add(ins);
        }
        int stale = 0;
        for (NbDiff.Update u : diff.updates()) {
            UUID uuid = actual.uuids.get(u.row().ref());
            // the revision rule: a row that mirrors a Neutron resource is only written with a revision
            // at least its own, and only if nobody changed it since we read it (another server may be
            // writing what it read later: ML2/OVN's check_revision_number, as an OVSDB "wait")
            NbRow have = actual.rows.getOrDefault(u.row().table(), Map.of()).get(u.row().key());
            long want = revision(u.row());
            long had = revision(have);
            if (want >= 0 && had > want) {
                stale++;
                continue;
            }
            if (had >= 0) {
                ops.add(Wait.on(u.row().table()).where(Condition.uuidIs(uuid)).columns(EXTERNAL_IDS)
                        .until(Wait.Until.EQUAL)
                        .rows(Row.of(Map.of(EXTERNAL_IDS, encode(have.columns().get(EXTERNAL_IDS), named, actual))))
                        .timeout(Duration.ZERO));
            }
            Update up = Update.table(u.row().table()).where(Condition.uuidIs(uuid));
            for (var c : u.changed().entrySet()) up = up.set(c.getKey(), encode(c.getValue(), named, actual));
            ops.add(up);
        }
        for (NbDiff.Delete d : diff.deletes()) {
            UUID uuid = actual.uuids.get(new Ref(d.table(), d.key()));
            ops.add(Delete.from(d.table()).where(Condition.uuidIs(uuid)));
        }
        ops.add(Comment.of("neutrino: " + diff));
        nb.transact(DB, ops).join();
        if (stale > 0) {
            // what this pass read from the database is older than what OVN has: read again
            LOG.debug("{} northbound rows have a newer revision than this pass read; another pass follows", stale);
            requestSync();
        }
    }

    private static final String EXTERNAL_IDS = "external_ids";

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

    private static OvsdbValue encode(Object value, Map<Ref, String> named, NbState actual) {
        if (value instanceof List<?> list) {
            List<Atom> atoms = new ArrayList<>();
            for (Object o : list) atoms.add(atom(o, named, actual));
            return OvsdbSet.of(atoms.toArray(Atom[]::new));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> m = new java.util.TreeMap<>();
            for (var e : map.entrySet()) m.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            return OvsdbMap.ofJava(m);
        }
        return atom(value, named, actual);
    }

    private static Atom atom(Object o, Map<Ref, String> named, NbState actual) {
        if (o instanceof Ref ref) {
            String name = named.get(ref);
            if (name != null) return Atom.namedUuid(name);
            UUID uuid = actual.uuids.get(ref);
            if (uuid == null) throw new IllegalStateException("reference to a row that is neither there nor new: " + ref);
            return Atom.of(uuid);
        }
        if (o instanceof Integer i) return Atom.of((long) i);
        return Atom.fromJava(o);
    }

    @Override
    public void close() {
        running = false;
        statusWorker.shutdown();
        wake.release();
        if (loop != null) {
            try {
                loop.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
