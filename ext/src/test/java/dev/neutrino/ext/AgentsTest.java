package dev.neutrino.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ml2.AgentStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import dev.neutrino.engine.RequestContext;

/** /v2.0/agents: what the dataplane reports, admins only (get_agent); a description set, an agent deleted. */
class AgentsTest {
    @AutoClose
    final ApiHarness h = new ApiHarness();
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

    @Test
    void withoutADataplaneTheListIsEmpty() {
        assertThat(h.call(admin, "GET", "/v2.0/agents", null).list("agents")).isEmpty();
        assertThat(h.call(admin, "GET", "/v2.0/agents/nope", null).errorType()).isEqualTo("AgentNotFound");
    }

    @Test
    void adminsSeeTheAgentsFilteredAndMembersSeeNone() {
        h.app.agents().source(new Store(agent("ch-b", "host-b", "OVN Controller Gateway agent"),
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
        assertThat(h.call(alice, "DELETE", "/v2.0/agents/ch-a", null).status()).isEqualTo(404);
        assertThat(h.call(admin, "POST", "/v2.0/agents", Map.of("agent", Map.of())).status()).isEqualTo(405);
    }

    @Test
    void theAvailabilityZonesAreTheGatewayChassisZones() {
        Map<String, Object> gw1 = agent("ch-a", "host-a", "OVN Controller Gateway agent");
        gw1.put("availability_zone", "az1, az2");
        Map<String, Object> gw2 = agent("ch-b", "host-b", "OVN Controller Gateway agent");
        gw2.put("availability_zone", "az2");
        Map<String, Object> compute = agent("ch-c", "host-c", "OVN Controller agent");
        compute.put("availability_zone", "az9");
        h.app.agents().source(new Store(gw1, gw2, compute));
        ApiHarness.Result zones = h.call(alice, "GET", "/v2.0/availability_zones", null);
        assertThat(zones.status()).isEqualTo(200);
        assertThat(zones.list("availability_zones")).containsExactly(
                Map.of("name", "az1", "resource", "router", "state", "available", "tenant_id", "project-a",
                        "project_id", "project-a"),
                Map.of("name", "az2", "resource", "router", "state", "available", "tenant_id", "project-a",
                        "project_id", "project-a"));
        assertThat(h.call(alice, "GET", "/v2.0/availability_zones", Map.of("name", List.of("az2"),
                "fields", List.of("name")), null).list("availability_zones")).containsExactly(Map.of("name", "az2"));
        assertThat(h.call(alice, "POST", "/v2.0/availability_zones", Map.of()).status()).isEqualTo(405);
    }

    /** Agents in memory, as the dataplane would keep them. */
    static final class Store implements AgentStore {
        final List<Map<String, Object>> agents = new ArrayList<>();

        Store(Map<String, Object>... agents) {
            this.agents.addAll(List.of(agents));
        }

        @Override public List<Map<String, Object>> list() { return List.copyOf(agents); }

        @Override public void describe(Map<String, Object> agent, String description) {
            agents.stream().filter(a -> a.get("id").equals(agent.get("id"))).forEach(a -> a.put("description", description));
        }

        @Override public void delete(Map<String, Object> agent) {
            agents.removeIf(a -> a.get("id").equals(agent.get("id")));
        }
    }

    @Test
    void anAgentsDescriptionIsSetAndAnAgentIsDeletedAsMl2OvnDoes() {
        Store store = new Store(agent("ch-a", "host-a", "OVN Controller agent"));
        h.app.agents().source(store);
        assertThat(h.call(admin, "GET", "/v2.0/extensions/agent", null).status()).isEqualTo(200);

        ApiHarness.Result described = h.call(admin, "PUT", "/v2.0/agents/ch-a",
                Map.of("agent", Map.of("description", "rack 4", "admin_state_up", true)));
        assertThat(described.status()).as("%s", described.body()).isEqualTo(200);
        assertThat(described.get("agent")).containsEntry("description", "rack 4").containsEntry("host", "host-a");
        assertThat(h.call(admin, "GET", "/v2.0/agents/ch-a", null).get("agent")).containsEntry("description", "rack 4");

        ApiHarness.Result down = h.call(admin, "PUT", "/v2.0/agents/ch-a", Map.of("agent", Map.of("admin_state_up", false)));
        assertThat(down.status()).isEqualTo(400);
        assertThat(down.get("NeutronError").get("message")).isEqualTo("Bad agent request: OVN agent status cannot be "
                + "updated.");
        assertThat(h.call(admin, "PUT", "/v2.0/agents/ch-a", Map.of("agent", Map.of("host", "x"))).get("NeutronError")
                .get("message")).isEqualTo("Cannot update read-only attribute host");
        assertThat(h.call(admin, "PUT", "/v2.0/agents/nope", Map.of("agent", Map.of("description", "d")))
                .errorType()).isEqualTo("AgentNotFound");
        assertThat(h.call(alice, "PUT", "/v2.0/agents/ch-a", Map.of("agent", Map.of("description", "d"))).status())
                .as("a member does not see agents").isEqualTo(404);

        assertThat(h.call(admin, "DELETE", "/v2.0/agents/ch-a", null).status()).isEqualTo(204);
        assertThat(h.call(admin, "GET", "/v2.0/agents", null).list("agents")).isEmpty();
    }
}
