package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.NETWORKS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** qos-port-network-policy: a port shows its network's QoS policy as {@code qos_network_policy_id}. */
final class QosPortHooks implements ResourceHooks {
    static final String ATTRIBUTE = "qos_network_policy_id";

    @Override
    public void extend(Tx tx, List<Map<String, Object>> ports) {
        Set<String> networks = new HashSet<>();
        for (Map<String, Object> p : ports) if (p.get("network_id") instanceof String n) networks.add(n);
        Map<String, String> policies = new HashMap<>();
        if (!networks.isEmpty()) {
            tx.dsl().select(NETWORKS.ID, NETWORKS.QOS_POLICY_ID).from(NETWORKS).where(NETWORKS.ID.in(networks))
                    .fetch().forEach(r -> policies.put(r.value1(), r.value2()));
        }
        for (Map<String, Object> p : ports) p.put(ATTRIBUTE, policies.get(p.get("network_id")));
    }
}
