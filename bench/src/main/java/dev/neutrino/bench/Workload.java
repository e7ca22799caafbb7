package dev.neutrino.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The API workload run against one server (Neutrino or the Python neutron-server): the same
 * requests in the same order, every latency recorded, one JSON result. The phases:
 *
 * <ol>
 *   <li>GET /v2.0/extensions (decides whether the router/floating IP phase runs);
 *   <li>create a network and an IPv4 /16 subnet (65,534 addresses: ports never exhaust it);
 *   <li>warm-up (not compared): create, show, list and delete a few ports;
 *   <li>create N ports at each concurrency level (every 10th port has device_owner compute:bench);
 *   <li>show and update (rename) K ports one at a time;
 *   <li>for each list size S: bulk-create ports until S are present, then list them R times each
 *       unfiltered, filtered by device_owner=compute:bench, and with fields=id&amp;fields=name;
 *   <li>routers and floating IPs, only when the server lists the "router" extension;
 *   <li>delete every port at the highest concurrency, then the subnet and the network.
 * </ol>
 *
 * Non-2xx answers count as errors and are kept (request and response) in the result. Request loops
 * are bounded by counts and by --max-seconds.
 */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Run the API workload against one Neutron-compatible server and write a JSON result.")
final class Workload implements Callable<Integer> {
    @Option(names = "--url", required = true, description = "Server base URL, e.g. http://127.0.0.1:9696")
    String url;

    @Option(names = "--label", defaultValue = "server", description = "Name of the server in the result.")
    String label;

    @Option(names = "--project", defaultValue = "b3c4b3c4b3c4b3c4b3c4b3c4b3c4b3c4",
            description = "Project id: sent as X-Project-Id and as project_id in every create body.")
    String project;

