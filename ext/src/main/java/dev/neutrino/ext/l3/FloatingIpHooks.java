package dev.neutrino.ext.l3;

import static dev.neutrino.schema.Tables.FLOATINGIPS;
import static dev.neutrino.schema.Tables.IPALLOCATIONS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.ROUTERS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Floating IPs (l3_db with ML2/OVN's status): the address is held by a port on the external network
 * (device_owner network:floatingip, device_id = floating IP id, project ''), created with the
 * floating IP and deleted with it. Associating a port finds the router that has a gateway on the
 * floating network and an interface on the port's subnet; status is ACTIVE while associated and
 * DOWN otherwise, as the OVN driver sets it; port_details describes the associated port.
 */
final class FloatingIpHooks implements ResourceHooks {
    static final String ACTIVE = "ACTIVE";
    static final String DOWN = "DOWN";

    private final L3Ports l3;

    FloatingIpHooks(L3Ports l3) {
        this.l3 = l3;
    }

    /** What a floating IP is associated with: port, fixed IP and the router that does the NAT. */
    private record Association(String portId, String fixedIp, String routerId) {}

    // ------------------------------------------------------------------ create, update, delete

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> fip) {
        String id = (String) fip.get("id");
        String netId = (String) fip.get("floating_network_id");
        Map<String, Object> net = l3.networks().findVisible(tx, netId);
        if (net == null) throw NeutronException.notFound("network", netId);
        if (!Boolean.TRUE.equals(net.get("router:external"))) {
            throw L3Errors.badFloatingIp("Network " + netId + " is not a valid external network");
        }
        boolean ipv4 = false;
        for (Map<String, Object> s : l3.subnetsOf(tx, netId)) ipv4 |= Integer.valueOf(4).equals(s.get("ip_version"));
        if (!ipv4) throw L3Errors.badFloatingIp("Network " + netId + " does not contain any IPv4 subnet");

        Map<String, Object> port = new LinkedHashMap<>();
        port.put("network_id", netId);
        port.put("admin_state_up", true);
        port.put("device_id", id);
        port.put("device_owner", L3Ports.FLOATING);
        port.put("name", "");
        Map<String, Object> fixed = new LinkedHashMap<>();
        if (fip.get("subnet_id") != null) fixed.put("subnet_id", fip.get("subnet_id"));
        if (fip.get("floating_ip_address") != null) fixed.put("ip_address", fip.get("floating_ip_address"));
        if (!fixed.isEmpty()) port.put("fixed_ips", List.of(fixed));
        Map<String, Object> external = l3.createPort(tx, port, "", "N/A");
        List<Map<String, Object>> v4 = L3Ports.ipv4FixedIps(external);
        if (v4.isEmpty()) throw L3Errors.externalIpAddressExhausted(netId);
        fip.remove("subnet_id");
        fip.put("floating_ip_address", v4.get(0).get("ip_address"));
        fip.put("floating_port_id", external.get("id"));

        Map<String, Object> current = new HashMap<>(fip);
        current.put("port_id", null);
        current.put("fixed_ip_address", null);
        Association a = associate(tx, fip, current);
        fip.put("port_id", a.portId());
        fip.put("fixed_ip_address", a.fixedIp());
        fip.put("router_id", a.routerId());
        fip.put("status", a.routerId() != null ? ACTIVE : DOWN);
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        // l3_db._check_and_get_fip_assoc: an empty update ({"floatingip": {}}) disassociates, as the
        // API always did; an update of other attributes keeps the association
        if (changes.isEmpty()) changes.put("port_id", null);
        if (!changes.containsKey("port_id") && !changes.containsKey("fixed_ip_address")
                && current.get("port_id") == null) {
            return;
        }
        Association a = associate(tx, changes, current);
        changes.put("port_id", a.portId());
        changes.put("fixed_ip_address", a.fixedIp());
        changes.put("router_id", a.routerId());
        if (a.portId() != null) {
            changes.put("status", ACTIVE);
        } else if (current.get("port_id") != null) {
            changes.put("status", DOWN);
        }
    }

    @Override
    public void afterDelete(Tx tx, Map<String, Object> fip) {
        Map<String, Object> port = l3.ports().get(tx, (String) fip.get("floating_port_id"));
        if (port != null) l3.deletePort(tx, port);
    }

    // ------------------------------------------------------------------ association

    /**
     * _check_and_get_fip_assoc: {@code request} holds what the caller gave (port_id,
     * fixed_ip_address), {@code fip} the floating IP as it is (its current port_id).
     */
    private Association associate(Tx tx, Map<String, Object> request, Map<String, Object> fip) {
        String portId = (String) request.get("port_id");
        String fixedIp = (String) request.get("fixed_ip_address");
        if (fixedIp != null && portId == null) {
            throw L3Errors.badFloatingIp("fixed_ip_address cannot be specified without a port_id");
        }
        Association a = new Association(null, null, null);
        if (portId != null) {
            a = associationData(tx, portId, fixedIp, fip);
            boolean samePort = portId.equals(fip.get("port_id"));
            // Neutron returns here for the same port; moving to another of its addresses still must
            // not take one that has a floating IP (its unique key would refuse it)
            if (samePort && a.fixedIp().equals(fip.get("fixed_ip_address"))) return a;
            String netId = (String) fip.get("floating_network_id");
            boolean taken = tx.dsl().fetchExists(FLOATINGIPS, FLOATINGIPS.PORT_ID.eq(portId)
                    .and(FLOATINGIPS.FLOATING_NETWORK_ID.eq(netId))
                    .and(FLOATINGIPS.FIXED_IP_ADDRESS.eq(a.fixedIp()))
                    .and(FLOATINGIPS.ID.ne((String) fip.get("id"))));
            if (taken) {
                throw L3Errors.portAlreadyAssociated((String) fip.get("floating_ip_address"),
                        (String) fip.get("id"), portId, a.fixedIp(), netId);
            }
        }
        if (!request.containsKey("port_id") && fip.get("port_id") != null) {
            // an update that leaves the association alone: keep it (with the router that serves it now)
            a = associationData(tx, (String) fip.get("port_id"), (String) fip.get("fixed_ip_address"), fip);
        }
        return a;
    }

    /** _internal_fip_assoc_data and _get_router_for_floatingip. */
    private Association associationData(Tx tx, String portId, String fixedIp, Map<String, Object> fip) {
        Map<String, Object> visible = l3.ports().findVisible(tx, portId);
        if (visible == null) throw NeutronException.notFound("port", portId);
        Map<String, Object> port = l3.ports().get(tx, portId);
        if (!Objects.equals(port.get("project_id"), fip.get("project_id")) && !tx.ctx().isAdmin()) {
            throw L3Errors.badFloatingIp("Cannot process floating IP association with Port " + portId
                    + ", since that port is owned by a different tenant");
        }
        if ("network:dhcp".equals(port.get("device_owner"))) {
            // sic: Neutron does not fill in the port id here
            throw L3Errors.badFloatingIp("Port %(id)s is unable to be assigned a floating IP");
        }
        String subnetId = null;
        String address;
        if (fixedIp != null) {
            IpAddress ip = IpAddress.parse(fixedIp);
            if (ip.version() != 4) {
                throw L3Errors.badFloatingIp("Cannot process floating IP association with " + fixedIp
                        + ", since that is not an IPv4 address");
            }
            for (Map<String, Object> f : L3Ports.fixedIps(port)) {
                if (IpAddress.parse((String) f.get("ip_address")).equals(ip)) subnetId = (String) f.get("subnet_id");
            }
            if (subnetId == null) {
                throw L3Errors.badFloatingIp("Port " + portId + " does not have fixed ip " + fixedIp);
            }
            address = ip.toString();
        } else {
            List<Map<String, Object>> v4 = L3Ports.ipv4FixedIps(port);
            if (v4.isEmpty()) {
                throw L3Errors.badFloatingIp("Cannot add floating IP to port " + portId
                        + " that has no fixed IPv4 addresses");
            }
            if (v4.size() > 1) {
                throw L3Errors.badFloatingIp("Port " + portId + " has multiple fixed IPv4 addresses.  Must "
                        + "provide a specific IPv4 address when assigning a floating IP");
            }
            address = (String) v4.get(0).get("ip_address");
            subnetId = (String) v4.get(0).get("subnet_id");
        }
        String routerId = routerFor(tx, port, subnetId, (String) fip.get("floating_network_id"));
        return new Association(portId, address, routerId);
    }

    /**
     * get_router_for_floatingip: a router with an interface on the internal subnet and a gateway on
     * the external network; the one whose interface is the subnet's gateway IP first.
     */
    private String routerFor(Tx tx, Map<String, Object> port, String subnetId, String externalNetworkId) {
        var p = PORTS.as("p");
        var g = PORTS.as("g");
        var ia = IPALLOCATIONS.as("ia");
        var r = ROUTERS.as("r");
        var pDevice = p.DEVICE_ID;
        var iaIp = ia.IP_ADDRESS;
        List<Record2<String, String>> rows = tx.dsl().selectDistinct(pDevice, iaIp).from(p)
                .join(ia).on(ia.PORT_ID.eq(p.ID))
                .join(r).on(r.ID.eq(pDevice))
                .where(p.NETWORK_ID.eq((String) port.get("network_id"))
                        .and(p.DEVICE_OWNER.in(L3Ports.INTERFACE_OWNERS))
                        .and(ia.SUBNET_ID.eq(subnetId))
                        .and(DSL.exists(DSL.selectOne().from(g).where(g.DEVICE_ID.eq(pDevice)
                                .and(g.NETWORK_ID.eq(externalNetworkId))
                                .and(g.DEVICE_OWNER.eq(L3Ports.GATEWAY))))))
                .orderBy(pDevice, iaIp).fetch();
        if (rows.isEmpty()) {
            throw L3Errors.gatewayForFloatingIpNotFound(externalNetworkId, subnetId, (String) port.get("id"));
        }
        Map<String, Object> subnet = l3.subnets().get(tx, subnetId);
        Object gateway = subnet == null ? null : subnet.get("gateway_ip");
        for (Record2<String, String> row : rows) {
            if (row.value2().equals(gateway)) return row.value1();
        }
        return rows.get(0).value1();
    }

    /** disassociate_floatingips: a port going away takes its floating IPs' associations with it. */
    void disassociate(Tx tx, String portId) {
        for (Map<String, Object> fip : l3.floatingIps().find(tx, Map.of("port_id", portId))) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("port_id", null);
            l3.floatingIps().updateIn(L3Ports.elevated(tx), fip, changes);
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public void extend(Tx tx, List<Map<String, Object>> fips) {
        List<Object> portIds = new ArrayList<>();
        for (Map<String, Object> f : fips) if (f.get("port_id") != null) portIds.add(f.get("port_id"));
        Map<Object, Map<String, Object>> ports = new HashMap<>();
        for (int from = 0; from < portIds.size(); from += 1000) {
            List<Object> chunk = portIds.subList(from, Math.min(portIds.size(), from + 1000));
            var store = l3.ports().store();
            for (Map<String, Object> p : store.list(tx.dsl(), store.field("id").in(chunk), List.of(), 0)) {
                ports.put(p.get("id"), p);
            }
        }
        for (Map<String, Object> f : fips) {
            Map<String, Object> p = ports.get(f.get("port_id"));
            if (p == null) {
                f.put("port_details", null);
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            for (String key : List.of("name", "network_id", "mac_address", "admin_state_up", "status", "device_id",
                    "device_owner")) {
                details.put(key, p.get(key));
            }
            f.put("port_details", details);
        }
    }
}
