package dev.neutrino.ext.ipavailability;

import static dev.neutrino.schema.Tables.IPALLOCATIONS;
import static org.jooq.impl.DSL.count;

import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.db.Database;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.policy.Policy;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The network-ip-availability extension (neutron/db/network_ip_availability_db.py): per network and
 * per subnet, how many addresses the allocation pools hold ({@code total_ips}; the whole cidr for a
 * subnet without pools) and how many are allocated ({@code used_ips}). Read-only, admins only by
 * Neutron's default policy: a list shows others nothing, a show answers 404.
 */
final class IpAvailability {
    static final String PATH = "network-ip-availabilities";
    /** The filters Neutron's plugin applies; other known list parameters are accepted and ignored. */
    private static final Map<String, String> FILTERS = Map.of("network_id", "id", "network_name", "name",
            "tenant_id", "project_id", "project_id", "project_id", "ip_version", "ip_version");
    private static final Set<String> IGNORED = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse");

    private final Database db;
    private final Policy policy;
    private final ResourceService networkService;
    private final ResourceService subnetService;

    public IpAvailability(Database db, Policy policy, ResourceService networks, ResourceService subnets) {
        this.db = db;
        this.policy = policy;
        this.networkService = networks;
        this.subnetService = subnets;
    }

    public ApiResponse handle(ApiRequest req, String[] seg) {
        if (!req.method().equals("GET")) {
            throw new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested "
                    + "resource.");
        }
        RequestContext ctx = req.ctx();
        boolean allowed = ctx.isAdmin()
                || policy.checkAction(ctx.creds(), "get_network_ip_availability", Map.of(), PATH);
        List<String> fields = req.query().getOrDefault("fields", List.of());
        if (seg.length == 3) {
            List<Map<String, Object>> found = allowed ? compute(ctx, Map.of("network_id", List.of(seg[2]))) : List.of();
            if (found.isEmpty()) {
                if (!allowed) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
                throw NeutronException.notFound("network", seg[2]);
            }
            return ApiResponse.ok(Map.of("network_ip_availability", select(found.get(0), fields)));
        }
        if (seg.length != 2) throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        Map<String, List<String>> filters = new HashMap<>();
        for (var e : req.query().entrySet()) {
            if (FILTERS.containsKey(e.getKey())) filters.put(e.getKey(), e.getValue());
            else if (!IGNORED.contains(e.getKey())) {
                throw NeutronException.badRequest("['" + e.getKey() + "'] is invalid attribute for filtering");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (allowed) for (Map<String, Object> n : compute(ctx, filters)) out.add(select(n, fields));
        return ApiResponse.ok(Map.of("network_ip_availabilities", out));
    }

    private static Map<String, Object> select(Map<String, Object> item, List<String> fields) {
        if (fields.isEmpty()) return item;
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) if (item.containsKey(f)) out.put(f, item.get(f));
        return out;
    }

    private List<Map<String, Object>> compute(RequestContext ctx, Map<String, List<String>> filters) {
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> netFilter = new HashMap<>();
            for (var e : filters.entrySet()) {
                if (!e.getKey().equals("ip_version")) netFilter.put(FILTERS.get(e.getKey()), e.getValue());
            }
            List<Map<String, Object>> nets = networkService.findStored(tx, netFilter);
            if (nets.isEmpty()) return List.of();
            Map<String, Object> subnetFilter = new HashMap<>();
            subnetFilter.put("network_id", nets.stream().map(n -> n.get("id")).toList());
            if (filters.containsKey("ip_version")) {
                List<Integer> versions = new ArrayList<>();
                for (String v : filters.get("ip_version")) {
                    try {
                        versions.add(Integer.parseInt(v));
                    } catch (NumberFormatException e) {
                        throw NeutronException.badRequest("Invalid input for ip_version. Reason: '" + v
                                + "' is not an integer.");
                    }
                }
                subnetFilter.put("ip_version", versions);
            }
            List<Map<String, Object>> subnets = subnetService.findStored(tx, subnetFilter);
            Map<String, Long> used = new HashMap<>();
            if (!subnets.isEmpty()) {
                dsl.select(IPALLOCATIONS.SUBNET_ID, count()).from(IPALLOCATIONS)
                        .where(IPALLOCATIONS.SUBNET_ID.in(subnets.stream().map(s -> s.get("id")).toList()))
                        .groupBy(IPALLOCATIONS.SUBNET_ID)
                        .forEach(r -> used.put(r.value1(), r.value2().longValue()));
            }
            Map<String, List<Map<String, Object>>> byNetwork = new HashMap<>();
            for (Map<String, Object> s : subnets) {
                Map<String, Object> sub = new LinkedHashMap<>();
                sub.put("used_ips", used.getOrDefault((String) s.get("id"), 0L));
                sub.put("subnet_id", s.get("id"));
                sub.put("total_ips", totalIps(s));
                sub.put("subnet_name", s.get("name"));
                sub.put("ip_version", s.get("ip_version"));
                sub.put("cidr", s.get("cidr"));
                byNetwork.computeIfAbsent((String) s.get("network_id"), k -> new ArrayList<>()).add(sub);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> n : nets) {
                List<Map<String, Object>> subs = byNetwork.getOrDefault((String) n.get("id"), List.of());
                // an ip_version filter keeps only networks with subnets of that version (Neutron's join)
                if (filters.containsKey("ip_version") && subs.isEmpty()) continue;
                long usedIps = 0;
                BigInteger total = BigInteger.ZERO;
                for (Map<String, Object> s : subs) {
                    usedIps += (Long) s.get("used_ips");
                    total = total.add((BigInteger) s.get("total_ips"));
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("network_id", n.get("id"));
                item.put("network_name", n.get("name"));
                item.put("tenant_id", n.get("project_id"));
                item.put("project_id", n.get("project_id"));
                item.put("subnet_ip_availability", subs);
                item.put("used_ips", usedIps);
                item.put("total_ips", total);
                out.add(item);
            }
            return out;
        });
    }

    /** The addresses of the subnet's allocation pools, or of its whole cidr when it has none. */
    static BigInteger totalIps(Map<String, Object> subnet) {
        BigInteger total = BigInteger.ZERO;
        boolean pools = false;
        if (subnet.get("allocation_pools") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> p && p.get("start") instanceof String start && p.get("end") instanceof String end) {
                    pools = true;
                    total = total.add(IpAddress.parse(end).value().subtract(IpAddress.parse(start).value()))
                            .add(BigInteger.ONE);
                }
            }
        }
        if (pools) return total;
        return Cidr.parse((String) subnet.get("cidr")).size();
    }
}
