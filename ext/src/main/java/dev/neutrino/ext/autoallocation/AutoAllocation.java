package dev.neutrino.ext.autoallocation;

import static dev.neutrino.schema.Tables.AUTO_ALLOCATED_TOPOLOGIES;
import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.SUBNETS;

import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.db.Database;
import dev.neutrino.engine.MemberAction;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.policy.Policy;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.NeutronException;
import dev.neutrino.db.SqlErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auto-allocated-topology extension (neutron/services/auto_allocate/db.py): the default external
 * network ({@code is_default} on networks), and {@code GET/DELETE /v2.0/auto-allocated-topology/{project}},
 * which gives a project a network with a subnet from each default subnet pool, uplinked by a router to
 * the default external network, on first use. As in Neutron the topology is built by the API's own
 * operations, each in its own transaction, and what a failed build made is removed again; the
 * {@code auto_allocated_topologies} row (primary key: the project) is written last, so of two racing
 * builds one wins and the other removes its own resources and answers with the winner's network.
 */
final class AutoAllocation {
    private static final Logger LOG = LoggerFactory.getLogger(AutoAllocation.class);

    private final Database db;
    private final Policy policy;
    private final ResourceService networkService;
    private final ResourceService subnetService;
    private final ResourceService routerService;
    private final ResourceService subnetPools;
    private final MemberAction addRouterInterface;
    private final MemberAction removeRouterInterface;

    public AutoAllocation(Database db, Policy policy, ResourceService networks, ResourceService subnets,
                          ResourceService routers, ResourceService subnetPools, MemberAction addRouterInterface,
                          MemberAction removeRouterInterface) {
        this.db = db;
        this.policy = policy;
        this.networkService = networks;
        this.subnetService = subnets;
        this.routerService = routers;
        this.subnetPools = subnetPools;
        this.addRouterInterface = java.util.Objects.requireNonNull(addRouterInterface);
        this.removeRouterInterface = java.util.Objects.requireNonNull(removeRouterInterface);
    }

    // ------------------------------------------------------------------ the resource

    /** {@code /v2.0/auto-allocated-topology/{project_id}}: GET (builds on first use) and DELETE. */
    public ApiResponse handle(ApiRequest req, String[] seg) {
        if (seg.length != 3) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        RequestContext ctx = req.ctx();
        String project = seg[2].equals("None") ? ctx.projectId() : seg[2];
        if (!ctx.isAdmin() && !project.equals(ctx.projectId())) {
            throw new NeutronException(403, "NotAuthorized", "Not authorized.");
        }
        return switch (req.method()) {
            case "GET" -> {
                authorize(ctx, "get_auto_allocated_topology", project);
                List<String> fields = req.query().getOrDefault("fields", List.of());
                if (fields.contains("dry-run")) {
                    checkRequirements(ctx);
                    yield ApiResponse.ok(Map.of("auto_allocated_topology", response("dry-run=pass", project)));
                } else if (!fields.isEmpty()) {
                    throw new NeutronException(400, "BadRequest", "Bad auto_allocate request: Unrecognized field.");
                }
                yield ApiResponse.ok(Map.of("auto_allocated_topology", response(topology(ctx, project), project)));
            }
            case "DELETE" -> {
                authorize(ctx, "delete_auto_allocated_topology", project);
                delete(ctx, project);
                yield ApiResponse.noContent();
            }
            default -> throw new NeutronException(405, "HTTPMethodNotAllowed",
                    "The method is not allowed for the requested resource.");
        };
    }

    private void authorize(RequestContext ctx, String action, String project) {
        Map<String, Object> target = Map.of("project_id", project, "tenant_id", project);
        if (!ctx.isAdmin() && !policy.checkAction(ctx.creds(), action, target, "auto_allocated_topologies")) {
            throw new NeutronException(403, "PolicyNotAuthorized", "(rule:" + action + ") is disallowed by policy");
        }
    }

