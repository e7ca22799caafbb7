package dev.neutrino.ext.portforwarding;

import static dev.neutrino.schema.Tables.FLOATINGIPS;
import static dev.neutrino.schema.Tables.IPALLOCATIONS;
import static dev.neutrino.schema.Tables.PORTFORWARDINGS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.ROUTERS;

import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * pf_plugin.py's checks and bookkeeping around a forwarding's row: the internal port and address
 * (an IPv4 fixed IP of a port the caller sees), the router that reaches the internal subnet and has
 * its gateway on the floating IP's network (the floating IP takes it as {@code router_id}, and is
 * ACTIVE while it has forwardings, as ML2/OVN sets it), the port ranges (N-N or 1-N) and the
 * collisions with the floating IP's other forwardings of the protocol and the internal port's.
 * Every write locks the floating IP's row first and changes its revision, so forwardings of one
 * floating IP are written one at a time and the change feed (OVN) hears of each as a change of its
 * floating IP (Neutron's {@code revises_on_change}).
 */
final class PortForwardingHooks implements ResourceHooks {
    static final String ACTIVE = "ACTIVE";
    static final String DOWN = "DOWN";
    private static final List<String> INTERFACE_OWNERS = List.of("network:router_interface",
            "network:router_interface_distributed", "network:ha_router_replicated_interface");
    private static final String GATEWAY = "network:router_gateway";

    private final ResourceService floatingIps;
    private final ResourceService ports;
    private final ResourceService subnets;

    PortForwardingHooks(ResourceService floatingIps, ResourceService ports, ResourceService subnets) {
        this.floatingIps = floatingIps;
        this.ports = ports;
        this.subnets = subnets;
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> pf) {
        String fipId = (String) pf.get("floatingip_id");
        Map<String, Object> fip = lockedFloatingIp(tx, fipId);
        normalize(pf, pf);
        checkCollisions(tx, fipId, pf, null);
        checkPortHasNoFloatingIp(tx, pf);
        if (fip.get("port_id") != null) {
            throw PortForwardingErrors.fipAssociated((String) fip.get("floating_ip_address"), fipId,
                    (String) pf.get("internal_port_id"), pf.get("internal_ip_address"),
                    (String) fip.get("floating_network_id"));
        }
        String routerId = routerFor(tx, pf, fip);
        checkRouterMatch(tx, fip, routerId, pf);
        pf.put("project_id", fip.get("project_id"));
        touch(tx, fip, routerId);
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        String fipId = (String) current.get("floatingip_id");
        Map<String, Object> fip = lockedFloatingIp(tx, fipId);
        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(changes);
        for (String side : List.of("external", "internal")) {
            // a single port given alone replaces a range, and a range a single port
            if (changes.containsKey(side + "_port") && !changes.containsKey(side + "_port_range")) {
                merged.put(side + "_port_range", null);
                if (changes.get(side + "_port") == null) merged.put(side + "_port", current.get(side + "_port"));
            }
            if (changes.get(side + "_port_range") == null && changes.containsKey(side + "_port_range")
                    && !changes.containsKey(side + "_port")) {
                merged.put(side + "_port_range", current.get(side + "_port_range"));
            }
        }
        String newPort = (String) changes.get("internal_port_id");
        if (newPort != null) checkPortHasNoFloatingIp(tx, merged);
        if (newPort != null && !newPort.equals(current.get("internal_port_id"))) {
            String routerId = routerFor(tx, merged, fip);
            checkRouterMatch(tx, fip, routerId, merged);
        }
        normalize(merged, changes);
        merged.putAll(changes);
        checkInternalIpOnPort(tx, merged);
        checkDuplicates(tx, fip, merged, (String) current.get("id"));
        checkCollisions(tx, fipId, merged, (String) current.get("id"));
        touch(tx, fip, (String) fip.get("router_id"));
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> pf) {
        lockedFloatingIp(tx, (String) pf.get("floatingip_id"));
    }

    @Override
    public void afterDelete(Tx tx, Map<String, Object> pf) {
        String fipId = (String) pf.get("floatingip_id");
        Map<String, Object> fip = floatingIps.get(tx, fipId);
        if (fip == null) return; // deleted with its floating IP
        boolean last = !tx.dsl().fetchExists(PORTFORWARDINGS, PORTFORWARDINGS.FLOATINGIP_ID.eq(fipId));
        touch(tx, fip, last ? null : (String) fip.get("router_id"));
    }

    @Override
    public void policyTarget(Tx tx, Map<String, Object> target) {
        target.put("ext_parent_floatingip_id", target.get("floatingip_id"));
        target.put("ext_parent:tenant_id", target.get("project_id"));
    }

    // ------------------------------------------------------------------ the floating IP

    /** The floating IP, its row locked for this transaction (forwardings of one floating IP queue here). */
    private Map<String, Object> lockedFloatingIp(Tx tx, String fipId) {
        tx.dsl().select(FLOATINGIPS.ID).from(FLOATINGIPS).where(FLOATINGIPS.ID.eq(fipId)).forUpdate().fetch();
        Map<String, Object> fip = floatingIps.get(tx, fipId);
        if (fip == null) throw PortForwardingErrors.floatingIpNotFound(fipId);
        return fip;
    }

    /**
     * The floating IP's side of a forwarding change: its router (null once it has no forwarding
     * left) and status, or else just a new revision.
     */
    private void touch(Tx tx, Map<String, Object> fip, String routerId) {
        String status = routerId != null ? ACTIVE : DOWN;
        if (Objects.equals(routerId, fip.get("router_id")) && Objects.equals(status, fip.get("status"))) {
            floatingIps.bumpRevision(tx, (String) fip.get("id"));
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("router_id", routerId);
        changes.put("status", status);
        floatingIps.updateIn(elevated(tx), fip, changes);
    }

    // ------------------------------------------------------------------ checks

    /**
     * The ranges of {@code pf} (its single ports or ranges) into {@code out}, as they are stored:
     * "start:end" in the range columns, the port where it is single.
     */
    static void normalize(Map<String, Object> pf, Map<String, Object> out) {
        PortRange external = PortRange.of(pf, "external");
        PortRange internal = PortRange.of(pf, "internal");
        PortRange.requireValid(external);
        PortRange.requireValid(internal);
        PortRange.requireMatching(internal, external);
        out.put("external_port", external.port());
        out.put("external_port_range", external.toString());
        out.put("internal_port", internal.port());
        out.put("internal_port_range", internal.toString());
    }

    /** _check_port_collisions: no overlap with the same internal address's or the floating IP's ranges. */
    private void checkCollisions(Tx tx, String fipId, Map<String, Object> pf, String self) {
        PortRange internal = PortRange.parse((String) pf.get("internal_port_range"));
        PortRange external = PortRange.parse((String) pf.get("external_port_range"));
        var t = PORTFORWARDINGS;
        for (var r : tx.dsl().select(t.ID, t.INTERNAL_PORT_RANGE).from(t)
                .where(t.INTERNAL_PORT_ID.eq((String) pf.get("internal_port_id"))
                        .and(t.PROTOCOL.eq((String) pf.get("protocol")))
                        .and(t.INTERNAL_IP_ADDRESS.eq((String) pf.get("internal_ip_address"))))
                .orderBy(t.ID).fetch()) {
            if (r.value1().equals(self)) continue;
            PortRange existing = PortRange.parse(r.value2());
            if (existing.overlaps(internal)) throw PortRange.collision("internal_port_range", existing, internal);
        }
        for (var r : tx.dsl().select(t.ID, t.EXTERNAL_PORT_RANGE).from(t)
                .where(t.FLOATINGIP_ID.eq(fipId).and(t.PROTOCOL.eq((String) pf.get("protocol"))))
                .orderBy(t.ID).fetch()) {
            if (r.value1().equals(self)) continue;
            PortRange existing = PortRange.parse(r.value2());
            if (existing.overlaps(external)) throw PortRange.collision("external_port_range", existing, external);
        }
    }

    /** _check_port_forwarding_update: the same external port, or the same internal port and address, twice. */
    private void checkDuplicates(Tx tx, Map<String, Object> fip, Map<String, Object> pf, String self) {
        var t = PORTFORWARDINGS;
        for (var r : tx.dsl().select(t.ID, t.EXTERNAL_PORT, t.INTERNAL_PORT_ID, t.INTERNAL_IP_ADDRESS, t.INTERNAL_PORT)
                .from(t).where(t.FLOATINGIP_ID.eq((String) fip.get("id")).and(t.PROTOCOL.eq((String) pf.get("protocol"))))
                .orderBy(t.ID).fetch()) {
            if (r.value1().equals(self)) continue;
            if (r.value2() != null && r.value2().equals(pf.get("external_port"))) {
                throw PortForwardingErrors.badRequest("Another port forwarding entry with the same attributes already "
                        + "exists, conflicting values are {'floating_ip_address': '" + fip.get("floating_ip_address")
                        + "', 'external_port': " + r.value2() + "}");
            }
            if (r.value3().equals(pf.get("internal_port_id")) && r.value4().equals(pf.get("internal_ip_address"))
                    && r.value5() != null && r.value5().equals(pf.get("internal_port"))) {
                throw PortForwardingErrors.badRequest("Another port forwarding entry with the same attributes already "
                        + "exists, conflicting values are {'internal_port_id': '" + r.value3()
                        + "', 'internal_ip_address': '" + r.value4() + "', 'internal_port': " + r.value5() + "}");
            }
        }
    }

    /** _check_port_has_binding_floating_ip: a port with a floating IP of its own takes no forwarding. */
    private void checkPortHasNoFloatingIp(Tx tx, Map<String, Object> pf) {
        var f = tx.dsl().select(FLOATINGIPS.ID, FLOATINGIPS.FLOATING_IP_ADDRESS).from(FLOATINGIPS)
                .where(FLOATINGIPS.PORT_ID.eq((String) pf.get("internal_port_id"))).orderBy(FLOATINGIPS.ID).limit(1)
                .fetchOne();
        if (f != null) {
            throw PortForwardingErrors.portHasBindingFloatingIp(f.value2(), f.value1(),
                    (String) pf.get("internal_port_id"), pf.get("internal_ip_address"));
        }
    }

    /** The internal address is one of the internal port's fixed IPs (on update). */
    private void checkInternalIpOnPort(Tx tx, Map<String, Object> pf) {
        Map<String, Object> port = ports.get(tx, (String) pf.get("internal_port_id"));
        List<Map<String, Object>> fixed = port == null ? List.of() : fixedIps(port);
        for (Map<String, Object> ip : fixed) {
            if (sameIp(ip.get("ip_address"), pf.get("internal_ip_address"))) return;
        }
        throw PortForwardingErrors.badRequest("The internal IP does not correspond to an address on the internal "
                + "port, which has fixed_ips " + pyFixedIps(fixed));
    }

    /**
     * _find_a_router_for_fip_port_forwarding: the internal port (one the caller sees) must have an
     * IPv4 address, the internal address must be one of them, and a router must have an interface
     * on its subnet and its gateway on the floating IP's network (l3_db.get_router_for_floatingip).
     */
    private String routerFor(Tx tx, Map<String, Object> pf, Map<String, Object> fip) {
        String portId = (String) pf.get("internal_port_id");
        if (ports.findVisible(tx, portId) == null) throw NeutronException.notFound("port", portId);
        Map<String, Object> port = ports.get(tx, portId);
        List<Map<String, Object>> v4 = new ArrayList<>();
        for (Map<String, Object> ip : fixedIps(port)) {
            if (IpAddress.parse((String) ip.get("ip_address")).version() == 4) v4.add(ip);
        }
        if (v4.isEmpty()) {
            throw PortForwardingErrors.badRequest("Requested internal port " + portId
                    + " must allocate an IPv4 address at least.");
        }
        String subnetId = null;
        for (Map<String, Object> ip : v4) {
            if (sameIp(ip.get("ip_address"), pf.get("internal_ip_address"))) subnetId = (String) ip.get("subnet_id");
        }
        if (subnetId == null) {
            throw PortForwardingErrors.badRequest("Requested internal IP address " + pf.get("internal_ip_address")
                    + " is not suitable for internal neutron port " + portId + ", as its fixed_ips are "
                    + pyFixedIps(v4));
        }
        String externalNet = (String) fip.get("floating_network_id");
        var p = PORTS.as("p");
        var g = PORTS.as("g");
        var ia = IPALLOCATIONS.as("ia");
        var r = ROUTERS.as("r");
        List<Record2<String, String>> rows = tx.dsl().selectDistinct(p.DEVICE_ID, ia.IP_ADDRESS).from(p)
                .join(ia).on(ia.PORT_ID.eq(p.ID))
                .join(r).on(r.ID.eq(p.DEVICE_ID))
                .where(p.NETWORK_ID.eq((String) port.get("network_id"))
                        .and(p.DEVICE_OWNER.in(INTERFACE_OWNERS))
                        .and(ia.SUBNET_ID.eq(subnetId))
                        .and(DSL.exists(DSL.selectOne().from(g).where(g.DEVICE_ID.eq(p.DEVICE_ID)
                                .and(g.NETWORK_ID.eq(externalNet)).and(g.DEVICE_OWNER.eq(GATEWAY))))))
                .orderBy(p.DEVICE_ID, ia.IP_ADDRESS).fetch();
        if (rows.isEmpty()) {
            throw PortForwardingErrors.badRequest("External network " + externalNet + " is not reachable from subnet "
                    + subnetId + ". Cannot set Port forwarding for port " + portId + " with Floating IP "
                    + fip.get("id"));
        }
        Map<String, Object> subnet = subnets.get(tx, subnetId);
        Object gateway = subnet == null ? null : subnet.get("gateway_ip");
        for (Record2<String, String> row : rows) {
            if (row.value2().equals(gateway)) return row.value1();
        }
        return rows.get(0).value1();
    }

    /** _check_router_match: a floating IP with forwardings through one router takes none through another. */
    private void checkRouterMatch(Tx tx, Map<String, Object> fip, String routerId, Map<String, Object> pf) {
        Object current = fip.get("router_id");
        if (current == null || current.equals(routerId)) return;
        var t = PORTFORWARDINGS;
        boolean same = pf.get("internal_port") != null && tx.dsl().fetchExists(t, t.FLOATINGIP_ID.eq((String) fip.get("id"))
                .and(t.INTERNAL_IP_ADDRESS.eq((String) pf.get("internal_ip_address")))
                .and(t.INTERNAL_PORT.eq(((Number) pf.get("internal_port")).intValue())));
        if (same) {
            throw PortForwardingErrors.badRequest("Floating IP " + fip.get("id") + " with params: internal_ip_address: "
                    + pf.get("internal_ip_address") + ", internal_port: " + pf.get("internal_port") + " already exists");
        }
        throw PortForwardingErrors.badRequest("The Floating IP " + fip.get("id") + " had been set on router " + current
                + ", the internal Neutron port " + pf.get("internal_port_id") + " can not reach it");
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fixedIps(Map<String, Object> port) {
        Object f = port.get("fixed_ips");
        return f instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static boolean sameIp(Object a, Object b) {
        if (a == null || b == null) return false;
        try {
            return IpAddress.parse(String.valueOf(a)).equals(IpAddress.parse(String.valueOf(b)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A port's fixed IPs as Python prints Neutron's list of dicts. */
    static String pyFixedIps(List<Map<String, Object>> fixed) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> ip : fixed) {
            out.add("{'subnet_id': '" + ip.get("subnet_id") + "', 'ip_address': '" + ip.get("ip_address") + "'}");
        }
        return "[" + String.join(", ", out) + "]";
    }

    static Tx elevated(Tx tx) {
        RequestContext c = tx.ctx();
        if (c.isAdmin()) return tx;
        return new Tx(tx.dsl(), new RequestContext(c.userId(), c.projectId(), c.roles(), true, c.requestId()));
    }
}
