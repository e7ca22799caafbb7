package dev.neutrino.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ovsdb.error.OvsdbRpcException;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.RowListener;
import dev.neutrino.ovsdb.monitor.TableUpdates;
import dev.neutrino.ovsdb.remote.Remote;
import dev.neutrino.ovsdb.schema.ColumnType;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.schema.RefType;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.txn.Comment;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Delete;
import dev.neutrino.ovsdb.txn.Insert;
import dev.neutrino.ovsdb.txn.Mutate;
import dev.neutrino.ovsdb.txn.Mutation;
import dev.neutrino.ovsdb.txn.OvsdbTransactionException;
import dev.neutrino.ovsdb.txn.Select;
import dev.neutrino.ovsdb.txn.TransactionResult;
import dev.neutrino.ovsdb.txn.Update;
import dev.neutrino.ovsdb.txn.Wait;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.AtomicType;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real ovsdb-server serving OVN_Northbound (started here, in a temporary directory, and
 * killed afterwards). Fails with instructions when ovsdb-server is not installed.
 */
class OvsdbServerIntegrationTest {
    private static final String NB = "OVN_Northbound";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Path dir;
    private static OvsdbServerProcess server;
    private static OvsdbClient client;

    @BeforeAll
    static void startServer() throws Exception {
        OvsdbServerProcess.requireTools();
        dir = Files.createTempDirectory("neutrino-ovsdb-it");
        server = OvsdbServerProcess.create(dir.resolve("shared"), false).start();
        client = OvsdbClient.connect(OvsdbClientOptions.of(server.remote()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected the future to fail, got " + e, e);
        }
        throw new AssertionError("expected the future to fail, but it succeeded");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void listsDatabasesAndReadsTheNorthboundSchema() throws Exception {
        assertThat(join(client.listDbs())).contains(NB, "_Server");
        DatabaseSchema schema = join(client.getSchema(NB));
        assertThat(schema.name()).isEqualTo(NB);
        assertThat(schema.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(schema.tables()).containsKeys("Logical_Switch", "Logical_Switch_Port", "Logical_Router", "ACL", "NB_Global");

        TableSchema ls = schema.requireTable("Logical_Switch");
        assertThat(ls.isRoot()).isTrue();
        ColumnType ports = ls.requireColumn("ports").type();
        assertThat(ports.isSet()).isTrue();
        assertThat(ports.min()).isZero();
        assertThat(ports.max()).isEqualTo(ColumnType.UNLIMITED);
        assertThat(ports.key().refTable()).contains("Logical_Switch_Port");
        assertThat(ports.key().refType()).isEqualTo(RefType.STRONG);
        assertThat(ls.requireColumn("external_ids").type().isMap()).isTrue();
        assertThat(ls.requireColumn("load_balancer").type().key().refType()).isEqualTo(RefType.WEAK);

        TableSchema lsp = schema.requireTable("Logical_Switch_Port");
        assertThat(lsp.isRoot()).isFalse();
        assertThat(lsp.indexes()).contains(List.of("name"));
        assertThat(lsp.requireColumn("name").type().isScalar()).isTrue();
        ColumnType tag = lsp.requireColumn("tag").type();
        assertThat(tag.isOptional()).isTrue();
        assertThat(tag.key().type()).isEqualTo(AtomicType.INTEGER);
        assertThat(tag.key().minInteger()).hasValue(1);
        assertThat(tag.key().maxInteger()).hasValue(4095);
    }

    @Test
    void insertsASwitchWithAPortAndSelectsItBack() throws Exception {
        String name = unique("sw");
        TransactionResult result = join(client.transact(NB,
                Insert.into("Logical_Switch_Port").uuidName("port").set("name", name + "-p1")
                        .set("addresses", List.of("fa:16:3e:00:00:01 10.0.0.5")).set("tag", Optional.of(100L)),
                Insert.into("Logical_Switch").uuidName("sw").set("name", name)
                        .set("ports", OvsdbSet.of(Atom.namedUuid("port")))
                        .set("external_ids", Map.of("neutron:network_name", "net1", "neutron:revision_number", "1")),
                Comment.of("neutrino integration test")));
        UUID switchUuid = result.uuidOf("sw");
        UUID portUuid = result.uuidOf("port");

        TransactionResult selected = join(client.transact(NB,
                Select.from("Logical_Switch").where(Condition.equal("name", name)),
                Select.from("Logical_Switch_Port").where(Condition.uuidIs(portUuid)).columns("_uuid", "name", "addresses", "tag", "up")));
        Row sw = selected.rows(0).getFirst();
        assertThat(sw.uuid()).contains(switchUuid);
        assertThat(sw.getString("name")).isEqualTo(name);
        assertThat(sw.getUuidSet("ports")).containsExactly(portUuid);
        assertThat(sw.getStringMap("external_ids"))
                .containsOnly(Map.entry("neutron:network_name", "net1"), Map.entry("neutron:revision_number", "1"));
        assertThat(sw.getStringSet("acls")).isEmpty();
        Row port = selected.rows(1).getFirst();
        assertThat(port.getString("name")).isEqualTo(name + "-p1");
        assertThat(port.getStringSet("addresses")).containsExactly("fa:16:3e:00:00:01 10.0.0.5");
        assertThat(port.getOptionalInteger("tag")).contains(100L);
        assertThat(port.getOptionalBoolean("up")).isEmpty();

        // an optimistic-concurrency check that holds, then an update and a mutate
        TransactionResult changed = join(client.transact(NB,
                Wait.on("Logical_Switch").where(Condition.uuidIs(switchUuid)).columns("name")
                        .rows(Row.empty().with("name", name)).timeout(Duration.ZERO),
                Update.table("Logical_Switch").where(Condition.uuidIs(switchUuid)).set("other_config", Map.of("mcast_snoop", "true")),
                Mutate.table("Logical_Switch").where(Condition.uuidIs(switchUuid))
                        .mutate(Mutation.insert("external_ids", Map.of("neutron:availability_zone_hints", "")))));
        assertThat(changed.result(1).count()).hasValue(1);
        assertThat(changed.result(2).count()).hasValue(1);
        Row after = join(client.transact(NB, Select.from("Logical_Switch").where(Condition.uuidIs(switchUuid)))).rows(0).getFirst();
        assertThat(after.getStringMap("other_config")).containsEntry("mcast_snoop", "true");
        assertThat(after.getStringMap("external_ids")).hasSize(3);

        join(client.transact(NB, Delete.from("Logical_Switch").where(Condition.uuidIs(switchUuid))));
        // the port is not a root row: deleting its only referrer garbage-collects it
        assertThat(join(client.transact(NB, Select.from("Logical_Switch_Port").where(Condition.uuidIs(portUuid)))).rows(0)).isEmpty();
    }

    @Test
    void monitorReplicaFollowsInsertModifyDelete() throws Exception {
        String name = unique("mon");
        List<String> events = new CopyOnWriteArrayList<>();
        RowListener recorder = new RowListener() {
            @Override
            public void onInsert(String table, Row row) {
                if (row.getString("name").startsWith(name)) {
                    events.add("insert " + table + " " + row.getString("name"));
                }
            }

            @Override
            public void onUpdate(String table, Row oldRow, Row newRow) {
                if (newRow.getString("name").startsWith(name)) {
                    events.add("update " + table + " " + oldRow.getStringMap("external_ids") + " -> "
                            + newRow.getStringMap("external_ids") + " ports " + newRow.getUuidSet("ports").size());
                }
            }

            @Override
            public void onDelete(String table, Row row) {
                if (row.getString("name").startsWith(name)) {
                    events.add("delete " + table + " " + row.getString("name"));
                }
            }
        };
        try (Monitor monitor = join(client.monitor(NB, List.of(
                MonitorRequest.table("Logical_Switch").columns("name", "ports", "external_ids"),
                MonitorRequest.table("Logical_Switch_Port").columns("name", "addresses")), recorder))) {

            TransactionResult created = join(client.transact(NB,
                    Insert.into("Logical_Switch_Port").uuidName("p").set("name", name + "-p"),
                    Insert.into("Logical_Switch").uuidName("s").set("name", name).set("ports", OvsdbSet.of(Atom.namedUuid("p")))));
            UUID sw = created.uuidOf("s");
            UUID port = created.uuidOf("p");
            // ovsdb-server sends a transaction's updates before its reply: no waiting needed
            Row replicated = monitor.replica().row("Logical_Switch", sw).orElseThrow();
            assertThat(replicated.getUuidSet("ports")).containsExactly(port);
            assertThat(replicated.getStringMap("external_ids")).isEmpty();
            assertThat(replicated.columns().keySet()).containsExactly("_uuid", "name", "ports", "external_ids");
            assertThat(monitor.replica().row("Logical_Switch_Port", port)).isPresent();

            join(client.transact(NB, Mutate.table("Logical_Switch").where(Condition.uuidIs(sw))
                    .mutate(Mutation.insert("external_ids", Map.of("a", "1", "b", "2")))));
            join(client.transact(NB, Mutate.table("Logical_Switch").where(Condition.uuidIs(sw))
                    .mutate(Mutation.delete("external_ids", OvsdbSet.of(Atom.of("a"))),
                            Mutation.insert("external_ids", Map.of("c", "3")))));
            join(client.transact(NB, Update.table("Logical_Switch").where(Condition.uuidIs(sw))
                    .set("external_ids", Map.of("b", "20", "c", "3"))));
            assertThat(monitor.replica().row("Logical_Switch", sw).orElseThrow().getStringMap("external_ids"))
                    .containsOnly(Map.entry("b", "20"), Map.entry("c", "3"));

            // removing the port from the switch deletes the (non-root) port row
            join(client.transact(NB, Mutate.table("Logical_Switch").where(Condition.uuidIs(sw))
                    .mutate(Mutation.delete("ports", OvsdbSet.of(Atom.of(port))))));
            assertThat(monitor.replica().row("Logical_Switch_Port", port)).isEmpty();
            join(client.transact(NB, Delete.from("Logical_Switch").where(Condition.uuidIs(sw))));
            assertThat(monitor.replica().row("Logical_Switch", sw)).isEmpty();

            assertThat(events).containsExactly(
                    "insert Logical_Switch " + name,
                    "insert Logical_Switch_Port " + name + "-p",
                    "update Logical_Switch {} -> {a=1, b=2} ports 1",
                    "update Logical_Switch {a=1, b=2} -> {b=2, c=3} ports 1",
                    "update Logical_Switch {b=2, c=3} -> {b=20, c=3} ports 1",
                    "update Logical_Switch {b=20, c=3} -> {b=20, c=3} ports 0",
                    "delete Logical_Switch_Port " + name + "-p",
                    "delete Logical_Switch " + name);
        }
    }

    @Test
    void monitorReplicaFollowsAnOptionalColumnChangingAndClearing() throws Exception {
        // NAT.logical_port (a string, min 0, max 1): a floating IP moving to another port, then
        // disassociated; ovsdb-server sends each new value as the "modify" of that column
        try (Monitor monitor = join(client.monitor(NB, List.of(MonitorRequest.table("NAT")
                .columns("external_ip", "logical_port"))))) {
            TransactionResult created = join(client.transact(NB,
                    Insert.into("NAT").uuidName("n").set("type", "dnat_and_snat").set("logical_ip", "10.0.0.5")
                            .set("external_ip", "172.24.4.5").set("logical_port", OvsdbSet.of(Atom.of("port-a"))),
                    Insert.into("Logical_Router").set("name", unique("nat")).set("nat", OvsdbSet.of(Atom.namedUuid("n")))));
            UUID nat = created.uuidOf("n");
            for (String port : List.of("port-b", "", "port-c", "port-a")) {
                OvsdbSet value = port.isEmpty() ? OvsdbSet.empty() : OvsdbSet.of(Atom.of(port));
                join(client.transact(NB, Update.table("NAT").where(Condition.uuidIs(nat)).set("logical_port", value)));
                assertThat(monitor.replica().row("NAT", nat).orElseThrow().getSet("logical_port", String.class))
                        .as("after setting %s", value).isEqualTo(port.isEmpty() ? java.util.Set.of() : java.util.Set.of(port));
            }
        }
    }

    @Test
    void monitorSeesChangesFromOtherClients() throws Exception {
        String name = unique("other");
        try (Monitor monitor = join(client.monitor(NB, List.of(MonitorRequest.table("Logical_Switch")
                .where(Condition.equal("name", name))))); // a conditional monitor: only this switch
             OvsdbConnection other = OvsdbConnection.open(Remote.parse(server.remote()), Duration.ofSeconds(5))) {
            join(other.transact(NB, List.of(Insert.into("Logical_Switch").set("name", name),
                    Insert.into("Logical_Switch").set("name", name + "-not-monitored"))));
            assertThat(monitor.awaitUntil(r -> r.table("Logical_Switch").size() == 1, WAIT)).isTrue();
            assertThat(monitor.replica().table("Logical_Switch").rows().getFirst().getString("name")).isEqualTo(name);
            join(other.transact(NB, List.of(Delete.from("Logical_Switch").where(Condition.includes("name", name)),
                    Delete.from("Logical_Switch").where(Condition.equal("name", name + "-not-monitored")))));
            assertThat(monitor.awaitUntil(r -> r.table("Logical_Switch").size() == 0, WAIT)).isTrue();
        }
    }

    @Test
    void worksOverTcp() throws Exception {
        try (OvsdbClient tcp = OvsdbClient.connect("tcp:127.0.0.1:" + server.tcpPort())) {
            assertThat(tcp.connectedRemote()).contains(new Remote.Tcp("127.0.0.1", server.tcpPort()));
            String name = unique("tcp");
            UUID uuid = join(tcp.transact(NB, Insert.into("Logical_Switch").uuidName("s").set("name", name))).uuidOf("s");
            Row row = join(client.transact(NB, Select.from("Logical_Switch").where(Condition.uuidIs(uuid)))).rows(0).getFirst();
            assertThat(row.getString("name")).isEqualTo(name);
            join(tcp.transact(NB, Delete.from("Logical_Switch").where(Condition.uuidIs(uuid))));
        }
    }

    @Test
    void serverErrorsBecomeClearExceptions() throws Exception {
        String name = unique("err");
        // referential integrity: a switch whose port does not exist
        UUID missing = UUID.randomUUID();
        assertThat(failureOf(client.transact(NB, Insert.into("Logical_Switch").set("name", name)
                .set("ports", OvsdbSet.of(Atom.of(missing))))))
                .isInstanceOfSatisfying(OvsdbTransactionException.class, e -> {
                    assertThat(e.error()).isEqualTo("referential integrity violation");
                    assertThat(e.details()).hasValueSatisfying(d -> assertThat(d).contains(missing.toString()));
                    assertThat(e.operationIndex()).isEqualTo(-1);
                    assertThat(e).hasMessageContaining("transaction failed at commit: referential integrity violation");
                });
        // constraint violation: two ports with the same name (Logical_Switch_Port is indexed by name)
        assertThat(failureOf(client.transact(NB,
                Insert.into("Logical_Switch_Port").uuidName("a").set("name", name),
                Insert.into("Logical_Switch_Port").uuidName("b").set("name", name),
                Insert.into("Logical_Switch").set("name", name).set("ports", OvsdbSet.of(Atom.namedUuid("a"), Atom.namedUuid("b"))))))
                .isInstanceOfSatisfying(OvsdbTransactionException.class, e -> {
                    assertThat(e.error()).isEqualTo("constraint violation");
                    assertThat(e.details()).hasValueSatisfying(d -> assertThat(d).contains(name));
                });
        // an integer beyond the column's maxInteger fails the operation itself
        assertThat(failureOf(client.transact(NB, Insert.into("Logical_Switch_Port").set("name", name).set("tag", 5000))))
                .isInstanceOfSatisfying(OvsdbTransactionException.class, e -> {
                    assertThat(e.error()).isEqualTo("constraint violation");
                    assertThat(e.operationIndex()).isZero();
                    assertThat(e.operation()).hasValueSatisfying(op -> assertThat(op.describe()).isEqualTo("insert into Logical_Switch_Port"));
                    assertThat(e.details()).hasValueSatisfying(d -> assertThat(d).contains("5000"));
                });
        // an unknown column
        assertThat(failureOf(client.transact(NB, Select.from("Logical_Switch").where(Condition.equal("nmae", "x")))))
                .isInstanceOfSatisfying(OvsdbTransactionException.class, e -> assertThat(e.error()).contains("unknown column"));
        // a failed wait (optimistic concurrency)
        assertThat(failureOf(client.transact(NB, Wait.on("Logical_Switch").where(Condition.equal("name", name))
                .columns("name").rows(Row.empty().with("name", name)).timeout(Duration.ZERO))))
                .isInstanceOfSatisfying(OvsdbTransactionException.class, e -> assertThat(e.error()).isEqualTo("timed out"));
        // a JSON-RPC error reply
        assertThat(failureOf(client.getSchema("No_Such_DB")))
                .isInstanceOfSatisfying(OvsdbRpcException.class, e -> {
                    assertThat(e.method()).isEqualTo("get_schema");
                    assertThat(e.error()).isEqualTo("unknown database");
                });
        // nothing of the failed transactions was applied
        assertThat(join(client.transact(NB, Select.from("Logical_Switch").where(Condition.equal("name", name)))).rows(0)).isEmpty();
    }

    @Test
    void reconnectsAfterTheServerRestartsAndResyncsTheReplica() throws Exception {
        Path own = Files.createDirectories(dir.resolve("restart"));
        List<String> events = new CopyOnWriteArrayList<>();
        List<String> connections = new CopyOnWriteArrayList<>();
        try (OvsdbServerProcess restarting = OvsdbServerProcess.create(own, false).start();
             OvsdbClient c = OvsdbClient.connect(OvsdbClientOptions.of(restarting.remote())
                     .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            c.addConnectionListener(new ConnectionListener() {
                @Override
                public void onConnected(Remote remote) {
                    connections.add("up");
                }

                @Override
                public void onDisconnected(Remote remote, Throwable cause) {
                    connections.add("down");
                }
            });
            Monitor monitor = join(c.monitor(NB, List.of(MonitorRequest.table("Logical_Switch").columns("name", "external_ids")),
                    new RowListener() {
                        @Override
                        public void onInsert(String table, Row row) {
                            events.add("insert " + row.getString("name"));
                        }

                        @Override
                        public void onUpdate(String table, Row oldRow, Row newRow) {
                            events.add("update " + oldRow.getString("name") + " " + newRow.getStringMap("external_ids"));
                        }

                        @Override
                        public void onDelete(String table, Row row) {
                            events.add("delete " + row.getString("name"));
                        }
                    }));
            join(c.transact(NB, Insert.into("Logical_Switch").set("name", "keep"), Insert.into("Logical_Switch").set("name", "change"),
                    Insert.into("Logical_Switch").set("name", "drop")));
            assertThat(events).containsExactlyInAnyOrder("insert keep", "insert change", "insert drop");
            events.clear();

            restarting.kill();
            assertThat(waitFor(() -> !c.isConnected())).isTrue();
            // while the server is down, the database changes behind the client's back
            restarting.offlineTransact("""
                    ["OVN_Northbound",
                     {"op": "insert", "table": "Logical_Switch", "row": {"name": "new"}},
                     {"op": "update", "table": "Logical_Switch", "where": [["name", "==", "change"]],
                      "row": {"external_ids": ["map", [["k", "v"]]]}},
                     {"op": "delete", "table": "Logical_Switch", "where": [["name", "==", "drop"]]}]
                    """);
            // a request made while disconnected waits for the connection
            CompletableFuture<TransactionResult> queued = c.transact(NB, Insert.into("Logical_Switch").set("name", "queued"));
            restarting.start();

            join(queued);
            c.awaitConnected(WAIT);
            assertThat(monitor.awaitUntil(r -> r.table("Logical_Switch").size() == 4, WAIT)).isTrue();
            assertThat(monitor.replica().table("Logical_Switch").rows()).extracting(r -> r.getString("name"))
                    .containsExactlyInAnyOrder("keep", "change", "new", "queued");
            assertThat(events).containsExactlyInAnyOrder("insert new", "update change {k=v}", "delete drop", "insert queued");
            // (an "up" for the first connection may come before the listener was added)
            assertThat(String.join(",", connections)).endsWith("down,up");
            assertThat(monitor.fullLoads()).isEqualTo(2); // a standalone server keeps no transaction history
        }
    }

    @Test
    void resumesAClusteredMonitorFromItsLastTransaction() throws Exception {
        Path own = Files.createDirectories(dir.resolve("cluster"));
        try (OvsdbServerProcess clustered = OvsdbServerProcess.create(own, true).start();
             // the first remote does not exist: the client moves on to the next; leader-only accepts a one-server cluster
             OvsdbClient c = OvsdbClient.connect(OvsdbClientOptions.of("unix:" + own.resolve("nothing.sock") + "," + clustered.remote())
                     .withLeaderOnly(NB).withBackoff(Duration.ofMillis(50), Duration.ofMillis(200)))) {
            assertThat(c.connectedRemote()).contains(Remote.parse(clustered.remote()));
            Monitor monitor = join(c.monitor(NB, List.of(MonitorRequest.table("Logical_Switch").columns("name"))));
            join(c.transact(NB, Insert.into("Logical_Switch").set("name", "a")));
            assertThat(monitor.lastTxnId()).isPresent();
            UUID afterA = monitor.lastTxnId().orElseThrow();

            // protocol level: monitor_cond_since from afterA returns only what came later
            join(c.transact(NB, Insert.into("Logical_Switch").set("name", "b")));
            try (OvsdbConnection raw = OvsdbConnection.open(Remote.parse(clustered.remote()), Duration.ofSeconds(5))) {
                DatabaseSchema schema = join(raw.getSchema(NB));
                MonitorReply reply = join(raw.monitorCondSince(schema, "m", List.of(MonitorRequest.table("Logical_Switch").columns("name")),
                        Optional.of(afterA), new MonitorHandler() {
                            @Override
                            public void onReply(MonitorReply r) {}

                            @Override
                            public void onUpdate(TableUpdates u, Optional<UUID> id) {}
                        }));
                assertThat(reply.found()).isTrue();
                assertThat(reply.lastTxnId()).isEqualTo(monitor.lastTxnId());
                assertThat(reply.updates().size()).isEqualTo(1);
                assertThat(reply.updates().tables().get("Logical_Switch").values())
                        .singleElement().satisfies(u -> assertThat(u.row().getString("name")).isEqualTo("b"));
            }

            // client level: after a restart the monitor resumes instead of reloading
            clustered.kill();
            assertThat(waitFor(() -> !c.isConnected())).isTrue();
            clustered.start();
            c.awaitConnected(WAIT);
            join(c.transact(NB, Insert.into("Logical_Switch").set("name", "c")));
            assertThat(monitor.replica().table("Logical_Switch").rows()).extracting(r -> r.getString("name"))
                    .containsExactlyInAnyOrder("a", "b", "c");
            assertThat(monitor.fullLoads()).isEqualTo(1);
            assertThat(monitor.resumes()).isEqualTo(1);
        }
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
