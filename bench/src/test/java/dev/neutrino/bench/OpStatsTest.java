package dev.neutrino.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpStatsTest {
    @Test
    void nearestRankPercentilesOverSortedNanos() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) sorted[i] = (i + 1) * 1_000_000L; // 1..100 ms
        assertThat(OpStats.percentile(sorted, 50)).isEqualTo(50.0);
        assertThat(OpStats.percentile(sorted, 99)).isEqualTo(99.0);
        assertThat(OpStats.percentile(sorted, 100)).isEqualTo(100.0);
        assertThat(OpStats.percentile(new long[] {7_000_000L}, 99)).isEqualTo(7.0);
        assertThat(OpStats.percentile(new long[0], 50)).isNaN();
    }

    @Test
    void countsNon2xxAsErrorsAndOnlySuccessfulItems() {
        OpStats s = new OpStats("port_create_c8", 8, 4);
        s.record(0, 3_000_000L, 201, 1);
        s.record(1, 1_000_000L, 201, 1);
        s.record(2, 2_000_000L, 500, 1);
        s.record(3, 4_000_000L, -1, 1);
        s.done(4, 2_000_000_000L);
        Map<String, Object> json = s.toJson();
        assertThat(json).containsEntry("requests", 4).containsEntry("errors", 2).containsEntry("items", 2L)
                .containsEntry("p50_ms", 2.0).containsEntry("max_ms", 4.0)
                .containsEntry("throughput_per_s", 1.0).containsEntry("concurrency", 8);
    }

    @Test
    void noThroughputWithoutRequests() {
        OpStats s = new OpStats("port_show", 1, 10);
        s.done(0, 1_000_000L);
        assertThat(s.toJson().get("throughput_per_s")).isNull();
        assertThat(s.toJson().get("p50_ms")).isNull();
    }
}
