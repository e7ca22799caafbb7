package dev.neutrino.ext.l3;

import static dev.neutrino.schema.Tables.IPALLOCATIONS;
import static dev.neutrino.schema.Tables.PORTS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import dev.neutrino.ext.l3.Routers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Record;

/**
 * Routers (l3_db, l3_gwmode_db, extraroute_db): the external gateway, which is a port on an external
 * network owned by nobody ('' project) with device_id = router id; SNAT mode; extra routes checked
 * against the router's connected subnets; availability zones as ML2/OVN reports them; the in-use
 * check on delete.
 */
final class RouterHooks implements ResourceHooks {
    /** [DEFAULT] max_routes. */
    static final int MAX_ROUTES = 30;
    /** [DEFAULT] enable_snat_by_default. */
    static final boolean ENABLE_SNAT_BY_DEFAULT = true;
    private static final String PENDING_GATEWAY = "__gateway__";

    private final L3Ports l3;
    /** Whether qos-gateway-ip is in the API (it takes qos_policy_id in external_gateway_info). */
    private final boolean gatewayQos;

    RouterHooks(L3Ports l3, boolean gatewayQos) {
        this.l3 = l3;
        this.gatewayQos = gatewayQos;
    }

    // ------------------------------------------------------------------ create, update, delete

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> router) {
        router.put("status", "ACTIVE");
        router.put("routes", new ArrayList<>());
        router.putIfAbsent("availability_zone_hints", new ArrayList<>());
        Map<String, Object> gw = gatewayInfo(router.get("external_gateway_info"));
        router.put("enable_snat", enableSnat(gw));
        if (gw != null) router.put(PENDING_GATEWAY, gw);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterCreate(Tx tx, Map<String, Object> router) {
        Map<String, Object> gw = (Map<String, Object>) router.remove(PENDING_GATEWAY);
        if (gw != null) updateGateway(tx, router, gw, List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        String id = (String) current.get("id");
        List<Map<String, Object>> routes = routesOf(current);
        if (changes.containsKey("routes")) {
            routes = (List<Map<String, Object>>) changes.get("routes");
            validateRoutes(tx, id, routes, new ArrayList<>(), new ArrayList<>());
        }
        if (changes.containsKey("external_gateway_info")) {
            Map<String, Object> gw = gatewayInfo(changes.get("external_gateway_info"));
            changes.put("enable_snat", enableSnat(gw));
            updateGateway(tx, current, gw, routes);
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> router) {
        String id = (String) router.get("id");
        List<String> attached = new ArrayList<>();
        for (Map<String, Object> p : l3.routerPorts(tx, id, List.of(L3Ports.INTERFACE))) {
            attached.add((String) p.get("id"));
        }
        if (!attached.isEmpty()) {
            throw L3Errors.routerInUse(id, "has ports still attached: " + String.join(", ", attached));
        }
        Map<String, Object> gw = l3.gatewayPort(tx, id);
        if (gw != null) deleteGatewayPort(tx, id, gw);
        for (Map<String, Object> p : l3.routerPorts(tx, id, L3Ports.ROUTER_PORT_OWNERS)) {
            l3.deletePort(tx, p);
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public void extend(Tx tx, List<Map<String, Object>> routers) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> r : routers) ids.add((String) r.get("id"));
        Map<String, String[]> gatewayOf = new HashMap<>();
        Map<String, List<Map<String, Object>>> ipsOf = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            for (var r : tx.dsl().select(PORTS.ID, PORTS.DEVICE_ID,
                            PORTS.NETWORK_ID).from(PORTS)
                    .where(PORTS.DEVICE_OWNER.eq(L3Ports.GATEWAY)
                            .and(PORTS.DEVICE_ID.in(chunk))).fetch()) {
                gatewayOf.put(r.value2(), new String[] {r.value1(), r.value3()});
                ipsOf.put(r.value1(), new ArrayList<>());
            }
        }
        if (!ipsOf.isEmpty()) {
            for (Record r : tx.dsl().select(IPALLOCATIONS.PORT_ID, IPALLOCATIONS.SUBNET_ID, IPALLOCATIONS.IP_ADDRESS)
                    .from(IPALLOCATIONS).where(IPALLOCATIONS.PORT_ID.in(ipsOf.keySet())).fetch()) {
                Map<String, Object> ip = new LinkedHashMap<>();
                ip.put("subnet_id", r.get(IPALLOCATIONS.SUBNET_ID));
                ip.put("ip_address", r.get(IPALLOCATIONS.IP_ADDRESS));
                ipsOf.get(r.get(IPALLOCATIONS.PORT_ID)).add(ip);
            }
        }
        for (Map<String, Object> r : routers) {
            String[] gw = gatewayOf.get((String) r.get("id"));
            if (gw == null) {
                r.put("external_gateway_info", null);
            } else {
                List<Map<String, Object>> ips = ipsOf.get(gw[0]);
                ips.sort((a, b) -> IpAddress.parse((String) a.get("ip_address"))
                        .compareTo(IpAddress.parse((String) b.get("ip_address"))));
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("network_id", gw[1]);
                info.put("enable_snat", r.get("enable_snat") == null ? ENABLE_SNAT_BY_DEFAULT : r.get("enable_snat"));
                info.put("external_fixed_ips", ips);
                r.put("external_gateway_info", info);
            }
            if (r.get("routes") == null) r.put("routes", new ArrayList<>());
            if (r.get("availability_zone_hints") == null) r.put("availability_zone_hints", new ArrayList<>());
            // ML2/OVN reports the hints it stored on the logical router as the router's zones
            r.put("availability_zones", new ArrayList<>((List<?>) r.get("availability_zone_hints")));
        }
    }

    // ------------------------------------------------------------------ gateway

    /** The gateway info of a request; null when none (null or {} clears the gateway). */
    @SuppressWarnings("unchecked")
    Map<String, Object> gatewayInfo(Object raw) {
        if (!gatewayQos && raw instanceof Map<?, ?> m && m.containsKey("qos_policy_id")) {
            throw NeutronException.invalidInput("external_gateway_info", "Unexpected keys supplied: qos_policy_id");
        }
        if (raw instanceof Map<?, ?> m && !m.isEmpty()) return (Map<String, Object>) m;
        return null;
    }

    static boolean enableSnat(Map<String, Object> gw) {
        if (gw != null && gw.containsKey("enable_snat")) return (Boolean) gw.get("enable_snat");
        return ENABLE_SNAT_BY_DEFAULT;
    }

    /** _update_router_gw_info: keep, re-address, replace, add or remove the gateway port. */
    @SuppressWarnings("unchecked")
    private void updateGateway(Tx tx, Map<String, Object> router, Map<String, Object> info,
                               List<Map<String, Object>> routes) {
        String id = (String) router.get("id");
        Map<String, Object> gwPort = l3.gatewayPort(tx, id);
        List<Map<String, Object>> extIps = info == null || info.get("external_fixed_ips") == null ? List.of()
                : (List<Map<String, Object>>) info.get("external_fixed_ips");
        boolean ipChange = externalIpChange(gwPort, extIps);
        String networkId = validateGatewayInfo(tx, id, info, extIps, gwPort, routes);
        if (gwPort != null && ipChange && gwPort.get("network_id").equals(networkId)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fixed_ips", extIps);
            l3.updatePort(tx, gwPort, body);
            return;
        }
        boolean removed = false;
        if (gwPort != null && !gwPort.get("network_id").equals(networkId)) {
            deleteGatewayPort(tx, id, gwPort);
            removed = true;
        }
        if (networkId != null && (gwPort == null || removed)) {
            checkDuplicateSubnets(tx, l3, id, l3.subnetsOf(tx, networkId));
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("network_id", networkId);
            if (!extIps.isEmpty()) port.put("fixed_ips", extIps);
            port.put("device_id", id);
            port.put("device_owner", L3Ports.GATEWAY);
            port.put("admin_state_up", true);
            port.put("name", "");
            l3.createPort(tx, port, "", null);
        }
    }

    private void deleteGatewayPort(Tx tx, String routerId, Map<String, Object> gwPort) {
        if (!l3.floatingIps().find(tx, Map.of("router_id", routerId)).isEmpty()) {
            throw L3Errors.gatewayInUseByFloatingIp(routerId, (String) gwPort.get("network_id"));
        }
        l3.deletePort(tx, gwPort);
    }

    /** _check_for_external_ip_change. */
    private static boolean externalIpChange(Map<String, Object> gwPort, List<Map<String, Object>> extIps) {
        if (extIps.isEmpty()) return false;
        if (gwPort == null) return true;
        Set<Object> subnets = new HashSet<>();
        Set<Object> addresses = new HashSet<>();
        for (Map<String, Object> ip : L3Ports.fixedIps(gwPort)) {
            subnets.add(ip.get("subnet_id"));
            addresses.add(ip.get("ip_address"));
        }
        Set<Object> newSubnets = new HashSet<>();
        Set<Object> newAddresses = new HashSet<>();
        for (Map<String, Object> ip : extIps) {
            if (ip.get("subnet_id") != null) newSubnets.add(ip.get("subnet_id"));
            if (ip.get("ip_address") != null) newAddresses.add(ip.get("ip_address"));
        }
        return !newSubnets.equals(subnets) || !newAddresses.equals(addresses);
    }

    /** _validate_gw_info: an external network, no gateway IP as external IP, routes still reachable. */
    private String validateGatewayInfo(Tx tx, String routerId, Map<String, Object> info,
                                       List<Map<String, Object>> extIps, Map<String, Object> gwPort,
                                       List<Map<String, Object>> routes) {
        String networkId = info == null ? null : (String) info.get("network_id");
        List<Map<String, Object>> gwSubnets = List.of();
        if (networkId != null) {
            Map<String, Object> net = l3.networks().findVisible(tx, networkId);
            if (net == null) throw NeutronException.notFound("network", networkId);
            if (!Boolean.TRUE.equals(net.get("router:external"))) {
                throw L3Errors.badRouter("Network " + networkId + " is not an external network");
            }
            gwSubnets = l3.subnetsOf(tx, networkId);
            for (Map<String, Object> ext : extIps) {
                for (Map<String, Object> s : gwSubnets) {
                    if (s.get("gateway_ip") == null) continue;
                    if (Objects.equals(ext.get("ip_address"), s.get("gateway_ip"))) {
                        throw L3Errors.badRouter("External IP " + ext.get("ip_address")
                                + " is the same as the gateway IP");
                    }
                }
            }
        }
        if (routes == null || routes.isEmpty()) return networkId;
        List<String> cidrs = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (Map<String, Object> p : l3.routerPorts(tx, routerId, L3Ports.ROUTER_PORT_OWNERS)) {
            if (gwPort != null && p.get("id").equals(gwPort.get("id"))) continue;
            for (Map<String, Object> ip : L3Ports.fixedIps(p)) {
                Map<String, Object> s = l3.subnets().get(tx, (String) ip.get("subnet_id"));
                if (s != null) cidrs.add((String) s.get("cidr"));
                ips.add((String) ip.get("ip_address"));
            }
        }
        for (Map<String, Object> s : gwSubnets) cidrs.add((String) s.get("cidr"));
        validateRoutes(tx, routerId, routes, cidrs, ips);
        return networkId;
    }

    // ------------------------------------------------------------------ routes

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> routesOf(Map<String, Object> router) {
        Object raw = router.get("routes");
        return raw instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /**
     * extraroute_db._validate_routes: at most max_routes, each nexthop on a subnet the router is
     * connected to and not one of the router's own addresses.
     */
    void validateRoutes(Tx tx, String routerId, List<Map<String, Object>> routes, List<String> cidrs,
                        List<String> ips) {
        if (routes.size() > MAX_ROUTES) throw L3Errors.routesExhausted(routerId, MAX_ROUTES);
        if (cidrs.isEmpty() && ips.isEmpty()) {
            Map<String, Object> filter = Map.of("device_id", routerId);
            for (Map<String, Object> p : l3.ports().find(tx, filter)) {
                for (Map<String, Object> ip : L3Ports.fixedIps(p)) {
                    Map<String, Object> s = l3.subnets().get(tx, (String) ip.get("subnet_id"));
                    if (s != null) cidrs.add((String) s.get("cidr"));
                    ips.add((String) ip.get("ip_address"));
                }
            }
        }
        for (Map<String, Object> route : routes) {
            String nexthop = (String) route.get("nexthop");
            boolean connected = false;
            for (String c : cidrs) connected |= L3Ports.inCidr(nexthop, c);
            if (!connected) {
                throw L3Errors.invalidRoutes(Routers.pyRepr(routes), "the nexthop is not connected with router");
            }
            if (ips.contains(nexthop)) {
                throw L3Errors.invalidRoutes(Routers.pyRepr(routes), "the nexthop is used by router");
            }
        }
    }

    // ------------------------------------------------------------------ shared checks

    /**
     * _check_for_dup_router_subnets: a router has one port per subnet, and no two of its subnets
     * (the gateway network's count whole) overlap.
     */
    static void checkDuplicateSubnets(Tx tx, L3Ports l3, String routerId, List<Map<String, Object>> newSubnets) {
        Set<Object> newIds = new HashSet<>();
        for (Map<String, Object> s : newSubnets) newIds.add(s.get("id"));
        List<Object> routerSubnets = new ArrayList<>();
        for (Map<String, Object> p : l3.routerPorts(tx, routerId, L3Ports.ROUTER_PORT_OWNERS)) {
            for (Map<String, Object> ip : L3Ports.fixedIps(p)) {
                if (newIds.contains(ip.get("subnet_id"))) {
                    throw L3Errors.badRouter("Router already has a port on subnet " + ip.get("subnet_id"));
                }
                if (L3Ports.GATEWAY.equals(p.get("device_owner"))) {
                    for (Map<String, Object> s : l3.subnetsOf(tx, (String) p.get("network_id"))) {
                        routerSubnets.add(s.get("id"));
                    }
                } else {
                    routerSubnets.add(ip.get("subnet_id"));
                }
            }
        }
        if (routerSubnets.isEmpty()) return;
        for (Map<String, Object> sub : l3.subnets().find(tx, Map.of("id", routerSubnets))) {
            Cidr cidr = Cidr.parse((String) sub.get("cidr"));
            for (Map<String, Object> s : newSubnets) {
                if (Cidr.parse((String) s.get("cidr")).overlaps(cidr)) {
                    throw L3Errors.badRouter("Cidr " + s.get("cidr") + " of subnet " + s.get("id")
                            + " overlaps with cidr " + sub.get("cidr") + " of subnet " + sub.get("id"));
                }
            }
        }
    }
}
