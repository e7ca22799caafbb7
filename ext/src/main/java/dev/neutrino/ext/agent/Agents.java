package dev.neutrino.ext.agent;

import dev.neutrino.common.NeutronException;
import dev.neutrino.ml2.AgentStore;
import dev.neutrino.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.ListQuery;
import dev.neutrino.engine.RequestContext;

/**
 * {@code /v2.0/agents[/id]} (the {@code agent} extension): the agents the dataplane reports. With
 * ML2/OVN these are not rows in Neutron's database but the chassis in OVN's southbound database (one
 * "OVN Controller agent" per chassis), from an {@link AgentStore} the OVN driver sets; without a
 * dataplane there are none. Who sees an agent is the {@code get_agent} policy (admins only by default:
 * a member's list is empty, a member's show is 404). As ML2/OVN's update_agent and delete_agent: an
 * update sets the description only ({@code admin_state_up} false is 400: OVN agents cannot be
 * disabled), a delete removes the agent's chassis.
 */
public final class Agents {
    private volatile AgentStore store = AgentStore.NONE;
    private final Policy policy;

    public Agents(Policy policy) {
        this.policy = policy;
    }

    /** Sets where agents come from (the OVN driver's view of the southbound Chassis table). */
    public void source(AgentStore agents) {
        this.store = Objects.requireNonNull(agents);
    }

    public ApiResponse handle(ApiRequest req, String[] seg) {
        if (seg.length == 3) {
            Map<String, Object> agent = visible(req.ctx()).stream().filter(a -> seg[2].equals(a.get("id")))
                    .findFirst().orElseThrow(() -> NeutronException.notFound("agent", seg[2]));
            return switch (req.method()) {
                case "GET" -> ApiResponse.ok(Map.of("agent", select(agent, ListQuery.parse(req.query()).fields())));
                case "PUT" -> ApiResponse.ok(Map.of("agent", update(req, agent)));
                case "DELETE" -> {
                    policy.enforceAction(req.ctx().creds(), "delete_agent", agent, "agents");
                    store.delete(agent);
                    yield ApiResponse.noContent();
                }
                default -> throw NeutronException.methodNotAllowed();
            };
        }
        if (seg.length != 2) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        if (!req.method().equals("GET")) throw NeutronException.methodNotAllowed(); // agents register themselves
        ListQuery q = ListQuery.parse(req.query());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : visible(req.ctx())) {
            if (matches(a, q.filters())) out.add(select(a, q.fields()));
        }
        return ApiResponse.ok(Map.of("agents", out));
    }

    /** neutron_lib's agent.py: description and admin_state_up may be put, the rest is read-only. */
    private Map<String, Object> update(ApiRequest req, Map<String, Object> agent) {
        if (!(req.body() instanceof Map<?, ?> body) || !(body.get("agent") instanceof Map<?, ?> changes)) {
            throw NeutronException.badRequest("Unable to find 'agent' in request body");
        }
        for (Object key : changes.keySet()) {
            if (!key.equals("description") && !key.equals("admin_state_up")) {
                if (!agent.containsKey(String.valueOf(key))) throw NeutronException.unknownAttribute(String.valueOf(key));
                throw NeutronException.badRequest("Cannot update read-only attribute " + key);
            }
        }
        Object description = changes.get("description");
        if (changes.containsKey("description")) {
            String reason = dev.neutrino.model.Validators.stringOrNone(255).validate(description);
            if (reason != null) throw NeutronException.invalidInput("description", reason);
        }
        boolean up = !changes.containsKey("admin_state_up") || Boolean.TRUE.equals(bool(changes.get("admin_state_up")));
        policy.enforceAction(req.ctx().creds(), "update_agent", agent, "agents");
        if (!up) {
            throw new NeutronException(400, "BadRequest", "Bad agent request: OVN agent status cannot be updated.");
        }
        Map<String, Object> out = new LinkedHashMap<>(agent);
        if (changes.containsKey("description")) {
            String text = description == null ? "" : (String) description;
            store.describe(agent, text);
            out.put("description", text);
        }
        return out;
    }

    /** Every agent, whoever asks. */
    List<Map<String, Object>> all() {
        return store.list();
    }

    private List<Map<String, Object>> visible(RequestContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : store.list()) {
            if (ctx.isAdmin() || policy.checkAction(ctx.creds(), "get_agent", a, "agents")) out.add(a);
        }
        out.sort((x, y) -> String.valueOf(x.get("id")).compareTo(String.valueOf(y.get("id"))));
        return out;
    }

    /** Exact matches, a repeated key meaning any of its values (Neutron's filter semantics). */
    static boolean matches(Map<String, Object> agent, Map<String, List<String>> filters) {
        for (var f : filters.entrySet()) {
            if (!agent.containsKey(f.getKey())) continue; // Neutron ignores unknown filters
            Object value = agent.get(f.getKey());
            boolean any = f.getValue().stream().anyMatch(v -> value instanceof Boolean
                    ? value.equals(bool(v)) : String.valueOf(value).equals(v));
            if (!any) return false;
        }
        return true;
    }

    private static Object bool(Object v) {
        try {
            return dev.neutrino.model.Converters.BOOLEAN.convert(v);
        } catch (IllegalArgumentException e) {
            throw NeutronException.badRequest("Invalid input for operation: " + e.getMessage() + ".");
        }
    }

    static Map<String, Object> select(Map<String, Object> agent, Set<String> fields) {
        if (fields.isEmpty()) return agent;
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) if (agent.containsKey(f)) out.put(f, agent.get(f));
        return out;
    }
}
