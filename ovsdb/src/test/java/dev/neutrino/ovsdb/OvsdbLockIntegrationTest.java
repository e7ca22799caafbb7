package dev.neutrino.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ovsdb.txn.Assert;
import dev.neutrino.ovsdb.txn.OvsdbTransactionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OVSDB locks (RFC 7047 4.1.8-4.1.11) through {@link OvsdbLock}, against a real ovsdb-server. */
class OvsdbLockIntegrationTest {
    private static Path dir;
    private static OvsdbServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        OvsdbServerProcess.requireTools();
        dir = Files.createTempDirectory("neutrino-ovsdb-lock");
        server = OvsdbServerProcess.create(dir.resolve("nb"), false).start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.close();
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static OvsdbClient client() {
        return OvsdbClient.connect(OvsdbClientOptions.of(server.remote())).awaitConnected(Duration.ofSeconds(10));
    }

    private static void within(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 10 s: " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void oneHolderAtATimeAndTheNextInLineGetsItWhenTheHolderGoes() throws Exception {
        try (OvsdbClient a = client(); OvsdbClient b = client()) {
            List<String> events = new CopyOnWriteArrayList<>();
            OvsdbLock la = a.lock("test_one_holder");
            within(la::isHeld, "a holds the lock");
            OvsdbLock lb = b.lock("test_one_holder");
            lb.addListener(new OvsdbLock.Listener() {
                @Override public void acquired() { events.add("b acquired"); }
                @Override public void lost() { events.add("b lost"); }
            });
            Thread.sleep(300);
            assertThat(lb.isHeld()).as("b waits while a holds it").isFalse();
            // the server checks it too: an "assert" of the lock fails for the one that does not hold it
            assertThat(a.transact("OVN_Northbound", Assert.lock("test_one_holder")).get(5, TimeUnit.SECONDS)).isNotNull();
            try {
                b.transact("OVN_Northbound", Assert.lock("test_one_holder")).get(5, TimeUnit.SECONDS);
                throw new AssertionError("b's assert should fail");
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(OvsdbTransactionException.class).hasMessageContaining("not owner");
            }

            la.close(); // unlock: b is next in line
            within(lb::isHeld, "b gets the lock once a gives it up");
            assertThat(la.isHeld()).isFalse();
            // the listener is told after the state flips (on the client's thread): wait for it too
            within(() -> !events.isEmpty(), "b's listener hears of it");
            assertThat(events).containsExactly("b acquired");
        }
    }

    @Test
    void aDeadHoldersLockPassesOnAndAStolenLockIsWaitedForAgain() throws Exception {
        try (OvsdbClient b = client()) {
            OvsdbLock lb;
            try (OvsdbClient a = client()) {
                OvsdbLock la = a.lock("test_failover");
                within(la::isHeld, "a holds the lock");
                lb = b.lock("test_failover");
                Thread.sleep(200);
                assertThat(lb.isHeld()).isFalse();
            } // a's process "dies": its connection ends, the server frees the lock
            within(lb::isHeld, "b takes over when a's connection ends");

            try (OvsdbClient c = client()) {
                OvsdbLock lc = c.lock("test_failover");
                Thread.sleep(200);
                assertThat(lc.isHeld()).isFalse();
                assertThat(lc.steal().get(5, TimeUnit.SECONDS)).isTrue();
                within(() -> lc.isHeld() && !lb.isHeld(), "c stole it from b");
                lc.close();
                within(lb::isHeld, "b, back in line after the steal, gets it again");
            }
        }
    }

    @Test
    void theLockIsAskedForAgainAfterTheClientReconnects() throws Exception {
        try (OvsdbClient a = client()) {
            OvsdbLock la = a.lock("test_reconnect");
            within(la::isHeld, "a holds the lock");
            server.kill();
            within(() -> !la.isHeld(), "the lock is lost with the connection");
            server.start();
            within(la::isHeld, "a holds it again after reconnecting");
        }
    }
}
