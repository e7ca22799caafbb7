package dev.neutrino.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.ovsdb.Monitor;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.RowListener;
import dev.neutrino.ovsdb.value.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Port creates with OVN in the loop, at growing numbers of existing ports: the API's latency, and
 * the time from sending the request to the port's Logical_Switch_Port appearing in the northbound
 * database (seen by a monitor of our own). Runs against any Neutron API (Neutrino or the Python
 * server with ML2/OVN) in noauth mode; bench/ovn-latency.sh drives it.
 */
@Command(name = "ovn-latency", mixinStandardHelpOptions = true,
        description = "Port create latency to the API and to OVN's northbound DB at growing cloud sizes.")
final class OvnLatency implements Callable<Integer> {
    @Option(names = "--url", required = true, description = "the Neutron API, e.g. http://127.0.0.1:19696")
    String url;

    @Option(names = "--nb", required = true, description = "the OVN northbound remote, e.g. tcp:127.0.0.1:6641")
    String nbRemote;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,5000",
            description = "existing ports before each measurement (grown in place)")
    List<Integer> sizes;

    @Option(names = "--ports", defaultValue = "200", description = "ports created and timed at each size")
    int ports;

    @Option(names = "--concurrency", defaultValue = "16")
    int concurrency;

    @Option(names = "--fill-concurrency", defaultValue = "4", description = "parallel bulk creates while filling")
    int fillConcurrency;

    @Option(names = "--label", defaultValue = "server")
    String label;

    @Option(names = "--project", defaultValue = "bench")
    String project;

    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        try (Api api = new Api(url, project, Duration.ofSeconds(120));
             OvsdbClient nb = OvsdbClient.connect(nbRemote)) {
            nb.awaitConnected(Duration.ofSeconds(10));
            Monitor monitor = nb.monitor("OVN_Northbound",
                    List.of(MonitorRequest.table("Logical_Switch_Port").columns("name")), new RowListener() {
                        @Override
                        public void onInsert(String table, Row row) {
                            seen.putIfAbsent(row.getString("name"), System.nanoTime());
                        }
                    }).join();
            String net = id(api.call("POST", "/v2.0/networks", Map.of("network", Map.of("name", "ovn-latency",
                    "project_id", project))), "network");
            id(api.call("POST", "/v2.0/subnets", Map.of("subnet", Map.of("network_id", net, "cidr", "10.128.0.0/14",
                    "ip_version", 4, "project_id", project))), "subnet");
            System.out.printf("%s: size  fill_s  api_p50_ms  api_p99_ms  nb_p50_ms  nb_p99_ms  nb_max_ms  creates/s  errors%n",
                    label);
            int existing = 0;
            for (int size : sizes) {
                long fill0 = System.nanoTime();
                List<String> filled = fill(api, net, size - existing);
                for (String id : filled) await(id, Duration.ofMinutes(10));
                double fillSeconds = (System.nanoTime() - fill0) / 1e9;
                existing = size;
                measure(api, net, size, fillSeconds);
                existing += ports;
            }
            monitor.close();
        }
        return 0;
    }

    private static String id(Api.Resp r, String key) {
        if (!r.ok()) throw new IllegalStateException(r.status() + " " + r.body());
        return r.json().get(key).get("id").asText();
    }

    /** Bulk creates of 100 ports, a few at a time; returns the ids. */
    private List<String> fill(Api api, String net, int count) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore slots = new Semaphore(fillConcurrency);
            List<Future<?>> done = new ArrayList<>();
            for (int left = count; left > 0; left -= 100) {
                int n = Math.min(100, left);
                slots.acquire();
                done.add(pool.submit(() -> {
                    try {
                        List<Map<String, Object>> bodies = new ArrayList<>();
                        for (int i = 0; i < n; i++) bodies.add(Map.of("network_id", net, "project_id", project));
                        Api.Resp r = api.call("POST", "/v2.0/ports", Map.of("ports", bodies));
                        if (!r.ok()) throw new IllegalStateException(r.status() + " " + r.body());
                        for (JsonNode p : r.json().get("ports")) ids.add(p.get("id").asText());
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        }
        return ids;
    }

    private long await(String id, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Long t = seen.get(id);
            if (t != null) return t;
            Thread.sleep(2);
        }
        return -1;
    }

    private void measure(Api api, String net, int size, double fillSeconds) throws Exception {
        long[] apiNanos = new long[ports];
        long[] nbNanos = new long[ports];
        int[] errors = new int[1];
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore slots = new Semaphore(concurrency);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ports; i++) {
                int k = i;
                slots.acquire();
                done.add(pool.submit(() -> {
                    try {
                        long start = System.nanoTime();
                        Api.Resp r = api.call("POST", "/v2.0/ports", Map.of("port", Map.of("network_id", net,
                                "project_id", project)));
                        apiNanos[k] = r.nanos();
                        if (!r.ok()) {
                            synchronized (errors) {
                                errors[0]++;
                            }
                            nbNanos[k] = -1;
                            return null;
                        }
                        long at = await(r.json().get("port").get("id").asText(), Duration.ofSeconds(60));
                        nbNanos[k] = at < 0 ? -1 : at - start;
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %5d  %6.1f  %10.1f  %10.1f  %9.1f  %9.1f  %9.1f  %9.1f  %6d%n", label, size,
                fillSeconds, pct(apiNanos, 50), pct(apiNanos, 99), pct(nbNanos, 50), pct(nbNanos, 99),
                pct(nbNanos, 100), ports / seconds, errors[0]);
    }

    /** The p-th percentile in milliseconds of the non-negative values (a missing LSP counts as -1: left out). */
    private static double pct(long[] nanos, int p) {
        long[] v = java.util.Arrays.stream(nanos).filter(x -> x >= 0).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        int i = Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1);
        return v[Math.max(0, i)] / 1e6;
    }
}
