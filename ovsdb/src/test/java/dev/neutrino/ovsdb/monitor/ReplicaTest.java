package dev.neutrino.ovsdb.monitor;

import static dev.neutrino.ovsdb.TestSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.TestSchemas;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.value.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReplicaTest {
    private static final UUID LS = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID P1 = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID P2 = UUID.fromString("33333333-3333-3333-3333-333333333333");

    private final DatabaseSchema schema = TestSchemas.schema();
    private final Replica replica = new Replica(schema, List.of(
            MonitorRequest.table("Logical_Switch"),
            MonitorRequest.table("Logical_Switch_Port").columns("name", "addresses", "tag")));
    private final List<String> events = new ArrayList<>();

    ReplicaTest() {
        replica.addListener(new RowListener() {
            @Override
            public void onInsert(String table, Row row) {
                events.add("insert " + table + " " + row.getString("name"));
            }

            @Override
            public void onUpdate(String table, Row oldRow, Row newRow) {
                events.add("update " + table + " " + oldRow.getString("name") + "->" + newRow.getString("name"));
            }

            @Override
            public void onDelete(String table, Row row) {
                events.add("delete " + table + " " + row.getString("name"));
            }
        });
    }

    private TableUpdates updates(String text) {
        return TableUpdatesParser.parse(json(text), schema);
    }

    @Test
    void initialRowsGetDefaultsAndUuid() {
        replica.reload(updates("""
                {"Logical_Switch": {"%s": {"initial": {"name": "sw0", "ports": ["uuid", "%s"]}}},
                 "Logical_Switch_Port": {"%s": {"initial": {"name": "p1"}}}}
                """.formatted(LS, P1, P1)));
        Row ls = replica.row("Logical_Switch", LS).orElseThrow();
        assertThat(ls.uuid()).contains(LS);
        assertThat(ls.getUuidSet("ports")).containsExactly(P1);
        assertThat(ls.getStringMap("external_ids")).isEmpty(); // omitted default, filled in
        Row p1 = replica.row("Logical_Switch_Port", P1).orElseThrow();
        assertThat(p1.columns().keySet()).containsExactly("_uuid", "name", "addresses", "tag");
        assertThat(p1.getOptionalInteger("tag")).isEmpty();
        assertThat(events).containsExactly("insert Logical_Switch sw0", "insert Logical_Switch_Port p1");
    }

    @Test
    void appliesInsertModifyDelete() {
        replica.apply(updates("""
                {"Logical_Switch_Port": {"%s": {"insert": {"name": "p1", "addresses": "mac1", "tag": 10}}}}
                """.formatted(P1)));
        replica.apply(updates("""
                {"Logical_Switch_Port": {"%s": {"modify": {"name": "p1b", "addresses": ["set", ["mac1", "mac2"]], "tag": 20}}}}
                """.formatted(P1)));
        Row p1 = replica.row("Logical_Switch_Port", P1).orElseThrow();
        assertThat(p1.getString("name")).isEqualTo("p1b");
        assertThat(p1.getStringSet("addresses")).containsExactly("mac2");
        assertThat(p1.getInteger("tag")).isEqualTo(20);
        replica.apply(updates("""
                {"Logical_Switch_Port": {"%s": {"delete": null}}}
                """.formatted(P1)));
        assertThat(replica.table("Logical_Switch_Port").size()).isZero();
        assertThat(events).containsExactly("insert Logical_Switch_Port p1", "update Logical_Switch_Port p1->p1b",
                "delete Logical_Switch_Port p1b");
    }

    @Test
    void reloadReportsOnlyTheDifference() {
        replica.reload(updates("""
                {"Logical_Switch_Port": {"%s": {"initial": {"name": "p1"}}, "%s": {"initial": {"name": "p2"}}}}
                """.formatted(P1, P2)));
        events.clear();
        replica.reload(updates("""
                {"Logical_Switch": {"%s": {"initial": {"name": "sw0"}}},
                 "Logical_Switch_Port": {"%s": {"initial": {"name": "p1"}}, "%s": {"initial": {"name": "p2-renamed"}}}}
                """.formatted(LS, P1, P2)));
        assertThat(events).containsExactlyInAnyOrder("insert Logical_Switch sw0", "update Logical_Switch_Port p2->p2-renamed");
        events.clear();
        replica.reload(updates("{}"));
        assertThat(events).containsExactlyInAnyOrder("delete Logical_Switch sw0", "delete Logical_Switch_Port p1",
                "delete Logical_Switch_Port p2-renamed");
        assertThat(replica.table("Logical_Switch").rows()).isEmpty();
    }

    @Test
    void listenersSeeTheWholeTransactionApplied() {
        List<Integer> portsSeen = new ArrayList<>();
        replica.addListener(new RowListener() {
            @Override
            public void onInsert(String table, Row row) {
                portsSeen.add(replica.table("Logical_Switch_Port").size());
            }
        });
        replica.apply(updates("""
                {"Logical_Switch": {"%s": {"insert": {"name": "sw0"}}},
                 "Logical_Switch_Port": {"%s": {"insert": {"name": "p1"}}}}
                """.formatted(LS, P1)));
        assertThat(portsSeen).containsExactly(1, 1);
    }

    @Test
    void aSnapshotKeepsTheMomentItWasTaken() {
        replica.apply(updates("""
                {"Logical_Switch": {"%s": {"insert": {"name": "sw0"}}},
                 "Logical_Switch_Port": {"%s": {"insert": {"name": "p1"}}}}
                """.formatted(LS, P1)));
        Replica snapshot = replica.snapshot();
        replica.apply(updates("""
                {"Logical_Switch": {"%s": {"modify": {"name": "sw1"}}},
                 "Logical_Switch_Port": {"%s": {"delete": null}, "%s": {"insert": {"name": "p2"}}}}
                """.formatted(LS, P1, P2)));
        assertThat(snapshot.row("Logical_Switch", LS).orElseThrow().getString("name")).isEqualTo("sw0");
        assertThat(snapshot.table("Logical_Switch_Port").rows()).extracting(r -> r.getString("name")).containsExactly("p1");
        assertThat(replica.table("Logical_Switch_Port").rows()).extracting(r -> r.getString("name")).containsExactly("p2");
        assertThat(snapshot.tableNames()).isEqualTo(replica.tableNames());
    }

    @Test
    void awaitUntilWakesOnChange() throws Exception {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return replica.awaitUntil(r -> r.row("Logical_Switch", LS).isPresent(), Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        replica.apply(updates("{\"Logical_Switch\": {\"%s\": {\"insert\": {\"name\": \"sw0\"}}}}".formatted(LS)));
        assertThat(waiter.get()).isTrue();
        assertThat(replica.awaitUntil(r -> false, Duration.ofMillis(20))).isFalse();
    }

    @Test
    void rejectsBadUpdatesAndUnknownTables() {
        assertThatThrownBy(() -> updates("{\"Logical_Switch\": {\"%s\": {\"frobnicate\": {}}}}".formatted(LS)))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> updates("{\"Logical_Switch\": {\"not-a-uuid\": {\"delete\": null}}}"))
                .isInstanceOf(OvsdbProtocolException.class);
        assertThatThrownBy(() -> replica.table("ACL")).hasMessageContaining("not monitored");
        assertThatThrownBy(() -> new Replica(schema, List.of(MonitorRequest.table("Logical_Switch").columns("nope"))))
                .hasMessageContaining("no column 'nope'");
    }

    @Test
    void anIndexFindsRowsByTheirKeyAndFollowsInsertsRenamesDeletesAndReloads() {
        replica.apply(updates("""
                {"Logical_Switch_Port": {"%s": {"insert": {"name": "p1"}}}}
                """.formatted(P1)));
        TableReplica.Index byName = replica.index("Logical_Switch_Port", r -> r.getString("name"));
        assertThat(byName.first("p1")).map(r -> r.uuid().orElseThrow()).contains(P1); // built from what is there
        replica.apply(updates("""
                {"Logical_Switch_Port": {"%s": {"insert": {"name": "p2"}}, "%s": {"modify": {"name": "p1b"}}}}
                """.formatted(P2, P1)));
        assertThat(byName.rows("p1")).isEmpty();
        assertThat(byName.first("p1b")).map(r -> r.uuid().orElseThrow()).contains(P1);
        assertThat(byName.first("p2")).map(r -> r.uuid().orElseThrow()).contains(P2);
        replica.apply(updates("""
                {"Logical_Switch_Port": {"%s": {"delete": null}}}
                """.formatted(P2)));
        assertThat(byName.rows("p2")).isEmpty();
        replica.reload(updates("""
                {"Logical_Switch_Port": {"%s": {"initial": {"name": "p3"}}}}
                """.formatted(P2)));
        assertThat(byName.rows("p1b")).isEmpty();
        assertThat(byName.first("p3")).map(r -> r.uuid().orElseThrow()).contains(P2);
    }
}
