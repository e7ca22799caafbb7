package dev.neutrino.server;

import static dev.neutrino.schema.Tables.NEUTRINO_SERVERS;

import dev.neutrino.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers running on one database ({@code neutrino_servers}), each with its release: a server
 * registers when it starts, renews its heartbeat every {@link #HEARTBEAT} while it runs, and leaves
 * when it stops. A row without a heartbeat for {@link #DEAD_AFTER} belongs to a server that died.
 * A rolling upgrade reads it: {@code db upgrade --contract} is refused while a live server of an
 * older release is registered, and {@link #allAtLeast} tells a feature whether every running
 * server knows it.
 */
public final class ServerRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRegistry.class);
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    public static final Duration DEAD_AFTER = Duration.ofSeconds(60);

    /** One registered server; {@code alive} when its heartbeat is recent. */
    public record Entry(String id, String host, long pid, String version, LocalDateTime startedAt,
                        LocalDateTime heartbeatAt, boolean alive) {
        public String describe(Clock clock) {
            long ago = Duration.between(heartbeatAt, now(clock)).toSeconds();
            return host + " (pid " + pid + ", release " + version + ", started " + startedAt + " UTC, last heartbeat "
                    + ago + " s ago" + (alive ? "" : ", presumed dead") + ")";
        }
    }

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
        LocalDateTime now = now(clock);
        db.run(dsl -> dsl.insertInto(NEUTRINO_SERVERS)
                .set(NEUTRINO_SERVERS.ID, id)
                .set(NEUTRINO_SERVERS.HOST, host)
                .set(NEUTRINO_SERVERS.PID, ProcessHandle.current().pid())
                .set(NEUTRINO_SERVERS.VERSION, version)
                .set(NEUTRINO_SERVERS.STARTED_AT, now)
                .set(NEUTRINO_SERVERS.HEARTBEAT_AT, now)
                .execute());
        heartbeat = Thread.ofVirtual().name("server-registry").start(this::beat);
        LOG.info("registered as server {} of release {} on {}", id, version, host);
        return this;
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

    /** Renews the heartbeat; adds the row again if someone removed it (a contract run that found us dead). */
    void renew() {
        LocalDateTime now = now(clock);
        db.run(dsl -> {
            int n = dsl.update(NEUTRINO_SERVERS).set(NEUTRINO_SERVERS.HEARTBEAT_AT, now)
                    .where(NEUTRINO_SERVERS.ID.eq(id)).execute();
            if (n == 0) {
                dsl.insertInto(NEUTRINO_SERVERS).set(NEUTRINO_SERVERS.ID, id).set(NEUTRINO_SERVERS.HOST, host)
                        .set(NEUTRINO_SERVERS.PID, ProcessHandle.current().pid())
                        .set(NEUTRINO_SERVERS.VERSION, version).set(NEUTRINO_SERVERS.STARTED_AT, now)
                        .set(NEUTRINO_SERVERS.HEARTBEAT_AT, now).execute();
            }
        });
    }

    /** Every registered server, oldest start first. */
    public static List<Entry> list(Database db, Clock clock) {
        LocalDateTime deadline = now(clock).minus(DEAD_AFTER);
        return db.tx(dsl -> {
            List<Entry> out = new ArrayList<>();
            for (Record r : dsl.selectFrom(NEUTRINO_SERVERS).orderBy(NEUTRINO_SERVERS.STARTED_AT,
                    NEUTRINO_SERVERS.ID).fetch()) {
                LocalDateTime beat = r.get(NEUTRINO_SERVERS.HEARTBEAT_AT);
                out.add(new Entry(r.get(NEUTRINO_SERVERS.ID), r.get(NEUTRINO_SERVERS.HOST), r.get(NEUTRINO_SERVERS.PID),
                        r.get(NEUTRINO_SERVERS.VERSION), r.get(NEUTRINO_SERVERS.STARTED_AT), beat,
                        beat.isAfter(deadline)));
            }
            return out;
        });
    }

    /** The live servers of a release older than {@code version}. */
    public static List<Entry> olderThan(Database db, Clock clock, String version) {
        return list(db, clock).stream().filter(Entry::alive)
                .filter(e -> Release.compare(e.version(), version) < 0).toList();
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
