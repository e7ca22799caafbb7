package dev.neutrino.ml2;

import java.util.List;
import java.util.Map;

/**
 * Where agents live: with ML2/OVN, the southbound Chassis and Chassis_Private rows (the OVN driver's
 * {@code OvnAgents}). Without a dataplane there are none.
 */
public interface AgentStore {
    AgentStore NONE = new AgentStore() {
        @Override public List<Map<String, Object>> list() { return List.of(); }
        @Override public void describe(Map<String, Object> agent, String description) {}
        @Override public void delete(Map<String, Object> agent) {}
    };

    /** Every agent, as the API shows it. */
    List<Map<String, Object>> list();

    /** Sets an agent's description (ML2/OVN: an external id of its chassis). */
    void describe(Map<String, Object> agent, String description);

    /** Deletes an agent (ML2/OVN: its chassis, as for a host that is gone). */
    void delete(Map<String, Object> agent);
}
