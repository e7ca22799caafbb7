package dev.neutrino.ext.l3;

import static dev.neutrino.schema.Tables.IPALLOCATIONS;
import static dev.neutrino.schema.Tables.RBAC_POLICIES;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.Requests;
import dev.neutrino.engine.Tx;
import dev.neutrino.engine.Views;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import dev.neutrino.ipam.AllocationPool;
import dev.neutrino.model.Validators;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.PolicyNotAuthorized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.neutrino.ext.core.Subnets;

/**
 * The router member actions: add_router_interface / remove_router_interface (l3_db) and
 * add_extraroutes / remove_extraroutes (extraroute-atomic). Each runs in one transaction and bumps
 * the router's revision with the optimistic check, so concurrent changes to one router serialize.
 */
final class RouterInterfaces {
    private final L3Ports l3;

    RouterInterfaces(L3Ports l3) {
        this.l3 = l3;
    }

    private record Attached(Map<String, Object> port, List<Map<String, Object>> subnets) {}

    // ------------------------------------------------------------------ add

    Map<String, Object> add(RequestContext ctx, String routerId, Map<String, Object> body) {
        return l3.db().tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> router = visibleRouter(tx, routerId, "add_router_interface");
            boolean byPort = validateInterfaceInfo(body, false);
            Attached a = byPort ? addByPort(tx, router, (String) body.get("port_id"))
                    : addBySubnet(tx, router, (String) body.get("subnet_id"));
            bumpRouter(tx, router);
            return interfaceInfo(routerId, a.port(), a.subnets().get(a.subnets().size() - 1), a.subnets());
        });
    }

    private Attached addByPort(Tx tx, Map<String, Object> router, String portId) {
        String routerId = (String) router.get("id");
        Map<String, Object> port = l3.ports().findVisible(tx, portId);
        if (port == null) throw NeutronException.notFound("port", portId);
        port = l3.ports().get(tx, portId);
        if (!"".equals(port.get("device_id"))) {
            throw L3Errors.portInUse((String) port.get("network_id"), portId, (String) port.get("device_id"));
        }
        List<Map<String, Object>> fixedIps = L3Ports.fixedIps(port);
        if (fixedIps.isEmpty()) throw L3Errors.badRouter("Router port must have at least one fixed IP");
        List<Map<String, Object>> subnets = new ArrayList<>();
        for (Map<String, Object> ip : fixedIps) {
            Map<String, Object> s = l3.subnets().get(tx, (String) ip.get("subnet_id"));
            validateSubnetAddressMode(s);
            subnets.add(s);
        }
        if (L3Ports.hasIpv6(port)) {
            for (Map<String, Object> existing : l3.routerPorts(tx, routerId, L3Ports.ROUTER_PORT_OWNERS)) {
                if (existing.get("network_id").equals(port.get("network_id")) && L3Ports.hasIpv6(existing)) {
                    throw L3Errors.badRouter("Cannot have multiple router ports with the same network id if "
                            + "both contain IPv6 subnets. Existing port " + existing.get("id") + " has IPv6 "
                            + "subnet(s) and network id " + existing.get("network_id"));
                }
            }
        }
        RouterHooks.checkDuplicateSubnets(tx, l3, routerId, subnets);
        if (subnets.stream().filter(s -> Integer.valueOf(4).equals(s.get("ip_version"))).count() > 1) {
            throw L3Errors.badRouter("Cannot have multiple IPv4 subnets on router port");
        }
        validatePortInRangeOrAdmin(tx, subnets, port);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("device_id", routerId);
        changes.put("device_owner", L3Ports.INTERFACE);
        return new Attached(l3.updatePort(tx, port, changes), subnets);
    }

    private Attached addBySubnet(Tx tx, Map<String, Object> router, String subnetId) {
        String routerId = (String) router.get("id");
        Map<String, Object> subnet = l3.subnets().findVisible(tx, subnetId);
        if (subnet == null) throw NeutronException.notFound("subnet", subnetId);
        subnet = l3.subnets().get(tx, subnetId);
        if (subnet.get("gateway_ip") == null) {
            throw L3Errors.badRouter("Subnet for router interface must have a gateway IP");
        }
        RequestContext ctx = tx.ctx();
        if (!ctx.isAdmin() && !String.valueOf(subnet.get("project_id")).equals(ctx.projectId())) {
            // shared through RBAC to this project: allowed; shared with everybody: not (LP-1757482)
            boolean rbac = tx.dsl().fetchExists(RBAC_POLICIES,
                    RBAC_POLICIES.OBJECT_ID.eq((String) subnet.get("network_id"))
                            .and(RBAC_POLICIES.ACTION.eq("access_as_shared"))
                            .and(RBAC_POLICIES.TARGET_TENANT.eq(ctx.projectId())));
            if (!rbac) {
                throw L3Errors.badRouter("Cannot add interface to router because subnet " + subnetId
                        + " is not owned by project making the request");
            }
        }
        validateSubnetAddressMode(subnet);
        RouterHooks.checkDuplicateSubnets(tx, l3, routerId, List.of(subnet));
        Map<String, Object> fixedIp = new LinkedHashMap<>();
        fixedIp.put("ip_address", subnet.get("gateway_ip"));
        fixedIp.put("subnet_id", subnetId);
        if (Integer.valueOf(6).equals(subnet.get("ip_version"))
                && !"prefix_delegation".equals(subnet.get("subnetpool_id"))) {
            // another IPv6 prefix on the router's IPv6 port of that network
            for (Map<String, Object> p : l3.routerPorts(tx, routerId, List.of(L3Ports.INTERFACE))) {
                if (p.get("network_id").equals(subnet.get("network_id")) && L3Ports.hasIpv6(p)) {
                    List<Map<String, Object>> ips = new ArrayList<>();
                    for (Map<String, Object> ip : L3Ports.fixedIps(p)) ips.add(new LinkedHashMap<>(ip));
                    ips.add(fixedIp);
                    Map<String, Object> changes = new LinkedHashMap<>();
                    changes.put("fixed_ips", ips);
                    return new Attached(l3.updatePort(tx, p, changes), List.of(subnet));
                }
            }
        }
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("network_id", subnet.get("network_id"));
        port.put("fixed_ips", List.of(fixedIp));
        port.put("admin_state_up", true);
        port.put("device_id", routerId);
        port.put("device_owner", L3Ports.INTERFACE);
        port.put("name", "");
        return new Attached(l3.createPort(tx, port, (String) router.get("project_id"), null), List.of(subnet));
    }

    /** _validate_subnet_address_mode. */
    private static void validateSubnetAddressMode(Map<String, Object> subnet) {
        if (Integer.valueOf(6).equals(subnet.get("ip_version")) && subnet.get("ipv6_ra_mode") == null
                && subnet.get("ipv6_address_mode") != null) {
            throw L3Errors.badRouter("IPv6 subnet " + subnet.get("id") + " configured to receive RAs from an "
                    + "external router cannot be added to Neutron Router.");
        }
    }

    /** _validate_port_in_range_or_admin. */
    private static void validatePortInRangeOrAdmin(Tx tx, List<Map<String, Object>> subnets,
                                                   Map<String, Object> port) {
        if (tx.ctx().isAdmin()) return;
        for (Map<String, Object> ip : L3Ports.fixedIps(port)) {
            Map<String, Object> subnet = null;
            for (Map<String, Object> s : subnets) if (s.get("id").equals(ip.get("subnet_id"))) subnet = s;
            if (subnet == null) continue;
            IpAddress addr = IpAddress.parse((String) ip.get("ip_address"));
            boolean inPool = false;
            for (AllocationPool pool : Subnets.poolsOf(subnet)) {
                inPool |= addr.compareTo(pool.start()) >= 0 && addr.compareTo(pool.end()) <= 0;
            }
            if (!inPool && !tx.ctx().projectId().equals(subnet.get("project_id"))) {
                throw L3Errors.badRouter("Cannot add interface to router because specified port " + port.get("id")
                        + " has an IP address out of the allocation pool of subnet " + subnet.get("id")
                        + ", which is not owned by the project making the request");
            }
        }
    }

    // ------------------------------------------------------------------ remove

    Map<String, Object> remove(RequestContext ctx, String routerId, Map<String, Object> body) {
        return l3.db().tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            visibleRouter(tx, routerId, "remove_router_interface");
            Map<String, Object> router = l3.routers().get(tx, routerId);
            boolean byPort = validateInterfaceInfo(body, true);
            String subnetId = (String) body.get("subnet_id");
            Attached a = byPort ? removeByPort(tx, router, (String) body.get("port_id"), subnetId)
                    : removeBySubnet(tx, router, subnetId);
            bumpRouter(tx, router);
            return interfaceInfo(routerId, a.port(), a.subnets().get(0), a.subnets());
        });
    }

    private Attached removeByPort(Tx tx, Map<String, Object> router, String portId, String subnetId) {
        String routerId = (String) router.get("id");
        Map<String, Object> port = null;
        for (Map<String, Object> p : l3.routerPorts(tx, routerId, List.of(L3Ports.INTERFACE))) {
            if (p.get("id").equals(portId)) port = p;
        }
        if (port == null) throw L3Errors.interfaceNotFound(routerId, portId);
        List<Object> subnetIds = new ArrayList<>();
        for (Map<String, Object> ip : L3Ports.fixedIps(port)) subnetIds.add(ip.get("subnet_id"));
        if (subnetId != null && !subnetIds.contains(subnetId)) throw L3Errors.subnetMismatchForPort(portId, subnetId);
        List<Map<String, Object>> subnets = subnetIds.isEmpty() ? List.of()
                : l3.subnets().find(tx, Map.of("id", subnetIds));
        for (Map<String, Object> s : subnets) confirmNotInUse(tx, router, s);
        l3.deletePort(tx, port);
        if (subnets.isEmpty()) {
            // a port whose subnets are gone: Neutron answers from what is left
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("id", null);
            subnets = List.of(none);
        }
        return new Attached(port, subnets);
    }

    private Attached removeBySubnet(Tx tx, Map<String, Object> router, String subnetId) {
        String routerId = (String) router.get("id");
        Map<String, Object> subnet = l3.subnets().findVisible(tx, subnetId);
        if (subnet == null) throw NeutronException.notFound("subnet", subnetId);
        List<Map<String, Object>> ports = new ArrayList<>();
        for (Map<String, Object> p : l3.routerPorts(tx, routerId, List.of(L3Ports.INTERFACE))) {
            if (p.get("network_id").equals(subnet.get("network_id"))) ports.add(p);
        }
        if (!ports.isEmpty()) confirmNotInUse(tx, router, subnet);
        for (Map<String, Object> p : ports) {
            List<Map<String, Object>> ips = L3Ports.fixedIps(p);
            boolean on = ips.stream().anyMatch(ip -> subnetId.equals(ip.get("subnet_id")));
            Set<Object> portSubnets = new LinkedHashSet<>();
            for (Map<String, Object> ip : ips) portSubnets.add(ip.get("subnet_id"));
            if (on && ips.size() > 1 && portSubnets.size() > 1) {
                List<Map<String, Object>> keep = new ArrayList<>();
                for (Map<String, Object> ip : ips) {
                    if (!subnetId.equals(ip.get("subnet_id"))) keep.add(new LinkedHashMap<>(ip));
                }
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("fixed_ips", keep);
                l3.updatePort(tx, p, changes);
                return new Attached(p, List.of(subnet));
            } else if (on) {
                l3.deletePort(tx, p);
                return new Attached(p, List.of(subnet));
            }
        }
        throw L3Errors.interfaceNotFoundForSubnet(routerId, subnetId);
    }

    /** _confirm_router_interface_not_in_use: no floating IP and no extra route needs the subnet. */
    private void confirmNotInUse(Tx tx, Map<String, Object> router, Map<String, Object> subnet) {
        String routerId = (String) router.get("id");
        Cidr cidr = Cidr.parse((String) subnet.get("cidr"));
        List<String> subnetPorts = tx.dsl().select(IPALLOCATIONS.PORT_ID).from(IPALLOCATIONS)
                .where(IPALLOCATIONS.SUBNET_ID.eq((String) subnet.get("id"))).fetch(IPALLOCATIONS.PORT_ID);
        for (Map<String, Object> fip : l3.floatingIps().find(tx, Map.of("router_id", routerId))) {
            String fixed = (String) fip.get("fixed_ip_address");
            if (fixed != null && cidr.contains(IpAddress.parse(fixed)) && subnetPorts.contains(fip.get("port_id"))) {
                throw L3Errors.interfaceInUseByFloatingIp(routerId, (String) subnet.get("id"));
            }
        }
        for (Map<String, Object> route : RouterHooks.routesOf(router)) {
            if (L3Ports.inCidr((String) route.get("nexthop"), cidr.toString())) {
                throw L3Errors.interfaceInUseByRoute(routerId, (String) subnet.get("id"));
            }
        }
    }

    // ------------------------------------------------------------------ extra routes

    Map<String, Object> addExtraRoutes(RequestContext ctx, String routerId, Map<String, Object> body) {
        return editRoutes(ctx, routerId, body, true);
    }

    Map<String, Object> removeExtraRoutes(RequestContext ctx, String routerId, Map<String, Object> body) {
        return editRoutes(ctx, routerId, body, false);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> editRoutes(RequestContext ctx, String routerId, Map<String, Object> body,
                                           boolean add) {
        if (!(body.get("router") instanceof Map<?, ?> inner) || body.size() != 1) {
            throw NeutronException.badRequest("Unable to find 'router' in request body");
        }
        if (!inner.containsKey("routes")) {
            throw NeutronException.badRequest("Failed to parse request. Required attribute 'routes' not specified");
        }
        Object raw = Requests.convertAndValidate(l3.routers().def().attribute("routes"), inner.get("routes"));
        List<Map<String, Object>> given = (List<Map<String, Object>>) raw;
        return l3.db().tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            visibleRouter(tx, routerId, add ? "add_extraroutes" : "remove_extraroutes");
            Map<String, Object> router = l3.routers().get(tx, routerId);
            List<Map<String, Object>> old = RouterHooks.routesOf(router);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("routes", add ? addRoutes(old, given) : removeRoutes(old, given));
            l3.routers().updateIn(tx, router, changes);
            return Map.of("router", Views.render(l3.routers().def(), l3.routers().get(tx, routerId), Set.of(), ctx));
        });
    }

    /** _add_extra_routes: the union; exact duplicates merge, same destinations with other nexthops stay. */
    static List<Map<String, Object>> addRoutes(List<Map<String, Object>> old, List<Map<String, Object>> add) {
        Map<String, LinkedHashSet<String>> byDestination = new LinkedHashMap<>();
        for (List<Map<String, Object>> list : List.of(old, add)) {
            for (Map<String, Object> r : list) {
                byDestination.computeIfAbsent((String) r.get("destination"), k -> new LinkedHashSet<>())
                        .add((String) r.get("nexthop"));
            }
        }
        return flatten(byDestination);
    }

    /** _remove_extra_routes: routes to remove that are already gone are fine. */
    static List<Map<String, Object>> removeRoutes(List<Map<String, Object>> old, List<Map<String, Object>> remove) {
        Map<String, LinkedHashSet<String>> byDestination = new LinkedHashMap<>();
        for (Map<String, Object> r : old) {
            byDestination.computeIfAbsent((String) r.get("destination"), k -> new LinkedHashSet<>())
                    .add((String) r.get("nexthop"));
        }
        for (Map<String, Object> r : remove) {
            LinkedHashSet<String> hops = byDestination.get((String) r.get("destination"));
            if (hops != null) hops.remove((String) r.get("nexthop"));
        }
        return flatten(byDestination);
    }

    private static List<Map<String, Object>> flatten(Map<String, LinkedHashSet<String>> byDestination) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : byDestination.entrySet()) {
            for (String hop : e.getValue()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("destination", e.getKey());
                r.put("nexthop", hop);
                out.add(r);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The router an action works on, as Neutron's _handle_action finds it: visible to the caller
     * (RouterNotFound), readable by policy (404), and the action's own rule allowed (403).
     */
    private Map<String, Object> visibleRouter(Tx tx, String routerId, String action) {
        Map<String, Object> router = l3.routers().findVisible(tx, routerId);
        if (router == null) throw L3Errors.routerNotFound(routerId);
        Policy policy = l3.policy();
        RequestContext ctx = tx.ctx();
        if (ctx.isAdmin() && !policy.enforceNewDefaults()) return router;
        Map<String, Object> target = new LinkedHashMap<>(router);
        target.put("tenant_id", router.get("project_id"));
        if (!policy.checkAction(ctx.creds(), "get_router", target, "routers")) {
            throw new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
        }
        try {
            policy.enforceAction(ctx.creds(), action, target, "routers");
        } catch (PolicyNotAuthorized e) {
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
        return router;
    }

    /** _validate_interface_info: exactly one of port_id / subnet_id (both allowed on removal). */
    private static boolean validateInterfaceInfo(Map<String, Object> info, boolean forRemoval) {
        boolean port = info != null && info.containsKey("port_id");
        boolean subnet = info != null && info.containsKey("subnet_id");
        if (!port && !subnet) throw L3Errors.badRouter("Either subnet_id or port_id must be specified");
        for (String key : List.of("port_id", "subnet_id")) {
            if (!info.containsKey(key)) continue;
            String err = Validators.UUID.validate(info.get(key));
            if (err != null) throw L3Errors.badRouter(err);
        }
        if (!forRemoval && port && subnet) throw L3Errors.badRouter("Cannot specify both subnet-id and port-id");
        return port;
    }

    /** Bumps the router's revision; a concurrent change of the router makes this transaction retry. */
    private void bumpRouter(Tx tx, Map<String, Object> router) {
        Map<String, Object> current = l3.routers().get(tx, (String) router.get("id"));
        current.put("revision_number", router.get("revision_number"));
        l3.routers().updateIn(tx, current, new LinkedHashMap<>());
    }

    private static Map<String, Object> interfaceInfo(String routerId, Map<String, Object> port,
                                                     Map<String, Object> subnet, List<Map<String, Object>> subnets) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", routerId);
        out.put("tenant_id", port.get("project_id"));
        out.put("port_id", port.get("id"));
        out.put("network_id", port.get("network_id"));
        out.put("subnet_id", subnet.get("id"));
        List<Object> ids = new ArrayList<>();
        for (Map<String, Object> s : subnets) ids.add(s.get("id"));
        out.put("subnet_ids", ids);
        out.put("project_id", port.get("project_id"));
        return out;
    }
}
