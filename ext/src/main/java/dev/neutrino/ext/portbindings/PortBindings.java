package dev.neutrino.ext.portbindings;

import static dev.neutrino.ext.portbindings.PortBindingsExtension.ACTIVATE;
import static dev.neutrino.ext.portbindings.PortBindingsExtension.ACTIVE;
import static dev.neutrino.ext.portbindings.PortBindingsExtension.BINDING;
import static dev.neutrino.ext.portbindings.PortBindingsExtension.INACTIVE;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v2.0/ports/{port_id}/bindings[/{host}[/activate]]} as ML2's create_port_binding,
 * get_port_bindings, get_port_binding, update_port_binding, activate and delete_port_binding answer
 * them, with the API controller's policy checks around them. The ACTIVE binding is the port's
 * {@code binding:*} attributes; INACTIVE ones are {@link InactiveBindings}. Every port has its active
 * binding (host "" while unbound), so a new binding is always INACTIVE, as in ML2, where each port
 * gets its binding row when it is created. A change of the active binding is an update of the port
 * through its service: its hooks, the mechanism drivers and the change feed (OVN) see it.
 */
final class PortBindings {
    private static final String COMPUTE_PREFIX = "compute:";
    private static final Set<String> NOT_FILTERS = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
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
                case "POST" -> ApiResponse.created(Map.of(BINDING.singular(), create(req, portId).view()));
                default -> throw methodNotAllowed();
            };
        }
        String host = seg[4];
        if (seg.length == 5) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(Map.of(BINDING.singular(), show(req, portId, host)));
                case "PUT" -> ApiResponse.ok(Map.of(BINDING.singular(), update(req, portId, host).view()));
                case "DELETE" -> {
                    delete(req.ctx(), portId, host);
                    yield ApiResponse.noContent();
                }
                default -> throw methodNotAllowed();
            };
        }
        if (seg.length == 6 && seg[5].equals(ACTIVATE)) {
            if (!method.equals("PUT")) throw methodNotAllowed();
            // a member action answers with what the plugin returns: the binding itself, not wrapped
            return ApiResponse.ok(activate(req.ctx(), portId, host).view());
        }
        throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
    }

    // ------------------------------------------------------------------ reads

    private List<Map<String, Object>> list(ApiRequest req, String portId) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (var e : req.query().entrySet()) {
            if (NOT_FILTERS.contains(e.getKey())) continue;
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
            Binding active = Binding.activeOf(port);
            List<Binding> all = new ArrayList<>();
            all.add(active);
            // a port update may have moved the active binding onto a host with an inactive one: one per host
            for (Binding b : InactiveBindings.of(dsl, portId)) if (!b.host().equals(active.host())) all.add(b);
            all.sort(Comparator.comparing(Binding::host)); // ML2's rows, keyed by port and host
            List<Map<String, Object>> out = new ArrayList<>();
            for (Binding b : all) {
                Map<String, Object> view = b.view();
                if (matches(view, filters) && mayGet(req.ctx(), view)) out.add(select(view, fields));
            }
            return out;
        });
    }

    private Map<String, Object> show(ApiRequest req, String portId, String host) {
        List<String> fields = req.query().getOrDefault("fields", List.of());
        return db.tx(dsl -> select(readable(new Tx(dsl, req.ctx()), portId, host).view(), fields));
    }

    // ------------------------------------------------------------------ writes

    /** A binding for another host, bound by the mechanism drivers as a port's binding is: INACTIVE. */
    private Binding create(ApiRequest req, String portId) {
        Map<String, Object> attrs = Requests.prepareCreate(BINDING, body(req), req.ctx(), policy::hasRule);
        Map<String, Object> target = new LinkedHashMap<>(attrs);
        target.put("tenant_id", attrs.get("project_id"));
        enforce(req.ctx(), "create_port_binding", target);
        String host = (String) attrs.get("host");
        String vnicType = (String) attrs.get("vnic_type");
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = attrs.get("profile") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, req.ctx());
            Map<String, Object> port = computePort(tx, portId);
            if (exists(tx, port, host)) throw alreadyExists(portId, host);
            Binding b = bind(port, host, vnicType, profile, INACTIVE);
            InactiveBindings.insert(dsl, portId, b);
            return b;
        });
    }

    /**
     * ML2's update_port_binding (routed by Neutron though not in the API reference): a new vnic_type,
     * profile or host. On the active binding it is a port update that binds again (the port DOWN when
     * something changed); an inactive binding keeps its vif_type and vif_details unless it is not
     * bound (the former active one after an activation), when it is bound again.
     */
    private Binding update(ApiRequest req, String portId, String host) {
        Map<String, Object> changes = Requests.prepareUpdate(BINDING, body(req), req.ctx(), policy::hasRule);
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, req.ctx());
            Binding b = existing(tx, portId, host);
            authorize(req.ctx(), "update_port_binding", Policy.updateTarget(b.view(), changes), b.view());
            String newHost = changes.get("host") instanceof String h && !h.isEmpty() ? h : host;
            String vnicType = (String) changes.getOrDefault("vnic_type", b.vnicType());
            @SuppressWarnings("unchecked")
            Map<String, Object> profile = !changes.containsKey("profile") ? b.profile()
                    : changes.get("profile") == null ? Map.of() : (Map<String, Object>) changes.get("profile");
            boolean changed = !newHost.equals(host) || !vnicType.equals(b.vnicType()) || !profile.equals(b.profile());
            if (!changed && b.isBound()) return b;
            Map<String, Object> port = ports.get(tx, portId);
            if (!newHost.equals(host) && exists(tx, port, newHost)) throw alreadyExists(portId, newHost);
            Binding updated = b.isActive() || !b.isBound()
                    ? bind(port, newHost, vnicType, profile, b.status())
                    : new Binding(newHost, b.vifType(), vnicType, profile, b.vifDetails(), b.status());
            if (b.isActive()) {
                Map<String, Object> portChanges = updated.portAttributes();
                if (changed) portChanges.put("status", "DOWN");
                ports.updateIn(tx, port, portChanges);
            } else {
                InactiveBindings.replace(dsl, portId, host, updated);
            }
            return updated;
        });
    }

    /**
     * ML2's activate: the host's INACTIVE binding becomes the port's binding (host, vnic_type,
     * profile, vif_type and vif_details as that binding has them; the port DOWN), and the binding that
     * was active becomes INACTIVE, cleared as ML2 clears it (vif_type unbound, no vif_details).
     */
    private Binding activate(RequestContext ctx, String portId, String host) {
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Binding wanted = readable(tx, portId, host);
            enforce(ctx, ACTIVATE, wanted.view());
            if (wanted.isActive()) {
                throw NeutronException.conflict("PortBindingAlreadyActive", "Binding for port " + portId
                        + " on host " + host + " is already active.");
            }
            Map<String, Object> port = ports.get(tx, portId);
            Binding was = Binding.activeOf(port);
            InactiveBindings.delete(dsl, portId, host);
            InactiveBindings.replace(dsl, portId, was.host(), was.deactivated());
            Map<String, Object> changes = wanted.portAttributes();
            changes.put("status", "DOWN");
            ports.updateIn(tx, port, changes);
            return wanted.withStatus(ACTIVE);
        });
    }

    /**
     * ML2's delete_port_binding, after the controller's checks. Deleting the active binding leaves
     * the port unbound (host "", no profile): its binding lives in its own row here, where ML2 deletes
     * the binding row and leaves the port without any.
     */
    private void delete(RequestContext ctx, String portId, String host) {
        db.run(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Binding b = existing(tx, portId, host);
            authorize(ctx, "delete_port_binding", b.view(), b.view());
            if (!b.isActive()) {
                InactiveBindings.delete(dsl, portId, host);
                return;
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("binding:host_id", "");
            changes.put("binding:profile", Map.of());
            ports.updateIn(tx, ports.get(tx, portId), changes);
            InactiveBindings.delete(dsl, portId, ""); // the unbound binding is the active one now
        });
    }

    /** The mechanism drivers' binding of the port on {@code host}; none binding it is PortBindingError. */
    private Binding bind(Map<String, Object> port, String host, String vnicType, Map<String, Object> profile,
                         String status) {
        Map<String, Object> candidate = new LinkedHashMap<>(port);
        candidate.put("binding:host_id", host);
        candidate.put("binding:vnic_type", vnicType);
        candidate.put("binding:profile", profile);
        MechanismDriver.Binding bound = mechanisms.bind(candidate);
        if (bound == null) {
            throw new NeutronException(500, "PortBindingError", "Binding for port " + port.get("id") + " on host "
                    + host + " could not be created or updated.");
        }
        return new Binding(host, bound.vifType(), vnicType, profile, bound.vifDetails(), status);
    }

    // ------------------------------------------------------------------ checks

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

    /** The host's binding of a port: PortNotFound, the compute port check, PortBindingNotFound. */
    private Binding existing(Tx tx, String portId, String host) {
        Map<String, Object> port = computePort(tx, portId);
        Binding b = host.equals(port.get("binding:host_id")) ? Binding.activeOf(port)
                : InactiveBindings.find(tx.dsl(), portId, host);
        if (b == null) {
            throw new NeutronException(404, "PortBindingNotFound", "Binding for port " + portId + " for host "
                    + host + " could not be found.");
        }
        return b;
    }

    /** {@link #existing} the caller may get: the controller's read before a show or an action. */
    private Binding readable(Tx tx, String portId, String host) {
        Binding b = existing(tx, portId, host);
        if (!mayGet(tx.ctx(), b.view())) throw hidden();
        return b;
    }

    private static boolean exists(Tx tx, Map<String, Object> port, String host) {
        return host.equals(port.get("binding:host_id")) || InactiveBindings.find(tx.dsl(),
                (String) port.get("id"), host) != null;
    }

    /**
     * Zed has no rules for bindings: the {@code default} rule decides unless policy.yaml names them.
     * A binding carries no tenant_id, so for a caller that is no admin Neutron's owner check cannot be
     * evaluated: {@link dev.neutrino.policy.PolicyCheckException}, a 500 as in Neutron.
     */
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

    /** The controller's check before an update or a delete: refused, a 404 when the caller may not get it either. */
    private void authorize(RequestContext ctx, String action, Map<String, Object> target, Map<String, Object> view) {
        try {
            policy.enforceAction(ctx.creds(), action, target, BINDING.collection());
        } catch (PolicyNotAuthorized e) {
            if (!mayGet(ctx, view)) throw hidden();
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static boolean matches(Map<String, Object> view, Map<String, List<String>> filters) {
        for (var f : filters.entrySet()) if (!f.getValue().contains(String.valueOf(view.get(f.getKey())))) return false;
        return true;
    }

    private static Map<String, Object> select(Map<String, Object> view, List<String> fields) {
        if (fields.isEmpty()) return view;
        Map<String, Object> out = new LinkedHashMap<>(view);
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

    private static NeutronException alreadyExists(String portId, String host) {
        return NeutronException.conflict("PortBindingAlreadyExists", "Binding for port " + portId + " on host "
                + host + " already exists.");
    }

    private static NeutronException hidden() {
        return new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
    }

    private static NeutronException methodNotAllowed() {
        return new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested resource.");
    }
}
