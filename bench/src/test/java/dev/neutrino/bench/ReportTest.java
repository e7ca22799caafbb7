package dev.neutrino.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Json;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static JsonNode result(String server, double createP99, double createRate, double listP50, double rss) {
        return Json.MAPPER.valueToTree(Json.read("""
                {"server": "%s", "mode": "quick", "db": "mariadb", "duration_s": 10,
                 "config": {"ports_per_level": 20, "concurrency": [1, 32], "list_sizes": [100, 10000],
                            "list_repeats": 3, "show_update": 5, "warmup": 0, "max_seconds": 60},
                 "notes": ["a note"],
                 "operations": [
                   {"name": "warmup_port_create", "warmup": true, "concurrency": 8, "requests": 1, "errors": 0},
                   {"name": "port_create_c1", "concurrency": 1, "requests": 20, "errors": 0,
                    "p50_ms": 1, "p99_ms": %s, "throughput_per_s": 10},
                   {"name": "port_create_c32", "concurrency": 32, "requests": 20, "errors": 0,
                    "p50_ms": 1, "p99_ms": %s, "throughput_per_s": %s},
                   {"name": "port_list@10000", "concurrency": 1, "requests": 3, "errors": 0,
                    "p50_ms": %s, "p99_ms": 1, "throughput_per_s": 1}],
                 "resources": {"processes": 1, "processes_peak": 1, "rss_peak_mb": %s, "cpu_s": 2},
                 "errors": [{"operation": "port_create_c1", "request": "POST /v2.0/ports", "status": 500,
                             "response": "boom"}]}
                """.formatted(server, createP99, createP99, createRate, listP50, rss)));
    }

    @Test
    void comparesOperationsAndChecksTheTargets() {
        JsonNode n = result("neutrino", 10, 400, 5, 100);
        JsonNode p = result("neutron", 200, 10, 50, 900);
        String text = Report.render(n, p, false);
        assertThat(text).contains("| port_create_c32 | 32 | 1.00 | 10.0 | 400 | 0 | 1.00 | 200 | 10.0 | 0 | 1.00 | 20.0 | 40.0 |");
        assertThat(text).doesNotContain("warmup_port_create");
        assertThat(text).contains("| port create throughput at concurrency 32 >= 20x the peer's | 40.0x | met |");
        assertThat(text).contains("| listing 10,000 ports >= 20x faster (p50) | 10.0x | MISSED |");
        assertThat(text).contains("| peak RSS <= 1/3 of the peer's | 9.00x | met |");
        assertThat(text).contains("port_create_c1: POST /v2.0/ports -> 500 boom");
    }

    @Test
    void rendersWithoutAPeer() {
        String text = Report.render(result("neutrino", 10, 400, 5, 100), null, true);
        assertThat(text).contains("No peer result").contains("warmup_port_create").doesNotContain("target (issue)");
    }
}