    private static Map<String, Object> response(String id, String project) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("tenant_id", project);
        return r;
    }

    private record Saved(String networkId, String routerId) {}

    private Saved saved(String project) {
        Record r = db.tx(dsl -> dsl.select(AUTO_ALLOCATED_TOPOLOGIES.NETWORK_ID, AUTO_ALLOCATED_TOPOLOGIES.ROUTER_ID)
                .from(AUTO_ALLOCATED_TOPOLOGIES).where(AUTO_ALLOCATED_TOPOLOGIES.PROJECT_ID.eq(project)).fetchOne());
        return r == null ? null : new Saved((String) r.get(0), (String) r.get(1));
    }

    /** The project's network, built now if it has none. */
    private String topology(RequestContext ctx, String project) {
        Saved existing = saved(project);
        if (existing != null) return existing.networkId();
        String external = defaultExternalNetwork();
        List<Map<String, Object>> pools = defaultPools(ctx);
        Map<String, Object> network = null;
        Map<String, Object> router = null;
        List<String> subnets = new ArrayList<>();
        List<String> attached = new ArrayList<>();
        try {
            Map<String, Object> netBody = new LinkedHashMap<>();
            netBody.put("name", "auto_allocated_network");
            netBody.put("admin_state_up", false);
            netBody.put("project_id", project);
            netBody.put("shared", false);
            network = networkService.create(ctx, netBody);
            String networkId = (String) network.get("id");
            try {
                if (pools.isEmpty()) throw new NeutronException(404, "NotFound", "No default subnet pools");
                for (Map<String, Object> pool : pools) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("name", "auto_allocated_subnet_v" + pool.get("ip_version"));
                    body.put("network_id", networkId);
                    body.put("project_id", project);
                    body.put("ip_version", pool.get("ip_version"));
                    body.put("subnetpool_id", pool.get("id"));
                    subnets.add((String) subnetService.create(ctx, body).get("id"));
                }
            } catch (NeutronException e) {
                if (e.status() != 400 && e.status() != 404 && e.status() != 409) throw e;
                LOG.error("Unable to auto allocate topology for project {}: {}", project, e.getMessage());
                cleanup(ctx, networkId, null, List.of());
                network = null;
                throw failure("Unable to provide tenant private network");
            }
            try {
                Map<String, Object> routerBody = new LinkedHashMap<>();
                routerBody.put("name", "auto_allocated_router");
                routerBody.put("external_gateway_info", Map.of("network_id", external));
                routerBody.put("project_id", project);
                routerBody.put("admin_state_up", true);
                router = routerService.create(ctx, routerBody);
                for (String subnet : subnets) {
                    addRouterInterface.apply(ctx, (String) router.get("id"),
                            Map.of("subnet_id", subnet));
                    attached.add(subnet);
                }
            } catch (NeutronException e) {
                if (e.status() != 400) throw e;
                LOG.error("Unable to auto allocate topology for project {}: {}", project, e.getMessage());
                cleanup(ctx, networkId, router == null ? null : (String) router.get("id"), attached);
                network = null;
                throw failure("Unable to provide external connectivity");
            }
            String routerId = (String) router.get("id");
            if (!save(project, networkId, routerId)) {
                // another request built this project's topology meanwhile: keep that one
                cleanup(ctx, networkId, routerId, attached);
                return saved(project).networkId();
            }
            networkService.update(ctx, networkId, Map.of("admin_state_up", true), null);
            return networkId;
        } catch (RuntimeException e) {
            // (a failure already cleaned up has set network to null)
            if (network != null) {
                cleanup(ctx, (String) network.get("id"), router == null ? null : (String) router.get("id"), attached);
            }
            throw e;
        }
    }

    private boolean save(String project, String networkId, String routerId) {
        try {
            db.run(dsl -> dsl.insertInto(AUTO_ALLOCATED_TOPOLOGIES).set(AUTO_ALLOCATED_TOPOLOGIES.PROJECT_ID, project)
                    .set(AUTO_ALLOCATED_TOPOLOGIES.NETWORK_ID, networkId)
                    .set(AUTO_ALLOCATED_TOPOLOGIES.ROUTER_ID, routerId).execute());
            return true;
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    private void delete(RequestContext ctx, String project) {
        Saved s = saved(project);
        if (s == null) return;
        List<String> subnets = db.tx(dsl -> dsl.select(SUBNETS.ID).from(SUBNETS)
                .where(SUBNETS.NETWORK_ID.eq(s.networkId())).fetch(SUBNETS.ID));
        cleanup(ctx, s.networkId(), s.routerId(), subnets);
    }

    /** Removes what was built, ignoring what is gone already (a concurrent delete). */
    private void cleanup(RequestContext ctx, String networkId, String routerId, List<String> subnets) {
        if (routerId != null) {
            for (String subnet : subnets) {
                ignoreNotFound(() -> removeRouterInterface.apply(ctx, routerId,
                        Map.of("subnet_id", subnet)));
            }
            ignoreNotFound(() -> routerService.delete(ctx, routerId));
        }
        if (networkId != null) ignoreNotFound(() -> networkService.delete(ctx, networkId));
    }

    private static void ignoreNotFound(Runnable r) {
        try {
            r.run();
        } catch (NeutronException e) {
            if (e.status() != 404) throw e;
        }
    }

    private void checkRequirements(RequestContext ctx) {
        defaultExternalNetwork();
        if (defaultPools(ctx).isEmpty()) throw failure("No default subnetpools defined");
    }

    private String defaultExternalNetwork() {
        String id = db.tx(dsl -> dsl.select(NETWORKS.ID).from(NETWORKS)
                .where(NETWORKS.IS_DEFAULT.isTrue().and(NETWORKS.ROUTER_EXTERNAL.isTrue()))
                .orderBy(NETWORKS.ID).limit(1).fetchOne(0, String.class));
        if (id == null) {
            LOG.error("Unable to find default external network for deployment, please create/assign one to allow "
                    + "auto-allocation to work correctly.");
            throw failure("No default router:external network");
        }
        return id;
    }

    /** The default IPv4 and IPv6 subnet pools the caller can see. */
    private List<Map<String, Object>> defaultPools(RequestContext ctx) {
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            List<Map<String, Object>> out = new ArrayList<>();
            for (int version : new int[] {4, 6}) {
                Map<String, Object> eq = new LinkedHashMap<>();
                eq.put(IsDefaultHooks.IS_DEFAULT, true);
                eq.put("ip_version", version);
                for (Map<String, Object> pool : subnetPools.findStored(tx, eq)) {
                    if (ctx.isAdmin() || Boolean.TRUE.equals(pool.get("shared"))
                            || java.util.Objects.equals(pool.get("project_id"), ctx.projectId())) {
                        out.add(pool);
                        break;
                    }
                }
            }
            return out;
        });
    }

    private static NeutronException failure(String reason) {
        return NeutronException.conflict("AutoAllocationFailure", "Deployment error: " + reason + ".");
    }
}
