package dev.neutrino.ext.portbindings;

import static dev.neutrino.ext.portbindings.PortBindingsExtension.ACTIVATE;
import static dev.neutrino.ext.portbindings.PortBindingsExtension.ACTIVE;
import static dev.neutrino.ext.portbindings.PortBindingsExtension.BINDING;
import static dev.neutrino.ext.portbindings.PortBindingsExtension.INACTIVE;
import static dev.neutrino.schema.Tables.PORT_BINDINGS_INACTIVE;

import dev.neutrino.common.Json;
import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Database;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.Requests;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ml2.MechanismDriver;
import dev.neutrino.ml2.MechanismManager;
import dev.neutrino.model.Attribute;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.PolicyNotAuthorized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Record;

/**
 * {@code /v2.0/ports/{port_id}/bindings[/{host}[/activate]]} as ML2's create_port_binding,
 * get_port_bindings, get_port_binding, update_port_binding, activate and delete_port_binding answer them, with the API
 * controller's policy checks around them. The ACTIVE binding is the port's {@code binding:*}
 * attributes; INACTIVE ones are rows of {@code port_bindings_inactive}. Every port has its active
 * binding (host "" while unbound), so a new binding is always INACTIVE, as in ML2 where each port
 * gets its binding row when created.
 */
final class PortBindings {
    private static final String COMPUTE_PREFIX = "compute:";
    /** vif_types of a binding that is not bound: ML2 binds it when asked (_should_bind_port). */
    private static final Set<String> UNBOUND = Set.of("unbound", "binding_failed");
    private static final Set<String> PAGING = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse");

    private final Database db;
    private final ResourceService ports;
    private final MechanismManager mechanisms;
    private final Policy policy;

    PortBindings(Database db, ResourceService ports, MechanismManager mechanisms, Policy policy) {
        this.db = db;
        this.ports = ports;
        this.mechanisms = mechanisms;
        this.policy = policy;
    }

