package dev.neutrino.ext.portforwarding;

import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Database;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.ListQuery;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.Requests;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.engine.Views;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.PolicyNotAuthorized;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v2.0/floatingips/{floatingip_id}/port_forwardings[/{id}]}: list (filters, fields, sorting
 * and pagination as the engine does them), create, show, update, delete. The floating IP must be
 * one the caller sees (else 404 FloatingIPNotFound), and a forwarding of another floating IP is
 * PortForwardingNotFound. The rules are Zed's {@code *_floatingip_port_forwarding}, whose
 * {@code ext_parent_owner} is the floating IP's project.
 */
final class PortForwardingEndpoint {
    private final Database db;
    private final ResourceService floatingIps;
    private final ResourceService forwardings;
    private final Policy policy;

    PortForwardingEndpoint(Database db, ResourceService floatingIps, ResourceService forwardings, Policy policy) {
        this.db = db;
        this.floatingIps = floatingIps;
        this.forwardings = forwardings;
        this.policy = policy;
    }

    /** {@code seg}: "v2.0", "floatingips", floating IP id, "port_forwardings"[, id]. */
    ApiResponse handle(ApiRequest req, String[] seg) {
        String fipId = seg[2];
        String method = req.method();
        if (seg.length == 4) {
            return switch (method) {
                case "GET" -> list(req, fipId);
                case "POST" -> ApiResponse.created(Map.of(PortForwardings.SINGULAR, create(req, fipId)));
                default -> throw methodNotAllowed();
            };
        }
        if (seg.length != 5) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        String id = seg[4];
        requireVisibleFloatingIp(req.ctx(), fipId);
        requireOf(fipId, id);
        try {
            return switch (method) {
                case "GET" -> ApiResponse.ok(Map.of(PortForwardings.SINGULAR,
                        dropRangePorts(forwardings.show(req.ctx(), id, ListQuery.parse(req.query()).fields()))));
                case "PUT" -> ApiResponse.ok(Map.of(PortForwardings.SINGULAR,
                        forwardings.update(req.ctx(), id, bodyOf(req), null)));
                case "DELETE" -> {
                    forwardings.delete(req.ctx(), id);
                    yield ApiResponse.noContent();
                }
                default -> throw methodNotAllowed();
            };
        } catch (NeutronException e) {
            if (e.status() == 404 && e.type().equals("FloatingipPortForwardingNotFound")) {
                throw PortForwardingErrors.notFound(id);
            }
            throw e;
        }
    }

    private ApiResponse list(ApiRequest req, String fipId) {
        requireVisibleFloatingIp(req.ctx(), fipId);
        Map<String, List<String>> query = new LinkedHashMap<>(req.query());
        query.put("floatingip_id", List.of(fipId));
        ResourceService.Page page = forwardings.list(req.ctx(), ListQuery.parse(query));
        Map<String, Object> body = new LinkedHashMap<>();
        page.items().forEach(PortForwardingEndpoint::dropRangePorts);
        body.put(PortForwardingExtension.COLLECTION, page.items());
        if (!page.links().isEmpty()) {
            String base = req.baseUrl() + "/v2.0/floatingips/" + fipId + "/" + PortForwardingExtension.COLLECTION;
            List<Map<String, Object>> links = new java.util.ArrayList<>();
            for (Map<String, Object> l : page.links()) {
                String href = base + "?limit=" + ListQuery.parse(req.query()).limit() + "&marker=" + l.get("marker")
                        + (Boolean.TRUE.equals(l.get("page_reverse")) ? "&page_reverse=True" : "");
                links.add(Map.of("rel", l.get("rel"), "href", href));
            }
            body.put(PortForwardingExtension.COLLECTION + "_links", links);
        }
        return ApiResponse.ok(body);
    }

    private Map<String, Object> create(ApiRequest req, String fipId) {
        RequestContext ctx = req.ctx();
        Map<String, Object> body = bodyOf(req);
        Map<String, Object> prepared = Requests.prepareCreate(PortForwardings.DEF, body, ctx, policy::hasRule);
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> fip = floatingIps.findVisible(tx, fipId);
            if (fip == null) throw PortForwardingErrors.floatingIpNotFound(fipId);
            Map<String, Object> target = new LinkedHashMap<>();
            for (var e : prepared.entrySet()) {
                if (body.containsKey(e.getKey()) || e.getKey().equals("project_id")) target.put(e.getKey(), e.getValue());
            }
            target.put("tenant_id", target.get("project_id"));
            target.put("ext_parent_floatingip_id", fipId);
            target.put("ext_parent:tenant_id", fip.get("project_id"));
            if (!ctx.isAdmin() || policy.enforceNewDefaults()) {
                try {
                    policy.enforceAction(ctx.creds(), "create_" + PortForwardings.DEF.singular(), target,
                            PortForwardings.DEF.collection());
                } catch (PolicyNotAuthorized e) {
                    throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
                }
            }
            Map<String, Object> resource = new LinkedHashMap<>(prepared);
            resource.put("floatingip_id", fipId);
            Map<String, Object> created = forwardings.createIn(tx, resource);
            return Views.render(PortForwardings.DEF, created, Set.of(), ctx, policy::hasRule);
        });
    }

    /**
     * A range's forwarding read back has no {@code external_port}/{@code internal_port} in Zed's
     * answers (the object read from the database never sets them) where create and update show null.
     */
    static Map<String, Object> dropRangePorts(Map<String, Object> view) {
        for (String key : List.of("external_port", "internal_port")) {
            if (view.containsKey(key) && view.get(key) == null) view.remove(key);
        }
        return view;
    }

    private void requireVisibleFloatingIp(RequestContext ctx, String fipId) {
        boolean visible = db.tx(dsl -> floatingIps.findVisible(new Tx(dsl, ctx), fipId) != null);
        if (!visible) throw PortForwardingErrors.floatingIpNotFound(fipId);
    }

    /** A forwarding of another floating IP is not found here. */
    private void requireOf(String fipId, String id) {
        boolean ours = db.tx(dsl -> {
            List<Map<String, Object>> rows = forwardings.findStored(new Tx(dsl, RequestContext.admin(null)),
                    Map.of("id", id, "floatingip_id", fipId));
            return !rows.isEmpty();
        });
        if (!ours) throw PortForwardingErrors.notFound(id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bodyOf(ApiRequest req) {
        if (!(req.body() instanceof Map<?, ?> m)) throw NeutronException.badRequest("Resource body required");
        Object inner = m.get(PortForwardings.SINGULAR);
        if (m.size() != 1 || !(inner instanceof Map<?, ?>)) {
            throw NeutronException.badRequest("Unable to find '" + PortForwardings.SINGULAR + "' in request body");
        }
        return new LinkedHashMap<>((Map<String, Object>) inner);
    }

    private static NeutronException methodNotAllowed() {
        return new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested resource.");
    }
}
