package dev.neutrino.ext.floatingippools;

import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.SUBNETS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Database;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.Engine;
import dev.neutrino.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v2.0/floatingip_pools} as Zed's FloatingIPPoolsDbMixin answers it: the IPv4 subnets of
 * every external network (whoever owns it: the list is read with an elevated context), each as
 * {@code subnet_id}, {@code subnet_name}, {@code network_id}, {@code cidr} and the caller's project,
 * in subnet id order; {@code fields} choose the keys, each pool passes the {@code get_floatingip_pool}
 * policy; the pools have no attribute to filter on (400, as Zed). No item path and no write (Zed: 500
 * and 400; here 404 and 405).
 */
public final class FloatingIpPools {
    static final String PATH = "floatingip_pools";
    private static final Set<String> NOT_FILTERS = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse");

    private final Database db;
    private final Policy policy;

    FloatingIpPools(Database db, Policy policy) {
        this.db = db;
        this.policy = policy;
    }

    public static void install(Engine engine, Database db, Policy policy) {
        if (!engine.hasExtension(FloatingIpPoolsExtension.FLOATINGIP_POOLS.alias())) return;
        engine.endpoint(PATH, new FloatingIpPools(db, policy)::handle);
    }

    /** {@code seg}: "v2.0", "floatingip_pools". */
    ApiResponse handle(ApiRequest req, String[] seg) {
        NeutronException.requireCollectionGet(req.method(), seg);
        List<String> bad = new ArrayList<>();
        for (String key : req.query().keySet()) if (!NOT_FILTERS.contains(key)) bad.add("'" + key + "'");
        if (!bad.isEmpty()) throw NeutronException.badRequest(bad + " is invalid attribute for filtering");
        List<String> fields = req.query().getOrDefault("fields", List.of());
        String project = req.ctx().projectId();
        List<Map<String, Object>> out = new ArrayList<>();
        for (var r : db.tx(dsl -> dsl.select(SUBNETS.ID, SUBNETS.NAME, SUBNETS.NETWORK_ID, SUBNETS.CIDR)
                .from(SUBNETS).join(NETWORKS).on(NETWORKS.ID.eq(SUBNETS.NETWORK_ID))
                .where(NETWORKS.ROUTER_EXTERNAL.isTrue().and(SUBNETS.IP_VERSION.eq(4)))
                .orderBy(SUBNETS.ID).fetch())) {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("subnet_id", r.value1());
            pool.put("subnet_name", r.value2());
            pool.put("tenant_id", project);
            pool.put("network_id", r.value3());
            pool.put("cidr", r.value4());
            pool.put("project_id", project);
            if (!policy.checkAction(req.ctx().creds(), "get_floatingip_pool", pool, PATH)) continue;
            if (!fields.isEmpty()) pool.keySet().retainAll(fields);
            out.add(pool);
        }
        return ApiResponse.ok(Map.of(PATH, out));
    }
}
