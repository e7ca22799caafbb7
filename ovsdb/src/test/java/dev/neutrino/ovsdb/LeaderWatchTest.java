package dev.neutrino.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ovsdb.value.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderWatchTest {
    private static Row row(String model, boolean connected, boolean leader) {
        return Row.of(Map.of("name", "OVN_Northbound", "model", model, "connected", connected, "leader", leader));
    }

    @Test
    void standaloneAndRelayDatabasesAlwaysQualify() {
        assertThat(LeaderWatch.problem(row("standalone", true, true), "OVN_Northbound")).isEmpty();
        assertThat(LeaderWatch.problem(row("relay", true, false), "OVN_Northbound")).isEmpty();
    }

    @Test
    void aClusteredDatabaseNeedsAConnectedLeader() {
        assertThat(LeaderWatch.problem(row("clustered", true, true), "OVN_Northbound")).isEmpty();
        assertThat(LeaderWatch.problem(row("clustered", true, false), "OVN_Northbound")).contains("is not the leader of OVN_Northbound");
        assertThat(LeaderWatch.problem(row("clustered", false, false), "OVN_Northbound"))
                .contains("is not connected to the cluster of OVN_Northbound");
    }
}
