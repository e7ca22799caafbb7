package dev.neutrino.ext.l3;

import dev.neutrino.db.Database;
import dev.neutrino.policy.Policy;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.Requests;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the L3 handlers share: the device owners, the services they work through, and the ports the
 * L3 service creates and deletes itself (gateway, interface and floating IP ports), which, as
 * Neutron's internal {@code create_port}, are not counted against the caller's port quota and do not
 * go through the port API's L3 deletion check.
 */
final class L3Ports {
    static final String GATEWAY = "network:router_gateway";
    static final String INTERFACE = "network:router_interface";
    static final String FLOATING = "network:floatingip";
    static final String HA_INTERFACE = "network:ha_router_replicated_interface";
    /** constants.ROUTER_INTERFACE_OWNERS. */
    static final List<String> INTERFACE_OWNERS = List.of(INTERFACE, HA_INTERFACE,
            "network:router_interface_distributed");
    /** L3_NAT_dbonly_mixin.router_device_owners: ports DELETE /ports refuses. */
    static final List<String> ROUTER_DEVICE_OWNERS = List.of(HA_INTERFACE, INTERFACE, GATEWAY, FLOATING);
    /** The ports that are a router's own (Neutron's routerports: gateway and interfaces). */
    static final List<String> ROUTER_PORT_OWNERS = List.of(HA_INTERFACE, INTERFACE, GATEWAY);

    /** Marks a port map handed to deleteIn by L3 itself (l3_port_check=False). */
    static final String SKIP_L3_CHECK = "__l3_port_check_skipped__";

    private final Database db;
    private final Policy policy;
    private final ResourceService ports;
    private final ResourceService subnets;
    private final ResourceService networks;
    private final ResourceService routers;
    private final ResourceService floatingIps;

    L3Ports(Database db, Policy policy, ResourceService ports, ResourceService subnets, ResourceService networks,
            ResourceService routers, ResourceService floatingIps) {
        this.db = db;
        this.policy = policy;
        this.ports = ports;
        this.subnets = subnets;
        this.networks = networks;
        this.routers = routers;
        this.floatingIps = floatingIps;
    }

    ResourceService ports() { return ports; }
    ResourceService subnets() { return subnets; }
    ResourceService networks() { return networks; }
    ResourceService routers() { return routers; }
    ResourceService floatingIps() { return floatingIps; }
    Database db() { return db; }
    Policy policy() { return policy; }

    /** The caller with admin rights (context.elevated()). */
    static Tx elevated(Tx tx) {
        RequestContext c = tx.ctx();
        if (c.isAdmin()) return tx;
        return new Tx(tx.dsl(), new RequestContext(c.userId(), c.projectId(), c.roles(), true, c.requestId()));
    }

    /**
     * Creates a port for the L3 service with the port engine (IPAM, MAC, hooks) and gives it to
     * {@code project} ('' for gateway and floating IP ports, hidden from projects); {@code status}
     * overrides the port's status when not null.
     */
    Map<String, Object> createPort(Tx tx, Map<String, Object> body, String project, String status) {
        Tx admin = elevated(tx);
        Map<String, Object> request = new LinkedHashMap<>(body);
        request.put("project_id", project);
        Map<String, Object> port = Requests.prepareCreate(ports().def(), request, admin.ctx());
        port.put("project_id", null);
        Map<String, Object> created = ports().createIn(admin, port);
        Map<String, Object> fix = new LinkedHashMap<>();
        fix.put("project_id", project);
        if (status != null) fix.put("status", status);
        ports().store().update(tx.dsl(), (String) created.get("id"), fix, null);
        return ports().get(tx, (String) created.get("id"));
    }

    /** Updates one of L3's ports (device_id/device_owner, fixed_ips) as an admin would. */
    Map<String, Object> updatePort(Tx tx, Map<String, Object> port, Map<String, Object> body) {
        Tx admin = elevated(tx);
        Map<String, Object> changes = Requests.prepareUpdate(ports().def(), body, admin.ctx());
        ports().updateIn(admin, port, changes);
        return ports().get(tx, (String) port.get("id"));
    }

    /** Deletes a port without the L3 in-use check of DELETE /ports (l3_port_check=False). */
    void deletePort(Tx tx, Map<String, Object> port) {
        Map<String, Object> p = new LinkedHashMap<>(port);
        p.put(SKIP_L3_CHECK, Boolean.TRUE);
        ports().deleteIn(elevated(tx), p);
    }

    /** A router's ports with one of {@code owners}, loaded (fixed_ips), oldest first. */
    List<Map<String, Object>> routerPorts(Tx tx, String routerId, Collection<String> owners) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("device_id", routerId);
        filter.put("device_owner", owners);
        List<Map<String, Object>> rows = ports().find(tx, filter);
        rows.sort((a, b) -> String.valueOf(a.get("created_at")).compareTo(String.valueOf(b.get("created_at"))));
        return rows;
    }

    Map<String, Object> gatewayPort(Tx tx, String routerId) {
        List<Map<String, Object>> gw = routerPorts(tx, routerId, List.of(GATEWAY));
        return gw.isEmpty() ? null : gw.get(0);
    }

    List<Map<String, Object>> subnetsOf(Tx tx, String networkId) {
        List<Map<String, Object>> rows = subnets().find(tx, Map.of("network_id", networkId));
        rows.sort((a, b) -> String.valueOf(a.get("created_at")).compareTo(String.valueOf(b.get("created_at"))));
        return rows;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fixedIps(Map<String, Object> port) {
        Object raw = port.get("fixed_ips");
        return raw instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static List<Map<String, Object>> ipv4FixedIps(Map<String, Object> port) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> ip : fixedIps(port)) {
            if (IpAddress.parse((String) ip.get("ip_address")).version() == 4) out.add(ip);
        }
        return out;
    }

    static boolean hasIpv6(Map<String, Object> port) {
        for (Map<String, Object> ip : fixedIps(port)) {
            if (IpAddress.parse((String) ip.get("ip_address")).version() == 6) return true;
        }
        return false;
    }

    static boolean inCidr(String ip, String cidr) {
        IpAddress a = IpAddress.tryParse(ip);
        return a != null && Cidr.parse(cidr).contains(a);
    }
}
