package dev.neutrino.ext.agent;

import dev.neutrino.common.NeutronException;
import dev.neutrino.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.ListQuery;
import dev.neutrino.engine.RequestContext;

/**
 * {@code GET /v2.0/agents[/id]}: the agents the dataplane reports. With ML2/OVN these are not rows in
 * Neutron's database but the chassis in OVN's southbound database (one "OVN Controller agent" per
 * chassis), so this is read-only and served from a supplier the OVN driver sets; without a dataplane
 * the list is empty. Who sees an agent is the {@code get_agent} policy (admins only by default: a
 * member's list is empty, a member's show is 404).
 */
public final class Agents {
    private volatile Supplier<List<Map<String, Object>>> source = List::of;
    private final Policy policy;

    public Agents(Policy policy) {
        this.policy = policy;
    }

    /** Sets where agents come from (the OVN driver's view of the southbound Chassis table). */
    public void source(Supplier<List<Map<String, Object>>> agents) {
        this.source = Objects.requireNonNull(agents);
    }

    public ApiResponse handle(ApiRequest req, String[] seg) {
        if (!req.method().equals("GET")) {
            throw new NeutronException(405, "HTTPMethodNotAllowed", "Agents are read-only here: they are the "
                    + "dataplane's chassis");
        }
        ListQuery q = ListQuery.parse(req.query());
        if (seg.length == 3) {
            Map<String, Object> agent = visible(req.ctx()).stream().filter(a -> seg[2].equals(a.get("id")))
                    .findFirst().orElseThrow(() -> NeutronException.notFound("agent", seg[2]));
            return ApiResponse.ok(Map.of("agent", select(agent, q.fields())));
        }
        if (seg.length != 2) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : visible(req.ctx())) {
            if (matches(a, q.filters())) out.add(select(a, q.fields()));
        }
        return ApiResponse.ok(Map.of("agents", out));
    }

    private List<Map<String, Object>> visible(RequestContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : source.get()) {
            if (ctx.isAdmin() || policy.checkAction(ctx.creds(), "get_agent", a, "agents")) out.add(a);
        }
        out.sort((x, y) -> String.valueOf(x.get("id")).compareTo(String.valueOf(y.get("id"))));
        return out;
    }

    /** Exact matches, a repeated key meaning any of its values (Neutron's filter semantics). */
    private static boolean matches(Map<String, Object> agent, Map<String, List<String>> filters) {
        for (var f : filters.entrySet()) {
            if (!agent.containsKey(f.getKey())) continue; // Neutron ignores unknown filters
            Object value = agent.get(f.getKey());
            boolean any = f.getValue().stream().anyMatch(v -> value instanceof Boolean
                    ? value.equals(bool(v)) : String.valueOf(value).equals(v));
            if (!any) return false;
        }
        return true;
    }

    private static Object bool(String v) {
        try {
            return dev.neutrino.model.Converters.BOOLEAN.convert(v);
        } catch (IllegalArgumentException e) {
            throw NeutronException.badRequest("Invalid input for operation: " + e.getMessage() + ".");
        }
    }

    private static Map<String, Object> select(Map<String, Object> agent, Set<String> fields) {
        if (fields.isEmpty()) return agent;
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) if (agent.containsKey(f)) out.put(f, agent.get(f));
        return out;
    }
}
