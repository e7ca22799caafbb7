package dev.neutrino.ext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.neutrino.engine.RequestContext;

/** GET /v2.0/agents: what the dataplane reports, admins only (get_agent), read-only. */
class AgentsTest {
    ApiHarness h;
    final RequestContext admin = RequestContext.admin("admin-project");
    final RequestContext alice = RequestContext.member("alice", "project-a");

    static Map<String, Object> agent(String id, String host, String type) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("host", host);
        a.put("agent_type", type);
        a.put("alive", true);
        return a;
    }

    @BeforeEach
    void start() {
        h = new ApiHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void withoutADataplaneTheListIsEmpty() {
        assertThat(h.call(admin, "GET", "/v2.0/agents", null).list("agents")).isEmpty();
        assertThat(h.call(admin, "GET", "/v2.0/agents/nope", null).errorType()).isEqualTo("AgentNotFound");
    }

    @Test
    void adminsSeeTheAgentsFilteredAndMembersSeeNone() {
        h.app.agents().source(() -> List.of(agent("ch-b", "host-b", "OVN Controller Gateway agent"),
                agent("ch-a", "host-a", "OVN Controller agent")));
        List<Map<String, Object>> all = h.call(admin, "GET", "/v2.0/agents", null).list("agents");
        assertThat(all).extracting(a -> a.get("id")).containsExactly("ch-a", "ch-b");

        ApiHarness.Result filtered = h.call(admin, "GET", "/v2.0/agents", Map.of("agent_type",
                List.of("OVN Controller Gateway agent"), "fields", List.of("id", "host")), null);
        assertThat(filtered.list("agents")).containsExactly(Map.of("id", "ch-b", "host", "host-b"));
        assertThat(h.call(admin, "GET", "/v2.0/agents/ch-a", null).get("agent")).containsEntry("host", "host-a");
        assertThat(h.call(admin, "GET", "/v2.0/agents", Map.of("alive", List.of("True")), null).list("agents"))
                .hasSize(2);
        assertThat(h.call(admin, "GET", "/v2.0/agents", Map.of("alive", List.of("false")), null).list("agents"))
                .isEmpty();

        assertThat(h.call(alice, "GET", "/v2.0/agents", null).list("agents")).isEmpty();
        assertThat(h.call(alice, "GET", "/v2.0/agents/ch-a", null).status()).isEqualTo(404);
        assertThat(h.call(admin, "DELETE", "/v2.0/agents/ch-a", null).status()).isEqualTo(405);
    }
}
