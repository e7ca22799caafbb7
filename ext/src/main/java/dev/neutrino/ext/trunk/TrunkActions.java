package dev.neutrino.ext.trunk;

import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Database;
import dev.neutrino.db.Retryable;
import dev.neutrino.db.SqlErrors;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.engine.Views;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.PolicyNotAuthorized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TrunkPlugin.add_subports, remove_subports and get_subports. Both writes leave the trunk DOWN
 * (what they answer, as Zed answers) and the driver, once it has wired or unwired the subports,
 * ACTIVE again (what a read then shows).
 */
final class TrunkActions {
    private final Database db;
    private final ResourceService trunks;
    private final ResourceService ports;
    private final TrunkRules rules;
    private final OvnTrunkDriver driver;
    private final Policy policy;

    TrunkActions(Database db, ResourceService trunks, ResourceService ports, TrunkRules rules, OvnTrunkDriver driver,
                 Policy policy) {
        this.db = db;
        this.trunks = trunks;
        this.ports = ports;
        this.rules = rules;
        this.driver = driver;
        this.policy = policy;
    }

    Map<String, Object> add(RequestContext ctx, String trunkId, Map<String, Object> body) {
        List<Map<String, Object>> given = subports(body);
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> trunk = visible(tx, trunkId, "add_subports");
            String parentId = (String) trunk.get("port_id");
            List<Map<String, Object>> added = rules.validateSubports(tx, given, parentId, true, true);
            if (!Boolean.TRUE.equals(trunk.get("admin_state_up"))) throw TrunkErrors.trunkDisabled(trunkId);
            if (Trunks.ERROR.equals(trunk.get("status"))) throw TrunkErrors.trunkInErrorState(trunkId);
            List<Map<String, Object>> existing = SubPorts.of(dsl, trunkId);
            for (Map<String, Object> s : added) {
                for (Map<String, Object> have : existing) {
                    if (have.get("segmentation_type").equals(s.get("segmentation_type"))
                            && have.get("segmentation_id").equals(s.get("segmentation_id"))) {
                        throw TrunkErrors.duplicateSubPort((String) s.get("segmentation_type"),
                                s.get("segmentation_id"), trunkId);
                    }
                }
                try {
                    SubPorts.insert(dsl, trunkId, s).execute();
                } catch (RuntimeException e) {
                    // another request took the port or the segmentation meanwhile: again, on fresh reads
                    if (SqlErrors.isUniqueViolation(e)) throw new Retryable("subport " + s.get("port_id"));
                    throw e;
                }
            }
            return settle(tx, trunk, added, true);
        });
    }

    Map<String, Object> remove(RequestContext ctx, String trunkId, Map<String, Object> body) {
        List<Map<String, Object>> given = subports(body);
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> trunk = visible(tx, trunkId, "remove_subports");
            if (!Boolean.TRUE.equals(trunk.get("admin_state_up"))) throw TrunkErrors.trunkDisabled(trunkId);
            List<Map<String, Object>> wanted = rules.validateSubports(tx, given, null, true, false);
            Map<Object, Map<String, Object>> current = new LinkedHashMap<>();
            for (Map<String, Object> s : SubPorts.of(dsl, trunkId)) current.put(s.get("port_id"), s);
            List<Map<String, Object>> removed = new ArrayList<>();
            for (Map<String, Object> s : wanted) {
                Map<String, Object> have = current.remove(s.get("port_id"));
                if (have == null) throw TrunkErrors.subPortNotFound(trunkId, String.valueOf(s.get("port_id")));
                SubPorts.delete(dsl, trunkId, (String) have.get("port_id"));
                removed.add(have);
            }
            return settle(tx, trunk, removed, false);
        });
    }

    /**
     * The trunk DOWN, as the answer shows it; then, when subports changed and the driver is loaded,
     * the subports wired or unwired and the trunk ACTIVE.
     */
    private Map<String, Object> settle(Tx tx, Map<String, Object> trunk, List<Map<String, Object>> changed,
                                       boolean wire) {
        String trunkId = (String) trunk.get("id");
        trunks.updateIn(tx, trunk, status(Trunks.DOWN));
        Map<String, Object> answer = Views.render(trunks.def(), trunks.get(tx, trunkId), Set.of(), tx.ctx(),
                policy::hasRule);
        if (changed.isEmpty() || !driver.loaded()) return answer;
        if (wire) driver.wire(tx, ports.get(tx, (String) trunk.get("port_id")), changed);
        else driver.unwire(tx, changed);
        trunks.updateIn(tx, trunks.get(tx, trunkId), status(Trunks.ACTIVE));
        return answer;
    }

    /** {@code GET /v2.0/trunks/{id}/get_subports}: {@code {"sub_ports": [...]}}. */
    ApiResponse getSubports(ApiRequest req, String[] seg) {
        if (seg.length != 4) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        if (!req.method().equals("GET")) {
            throw new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested resource.");
        }
        String trunkId = seg[2];
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, req.ctx());
            visible(tx, trunkId, TrunkExtension.GET_SUBPORTS);
            return ApiResponse.ok(Map.of("sub_ports", SubPorts.of(dsl, trunkId)));
        });
    }

    /**
     * The trunk an action works on: visible to the caller (TrunkNotFound), readable by policy (404),
     * and the action's own rule allowed (403).
     */
    private Map<String, Object> visible(Tx tx, String trunkId, String action) {
        Map<String, Object> trunk = trunks.findVisible(tx, trunkId);
        if (trunk == null) throw TrunkErrors.trunkNotFound(trunkId);
        trunk = trunks.get(tx, trunkId);
        RequestContext ctx = tx.ctx();
        if (ctx.isAdmin() && !policy.enforceNewDefaults()) return trunk;
        Map<String, Object> target = new LinkedHashMap<>(trunk);
        target.put("tenant_id", trunk.get("project_id"));
        if (!policy.checkAction(ctx.creds(), "get_trunk", target, Trunks.DEF.collection())) {
            throw TrunkErrors.trunkNotFound(trunkId);
        }
        try {
            policy.enforceAction(ctx.creds(), action, target, Trunks.DEF.collection());
        } catch (PolicyNotAuthorized e) {
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
        return trunk;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> subports(Map<String, Object> body) {
        if (!body.containsKey("sub_ports")) throw NeutronException.badRequest("Unable to find 'sub_ports' in request body");
        Object given = body.get("sub_ports");
        if (!(given instanceof List<?> l)) {
            throw TrunkErrors.invalidInput("Invalid data format for subports: '" + Trunks.str(given) + "' is not a list");
        }
        return (List<Map<String, Object>>) l;
    }

    private static Map<String, Object> status(String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        return m;
    }
}
