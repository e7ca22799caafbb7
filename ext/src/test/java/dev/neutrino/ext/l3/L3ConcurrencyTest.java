package dev.neutrino.ext.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.ApiResponse;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.NeutronException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

/** Concurrent requests that only one may win: the database decides, the loser gets Neutron's error. */
class L3ConcurrencyTest extends L3TestBase {

    /** Runs the calls at once; returns the status of each (200/201, or the NeutronException's). */
    List<Object> race(List<Callable<ApiResponse>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            for (Callable<ApiResponse> c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return (Object) c.call().status();
                    } catch (NeutronException e) {
                        return e.type();
                    }
                }));
            }
            go.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) out.add(f.get());
            return out;
        }
    }

    @RepeatedTest(3)
    void overlappingInterfacesRaceForOneRouter() throws Exception {
        Object router = router(USER, "{'router': {}}").get("id");
        List<Callable<ApiResponse>> calls = new ArrayList<>();
        for (String cidr : List.of("10.0.0.0/24", "10.0.0.0/16", "10.0.1.0/24")) {
            Map<String, Object> net = network(USER, "n-" + cidr);
            Object subnet = subnet(USER, net.get("id"), cidr).get("id");
            calls.add(() -> call(USER, "PUT", "/v2.0/routers/" + router + "/add_router_interface",
                    json("{'subnet_id': '" + subnet + "'}")));
        }
        List<Object> results = race(calls);
        long won = results.stream().filter(r -> r.equals(200)).count();
        assertThat(results).as("outcomes %s", results).allMatch(r -> r.equals(200) || r.equals("BadRequest"));
        List<Map<String, Object>> interfaces = portsOf(router);
        assertThat(interfaces).hasSize((int) won);
        // what got attached never overlaps: the /16 alone, or the /24s
        List<Cidr> attached = new ArrayList<>();
        for (Map<String, Object> p : interfaces) {
            Object subnetId = fixedIps(p).get(0).get("subnet_id");
            attached.add(Cidr.parse((String) show("subnets", "subnet", subnetId).get("cidr")));
        }
        for (Cidr a : attached) {
            for (Cidr b : attached) {
                if (a != b) assertThat(a.overlaps(b)).as("%s and %s both attached", a, b).isFalse();
            }
        }
        assertThat(won).isBetween(1L, 2L);
    }

    @RepeatedTest(3)
    void twoFloatingIpsRaceForOneFixedIp() throws Exception {
        Map<String, Object> ext = externalNetwork();
        subnet(ext.get("id"), "172.24.4.0/24");
        Object router = router(USER, "{'router': {'external_gateway_info': {'network_id': '" + ext.get("id")
                + "'}}}").get("id");
        Map<String, Object> net = network(USER, "private");
        Object subnet = subnet(USER, net.get("id"), "10.0.0.0/24").get("id");
        action(USER, router, "add_router_interface", "{'subnet_id': '" + subnet + "'}");
        Object vm = port(USER, net.get("id")).get("id");
        List<Callable<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Object fip = create(USER, "floatingips", "floatingip", "{'floatingip': {'floating_network_id': '"
                    + ext.get("id") + "'}}").get("id");
            calls.add(() -> call(USER, "PUT", "/v2.0/floatingips/" + fip,
                    json("{'floatingip': {'port_id': '" + vm + "'}}")));
        }
        List<Object> results = race(calls);
        assertThat(results).as("outcomes %s", results).containsExactlyInAnyOrder(200, "FloatingIPPortAlreadyAssociated");
        assertThat(list(USER, "floatingips", query("port_id", (String) vm))).hasSize(1);
    }
}
