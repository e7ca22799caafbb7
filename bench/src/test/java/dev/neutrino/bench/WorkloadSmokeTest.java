package dev.neutrino.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.common.Config;
import dev.neutrino.common.Json;
import dev.neutrino.db.DatabaseOptions;
import dev.neutrino.server.AllOptions;
import dev.neutrino.server.NeutrinoServer;
import dev.neutrino.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The workload runs end to end against an in-process Neutrino on H2 (tiny sizes, no timings checked). */
class WorkloadSmokeTest {
    @Test
    void runsEveryPhaseAndWritesAResult(@TempDir Path dir) throws Exception {
        Config config = Config.defaults(AllOptions.ALL)
                .with(ServerOptions.BIND_HOST, "127.0.0.1")
                .with(ServerOptions.BIND_PORT, 0)
                .with(DatabaseOptions.CONNECTION, "jdbc:h2:mem:bench_smoke;DB_CLOSE_DELAY=-1");
        NeutrinoServer server = NeutrinoServer.start(config);
        Path out = dir.resolve("neutrino.json");
        try {
            int code = new CommandLine(new Workload()).execute("--url", "http://127.0.0.1:" + server.port(),
                    "--label", "neutrino", "--ports", "3", "--concurrency", "1,2", "--sizes", "8,12",
                    "--list-repeats", "2", "--show-update", "2", "--warmup", "0", "--bulk-batch", "3",
                    "--fips", "2", "--pid", Long.toString(ProcessHandle.current().pid()), "--out", out.toString());
            assertThat(code).isZero();
        } finally {
            server.close();
        }
        JsonNode r = Json.MAPPER.readTree(Files.readString(out));
        List<String> ops = new ArrayList<>();
        for (JsonNode op : r.path("operations")) ops.add(op.path("name").asText());
        assertThat(ops).contains("network_create", "subnet_create", "port_create_c1", "port_create_c2",
                "port_show", "port_update", "port_list@8", "port_list_filtered@8", "port_list_fields@12",
                "port_delete_c2", "subnet_delete", "network_delete");
        for (JsonNode op : r.path("operations")) {
            assertThat(op.path("requests").asInt()).as(op.path("name").asText()).isPositive();
            assertThat(op.has("notes") ? op.path("notes").toString() : "").as(op.path("name").asText())
                    .doesNotContain("expected");
        }
        assertThat(r.path("errors")).as("errors").isEmpty();
        assertThat(r.path("resources").path("rss_peak_mb").asDouble()).isPositive();
    }
}