    /** {@code seg}: "v2.0", "ports", port id, "bindings"[, host[, "activate"]]. */
    ApiResponse handle(ApiRequest req, String[] seg) {
        String portId = seg[2];
        String method = req.method();
        if (seg.length == 4) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(Map.of(PortBindingsExtension.PATH, list(req, portId)));
                case "POST" -> ApiResponse.created(Map.of(BINDING.singular(), create(req, portId)));
                default -> throw methodNotAllowed();
            };
        }
        String host = seg[4];
        if (seg.length == 5) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(Map.of(BINDING.singular(), show(req, portId, host)));
                case "PUT" -> ApiResponse.ok(Map.of(BINDING.singular(), update(req, portId, host)));
                case "DELETE" -> {
                    delete(req.ctx(), portId, host);
                    yield ApiResponse.noContent();
                }
                default -> throw methodNotAllowed();
            };
        }
        if (seg.length == 6 && seg[5].equals(ACTIVATE)) {
            if (!method.equals("PUT")) throw methodNotAllowed();
            // a member action's answer is the plugin's return value itself, not wrapped
            return ApiResponse.ok(activate(req.ctx(), portId, host));
        }
        throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
    }

    // ------------------------------------------------------------------ operations

    private List<Map<String, Object>> list(ApiRequest req, String portId) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (var e : req.query().entrySet()) {
            if (PAGING.contains(e.getKey())) continue;
            Attribute a = BINDING.attribute(e.getKey());
            if (a == null || !a.isFilter() || a.name().equals("project_id") || a.name().equals("tenant_id")) {
                bad.add("'" + e.getKey() + "'");
            } else {
                filters.put(e.getKey(), e.getValue());
            }
        }
        if (!bad.isEmpty()) throw NeutronException.badRequest(bad + " is invalid attribute for filtering");
        List<String> fields = req.query().getOrDefault("fields", List.of());
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, req.ctx());
            Map<String, Object> port = computePort(tx, portId);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> b : all(tx, port)) {
                if (!matches(b, filters) || !mayGet(req.ctx(), b)) continue;
                out.add(select(b, fields));
            }
            return out;
        });
    }

    private Map<String, Object> show(ApiRequest req, String portId, String host) {
        List<String> fields = req.query().getOrDefault("fields", List.of());
        return db.tx(dsl -> select(readable(new Tx(dsl, req.ctx()), portId, host), fields));
    }

    private Map<String, Object> create(ApiRequest req, String portId) {
        Map<String, Object> attrs = Requests.prepareCreate(BINDING, body(req), req.ctx(), policy::hasRule);
        Map<String, Object> target = new LinkedHashMap<>(attrs);
        target.put("tenant_id", attrs.get("project_id"));
        enforce(req.ctx(), "create_port_binding", target);
        String host = (String) attrs.get("host");
        String vnicType = (String) attrs.get("vnic_type");
        Object profile = attrs.get("profile") instanceof Map<?, ?> m ? m : Map.of();
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, req.ctx());
            Map<String, Object> port = computePort(tx, portId);
            if (host.equals(port.get("binding:host_id")) || inactive(tx, portId, host) != null) {
                throw NeutronException.conflict("PortBindingAlreadyExists", "Binding for port " + portId
                        + " on host " + host + " already exists.");
            }
            Map<String, Object> candidate = new LinkedHashMap<>(port);
            candidate.put("binding:host_id", host);
            candidate.put("binding:vnic_type", vnicType);
            candidate.put("binding:profile", profile);
            MechanismDriver.Binding bound = mechanisms.bind(candidate);
            if (bound == null) throw bindingError(portId, host);
            Map<String, Object> details = bound.vifDetails() == null ? Map.of() : bound.vifDetails();
            tx.dsl().insertInto(PORT_BINDINGS_INACTIVE)
                    .set(PORT_BINDINGS_INACTIVE.PORT_ID, portId)
                    .set(PORT_BINDINGS_INACTIVE.HOST, host)
                    .set(PORT_BINDINGS_INACTIVE.VNIC_TYPE, vnicType)
                    .set(PORT_BINDINGS_INACTIVE.PROFILE, Json.write(profile))
                    .set(PORT_BINDINGS_INACTIVE.VIF_TYPE, bound.vifType())
                    .set(PORT_BINDINGS_INACTIVE.VIF_DETAILS, Json.write(details))
                    .execute();
            return binding(host, bound.vifType(), vnicType, profile, details, INACTIVE);
        });
    }

    /**
     * ML2's update_port_binding (routed by Neutron though not in the API reference): new vnic_type,
     * profile or host. For the active binding it is a port update that binds again (the port DOWN
     * when something changed); an inactive binding is bound again only when it is not bound (as the
     * former active one after an activation), else it keeps its vif_type and vif_details.
     */
    private Map<String, Object> update(ApiRequest req, String portId, String host) {
        Map<String, Object> changes = Requests.prepareUpdate(BINDING, body(req), req.ctx(), policy::hasRule);
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, req.ctx());
            Map<String, Object> b = existing(tx, portId, host);
            authorize(req.ctx(), "update_port_binding", Policy.updateTarget(b, changes), b);
            String newHost = changes.get("host") instanceof String h && !h.isEmpty() ? h : host;
            String vnicType = (String) changes.getOrDefault("vnic_type", b.get("vnic_type"));
            Object profile = !changes.containsKey("profile") ? b.get("profile")
                    : changes.get("profile") == null ? Map.of() : changes.get("profile");
            boolean changed = !newHost.equals(host) || !vnicType.equals(b.get("vnic_type"))
                    || !profile.equals(b.get("profile"));
            boolean unbound = UNBOUND.contains(b.get("vif_type"));
            if (!changed && !unbound) return b;
            if (!newHost.equals(host) && has(tx, portId, newHost)) {
                throw NeutronException.conflict("PortBindingAlreadyExists", "Binding for port " + portId
                        + " on host " + newHost + " already exists.");
            }
            Map<String, Object> port = ports.get(tx, portId);
            boolean active = ACTIVE.equals(b.get("status"));
            Map<String, Object> candidate = new LinkedHashMap<>(port);
            candidate.put("binding:host_id", newHost);
            candidate.put("binding:vnic_type", vnicType);
            candidate.put("binding:profile", profile);
            String vifType = (String) b.get("vif_type");
            Object details = b.get("vif_details");
            if (active || unbound) {
                MechanismDriver.Binding bound = mechanisms.bind(candidate);
                if (bound == null) throw bindingError(portId, newHost);
                vifType = bound.vifType();
                details = bound.vifDetails() == null ? Map.of() : bound.vifDetails();
            }
            if (active) {
                Map<String, Object> portChanges = new LinkedHashMap<>();
                portChanges.put("binding:host_id", newHost);
                portChanges.put("binding:vnic_type", vnicType);
                portChanges.put("binding:profile", profile);
                portChanges.put("binding:vif_type", vifType);
                portChanges.put("binding:vif_details", details);
                if (changed) portChanges.put("status", "DOWN");
                ports.updateIn(tx, port, portChanges);
            } else {
                tx.dsl().update(PORT_BINDINGS_INACTIVE)
                        .set(PORT_BINDINGS_INACTIVE.HOST, newHost)
                        .set(PORT_BINDINGS_INACTIVE.VNIC_TYPE, vnicType)
                        .set(PORT_BINDINGS_INACTIVE.PROFILE, Json.write(profile))
                        .set(PORT_BINDINGS_INACTIVE.VIF_TYPE, vifType)
                        .set(PORT_BINDINGS_INACTIVE.VIF_DETAILS, Json.write(details))
                        .where(PORT_BINDINGS_INACTIVE.PORT_ID.eq(portId).and(PORT_BINDINGS_INACTIVE.HOST.eq(host)))
                        .execute();
            }
            return binding(newHost, vifType, vnicType, profile, details, (String) b.get("status"));
        });
    }

    /**
     * ML2's activate: the host's INACTIVE binding becomes the port's binding (host, vnic_type,
     * profile, vif_type and vif_details as that binding has them, the port DOWN), and the binding
     * that was active becomes INACTIVE, cleared as ML2 clears it (vif_type unbound, no details). The
     * port's update goes through its service, so the mechanism drivers and the change feed see it.
     */
    private Map<String, Object> activate(RequestContext ctx, String portId, String host) {
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> wanted = readable(tx, portId, host);
            enforce(ctx, ACTIVATE, wanted);
            if (ACTIVE.equals(wanted.get("status"))) {
                throw NeutronException.conflict("PortBindingAlreadyActive", "Binding for port " + portId
                        + " on host " + host + " is already active.");
            }
            Map<String, Object> port = ports.get(tx, portId);
            Map<String, Object> was = active(port);
            tx.dsl().deleteFrom(PORT_BINDINGS_INACTIVE).where(PORT_BINDINGS_INACTIVE.PORT_ID.eq(portId)
                    .and(PORT_BINDINGS_INACTIVE.HOST.eq(host))).execute();
            tx.dsl().insertInto(PORT_BINDINGS_INACTIVE)
                    .set(PORT_BINDINGS_INACTIVE.PORT_ID, portId)
                    .set(PORT_BINDINGS_INACTIVE.HOST, (String) was.get("host"))
                    .set(PORT_BINDINGS_INACTIVE.VNIC_TYPE, (String) was.get("vnic_type"))
                    .set(PORT_BINDINGS_INACTIVE.PROFILE, Json.write(was.get("profile")))
                    .set(PORT_BINDINGS_INACTIVE.VIF_TYPE, "unbound")
                    .set(PORT_BINDINGS_INACTIVE.VIF_DETAILS, Json.write(Map.of()))
                    .execute();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("binding:host_id", host);
            changes.put("binding:vnic_type", wanted.get("vnic_type"));
            changes.put("binding:profile", wanted.get("profile"));
            // a binding already made: the port's hooks keep it rather than bind again
            changes.put("binding:vif_type", wanted.get("vif_type"));
            changes.put("binding:vif_details", wanted.get("vif_details"));
            changes.put("status", "DOWN");
            ports.updateIn(tx, port, changes);
            Map<String, Object> now = new LinkedHashMap<>(wanted);
            now.put("status", ACTIVE);
            return now;
        });
    }

    /**
     * ML2's delete_port_binding, after the controller's get and policy checks. Deleting the active
     * binding leaves the port unbound (host "", vif_type unbound, no profile): its binding lives in
     * its own row here, where ML2 deletes the binding row and leaves the port without one.
     */
    private void delete(RequestContext ctx, String portId, String host) {
        db.run(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> b = existing(tx, portId, host);
            authorize(ctx, "delete_port_binding", b, b);
            if (INACTIVE.equals(b.get("status"))) {
                tx.dsl().deleteFrom(PORT_BINDINGS_INACTIVE).where(PORT_BINDINGS_INACTIVE.PORT_ID.eq(portId)
                        .and(PORT_BINDINGS_INACTIVE.HOST.eq(host))).execute();
                return;
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("binding:host_id", "");
            changes.put("binding:profile", Map.of());
            ports.updateIn(tx, ports.get(tx, portId), changes);
        });
    }

    // ------------------------------------------------------------------ reads and checks

    /** The port the caller may see (PortNotFound otherwise), which must be an instance's. */
    private Map<String, Object> computePort(Tx tx, String portId) {
        Map<String, Object> port = ports.findVisible(tx, portId);
        if (port == null) throw NeutronException.notFound("port", portId);
        Object owner = port.get("device_owner");
        if (!(owner instanceof String o) || !o.startsWith(COMPUTE_PREFIX)) {
            throw new NeutronException(400, "BadRequest", "Bad port request: Invalid port " + portId
                    + ". Operation only valid on compute ports.");
        }
        return port;
    }

    /**
     * The host's binding of a port, as the controller reads it before a show, an action or a
     * delete: PortNotFound, the compute port check, PortBindingNotFound, then the
     * {@code get_port_binding} rule (a refusal is a 404, as a resource one may not see).
     */
    private Map<String, Object> readable(Tx tx, String portId, String host) {
        Map<String, Object> b = existing(tx, portId, host);
        if (!mayGet(tx.ctx(), b)) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        return b;
    }

    /** The host's binding of a port: PortNotFound, the compute port check, PortBindingNotFound. */
    private Map<String, Object> existing(Tx tx, String portId, String host) {
        Map<String, Object> port = computePort(tx, portId);
        Map<String, Object> b = host.equals(port.get("binding:host_id")) ? active(port) : inactive(tx, portId, host);
        if (b == null) {
            throw new NeutronException(404, "PortBindingNotFound", "Binding for port " + portId + " for host "
                    + host + " could not be found.");
        }
        return b;
    }

    private boolean has(Tx tx, String portId, String host) {
        Map<String, Object> port = ports.findVisible(tx, portId);
        return host.equals(port.get("binding:host_id")) || inactive(tx, portId, host) != null;
    }

    /**
     * The controller's check before an update or a delete: refused, it is a 404 when the caller may
     * not see the binding either (it pretends there is none), else a 403.
     */
    private void authorize(RequestContext ctx, String action, Map<String, Object> target, Map<String, Object> b) {
        try {
            policy.enforceAction(ctx.creds(), action, target, BINDING.collection());
        } catch (PolicyNotAuthorized e) {
            if (!mayGet(ctx, b)) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
    }

    /** Every binding of a port by host, the order ML2's table (keyed by port and host) gives them. */
    private List<Map<String, Object>> all(Tx tx, Map<String, Object> port) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(active(port));
        for (Record r : tx.dsl().selectFrom(PORT_BINDINGS_INACTIVE)
                .where(PORT_BINDINGS_INACTIVE.PORT_ID.eq((String) port.get("id"))).fetch()) {
            out.add(inactive(r));
        }
        out.sort(java.util.Comparator.comparing(b -> (String) b.get("host")));
        return out;
    }

    private static Map<String, Object> active(Map<String, Object> port) {
        return binding(str(port.get("binding:host_id")), str(port.get("binding:vif_type")),
                str(port.get("binding:vnic_type")), port.get("binding:profile"), port.get("binding:vif_details"),
                ACTIVE);
    }

    private static Map<String, Object> inactive(Tx tx, String portId, String host) {
        Record r = tx.dsl().selectFrom(PORT_BINDINGS_INACTIVE).where(PORT_BINDINGS_INACTIVE.PORT_ID.eq(portId)
                .and(PORT_BINDINGS_INACTIVE.HOST.eq(host))).fetchOne();
        return r == null ? null : inactive(r);
    }

    private static Map<String, Object> inactive(Record r) {
        return binding(r.get(PORT_BINDINGS_INACTIVE.HOST), r.get(PORT_BINDINGS_INACTIVE.VIF_TYPE),
                r.get(PORT_BINDINGS_INACTIVE.VNIC_TYPE), json(r.get(PORT_BINDINGS_INACTIVE.PROFILE)),
                json(r.get(PORT_BINDINGS_INACTIVE.VIF_DETAILS)), INACTIVE);
    }

    /** ML2's _make_port_binding_dict. */
    private static Map<String, Object> binding(String host, String vifType, String vnicType, Object profile,
                                               Object vifDetails, String status) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("host", host);
        b.put("vif_type", vifType);
        b.put("vnic_type", vnicType);
        b.put("status", status);
        b.put("profile", profile instanceof Map<?, ?> m ? m : Map.of());
        b.put("vif_details", vifDetails instanceof Map<?, ?> m ? m : Map.of());
        return b;
    }

    private static Object json(String text) {
        return text == null || text.isEmpty() ? Map.of() : Json.read(text);
    }

    private boolean mayGet(RequestContext ctx, Map<String, Object> binding) {
        return policy.checkAction(ctx.creds(), "get_port_binding", binding, BINDING.collection());
    }

    private void enforce(RequestContext ctx, String action, Map<String, Object> target) {
        try {
            policy.enforceAction(ctx.creds(), action, target, BINDING.collection());
        } catch (PolicyNotAuthorized e) {
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
    }

    private static boolean matches(Map<String, Object> b, Map<String, List<String>> filters) {
        for (var f : filters.entrySet()) if (!f.getValue().contains(str(b.get(f.getKey())))) return false;
        return true;
    }

    private static Map<String, Object> select(Map<String, Object> b, List<String> fields) {
        if (fields.isEmpty()) return b;
        Map<String, Object> out = new LinkedHashMap<>(b);
        out.keySet().retainAll(fields);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ApiRequest req) {
        if (!(req.body() instanceof Map<?, ?> m)) throw NeutronException.badRequest("Resource body required");
        Object inner = m.get(BINDING.singular());
        if (m.size() != 1 || !(inner instanceof Map<?, ?>)) {
            throw NeutronException.badRequest("Unable to find '" + BINDING.singular() + "' in request body");
        }
        return new LinkedHashMap<>((Map<String, Object>) inner);
    }

    private static NeutronException bindingError(String portId, String host) {
        return new NeutronException(500, "PortBindingError", "Binding for port " + portId + " on host " + host
                + " could not be created or updated.");
    }

    private static NeutronException methodNotAllowed() {
        return new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested resource.");
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
