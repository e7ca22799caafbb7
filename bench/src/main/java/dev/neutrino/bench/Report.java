package dev.neutrino.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the side-by-side table of two workload results (Markdown, readable in a terminal too).
 * Ratios are always "how many times better Neutrino is": latency peer/Neutrino, throughput
 * Neutrino/peer (the time per item of the peer over Neutrino's), memory and CPU peer/Neutrino.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compare two workload results (Neutrino and the peer) as Markdown tables.")
final class Report implements Callable<Integer> {
    @Option(names = "--neutrino", required = true, description = "Neutrino's JSON result.")
    Path neutrinoFile;

    @Option(names = "--peer", description = "The peer's JSON result (Python neutron-server).")
    Path peerFile;

    @Option(names = "--out", description = "Also write the report to this file.")
    Path out;

    @Option(names = "--warmup", description = "Include the warm-up operations.")
    boolean showWarmup;

    @Override
    public Integer call() throws Exception {
        JsonNode n = Json.MAPPER.readTree(Files.readString(neutrinoFile));
        JsonNode p = peerFile != null && Files.isRegularFile(peerFile)
                ? Json.MAPPER.readTree(Files.readString(peerFile)) : null;
        String text = render(n, p, showWarmup);
        System.out.print(text);
        if (out != null) Files.writeString(out, text);
        return 0;
    }

    static String render(JsonNode n, JsonNode p, boolean showWarmup) {
        StringBuilder sb = new StringBuilder();
        String peerName = p == null ? "peer" : p.path("server").asText("peer");
        String nName = n.path("server").asText("neutrino");
        JsonNode cfg = n.path("config");
        sb.append(String.format(Locale.ROOT, "Mode %s, database %s; %d ports per concurrency level %s; "
                        + "list sizes %s (each list repeated %d times); show/update %d ports; warm-up %d ports; "
                        + "at most %d s of requests per server.%n",
                n.path("mode").asText(), n.path("db").asText(), cfg.path("ports_per_level").asInt(),
                cfg.path("concurrency"), cfg.path("list_sizes"), cfg.path("list_repeats").asInt(),
                cfg.path("show_update").asInt(), cfg.path("warmup").asInt(), cfg.path("max_seconds").asInt()));
        sb.append("Load average (1/5/15 min) at start and end: ").append(nName).append(' ')
                .append(n.path("loadavg_start").asText()).append(" -> ").append(n.path("loadavg_end").asText());
        if (p != null) {
            sb.append("; ").append(peerName).append(' ').append(p.path("loadavg_start").asText()).append(" -> ")
                    .append(p.path("loadavg_end").asText());
        }
        sb.append(" (").append(Runtime.getRuntime().availableProcessors()).append(" CPUs).\n");
        if (p == null) sb.append("No peer result: only ").append(nName).append(" is shown.\n");
        sb.append('\n');

        Map<String, JsonNode> nOps = ops(n);
        Map<String, JsonNode> pOps = p == null ? Map.of() : ops(p);
        List<String> names = new ArrayList<>(nOps.keySet());
        for (String k : pOps.keySet()) if (!names.contains(k)) names.add(k);

        sb.append("| operation | conc | ").append(nName).append(" p50 ms | p99 ms | /s | err | ")
                .append(peerName).append(" p50 ms | p99 ms | /s | err | p50 peer/N | p99 peer/N | /s N/peer |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String name : names) {
            JsonNode a = nOps.get(name);
            JsonNode b = pOps.get(name);
            JsonNode any = a != null ? a : b;
            if (!showWarmup && any.path("warmup").asBoolean(false)) continue;
            sb.append("| ").append(name).append(" | ").append(any.path("concurrency").asInt()).append(" | ");
            cells(sb, a);
            cells(sb, b);
            sb.append(fmt(ratio(num(b, "p50_ms"), num(a, "p50_ms")))).append(" | ")
                    .append(fmt(ratio(num(b, "p99_ms"), num(a, "p99_ms")))).append(" | ")
                    .append(fmt(ratio(num(a, "throughput_per_s"), num(b, "throughput_per_s")))).append(" |\n");
        }
        sb.append('\n');
        sb.append("Throughput (/s) is items per second of wall time of the phase: requests, or ports for bulk "
                + "creates. Lists: `@N` = N ports present.\n\n");

        JsonNode nr = n.path("resources");
        JsonNode pr = p == null ? null : p.path("resources");
        sb.append("| resources (whole process tree) | ").append(nName).append(" | ").append(peerName)
                .append(" | peer/N |\n|---|---:|---:|---:|\n");
        resRow(sb, "processes (end / peak)", nr, pr, "processes", "processes_peak");
        resRow(sb, "RSS before the workload, MB", nr, pr, "rss_start_mb", null);
        resRow(sb, "peak RSS (sampled sum of VmRSS), MB", nr, pr, "rss_peak_mb", null);
        resRow(sb, "sum of per-process VmHWM, MB", nr, pr, "hwm_sum_mb", null);
        resRow(sb, "CPU seconds during the workload (utime+stime)", nr, pr, "cpu_s", null);
        sb.append("| workload wall time, s | ").append(fmt(num(n, "duration_s"))).append(" | ")
                .append(fmt(num(p, "duration_s"))).append(" | ").append(fmt(ratio(num(p, "duration_s"),
                        num(n, "duration_s")))).append(" |\n\n");

        if (p != null) targets(sb, n, p, nOps, pOps);
        notes(sb, nName, n);
        if (p != null) notes(sb, peerName, p);
        return sb.toString();
    }

    private static void targets(StringBuilder sb, JsonNode n, JsonNode p, Map<String, JsonNode> nOps,
            Map<String, JsonNode> pOps) {
        sb.append("| target (issue) | measured | verdict |\n|---|---:|---|\n");
        int maxC = 0;
        for (JsonNode c : n.path("config").path("concurrency")) maxC = Math.max(maxC, c.asInt());
        String create = "port_create_c" + maxC;
        double thr = ratio(nOps.get(create), pOps.get(create), "throughput_per_s", true);
        verdict(sb, "port create throughput at concurrency " + maxC + " >= 20x the peer's", thr, 20, "");
        int maxSize = 0;
        for (JsonNode s : n.path("config").path("list_sizes")) maxSize = Math.max(maxSize, s.asInt());
        String list = "port_list@" + maxSize;
        double lr = ratio(nOps.get(list), pOps.get(list), "p50_ms", false);
        verdict(sb, "listing 10,000 ports >= 20x faster (p50)", lr, 20,
                maxSize == 10000 ? "" : " (measured with " + maxSize + " ports, not 10,000)");
        for (JsonNode c : n.path("config").path("concurrency")) {
            String op = "port_create_c" + c.asInt();
            verdict(sb, "p99 of port create (concurrency " + c.asInt() + ") <= 1/10 of the peer's",
                    ratio(nOps.get(op), pOps.get(op), "p99_ms", false), 10, "");
        }
        double rss = ratio(num(p.path("resources"), "rss_peak_mb"), num(n.path("resources"), "rss_peak_mb"));
        verdict(sb, "peak RSS <= 1/3 of the peer's", rss, 3, "");
        sb.append('\n');
    }

    private static void verdict(StringBuilder sb, String what, double measured, double goal, String caveat) {
        String v = Double.isNaN(measured) ? "not measured" : measured >= goal ? "met" : "MISSED";
        sb.append("| ").append(what).append(" | ").append(Double.isNaN(measured) ? "-" : fmt(measured) + "x")
                .append(" | ").append(v).append(caveat).append(" |\n");
    }

    /** Neutrino's advantage on one field: b/a for latencies, a/b for throughput; NaN with errors. */
    private static double ratio(JsonNode a, JsonNode b, String field, boolean higherIsBetter) {
        if (a == null || b == null) return Double.NaN;
        if (a.path("errors").asInt() > 0 && a.path("errors").asInt() >= a.path("requests").asInt()) return Double.NaN;
        return higherIsBetter ? ratio(num(a, field), num(b, field)) : ratio(num(b, field), num(a, field));
    }

    private static void notes(StringBuilder sb, String name, JsonNode r) {
        List<String> lines = new ArrayList<>();
        for (JsonNode note : r.path("notes")) lines.add(note.asText());
        for (JsonNode op : r.path("operations")) {
            for (JsonNode note : op.path("notes")) {
                if (!note.asText().startsWith("filled to")) lines.add(op.path("name").asText() + ": " + note.asText());
            }
        }
        JsonNode errors = r.path("errors");
        if (lines.isEmpty() && errors.isEmpty()) return;
        sb.append("Notes for ").append(name).append(":\n");
        for (String l : lines) sb.append("- ").append(l).append('\n');
        if (!errors.isEmpty()) {
            sb.append("- errors (first ").append(errors.size()).append(" kept; up to 5 per operation):\n");
            for (JsonNode e : errors) {
                sb.append("  - ").append(e.path("operation").asText()).append(": ")
                        .append(e.path("request").asText());
                if (e.has("request_body")) sb.append(' ').append(e.path("request_body").asText());
                sb.append(" -> ").append(e.path("status").asInt()).append(' ')
                        .append(e.path("response").asText().replace('\n', ' ')).append('\n');
            }
        }
        sb.append('\n');
    }

    private static Map<String, JsonNode> ops(JsonNode r) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode op : r.path("operations")) m.put(op.path("name").asText(), op);
        return m;
    }

    private static void cells(StringBuilder sb, JsonNode op) {
        if (op == null) {
            sb.append("- | - | - | - | ");
            return;
        }
        sb.append(fmt(num(op, "p50_ms"))).append(" | ").append(fmt(num(op, "p99_ms"))).append(" | ")
                .append(fmt(num(op, "throughput_per_s"))).append(" | ").append(op.path("errors").asInt())
                .append(" | ");
    }

    private static void resRow(StringBuilder sb, String label, JsonNode a, JsonNode b, String field, String peak) {
        sb.append("| ").append(label).append(" | ").append(res(a, field, peak)).append(" | ")
                .append(res(b, field, peak)).append(" | ");
        sb.append(peak == null ? fmt(ratio(num(b, field), num(a, field))) : "").append(" |\n");
    }

    private static String res(JsonNode r, String field, String peak) {
        if (r == null || !r.has(field)) return "-";
        if (peak != null) return r.path(field).asInt() + " / " + r.path(peak).asInt();
        return fmt(num(r, field));
    }

    private static double num(JsonNode node, String field) {
        if (node == null) return Double.NaN;
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static double ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) return Double.NaN;
        return a / b;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) return "-";
        double abs = Math.abs(v);
        if (abs >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (abs >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
