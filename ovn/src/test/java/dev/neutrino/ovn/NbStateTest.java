package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neutrino.ovsdb.OvsdbServerProcess;
import dev.neutrino.ovsdb.codec.SchemaParser;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.monitor.TableUpdatesParser;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Reading the northbound rows Neutrino owns out of a replica that keeps changing. */
class NbStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The repair pass reads the replica while the connection's reader thread applies other servers'
     * writes to it: what it reads must be one moment of the database (once, a DHCP_Options row that
     * appeared halfway through the read stopped the pass with a NullPointerException).
     */
    @Test
    void readsOneMomentOfAReplicaThatChangesMeanwhile() throws Exception {
        OvsdbServerProcess.requireTools();
        DatabaseSchema schema = SchemaParser.parse(JSON.readTree(OvsdbServerProcess.NB_SCHEMA.toFile()));
        List<MonitorRequest> requests = new ArrayList<>();
        for (String t : NbState.TABLES) requests.add(MonitorRequest.table(t));
        Replica replica = new Replica(schema, requests);
        // enough switches and ports that a read takes a while
        StringBuilder initial = new StringBuilder("{\"Logical_Switch\": {");
        StringBuilder ports = new StringBuilder("\"Logical_Switch_Port\": {");
        for (int s = 0; s < 200; s++) {
            List<String> members = new ArrayList<>();
            for (int p = 0; p < 10; p++) {
                UUID port = UUID.randomUUID();
                members.add("[\"uuid\", \"" + port + "\"]");
                ports.append(ports.charAt(ports.length() - 1) == '{' ? "" : ",").append("\"").append(port)
                        .append("\": {\"initial\": {\"name\": \"").append(UUID.randomUUID()).append("\"}}");
            }
            initial.append(s == 0 ? "" : ",").append("\"").append(UUID.randomUUID()).append("\": {\"initial\": ")
                    .append("{\"name\": \"neutron-").append(UUID.randomUUID()).append("\", \"ports\": [\"set\", [")
                    .append(String.join(",", members)).append("]]}}");
        }
        initial.append("}, ").append(ports).append("}}");
        replica.reload(TableUpdatesParser.parse(JSON.readTree(initial.toString()), schema));

        // meanwhile DHCP options of subnets come and go
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                UUID row = UUID.randomUUID();
                String insert = """
                        {"DHCP_Options": {"%s": {"insert": {"cidr": "10.0.0.0/24",
                          "external_ids": ["map", [["subnet_id", "%s"]]]}}}}""".formatted(row, UUID.randomUUID());
                replica.apply(TableUpdatesParser.parse(read(insert), schema));
                replica.apply(TableUpdatesParser.parse(read("{\"DHCP_Options\": {\"" + row + "\": {\"delete\": null}}}"),
                        schema));
            }
        });
        try {
            for (int i = 0; i < 50; i++) {
                NbState state = NbState.read(replica);
                assertThat(state.rows.get("Logical_Switch")).hasSize(200);
                assertThat(state.rows.get("Logical_Switch_Port")).hasSize(2000);
                assertThat(state.rows.getOrDefault("DHCP_Options", java.util.Map.of()).size()).isLessThanOrEqualTo(1);
            }
        } finally {
            running.set(false);
            writer.join();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
