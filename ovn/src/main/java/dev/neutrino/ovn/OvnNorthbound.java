package dev.neutrino.ovn;

import static dev.neutrino.schema.Tables.FLOATINGIPS;
import static dev.neutrino.schema.Tables.NETWORK_SEGMENTS;

import dev.neutrino.db.Database;
import dev.neutrino.ml2.CommittedChange;
import dev.neutrino.ml2.CorePlugin;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.Monitor;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.OvsdbLock;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.TableReplica;
import dev.neutrino.ovsdb.txn.Comment;
import dev.neutrino.ovsdb.txn.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private volatile AclLogging.Settings aclLogging = AclLogging.Settings.DEFAULT;
    private volatile java.util.function.Supplier<List<GatewayChassis.Chassis>> chassis = List::of;
    private final Semaphore wake = new Semaphore(1);
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private volatile boolean running = true;
    private volatile Monitor monitor;
    private volatile TableReplica.Index portsByName;
    private Thread loop;
    private volatile OvsdbLock repairLock;
    private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong scopes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.LongAdder planNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder transactNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder awaitNanos = new java.util.concurrent.atomic.LongAdder();
    private final Set<IncrementalSync.Scope> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile IncrementalSync incremental;
    /** Set by {@link #close}: the loop writes what is pending, then ends. */
    private volatile boolean closing;
    /** How long {@link #close} waits for the changes still pending to reach OVN. */
    static final Duration FLUSH_ON_CLOSE = Duration.ofSeconds(10);

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
        // ML2/OVN's vif_details of an OVS binding (Zed's mech_driver: port_filter, connectivity)
        details.put("port_filter", true);
        details.put("connectivity", "l2");
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

    private volatile MetadataPorts metadata;
    private volatile String dnsDomain;

    /** {@code [DEFAULT] dns_domain}: the DHCP option domain_name, unless openstacklocal. */
    public OvnNorthbound dnsDomain(String domain) {
        this.dnsDomain = domain;
        return this;
    }

    /** {@code [network_log]}: the meter that caps security group log lines ({@link AclLogging}). */
    public OvnNorthbound aclLogging(AclLogging.Settings settings) {
        this.aclLogging = settings;
        return this;
    }

    public OvnNorthbound distributedFloatingIps(boolean enabled) {
        this.distributedFloatingIps = enabled;
        return this;
    }

    /** ML2/OVN's metadata ports, which the repair worker ensures on every network (null: metadata off). */
    public OvnNorthbound metadata(MetadataPorts metadata) {
        this.metadata = metadata;
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

    /** Northbound transactions written for committed changes so far (for tests and metrics). */
    public long writes() {
        return writes.get();
    }

    /** Batches of committed changes the write path has handled (written, or found already in OVN). */
    public long batches() {
        return batches.get();
    }

    /** Scopes (changed resources) the write path has handled. */
    public long scopes() {
        return scopes.get();
    }

    /**
     * Seconds the write path spent so far: planning (database reads and translation), in the OVSDB
     * transaction, and waiting for the replica to show its inserts.
     */
    public double[] writeSeconds() {
        return new double[] {planNanos.sum() / 1e9, transactNanos.sum() / 1e9, awaitNanos.sum() / 1e9};
    }

    /**
     * Starts following committed changes and the repair loop. Without a repair lock the first full
     * pass runs at once; with one, it runs on the server that holds (or gets) the lock.
     */
    public OvnNorthbound start() {
        plugin.onChange(this::offer);
        OvsdbLock lock = repairLock;
        if (lock != null) {
            dirty.set(false);
            if (lock.isHeld()) requestSync();
        }
        loop = Thread.ofVirtual().name("ovn-nb-sync").start(this::run);
        return this;
    }

    /** A committed change: its scopes are written northbound soon (changes close together share a transaction). */
    void offer(CommittedChange change) {
        List<IncrementalSync.Scope> scopes = IncrementalSync.scopesOf(change);
        if (scopes.isEmpty()) return;
        pending.addAll(scopes);
        wake.release();
    }

    /** Asks for a full pass soon; many requests while one runs collapse into one more pass. */
    public void requestSync() {
        if (!dirty.getAndSet(true)) wake.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        // the repair worker's period runs from the last pass, however many changes wake the loop meanwhile
        long nextTick = System.nanoTime() + interval.toNanos();
        while (running) {
            try {
                wake.tryAcquire(Math.max(0, nextTick - System.nanoTime()), TimeUnit.NANOSECONDS);
                wake.drainPermits();
                if (!running) return;
                if (closing) {
                    // stopping: the changes this server committed are written before it goes (a
                    // change left here would wait for another server's repair pass)
                    if (!pending.isEmpty()) writeChanges();
                    return;
                }
                if (!pending.isEmpty()) writeChanges();
                boolean requested = dirty.getAndSet(false);
                boolean due = System.nanoTime() - nextTick >= 0;
                if (due) nextTick = System.nanoTime() + interval.toNanos();
                OvsdbLock lock = repairLock;
                boolean tick = due && (lock == null || lock.isHeld());
                if (!requested && !tick) continue;
                nextTick = System.nanoTime() + interval.toNanos();
                // asked for (start, the lock, a chassis change, a write path that gave up): repair all;
                // the period's pass: only what the previous pass found too (not writes in flight)
                if (metadata != null && (lock == null || lock.isHeld())) ensureMetadataPorts();
                NbDiff d = requested ? syncOnce() : repairConfirmed();
                passes.incrementAndGet();
                if (!d.isEmpty()) LOG.info("OVN repair pass: {}: {}", d, String.join(", ", d.describe(5)));
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

    private static final int WRITE_ATTEMPTS = 6;

    private void ensureMetadataPorts() {
        try {
            int fixed = metadata.ensureAll();
            if (fixed > 0) LOG.info("OVN repair pass: metadata ports created or updated on {} networks", fixed);
        } catch (RuntimeException e) {
            LOG.warn("OVN repair pass: metadata ports not checked: {}", e.toString());
        }
    }

    /**
     * The write path: the pending scopes in one transaction. A transaction whose guard failed
     * (another server wrote one of its rows since this one read the replica) or that met a row with
     * a newer revision is computed again from fresh reads, a few times; if it still cannot be
     * written (OVN unreachable), a full pass is asked for, which retries until OVN is back.
     */
    private void writeChanges() {
        List<IncrementalSync.Scope> batch = new ArrayList<>();
        for (var it = pending.iterator(); it.hasNext(); ) {
            batch.add(it.next());
            it.remove();
        }
        if (batch.isEmpty()) return;
        batches.incrementAndGet();
        scopes.addAndGet(batch.size());
        IncrementalSync sync = incremental();
        for (int attempt = 1; running; attempt++) {
            try {
                long t0 = System.nanoTime();
                NbWriter.Plan plan = sync.plan(batch);
                long t1 = System.nanoTime();
                planNanos.add(t1 - t0);
                if (!plan.isEmpty()) {
                    List<Operation> ops = new ArrayList<>(plan.ops());
                    ops.add(Comment.of("neutrino: " + batch.size() + " changed resources"));
                    var result = nb.transact(DB, ops).join();
                    long t2 = System.nanoTime();
                    transactNanos.add(t2 - t1);
                    writes.incrementAndGet();
                    awaitInserted(plan, result);
                    awaitNanos.add(System.nanoTime() - t2);
                }
                if (plan.stale() == 0) return;
                if (attempt >= WRITE_ATTEMPTS) {
                    LOG.debug("{} northbound rows stay newer than the database says; left as they are", plan.stale());
                    return;
                }
            } catch (RuntimeException e) {
                if (attempt >= WRITE_ATTEMPTS) {
                    LOG.warn("could not write {} changed resources to OVN ({}); a full pass follows", batch.size(),
                            e.toString());
                    dirty.set(true);
                    return;
                }
                LOG.debug("northbound write failed (attempt {}), computing it again: {}", attempt, e.toString());
            }
            sleep(Duration.ofMillis(10L << attempt));
        }
    }

    /** The next plan reads the replica: it must have the rows this transaction inserted. */
    private void awaitInserted(NbWriter.Plan plan, dev.neutrino.ovsdb.txn.TransactionResult result) {
        if (plan.inserted().isEmpty()) return;
        Map<String, UUID> uuids = result.namedUuids();
        Replica replica = monitor().replica();
        try {
            replica.awaitUntil(r -> {
                for (var e : plan.inserted().entrySet()) {
                    UUID u = uuids.get(e.getValue());
                    if (u != null && r.row(e.getKey().table(), u).isEmpty()) return false;
                }
                return true;
            }, Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private IncrementalSync incremental() {
        IncrementalSync i = incremental;
        if (i == null) {
            i = new IncrementalSync(plugin, db, monitor().replica(), baseMac,
                    () -> new IncrementalSync.Settings(distributedFloatingIps, emitNeedToFrag, chassis.get(),
                            dnsDomain, aclLogging));
            incremental = i;
        }
        return i;
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
            Monitor m = nb.monitor(DB, requests, new PortStatus()).join();
            portsByName = m.replica().index("Logical_Switch_Port", r -> r.getString("name"));
            monitor = m;
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
     * from the replica (which already holds the change, and needs no answer from a server that may
     * be gone by then) and records it outside the reader thread.
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
        TableReplica.Index ports = portsByName;
        if (ports == null) return;
        for (var row : ports.rows(portId)) row.getOptionalBoolean("up").ifPresent(up -> setStatus(portId, up));
    }

    private void setStatus(String portId, boolean up) {
        String status = up ? "ACTIVE" : "DOWN";
        try {
            if (plugin.updatePortStatus(portId, status)) {
                LOG.info("port {} is {}", portId, status); // its revision moved: the change feed brings it here
            }
        } catch (RuntimeException e) {
            LOG.warn("could not record status {} of port {}: {}", status, portId, e.toString());
        }
    }

    /**
     * One pass: compare and repair. Returns what was changed.
     *
     * <p>OVN is read before the database: every row found in OVN was written for a database state
     * at least as old as the one read next, so a row of a resource created meanwhile (another
     * server's write path) is not taken for an orphan; a resource deleted meanwhile is one.
     */
    public NbDiff syncOnce() {
        NbState actual = NbState.read(monitor().replica());
        DesiredState desired = desired(monitor().replica()).keepingForeignLoadBalancers(actual.rows);
        NbDiff diff = NbDiff.between(desired, actual.rows);
        if (!diff.isEmpty()) apply(diff, actual);
        lastFound = Set.of();
        return diff;
    }

    private volatile Set<String> lastFound = Set.of();

    /**
     * The periodic pass: compares as {@link #syncOnce} does, but repairs only the differences the
     * previous pass found too. A difference seen once may be a change another server's write path
     * is writing right now (its commit came after this pass read OVN); repairing it would race that
     * write, and both would fail their guards and start again. A difference still there one period
     * later is drift: a crash between commit and write, a hand edit. (ML2/OVN's maintenance task
     * likewise repairs only inconsistencies older than 60 s.) Returns what was changed.
     */
    public NbDiff repairConfirmed() {
        NbState actual = NbState.read(monitor().replica());
        NbDiff found = NbDiff.between(desired(monitor().replica()).keepingForeignLoadBalancers(actual.rows),
                actual.rows);
        Set<String> keys = found.keys();
        NbDiff confirmed = found.retain(lastFound);
        lastFound = keys;
        if (!confirmed.isEmpty()) apply(confirmed, actual);
        return confirmed;
    }

    /** Compares without changing anything ({@code ovn-db-sync --mode log}). */
    public NbDiff compare() {
        NbState actual = NbState.read(monitor().replica());
        return NbDiff.between(desired(monitor().replica()).keepingForeignLoadBalancers(actual.rows), actual.rows);
    }

    /** @param replica the northbound as read for this pass: where gateway ports are scheduled now */
    DesiredState desired(Replica replica) {
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
        Map<String, List<Map<String, Object>>> forwardings = db.tx(dsl -> PortForwardingLbs.read(dsl, null));
        List<Map<String, Object>> withPorts = new ArrayList<>();
        for (Map<String, Object> f : fips) {
            Map<String, Object> copy = new HashMap<>(f);
            copy.put("floating_port_id", floatingPorts.get((String) f.get("id")));
            copy.put(PortForwardingLbs.KEY, forwardings.get((String) f.get("id")));
            withPorts.add(copy);
        }
        Map<String, List<Translator.QosRule>> qosRules = db.tx(dsl -> QosRuleReader.byPolicy(dsl, null));
        return DesiredState.of(new DesiredState.Input(networks, segments, subnets, ports, groups, routers, withPorts,
                distributedFloatingIps, emitNeedToFrag, chassis.get(), baseMac, qosRules,
                plugin.readAll("address_groups"), // none without the address-group extension
                dnsDomain),
                GatewayChassis.scheduled(replica))
                .logging(AclLogging.of(plugin.readAll("logs"), AclLogging.groupsOf(ports), aclLogging)); // none without logging
    }

    private void apply(NbDiff diff, NbState actual) {
        NbWriter.Plan plan = NbWriter.plan(diff, actual.rows, actual.uuids::get, List.of());
        List<Operation> ops = new ArrayList<>(plan.ops());
        ops.add(Comment.of("neutrino: " + diff));
        nb.transact(DB, ops).join();
        if (plan.stale() > 0) {
            // what this pass read from the database is older than what OVN has: read again
            LOG.debug("{} northbound rows have a newer revision than this pass read; another pass follows",
                    plan.stale());
            requestSync();
        }
    }

    /**
     * Stops following changes. Call it once no more changes come (the API has stopped): the changes
     * already committed are written to OVN first, waiting up to {@link #FLUSH_ON_CLOSE} (OVN
     * unreachable: what is left goes to the repair pass of a server that runs on).
     */
    @Override
    public void close() {
        closing = true;
        wake.release();
        join(loop, FLUSH_ON_CLOSE);
        int left = pending.size();
        if (left > 0) LOG.warn("stopping with {} changed resources not written to OVN; the repair pass will write them",
                left);
        running = false;
        statusWorker.shutdown();
        wake.release();
        join(loop, Duration.ofSeconds(2));
    }

    private static void join(Thread t, Duration limit) {
        if (t == null) return;
        try {
            t.join(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
