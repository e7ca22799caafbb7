package dev.neutrino.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latencies of one operation of the workload (one phase: same request kind, same concurrency),
 * kept as a plain array of nanoseconds and sorted once for the percentiles.
 */
final class OpStats {
    final String name;
    final int concurrency;
    private final long[] nanos;
    private final int[] items;
    private final int[] status;
    private int count;
    long wallNanos;
    double serverCpuSeconds = Double.NaN;
    Integer portsPresent;
    /** Not started: the workload's deadline had passed. */
    boolean notRun;
    final List<String> notes = new ArrayList<>();

    OpStats(String name, int concurrency, int capacity) {
        this.name = name;
        this.concurrency = concurrency;
        this.nanos = new long[capacity];
        this.items = new int[capacity];
        this.status = new int[capacity];
    }

    /** Records request {@code i} (each index written by one thread only). */
    void record(int i, long latencyNanos, int httpStatus, int itemCount) {
        nanos[i] = latencyNanos;
        status[i] = httpStatus;
        items[i] = itemCount;
    }

    void done(int requests, long wall) {
        this.count = requests;
        this.wallNanos = wall;
    }

    int requests() {
        return count;
    }

    int errors() {
        int e = 0;
        for (int i = 0; i < count; i++) if (status[i] < 200 || status[i] > 299) e++;
        return e;
    }

    /** Items handled by successful requests (ports of a bulk create count one each). */
    long items() {
        long n = 0;
        for (int i = 0; i < count; i++) if (status[i] >= 200 && status[i] <= 299) n += items[i];
        return n;
    }

    /** Nearest-rank percentile in milliseconds over all requests, failed ones included. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    Map<String, Object> toJson() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) sum += v;
        double wallS = wallNanos / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("concurrency", concurrency);
        m.put("requests", count);
        m.put("items", items());
        m.put("errors", errors());
        m.put("p50_ms", round(percentile(sorted, 50)));
        m.put("p90_ms", round(percentile(sorted, 90)));
        m.put("p99_ms", round(percentile(sorted, 99)));
        m.put("mean_ms", count == 0 ? null : round(sum / count / 1e6));
        m.put("max_ms", round(percentile(sorted, 100)));
        m.put("wall_s", round(wallS));
        m.put("throughput_per_s", wallS > 0 && count > 0 ? round(items() / wallS) : null);
        m.put("server_cpu_s", Double.isNaN(serverCpuSeconds) ? null : round(serverCpuSeconds));
        if (portsPresent != null) m.put("ports_present", portsPresent);
        if (!notes.isEmpty()) m.put("notes", notes);
        return m;
    }

    static Double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        return Math.round(v * 1000.0) / 1000.0;
    }
}
