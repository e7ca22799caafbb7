package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.ml2.PortStatusChange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code CorePlugin.updatePortStatus} tells each status transition once, after its commit, with the port's owner. */
class PortStatusFeedTest {
    final ApiHarness h = new ApiHarness();
    final RequestContext admin = RequestContext.admin("p");
    final List<PortStatusChange> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        h.close();
    }

    String port(String deviceId, String owner) {
        String net = (String) h.call(admin, "POST", "/v2.0/networks", body("network", "name", "n")).get("network")
                .get("id");
        return (String) h.call(admin, "POST", "/v2.0/ports", Map.of("port", Map.of("network_id", net,
                "device_id", deviceId, "device_owner", owner))).get("port").get("id");
    }

    @Test
    void aTransitionIsToldWithWhatItWasAndWhoOwnsThePort() {
        h.app.onPortStatus(heard::add);
        String vm = "8d3f2c1e-7b6a-4f5e-9d8c-1a2b3c4d5e6f";
        String id = port(vm, "compute:nova");
        assertThat(h.app.updatePortStatus(id, "ACTIVE")).isTrue();
        assertThat(h.app.updatePortStatus(id, "ACTIVE")).as("no transition, nothing told").isFalse();
        assertThat(h.app.updatePortStatus(id, "DOWN")).isTrue();
        assertThat(h.app.updatePortStatus("no-such-port", "DOWN")).isFalse();
        assertThat(heard).containsExactly(new PortStatusChange(id, "DOWN", "ACTIVE", vm, "compute:nova"),
                new PortStatusChange(id, "ACTIVE", "DOWN", vm, "compute:nova"));
        assertThat(h.call(admin, "GET", "/v2.0/ports/" + id, null).get("port").get("status")).isEqualTo("DOWN");
    }

    @Test
    void ofServersRecordingTheSameTransitionOneTellsIt() throws Exception {
        // a second core plugin on the same database stands for a second server
        Neutrino other = new Neutrino(Config.defaults(NeutrinoOptions.ALL), h.db, dev.neutrino.policy.Policy.defaults());
        h.app.onPortStatus(heard::add);
        other.onPortStatus(heard::add);
        for (int round = 0; round < 20; round++) {
            heard.clear();
            String id = port("8d3f2c1e-7b6a-4f5e-9d8c-1a2b3c4d5e6f", "compute:nova");
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<Boolean>> results = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    Neutrino server = t % 2 == 0 ? h.app : other;
                    results.add(pool.submit(() -> {
                        go.await();
                        return server.updatePortStatus(id, "ACTIVE");
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> f : results) won += f.get() ? 1 : 0;
                assertThat(won).as("round %d", round).isEqualTo(1);
            }
            assertThat(heard).as("round %d", round).hasSize(1);
            assertThat(heard.getFirst().previous()).isEqualTo("DOWN");
        }
    }
}
