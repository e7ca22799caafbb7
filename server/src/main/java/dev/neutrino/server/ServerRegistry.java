package dev.neutrino.server;

import static dev.neutrino.schema.Tables.NEUTRINO_SERVERS;

import dev.neutrino.db.Database;
import dev.neutrino.db.SqlErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers running on one database ({@code neutrino_servers}), each with its release: a server
 * registers when it starts, renews its heartbeat every {@link #HEARTBEAT} while it runs, and leaves
 * when it stops. A row without a heartbeat for {@link #DEAD_AFTER} belongs to a server that died.
 * A rolling upgrade reads it: {@code db upgrade --contract} is refused while a live server of an
 * older release is registered, and {@link #allAtLeast} tells a feature whether every running
 * server knows it.
 *
 * <p>The registry is also this release's expand/contract example: 0.2.0 kept a server's release in
 * {@code version}, renamed {@code release} by add-copy-drop (expand V13 adds and copies, contract 1
 * copies again and drops). Until contract 1 has run, reads take {@code coalesce(release, version)};
 * writes fill {@code version} too while a live server of an older release is registered (its
 * {@code db} commands read only that column) and empty it once the last one has left: the gate
 * turns on by itself, at the next heartbeat of each server, and the contract then finds nothing
 * that still needs the column.
 */
public final class ServerRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRegistry.class);
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    public static final Duration DEAD_AFTER = Duration.ofSeconds(60);

    /** One registered server; {@code alive} when its heartbeat is recent. */
    public record Entry(String id, String host, long pid, String release, LocalDateTime startedAt,
                        LocalDateTime heartbeatAt, boolean alive) {
        public String describe(Clock clock) {
            long ago = Duration.between(heartbeatAt, now(clock)).toSeconds();
            return host + " (pid " + pid + ", release " + release + ", started " + startedAt + " UTC, last heartbeat "
                    + ago + " s ago" + (alive ? "" : ", presumed dead") + ")";
        }
    }

    /** The first release that reads {@code release} (expand V13); older ones know only {@code version}. */
    static final String RELEASE_COLUMN_SINCE = "0.3.0-SNAPSHOT";
    /** 0.2.0's column for the release, until contract 1 drops it: named here only, to go with 0.4.0. */
    static final Field<String> LEGACY_VERSION = DSL.field(DSL.name("neutrino_servers", "version"), String.class);

    private final Database db;
    private final Clock clock;
    private final String id = UUID.randomUUID().toString();
    private final String host;
    private final String version;
    private volatile Thread heartbeat;
    private volatile boolean closed;

    public ServerRegistry(Database db, String host, String version, Clock clock) {
        this.db = db;
        this.host = host;
        this.version = version;
        this.clock = clock;
    }

    static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
    }

    public String id() {
        return id;
    }

    /** Adds this server's row and starts renewing its heartbeat. */
    public ServerRegistry register() {
        insert(now(clock), writesLegacy());
        heartbeat = Thread.ofVirtual().name("server-registry").start(this::beat);
        LOG.info("registered as server {} of release {} on {}", id, version, host);
        return this;
    }

    /**
     * Whether this server's row must carry its release in {@code version} too: while a live server of
     * a release older than {@link #RELEASE_COLUMN_SINCE} is registered (the feature gate of the rename).
     */
    boolean writesLegacy() {
        return !allAtLeast(db, clock, RELEASE_COLUMN_SINCE);
    }

    private void insert(LocalDateTime now, boolean legacy) {
        try {
            db.run(dsl -> insert(dsl, now, legacy));
        } catch (DataAccessException e) {
            if (!legacy || !SqlErrors.isUndefinedColumn(e)) throw e;
            db.run(dsl -> insert(dsl, now, false)); // contract 1 has dropped the column
        }
    }

    private void insert(DSLContext dsl, LocalDateTime now, boolean legacy) {
        var insert = dsl.insertInto(NEUTRINO_SERVERS)
                .set(NEUTRINO_SERVERS.ID, id)
                .set(NEUTRINO_SERVERS.HOST, host)
                .set(NEUTRINO_SERVERS.PID, ProcessHandle.current().pid())
                .set(NEUTRINO_SERVERS.RELEASE, version)
                .set(NEUTRINO_SERVERS.STARTED_AT, now)
                .set(NEUTRINO_SERVERS.HEARTBEAT_AT, now);
        (legacy ? insert.set(LEGACY_VERSION, version) : insert).execute();
    }

    private void beat() {
        while (!closed) {
            try {
                Thread.sleep(HEARTBEAT);
                renew();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("server heartbeat not recorded: {}", e.toString());
            }
        }
    }

    /**
     * Renews the heartbeat and the row's layout (the legacy column filled or emptied as
     * {@link #writesLegacy} says); adds the row again if someone removed it (a contract run that found
     * us dead).
     */
    void renew() {
        LocalDateTime now = now(clock);
        boolean legacy = writesLegacy();
        int n;
        try {
            n = db.tx(dsl -> dsl.update(NEUTRINO_SERVERS).set(NEUTRINO_SERVERS.HEARTBEAT_AT, now)
                    .set(NEUTRINO_SERVERS.RELEASE, version).set(LEGACY_VERSION, legacy ? version : null)
                    .where(NEUTRINO_SERVERS.ID.eq(id)).execute());
        } catch (DataAccessException e) {
            if (!SqlErrors.isUndefinedColumn(e)) throw e;
            n = db.tx(dsl -> dsl.update(NEUTRINO_SERVERS).set(NEUTRINO_SERVERS.HEARTBEAT_AT, now)
                    .where(NEUTRINO_SERVERS.ID.eq(id)).execute());
        }
        if (n == 0) insert(now, legacy);
    }

    /** Every registered server, oldest start first. */
    public static List<Entry> list(Database db, Clock clock) {
        try {
            return list(db, clock, true);
        } catch (DataAccessException e) {
            if (!SqlErrors.isUndefinedColumn(e)) throw e;
            return list(db, clock, false); // contract 1 has run: release is the only column
        }
    }

    private static List<Entry> list(Database db, Clock clock, boolean legacy) {
        LocalDateTime deadline = now(clock).minus(DEAD_AFTER);
        Field<String> release = legacy ? DSL.coalesce(NEUTRINO_SERVERS.RELEASE, LEGACY_VERSION).as("release")
                : NEUTRINO_SERVERS.RELEASE;
        return db.tx(dsl -> {
            List<Entry> out = new ArrayList<>();
            for (Record r : dsl.select(NEUTRINO_SERVERS.ID, NEUTRINO_SERVERS.HOST, NEUTRINO_SERVERS.PID, release,
                            NEUTRINO_SERVERS.STARTED_AT, NEUTRINO_SERVERS.HEARTBEAT_AT)
                    .from(NEUTRINO_SERVERS).orderBy(NEUTRINO_SERVERS.STARTED_AT, NEUTRINO_SERVERS.ID).fetch()) {
                LocalDateTime beat = r.get(NEUTRINO_SERVERS.HEARTBEAT_AT);
                out.add(new Entry(r.get(NEUTRINO_SERVERS.ID), r.get(NEUTRINO_SERVERS.HOST), r.get(NEUTRINO_SERVERS.PID),
                        r.get(release), r.get(NEUTRINO_SERVERS.STARTED_AT), beat, beat.isAfter(deadline)));
            }
            return out;
        });
    }

    /** The live servers of a release older than {@code version}. */
    public static List<Entry> olderThan(Database db, Clock clock, String version) {
        return list(db, clock).stream().filter(Entry::alive)
                .filter(e -> Release.compare(e.release(), version) < 0).toList();
    }

    /** Whether every live server runs {@code version} or later: a feature gated on it may turn on. */
    public static boolean allAtLeast(Database db, Clock clock, String version) {
        return olderThan(db, clock, version).isEmpty();
    }

    /** Stops the heartbeat and removes this server's row (a clean stop). */
    @Override
    public void close() {
        closed = true;
        Thread t = heartbeat;
        if (t != null) t.interrupt();
        try {
            db.run(dsl -> dsl.deleteFrom(NEUTRINO_SERVERS).where(NEUTRINO_SERVERS.ID.eq(id)).execute());
        } catch (RuntimeException e) {
            LOG.warn("server {} not removed from the registry: {}", id, e.toString());
        }
    }
}
