package dev.neutrino.ext.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** Requests racing for one parent, one subport or one segmentation: one wins, the others get Zed's 409. */
class TrunkConcurrencyTest {
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");

    ApiHarness h;
    String net;

    @BeforeEach
    void start() {
        h = new ApiHarness();
        h.app().mechanisms().register(new TrunksTest.FakeOvn());
        net = (String) h.call(ALICE, "POST", "/v2.0/networks", Map.of("network", Map.of("name", "n")))
                .get("network").get("id");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    String port() {
        return (String) h.call(ALICE, "POST", "/v2.0/ports", Map.of("port", Map.of("network_id", net)))
                .get("port").get("id");
    }

    /** Runs the calls at once; the status or error type of each. */
    List<Object> race(List<Callable<ApiHarness.Result>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            for (Callable<ApiHarness.Result> c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    ApiHarness.Result r = c.call();
                    return r.status() < 300 ? (Object) r.status() : r.errorType();
                }));
            }
            go.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) out.add(f.get());
            return out;
        }
    }

    @RepeatedTest(3)
    void oneParentOneTrunk() throws Exception {
        String parent = port();
        List<Callable<ApiHarness.Result>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(() -> h.call(ALICE, "POST", "/v2.0/trunks", Map.of("trunk", Map.of("port_id", parent))));
        }
        assertThat(race(calls)).as("outcomes").containsExactlyInAnyOrder(201, "ParentPortInUse", "ParentPortInUse");
        assertThat(h.call(ALICE, "GET", "/v2.0/trunks", null).list("trunks")).hasSize(1);
    }

    @RepeatedTest(3)
    void oneSubportOneTrunkAndOneSegmentationPerTrunk() throws Exception {
        String t1 = (String) h.call(ALICE, "POST", "/v2.0/trunks", Map.of("trunk", Map.of("port_id", port())))
                .get("trunk").get("id");
        String t2 = (String) h.call(ALICE, "POST", "/v2.0/trunks", Map.of("trunk", Map.of("port_id", port())))
                .get("trunk").get("id");
        String sub = port();
        List<Object> same = race(List.of(
                () -> add(t1, sub, 10),
                () -> add(t2, sub, 10)));
        assertThat(same).as("one port into two trunks").containsExactlyInAnyOrder(200, "TrunkPortInUse");

        String a = port();
        String b = port();
        List<Object> segmentation = race(List.of(
                () -> add(t1, a, 20),
                () -> add(t1, b, 20)));
        assertThat(segmentation).as("one segmentation twice on a trunk").containsExactlyInAnyOrder(200, "DuplicateSubPort");
        Map<String, Object> trunk = h.call(ALICE, "GET", "/v2.0/trunks/" + t1, null).get("trunk");
        assertThat((List<?>) trunk.get("sub_ports")).hasSize((sameWinner(same, 0) ? 1 : 0) + 1);
    }

    private static boolean sameWinner(List<Object> outcomes, int index) {
        return outcomes.get(index).equals(200);
    }

    ApiHarness.Result add(String trunk, String port, int vlan) {
        return h.call(ALICE, "PUT", "/v2.0/trunks/" + trunk + "/add_subports", Map.of("sub_ports",
                List.of(Map.of("port_id", port, "segmentation_type", "vlan", "segmentation_id", vlan))));
    }
}
