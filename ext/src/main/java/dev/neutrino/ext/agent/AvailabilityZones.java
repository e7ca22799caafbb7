package dev.neutrino.ext.agent;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.ListQuery;
import dev.neutrino.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code GET /v2.0/availability_zones} as ML2/OVN's list_availability_zones answers it: the zones of
 * the gateway chassis (their {@code ovn-cms-options availability-zones}, here read off the gateway
 * agents), each {@code {"name", "resource": "router", "state": "available"}} with the caller's
 * project; filters on name, resource and state; each passes {@code get_availability_zone} (Zed's:
 * any user).
 */
public final class AvailabilityZones {
    static final String PATH = "availability_zones";
    /** ML2/OVN's OVN_CONTROLLER_GW_AGENT: the agent of a chassis that can host router gateways. */
    static final String GATEWAY_AGENT = "OVN Controller Gateway agent";
    private final Agents agents;
    private final Policy policy;

    private AvailabilityZones(Agents agents, Policy policy) {
        this.agents = agents;
        this.policy = policy;
    }

    public static void install(dev.neutrino.engine.Engine engine, Agents agents, Policy policy) {
        if (!engine.hasExtension(AgentExtension.AVAILABILITY_ZONE.alias())) return;
        engine.endpoint(PATH, new AvailabilityZones(agents, policy)::handle);
    }

    ApiResponse handle(ApiRequest req, String[] seg) {
        NeutronException.requireCollectionGet(req.method(), seg);
        ListQuery q = ListQuery.parse(req.query());
        TreeSet<String> names = new TreeSet<>();
        for (Map<String, Object> a : agents.all()) {
            if (!GATEWAY_AGENT.equals(a.get("agent_type"))) continue;
            for (String z : String.valueOf(a.getOrDefault("availability_zone", "")).split(",")) {
                if (!z.strip().isEmpty()) names.add(z.strip());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> az = new java.util.LinkedHashMap<>();
            az.put("name", name);
            az.put("resource", "router");
            az.put("state", "available");
            az.put("tenant_id", req.ctx().projectId());
            az.put("project_id", req.ctx().projectId());
            if (!policy.checkAction(req.ctx().creds(), "get_availability_zone", az, PATH)) continue;
            if (Agents.matches(az, q.filters())) out.add(Agents.select(az, q.fields()));
        }
        return ApiResponse.ok(Map.of(PATH, out));
    }
}
