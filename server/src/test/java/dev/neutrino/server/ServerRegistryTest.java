package dev.neutrino.server;

import static dev.neutrino.schema.Tables.NEUTRINO_SERVERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The servers of a database and their releases, as a rolling upgrade reads them. */
class ServerRegistryTest {
    final Database db = new Database(new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
            "", SQLDialect.H2), 4);
    final Clock clock = Clock.systemUTC();

    ServerRegistryTest() {
        new Schema(db).upgrade(Schema.Phase.EXPAND);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void releasesAreOrderedByTheirNumbersAndASnapshotComesBeforeItsRelease() {
        assertThat(Release.compare("0.2.0", "0.10.0")).isNegative();
        assertThat(Release.compare("0.3.0-SNAPSHOT", "0.2.0")).isPositive();
        assertThat(Release.compare("0.3.0-SNAPSHOT", "0.3.0")).isNegative();
        assertThat(Release.compare("1.0", "1.0.0")).isZero();
        assertThat(Release.compare("unknown", "0.0.1")).isNegative();
        assertThat(Release.CURRENT).as("the build wrote its version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void aServerIsListedWhileItRunsAndLeavesWhenItStops() {
        try (ServerRegistry a = new ServerRegistry(db, "host-a", "0.2.0", clock).register();
             ServerRegistry b = new ServerRegistry(db, "host-b", "0.3.0-SNAPSHOT", clock).register()) {
            List<ServerRegistry.Entry> all = ServerRegistry.list(db, clock);
            assertThat(all).extracting(ServerRegistry.Entry::host).containsExactlyInAnyOrder("host-a", "host-b");
            assertThat(all).allMatch(ServerRegistry.Entry::alive);
            assertThat(ServerRegistry.olderThan(db, clock, "0.3.0-SNAPSHOT")).extracting(ServerRegistry.Entry::host)
                    .containsExactly("host-a");
            assertThat(ServerRegistry.allAtLeast(db, clock, "0.2.0")).isTrue();
            assertThat(ServerRegistry.allAtLeast(db, clock, "0.3.0-SNAPSHOT")).isFalse();
            a.close();
            assertThat(ServerRegistry.list(db, clock)).extracting(ServerRegistry.Entry::host).containsExactly("host-b");
            assertThat(ServerRegistry.allAtLeast(db, clock, "0.3.0-SNAPSHOT")).isTrue();
        }
        assertThat(ServerRegistry.list(db, clock)).isEmpty();
    }

    @Test
    void aServerWhoseHeartbeatStoppedIsPresumedDeadAndBlocksNothing() {
        Clock past = Clock.fixed(Instant.now().minus(ServerRegistry.DEAD_AFTER).minusSeconds(5), ZoneOffset.UTC);
        ServerRegistry dead = new ServerRegistry(db, "crashed", "0.1.0", past).register();
        try {
            assertThat(ServerRegistry.list(db, clock)).singleElement().satisfies(e -> {
                assertThat(e.alive()).isFalse();
                assertThat(e.describe(clock)).contains("crashed", "release 0.1.0", "presumed dead");
            });
            assertThat(ServerRegistry.olderThan(db, clock, "0.2.0")).isEmpty();
            // seen from the time of its last heartbeat, it was alive
            assertThat(ServerRegistry.olderThan(db, past, "0.2.0")).extracting(ServerRegistry.Entry::host)
                    .containsExactly("crashed");
        } finally {
            dead.close();
        }
    }

    @Test
    void theSchemaIsNotContractedWhileAnOlderServerRuns() {
        Schema schema = new Schema(db, List.of("classpath:dev/neutrino/server/testcontract"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ServerRegistry old = new ServerRegistry(db, "old-host", "0.0.1", clock).register()) {
            assertThat(Main.contractReadiness(db, schema, clock)).isEqualTo(
                    "contract 2 pending, waiting for 1 server(s) of an older release to stop: old-host (0.0.1)");
            int code = Main.upgradeSchema(db, schema, true, true, clock, new PrintStream(out, true),
                    new PrintStream(err, true));
            assertThat(code).isEqualTo(3);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to contract", "old-host",
                    "release 0.0.1");
            assertThat(schema.status(Schema.Phase.CONTRACT).pending()).as("contract 1 and the probe").isEqualTo(2);
            assertThat(Main.upgradeSchema(db, schema, true, false, clock, new PrintStream(out, true),
                    new PrintStream(err, true))).as("expand alone is fine").isZero();
        }
        assertThat(Main.contractReadiness(db, schema, clock)).startsWith("contract 2 pending, ready: no server");
        int code = Main.upgradeSchema(db, schema, false, true, clock, new PrintStream(out, true),
                new PrintStream(err, true));
        assertThat(code).isZero();
        assertThat(Main.contractReadiness(db, schema, clock)).as("nothing pending").isNull();
        assertThat(schema.status(Schema.Phase.CONTRACT).pending()).isZero();
        int rows = db.tx(dsl -> dsl.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("contract_probe"))));
        assertThat(rows).as("the contract migration made its (empty) table").isZero();
    }

    /** A row as a 0.2.0 server writes it after expand V13: the release in {@code version} only. */
    private void registerAsOldRelease(String id, String host, String release) {
        LocalDateTime now = ServerRegistry.now(clock);
        db.run(dsl -> dsl.insertInto(NEUTRINO_SERVERS).set(NEUTRINO_SERVERS.ID, id).set(NEUTRINO_SERVERS.HOST, host)
                .set(NEUTRINO_SERVERS.PID, 4242L).set(ServerRegistry.LEGACY_VERSION, release)
                .set(NEUTRINO_SERVERS.STARTED_AT, now).set(NEUTRINO_SERVERS.HEARTBEAT_AT, now).execute());
    }

    private Map<String, String> legacyColumn() {
        return db.tx(dsl -> dsl.select(NEUTRINO_SERVERS.HOST, ServerRegistry.LEGACY_VERSION).from(NEUTRINO_SERVERS)
                .fetchMap(NEUTRINO_SERVERS.HOST, ServerRegistry.LEGACY_VERSION));
    }

    @Test
    void theReleaseColumnIsRenamedByAddCopyDropWhileAnOlderServerKeepsWritingTheOldOne() {
        String oldId = UUID.randomUUID().toString();
        registerAsOldRelease(oldId, "old-host", "0.2.0");
        try (ServerRegistry current = new ServerRegistry(db, "new-host", "0.3.0-SNAPSHOT", clock).register()) {
            assertThat(ServerRegistry.list(db, clock)).as("the old row is read through version")
                    .extracting(ServerRegistry.Entry::host, ServerRegistry.Entry::release)
                    .containsExactlyInAnyOrder(tuple("old-host", "0.2.0"), tuple("new-host", "0.3.0-SNAPSHOT"));
            assertThat(current.writesLegacy()).as("gate off: an older server is alive").isTrue();
            assertThat(legacyColumn()).as("written for the older release's commands")
                    .containsEntry("new-host", "0.3.0-SNAPSHOT");

            db.run(dsl -> dsl.deleteFrom(NEUTRINO_SERVERS).where(NEUTRINO_SERVERS.ID.eq(oldId)).execute());
            assertThat(current.writesLegacy()).as("gate on: the last older server has left").isFalse();
            current.renew();
            assertThat(legacyColumn()).as("the next heartbeat empties the old column").containsEntry("new-host", null);

            Schema schema = new Schema(db);
            assertThat(schema.upgrade(Schema.Phase.CONTRACT)).as("contract 1 drops version").isEqualTo(1);
            assertThatThrownBy(this::legacyColumn).isInstanceOf(org.jooq.exception.DataAccessException.class)
                    .satisfies(e -> assertThat(dev.neutrino.db.SqlErrors.isUndefinedColumn(e)).isTrue());
            current.renew();
            assertThat(ServerRegistry.list(db, clock)).singleElement()
                    .satisfies(e -> assertThat(e.release()).isEqualTo("0.3.0-SNAPSHOT"));
            try (ServerRegistry later = new ServerRegistry(db, "later", "0.3.0-SNAPSHOT", clock).register()) {
                assertThat(ServerRegistry.list(db, clock)).extracting(ServerRegistry.Entry::host)
                        .containsExactlyInAnyOrder("new-host", "later");
            }
        }
    }

    @Test
    void contractOneCopiesTheReleaseOfRowsOnlyTheOldColumnHas() {
        String oldId = UUID.randomUUID().toString();
        registerAsOldRelease(oldId, "dead-old-host", "0.2.0");
        new Schema(db).upgrade(Schema.Phase.CONTRACT);
        assertThat((String) db.tx(dsl -> dsl.select(NEUTRINO_SERVERS.RELEASE).from(NEUTRINO_SERVERS)
                .where(NEUTRINO_SERVERS.ID.eq(oldId)).fetchOne(NEUTRINO_SERVERS.RELEASE))).isEqualTo("0.2.0");
    }
}