    @Option(names = "--ports", defaultValue = "100", description = "Ports created at each concurrency level.")
    int portsPerLevel;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,8,32",
            description = "Concurrency levels for port creation; the highest is also used for bulk "
                    + "creation, floating IPs and deletion.")
    List<Integer> concurrency;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000",
            description = "Numbers of ports present when listing.")
    List<Integer> sizes;

    @Option(names = "--list-repeats", defaultValue = "5", description = "Repetitions of each list request.")
    int listRepeats;

    @Option(names = "--show-update", defaultValue = "100", description = "Ports shown and updated (one at a time).")
    int showUpdate;

    @Option(names = "--warmup", defaultValue = "50", description = "Ports created, shown and deleted before measuring.")
    int warmup;

    @Option(names = "--bulk-batch", defaultValue = "100", description = "Ports per bulk create request when filling.")
    int bulkBatch;

    @Option(names = "--bulk-concurrency", defaultValue = "4", description = "Concurrent bulk create requests.")
    int bulkConcurrency;

    @Option(names = "--fips", defaultValue = "50", description = "Floating IPs in the router phase (0: skip it).")
    int fips;

    @Option(names = "--delete", defaultValue = "-1",
            description = "Ports deleted (measured) at the end; -1: all, then the subnet and network too. "
                    + "Fewer leave the rest to be dropped with the database (the peer deletes slowly).")
    int deleteCount;

    @Option(names = "--pid", description = "Root pid of the server: its process tree's RSS and CPU are sampled.")
    Long pid;

    @Option(names = "--clk-tck", defaultValue = "100", description = "Clock ticks per second (getconf CLK_TCK).")
    int clkTck;

    @Option(names = "--sample-ms", defaultValue = "100", description = "RSS sampling interval.")
    long sampleMillis;

    @Option(names = "--timeout", defaultValue = "300", description = "Per-request timeout in seconds.")
    int timeoutSeconds;

    @Option(names = "--max-seconds", defaultValue = "3600",
            description = "Stop starting new requests after this long (remaining phases are cut short).")
    int maxSeconds;

    @Option(names = "--mode", defaultValue = "custom", description = "Label of the size preset, for the result.")
    String mode;

    @Option(names = "--db", defaultValue = "", description = "Database kind, for the result.")
    String db;

    @Option(names = "--out", description = "Write the JSON result here (default: stdout).")
    Path out;

    private static final int MAX_ERROR_SAMPLES_PER_OP = 5;

    private Api api;
    private ProcTree tree;
    private ProcTree.Sampler sampler;
    private long deadline;
    private final List<Map<String, Object>> ops = new ArrayList<>();
    private final List<Map<String, Object>> errorSamples = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = new ArrayList<>();
    private final List<String> notRun = new ArrayList<>();
    private volatile boolean serverGone;
    private final List<String> ports = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> computePorts = Collections.synchronizedSet(new TreeSet<>());
    private final AtomicInteger portSeq = new AtomicInteger();
    private String networkId;
    private String subnetId;

    /** One request of a phase: what to send, and how many items it carries. */
    record Req(String method, String path, Object body, int items) {}

    /** What to do with a response (runs on the requesting thread). */
    interface OnResp {
        void accept(int index, Req req, Api.Resp resp);
    }

    @Override
    public Integer call() throws Exception {
        int maxC = concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
        Instant started = Instant.now();
        String loadStart = loadAverage();
        deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        api = new Api(url, project, Duration.ofSeconds(timeoutSeconds));
        Map<String, Object> resources = new LinkedHashMap<>();
        ProcTree.Reading before = null;
        if (pid != null) {
            tree = new ProcTree(pid);
            if (!tree.alive()) throw new IllegalArgumentException("no process " + pid);
            before = tree.read();
            sampler = new ProcTree.Sampler(tree, sampleMillis);
        }
        List<String> extensions = new ArrayList<>();
        try {
            extensions = extensions();
            if (setUp()) {
                warmUp(Math.min(8, maxC));
                for (int c : concurrency) createPorts(c);
                showAndUpdate();
                for (int size : sizes.stream().sorted().toList()) {
                    fill(size, maxC);
                    listPorts(size);
                }
                if (extensions.contains("router") && fips > 0) routerPhase(maxC);
                else notes.add(extensions.contains("router") ? "router/floating IP phase skipped (--fips 0)"
                        : "router/floating IP phase skipped: the server does not list the 'router' extension");
            }
            tearDown(maxC);
            if (serverGone) notes.add("the server process " + pid + " exited during the workload (see its log)");
            if (!notRun.isEmpty()) {
                notes.add("not run, " + (serverGone ? "server gone" : "past --max-seconds " + maxSeconds) + ": "
                        + String.join(", ", notRun));
            }
        } finally {
            if (sampler != null) {
                ProcTree.Reading after = sampler.sampleOnce();
                sampler.close();
                resources.put("pid", pid);
                resources.put("processes", after.processes());
                resources.put("processes_peak", sampler.peakProcesses());
                resources.put("rss_start_mb", mb(before.rssKb()));
                resources.put("rss_peak_mb", mb(sampler.peakRssKb()));
                resources.put("rss_end_mb", mb(after.rssKb()));
                resources.put("hwm_sum_mb", mb(after.hwmKb()));
                // A tree that lost processes lost their CPU time too: no total then.
                resources.put("cpu_s", serverGone || after.processes() == 0 ? null
                        : OpStats.round((after.cpuTicks() - before.cpuTicks()) / (double) clkTck));
                resources.put("rss_samples", sampler.samples());
                resources.put("sample_ms", sampleMillis);
            }
            api.close();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("server", label);
        result.put("url", url);
        result.put("mode", mode);
        result.put("db", db);
        result.put("started_at", started.toString());
        result.put("loadavg_start", loadStart);
        result.put("loadavg_end", loadAverage());
        result.put("duration_s", OpStats.round(Duration.between(started, Instant.now()).toMillis() / 1000.0));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ports_per_level", portsPerLevel);
        config.put("concurrency", concurrency);
        config.put("list_sizes", sizes);
        config.put("list_repeats", listRepeats);
        config.put("show_update", showUpdate);
        config.put("warmup", warmup);
        config.put("bulk_batch", bulkBatch);
        config.put("bulk_concurrency", bulkConcurrency);
        config.put("fips", fips);
        config.put("delete", deleteCount);
        config.put("max_seconds", maxSeconds);
        result.put("config", config);
        result.put("extensions", extensions);
        result.put("notes", notes);
        result.put("operations", ops);
        result.put("resources", resources);
        result.put("errors", errorSamples);
        String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        if (out == null) System.out.println(json);
        else Files.writeString(out, json + "\n");
        long errors = ops.stream().mapToLong(o -> ((Number) o.get("errors")).longValue()).sum();
        System.err.printf("%s: %d operations, %d errors, %.1f s%n", label, ops.size(), errors,
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        return 0;
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine skews every number. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Double mb(long kb) {
        return OpStats.round(kb / 1024.0);
    }

    // --- phases -------------------------------------------------------------------------------

    private List<String> extensions() {
        List<String> aliases = new ArrayList<>();
        OpStats s = run("extensions_list", 1, 1, i -> new Req("GET", "/v2.0/extensions", null, 1), (i, q, r) -> {
            JsonNode j = r.ok() ? r.json() : null;
            if (j != null && j.has("extensions")) {
                for (JsonNode e : j.get("extensions")) aliases.add(e.path("alias").asText());
            }
        });
        finish(s, false);
        Collections.sort(aliases);
        return aliases;
    }

    private boolean setUp() {
        String[] id = new String[2];
        finish(run("network_create", 1, 1, i -> new Req("POST", "/v2.0/networks",
                Map.of("network", Map.of("name", "bench-net", "project_id", project)), 1),
                (i, q, r) -> id[0] = idOf(r, "network")), false);
        if (id[0] == null) {
            notes.add("network create failed: nothing else to measure");
            return false;
        }
        networkId = id[0];
        finish(run("subnet_create", 1, 1, i -> new Req("POST", "/v2.0/subnets",
                Map.of("subnet", Map.of("name", "bench-subnet", "network_id", networkId, "ip_version", 4,
                        "cidr", "10.0.0.0/16", "project_id", project)), 1),
                (i, q, r) -> id[1] = idOf(r, "subnet")), false);
        if (id[1] == null) {
            notes.add("subnet create failed: nothing else to measure");
            return false;
        }
        subnetId = id[1];
        return true;
    }

    private void warmUp(int c) {
        if (warmup <= 0) return;
        List<String> warm = Collections.synchronizedList(new ArrayList<>());
        finish(run("warmup_port_create", c, warmup, i -> new Req("POST", "/v2.0/ports",
                Map.of("port", Map.of("network_id", networkId, "name", "warm-" + i, "project_id", project)), 1),
                (i, q, r) -> {
                    String pid = idOf(r, "port");
                    if (pid != null) warm.add(pid);
                }), true);
        List<String> ids = List.copyOf(warm);
        finish(run("warmup_port_show", c, ids.size(), i -> new Req("GET", "/v2.0/ports/" + ids.get(i), null, 1),
                null), true);
        finish(run("warmup_port_list", 1, 5, i -> new Req("GET", "/v2.0/ports", null, 1), null), true);
        finish(run("warmup_port_delete", c, ids.size(),
                i -> new Req("DELETE", "/v2.0/ports/" + ids.get(i), null, 1), null), true);
    }

    private Map<String, Object> portBody(int seq) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("network_id", networkId);
        p.put("name", "bench-" + seq);
        p.put("project_id", project);
        if (seq % 10 == 0) p.put("device_owner", "compute:bench");
        return p;
    }

    private void trackPort(JsonNode port) {
        String id = port.path("id").asText(null);
        if (id == null) return;
        ports.add(id);
        if ("compute:bench".equals(port.path("device_owner").asText())) computePorts.add(id);
    }

    private void createPorts(int c) {
        OpStats s = run("port_create_c" + c, c, portsPerLevel,
                i -> new Req("POST", "/v2.0/ports", Map.of("port", portBody(portSeq.getAndIncrement())), 1),
                (i, q, r) -> {
                    JsonNode j = r.ok() ? r.json() : null;
                    if (j != null && j.has("port")) trackPort(j.get("port"));
                });
        s.portsPresent = ports.size();
        finish(s, false);
    }

    /** Bulk-creates ports until {@code size} are present; falls back to single creates if bulk fails. */
    private void fill(int size, int c) {
        int missing = size - ports.size();
        if (missing <= 0) return;
        int batches = (missing + bulkBatch - 1) / bulkBatch;
        int cc = Math.min(bulkConcurrency, batches);
        OpStats s = run("port_bulk_create_" + bulkBatch, cc, batches, i -> {
            int n = Math.min(bulkBatch, missing - i * bulkBatch);
            List<Map<String, Object>> list = new ArrayList<>(n);
            for (int k = 0; k < n; k++) list.add(portBody(portSeq.getAndIncrement()));
            return new Req("POST", "/v2.0/ports", Map.of("ports", list), n);
        }, (i, q, r) -> {
            JsonNode j = r.ok() ? r.json() : null;
            if (j != null && j.has("ports")) for (JsonNode p : j.get("ports")) trackPort(p);
        });
        s.notes.add("filled to " + size + " ports");
        s.portsPresent = ports.size();
        finish(s, false, "port_bulk_create_" + bulkBatch + "@" + size);
        int still = size - ports.size();
        if (still > 0 && s.errors() > 0) {
            OpStats f = run("port_create_fill_c" + c, c, still,
                    i -> new Req("POST", "/v2.0/ports", Map.of("port", portBody(portSeq.getAndIncrement())), 1),
                    (i, q, r) -> {
                        JsonNode j = r.ok() ? r.json() : null;
                        if (j != null && j.has("port")) trackPort(j.get("port"));
                    });
            f.notes.add("bulk create fell short; filled to " + size + " with single creates");
            f.portsPresent = ports.size();
            finish(f, false, "port_create_fill_c" + c + "@" + size);
        }
    }

    private void listPorts(int size) {
        int present = ports.size();
        if (present < size && !pastDeadline()) {
            notes.add("only " + present + " ports present for the " + size + "-port listings");
        }
        listOnce("port_list@" + size, "/v2.0/ports", present);
        listOnce("port_list_filtered@" + size, "/v2.0/ports?device_owner=compute%3Abench", computePorts.size());
        listOnce("port_list_fields@" + size, "/v2.0/ports?fields=id&fields=name", present);
    }

    private void listOnce(String name, String path, int expected) {
        AtomicInteger mismatches = new AtomicInteger();
        AtomicInteger lastCount = new AtomicInteger(-1);
        OpStats s = run(name, 1, listRepeats, i -> new Req("GET", path, null, 1), (i, q, r) -> {
            JsonNode j = r.ok() ? r.json() : null;
            int n = j != null && j.has("ports") ? j.get("ports").size() : -1;
            if (r.ok() && n != expected) {
                mismatches.incrementAndGet();
                lastCount.set(n);
            }
        });
        s.portsPresent = ports.size();
        if (mismatches.get() > 0) {
            s.notes.add(mismatches.get() + " response(s) listed " + lastCount.get() + " ports, expected " + expected);
        }
        finish(s, false);
    }

    private void showAndUpdate() {
        List<String> ids;
        synchronized (ports) {
            ids = List.copyOf(ports.subList(0, Math.min(showUpdate, ports.size())));
        }
        finish(run("port_show", 1, ids.size(), i -> new Req("GET", "/v2.0/ports/" + ids.get(i), null, 1), null),
                false);
        finish(run("port_update", 1, ids.size(), i -> new Req("PUT", "/v2.0/ports/" + ids.get(i),
                Map.of("port", Map.of("name", "bench-renamed-" + i)), 1), null), false);
    }

    private void routerPhase(int c) {
        String[] id = new String[3];
        finish(run("external_network_create", 1, 1, i -> new Req("POST", "/v2.0/networks",
                Map.of("network", Map.of("name", "bench-ext", "router:external", true, "project_id", project)),
                1), (i, q, r) -> id[0] = idOf(r, "network")), false);
        if (id[0] == null) {
            if (!pastDeadline()) notes.add("router phase: external network create failed");
            return;
        }
        String ext = id[0];
        // 198.18.0.0/15 is the benchmarking range (RFC 2544): only data here, never routed.
        finish(run("external_subnet_create", 1, 1, i -> new Req("POST", "/v2.0/subnets",
                Map.of("subnet", Map.of("name", "bench-ext-subnet", "network_id", ext, "ip_version", 4,
                        "cidr", "198.18.0.0/16", "enable_dhcp", false, "project_id", project)), 1),
                (i, q, r) -> id[1] = idOf(r, "subnet")), false);
        finish(run("router_create", 1, 1, i -> new Req("POST", "/v2.0/routers",
                Map.of("router", Map.of("name", "bench-router", "project_id", project,
                        "external_gateway_info", Map.of("network_id", ext))), 1),
                (i, q, r) -> id[2] = idOf(r, "router")), false);
        String router = id[2];
        if (id[1] != null && router != null) {
            finish(run("router_add_interface", 1, 1, i -> new Req("PUT",
                    "/v2.0/routers/" + router + "/add_router_interface", Map.of("subnet_id", subnetId), 1),
                    null), false);
            List<String> targets;
            synchronized (ports) {
                targets = List.copyOf(ports.subList(0, Math.min(fips, ports.size())));
            }
            List<String> fipIds = Collections.synchronizedList(new ArrayList<>());
            finish(run("floatingip_create_c" + c, c, targets.size(), i -> new Req("POST", "/v2.0/floatingips",
                    Map.of("floatingip", Map.of("floating_network_id", ext, "port_id", targets.get(i),
                            "project_id", project)), 1),
                    (i, q, r) -> {
                        String f = idOf(r, "floatingip");
                        if (f != null) fipIds.add(f);
                    }), false);
            finish(run("floatingip_list", 1, listRepeats, i -> new Req("GET", "/v2.0/floatingips", null, 1),
                    null), false);
            List<String> f = List.copyOf(fipIds);
            finish(run("floatingip_delete_c" + c, c, f.size(),
                    i -> new Req("DELETE", "/v2.0/floatingips/" + f.get(i), null, 1), null), false);
            finish(run("router_remove_interface", 1, 1, i -> new Req("PUT",
                    "/v2.0/routers/" + router + "/remove_router_interface", Map.of("subnet_id", subnetId), 1),
                    null), false);
        }
        if (router != null) {
            finish(run("router_delete", 1, 1, i -> new Req("DELETE", "/v2.0/routers/" + router, null, 1), null),
                    false);
        }
        if (id[1] != null) {
            finish(run("external_subnet_delete", 1, 1, i -> new Req("DELETE", "/v2.0/subnets/" + id[1], null, 1),
                    null), false);
        }
        finish(run("external_network_delete", 1, 1, i -> new Req("DELETE", "/v2.0/networks/" + ext, null, 1),
                null), false);
    }

    private void tearDown(int c) {
        List<String> all = List.copyOf(ports);
        List<String> ids = deleteCount < 0 || deleteCount >= all.size() ? all : all.subList(0, deleteCount);
        boolean everything = ids.size() == all.size();
        if (!ids.isEmpty()) {
            // Deleting everything ignores --max-seconds: ports left behind would block the network
            // delete. A partial delete (the rest goes with the database) keeps to the deadline.
            long saved = deadline;
            if (everything) deadline = Long.MAX_VALUE;
            OpStats s = run("port_delete_c" + c, c, ids.size(),
                    i -> new Req("DELETE", "/v2.0/ports/" + ids.get(i), null, 1), null);
            s.portsPresent = all.size();
            finish(s, false);
            deadline = saved;
        }
        if (!everything) {
            notes.add("deleted " + ids.size() + " of " + all.size() + " ports (--delete " + deleteCount
                    + "); the rest, the subnet and the network go with the database");
            return;
        }
        if (subnetId != null) {
            finish(run("subnet_delete", 1, 1, i -> new Req("DELETE", "/v2.0/subnets/" + subnetId, null, 1), null),
                    false);
        }
        if (networkId != null) {
            finish(run("network_delete", 1, 1, i -> new Req("DELETE", "/v2.0/networks/" + networkId, null, 1),
                    null), false);
        }
    }

    // --- machinery ----------------------------------------------------------------------------

    private static String idOf(Api.Resp r, String key) {
        JsonNode j = r.ok() ? r.json() : null;
        return j == null ? null : j.path(key).path("id").asText(null);
    }

    /**
     * Sends {@code n} requests from {@code c} virtual threads, each taking the next index until all
     * are sent (or the deadline passes), and records each latency at its index.
     */
    private OpStats run(String name, int c, int n, IntFunction<Req> request, OnResp onResp) {
        OpStats s = new OpStats(name, c, n);
        if (pastDeadline()) {
            s.notRun = true;
            return s;
        }
        ProcTree.Reading cpu0 = tree == null ? null : tree.read();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger errorsKept = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(c, n)); t++) {
            threads.add(Thread.ofVirtual().name(name + "-" + t).start(() -> {
                while (System.nanoTime() < deadline && !serverGone) {
                    int i = next.getAndIncrement();
                    if (i >= n) return;
                    Req q = request.apply(i);
                    Api.Resp r = api.call(q.method(), q.path(), q.body());
                    s.record(i, r.nanos(), r.status(), q.items());
                    sent.incrementAndGet();
                    if (r.status() < 0 && tree != null && !tree.alive()) serverGone = true;
                    if (!r.ok() && errorsKept.getAndIncrement() < MAX_ERROR_SAMPLES_PER_OP) keepError(name, q, r);
                    if (onResp != null) onResp.accept(i, q, r);
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long wall = System.nanoTime() - t0;
        // Indices are taken in order, so the sent ones are exactly 0..sent-1.
        s.done(Math.min(sent.get(), n), wall);
        if (sent.get() < n) s.notes.add("stopped at --max-seconds after " + sent.get() + " of " + n + " requests");
        if (cpu0 != null) s.serverCpuSeconds = (tree.read().cpuTicks() - cpu0.cpuTicks()) / (double) clkTck;
        return s;
    }

    private void keepError(String op, Req q, Api.Resp r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("operation", op);
        e.put("request", q.method() + " " + q.path());
        if (q.body() != null) e.put("request_body", truncate(Json.write(q.body()), 600));
        e.put("status", r.status());
        e.put("response", truncate(r.body(), 1500));
        errorSamples.add(e);
    }

    private static String truncate(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max) + "...(" + s.length() + " chars)";
    }

    private void finish(OpStats s, boolean warm) {
        finish(s, warm, s.name);
    }

    /** True past --max-seconds, or when the server's process has exited (nothing left to measure). */
    private boolean pastDeadline() {
        if (tree != null && !serverGone && !tree.alive()) serverGone = true;
        return serverGone || System.nanoTime() >= deadline;
    }

    private void finish(OpStats s, boolean warm, String name) {
        if (s.notRun) {
            notRun.add(name);
            return;
        }
        if (s.requests() == 0) return; // nothing asked for (e.g. --show-update 0)
        Map<String, Object> m = s.toJson();
        m.put("name", name);
        if (warm) m.put("warmup", true);
        ops.add(m);
        System.err.printf("%-12s %-34s n=%-6d err=%-4d p50=%8.2f ms p99=%8.2f ms %9.1f/s%n", label, name,
                s.requests(), s.errors(), nz(m.get("p50_ms")), nz(m.get("p99_ms")), nz(m.get("throughput_per_s")));
    }

    private static double nz(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
