package dev.neutrino.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.remote.Remote;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Insert;
import dev.neutrino.ovsdb.txn.Select;
import dev.neutrino.ovsdb.value.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leader-only connections against a real three-server OVN_Northbound raft cluster. */
class OvsdbClusterIntegrationTest {
    private static final String NB = "OVN_Northbound";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Path dir;
    private OvsdbServerProcess s1;
    private OvsdbServerProcess s2;
    private OvsdbServerProcess s3;

    @BeforeEach
    void startCluster() throws Exception {
        OvsdbServerProcess.requireTools();
        dir = Files.createTempDirectory("neutrino-ovsdb-cluster");
        s1 = OvsdbServerProcess.create(dir.resolve("s1"), true);
        s2 = OvsdbServerProcess.joinCluster(dir.resolve("s2"), s1);
        s3 = OvsdbServerProcess.joinCluster(dir.resolve("s3"), s1);
        s1.start(); // the creator of the cluster is its first leader
        s2.start();
        s3.start();
        for (OvsdbServerProcess server : List.of(s1, s2, s3)) {
            assertThat(waitFor(() -> databaseRow(server).map(r -> r.getBoolean("connected")).orElse(false)))
                    .as("%s joined the cluster", server.remote()).isTrue();
        }
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (OvsdbServerProcess server : new OvsdbServerProcess[] {s1, s2, s3}) {
            if (server != null) {
                server.close();
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void connectsOnlyToTheLeaderAndFollowsLeadership() throws Exception {
        String remotes = s2.remote() + "," + s3.remote() + "," + s1.remote();
        try (OvsdbClient any = OvsdbClient.connect(remotes)) {
            assertThat(any.connectedRemote()).contains(Remote.parse(s2.remote())); // the first that answers
        }
        try (OvsdbClient leaderOnly = OvsdbClient.connect(OvsdbClientOptions.of(remotes).withLeaderOnly(NB)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)))) {
            // s2 and s3 are followers: skipped
            assertThat(leaderOnly.connectedRemote()).contains(Remote.parse(s1.remote()));
            Monitor monitor = leaderOnly.monitor(NB, List.of(MonitorRequest.table("Logical_Switch").columns("name")))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            leaderOnly.transact(NB, Insert.into("Logical_Switch").set("name", "before")).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            // the leader dies: one of the others is elected, and the client follows it
            s1.kill();
            assertThat(waitFor(() -> leaderOnly.connectedRemote().filter(r -> !r.equals(Remote.parse(s1.remote()))).isPresent()))
                    .isTrue();
            Remote now = leaderOnly.connectedRemote().orElseThrow();
            OvsdbServerProcess newLeader = now.equals(Remote.parse(s2.remote())) ? s2 : s3;
            assertThat(databaseRow(newLeader).orElseThrow().getBoolean("leader")).isTrue();

            leaderOnly.transact(NB, Insert.into("Logical_Switch").set("name", "after")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(monitor.replica().table("Logical_Switch").rows()).extracting(r -> r.getString("name"))
                    .containsExactlyInAnyOrder("before", "after");
            assertThat(monitor.fullLoads() + monitor.resumes()).isEqualTo(2);
        }
    }

    /**
     * While servers answer but none is the leader (an election, or a cluster that lost its majority),
     * the client keeps asking at its first backoff step instead of backing off further: once a leader
     * is elected, writes flow again within a step, not after the doubled wait of a remote that is down.
     */
    @Test
    void findsALeaderElectedLateWithoutBackingOffWhileServersAnswer() throws Exception {
        String remotes = s1.remote() + "," + s2.remote() + "," + s3.remote();
        try (OvsdbClient client = OvsdbClient.connect(OvsdbClientOptions.of(remotes).withLeaderOnly(NB))) {
            assertThat(client.connectedRemote()).contains(Remote.parse(s1.remote()));
            // the leader and a follower die: the last server answers, but cannot elect itself
            s1.kill();
            s2.kill();
            Thread.sleep(8500); // with the default backoff (250 ms doubling to 8 s), long enough to reach 8 s
            assertThat(client.isConnected()).isFalse();
            s2.start(); // a majority again: s2 and s3 elect a leader within a few seconds
            long restarted = System.nanoTime();
            assertThat(waitFor(() -> client.isConnected())).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - restarted);
            OvsdbServerProcess leader = client.connectedRemote().orElseThrow().equals(Remote.parse(s2.remote())) ? s2 : s3;
            assertThat(databaseRow(leader).orElseThrow().getBoolean("leader")).isTrue();
            assertThat(took).as("connected %s after the restart", took).isLessThan(Duration.ofMillis(4500));
        }
    }

    /** The server's own row for OVN_Northbound in its _Server database. */
    private static Optional<Row> databaseRow(OvsdbServerProcess server) {
        try (OvsdbConnection connection = OvsdbConnection.open(Remote.parse(server.remote()), Duration.ofSeconds(2))) {
            return connection.transact("_Server", List.of(Select.from("Database").where(Condition.equal("name", NB))))
                    .get(5, TimeUnit.SECONDS).rows(0).stream().findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
