package dev.neutrino.ext.core;

import static dev.neutrino.schema.Tables.IPALLOCATIONS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.SUBNETS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.core.api.SubnetPoolAllocator;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import dev.neutrino.ipam.AllocationPool;
import dev.neutrino.ipam.Eui64;
import dev.neutrino.ipam.GatewayRequest;
import dev.neutrino.ipam.SubnetLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Record;

/**
 * Subnets: cidr, gateway and allocation pools as Neutron works them out and checks them, overlap
 * within the network, IPv6 modes, DNS servers and host routes, subnet pools, and the in-use check.
 */
final class SubnetHooks implements ResourceHooks {
    private final ResourceService networks;
    private final ResourceService ports;
    private final SubnetPoolAllocator pools;
    private final CoreLimits limits;

    public SubnetHooks(ResourceService networks, ResourceService ports, SubnetPoolAllocator pools, CoreLimits limits) {
        this.ports = ports;
        this.networks = networks;
        this.pools = pools;
        this.limits = limits;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> s) {
        String networkId = (String) s.get("network_id");
        Map<String, Object> net = networks.findVisible(tx, networkId);
        if (net == null) throw NeutronException.notFound("network", networkId);
        if (!tx.ctx().isAdmin() && !Objects.equals(net.get("project_id"), tx.ctx().projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "(rule:create_subnet) is disallowed by policy");
        }
        int version = (Integer) s.get("ip_version");
        boolean hasCidr = s.get("cidr") != null;
        Object prefixlen = s.remove("prefixlen");
        boolean useDefault = Boolean.TRUE.equals(s.remove("use_default_subnetpool"));
        if (hasCidr && prefixlen != null) throw badSubnets("cidr and prefixlen must not be supplied together");
        String poolId = (String) s.get("subnetpool_id");
        if (poolId != null && useDefault) {
            throw badSubnets("subnetpool_id and use_default_subnetpool cannot both be specified");
        }
        if (useDefault) {
            poolId = pools.defaultPool(tx, version);
            if (poolId == null) throw badSubnets("No default subnetpool found for IPv" + version);
        }
        Cidr cidr;
        if (poolId != null) {
            cidr = pools.allocate(tx, poolId, version, hasCidr ? Cidr.parse((String) s.get("cidr")).canonical() : null,
                    (Integer) prefixlen, (String) s.get("project_id"));
            s.put("cidr", cidr.toString());
        } else {
            if (!hasCidr) throw badSubnets("a subnetpool must be specified in the absence of a cidr");
            cidr = Cidr.parse((String) s.get("cidr")).canonical();
            s.put("cidr", cidr.toString());
        }
        s.put("subnetpool_id", poolId);
        checkVersion(version, cidr.toString(), "cidr", cidr.version());
        validateDhcpPrefix(s, cidr, false);
        validateIpv6Modes(version, s.get("ipv6_ra_mode"), s.get("ipv6_address_mode"), cidr,
                (Boolean) s.get("enable_dhcp"));
        checkOverlap(tx, networkId, cidr, null);

        GatewayRequest gateway = !s.containsKey("gateway_ip") ? GatewayRequest.unspecified()
                : s.get("gateway_ip") == null ? GatewayRequest.none()
                : GatewayRequest.of(ip((String) s.get("gateway_ip"), version, "gateway_ip"));
        List<AllocationPool> requested = s.containsKey("allocation_pools")
                ? parsePools(s.get("allocation_pools"), version) : null;
        SubnetLayout layout = SubnetLayout.create(cidr, gateway, requested);
        write(s, layout);
        s.put("dns_nameservers", validateDns(s.getOrDefault("dns_nameservers", List.of()), version));
        s.put("host_routes", validateRoutes(s.getOrDefault("host_routes", List.of()), version));
        s.putIfAbsent("service_types", List.of());
        SubnetSegments.checkCreate(tx, networkId, (String) s.get("segment_id"));
        networks.bumpRevision(tx, networkId);
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        int version = (Integer) current.get("ip_version");
        Cidr cidr = Cidr.parse((String) current.get("cidr"));
        if (changes.containsKey("enable_dhcp") && Boolean.FALSE.equals(changes.get("enable_dhcp"))
                && (current.get("ipv6_ra_mode") != null || current.get("ipv6_address_mode") != null)) {
            throw NeutronException.invalidInputGeneric("Cannot disable enable_dhcp with ipv6 attributes set");
        }
        if (Boolean.TRUE.equals(changes.get("enable_dhcp")) && !Boolean.TRUE.equals(current.get("enable_dhcp"))) {
            validateDhcpPrefix(changes, cidr, false);
        }
        if (changes.containsKey("gateway_ip") || changes.containsKey("allocation_pools")) {
            GatewayRequest gateway = !changes.containsKey("gateway_ip") ? GatewayRequest.unspecified()
                    : changes.get("gateway_ip") == null ? GatewayRequest.none()
                    : GatewayRequest.of(ip((String) changes.get("gateway_ip"), version, "gateway_ip"));
            List<AllocationPool> requested = changes.containsKey("allocation_pools")
                    ? parsePools(changes.get("allocation_pools"), version) : null;
            SubnetLayout layout = layoutOf(current).update(gateway, requested);
            write(changes, layout);
        }
        if (changes.containsKey("dns_nameservers")) {
            changes.put("dns_nameservers", validateDns(changes.get("dns_nameservers"), version));
        }
        if (changes.containsKey("host_routes")) {
            changes.put("host_routes", validateRoutes(changes.get("host_routes"), version));
        }
        if (changes.containsKey("segment_id")) {
            SubnetSegments.checkUpdate(tx, (String) current.get("network_id"), (String) current.get("segment_id"),
                    (String) changes.get("segment_id"));
        }
    }

    /** Ports that keep a subnet from being deleted whatever the subnet (Neutron's ROUTER_INTERFACE_OWNERS). */
    static final List<String> ROUTER_INTERFACE_OWNERS = List.of("network:router_interface",
            "network:ha_router_replicated_interface", "network:router_interface_distributed");

    /**
     * Neutron's add_auto_addrs_on_network_ports: a new SLAAC / DHCPv6-stateless subnet gives every
     * port already on the network (router interfaces aside: they are added to a subnet explicitly)
     * its EUI-64 address, in the same transaction. A subnet of a segment is left to the ports created
     * on it (Neutron would ask which ports' hosts the segment reaches).
     */
    @Override
    public void afterCreate(Tx tx, Map<String, Object> s) {
        if (!isAutoAddress(s) || s.get("segment_id") != null) return;
        String subnetId = (String) s.get("id");
        String networkId = (String) s.get("network_id");
        List<String> excluded = new ArrayList<>(ROUTER_INTERFACE_OWNERS);
        excluded.add("network:router_centralized_snat");
        var rows = tx.dsl().select(PORTS.ID, PORTS.MAC_ADDRESS)
                .from(PORTS)
                .where(PORTS.NETWORK_ID.eq(networkId).and(PORTS.DEVICE_OWNER.notIn(excluded)))
                .fetch();
        if (rows.isEmpty()) return;
        var insert = tx.dsl().insertInto(IPALLOCATIONS, IPALLOCATIONS.PORT_ID,
                IPALLOCATIONS.IP_ADDRESS, IPALLOCATIONS.IP_ORDER, IPALLOCATIONS.SUBNET_ID, IPALLOCATIONS.NETWORK_ID);
        List<String> portIds = new ArrayList<>();
        for (var r : rows) {
            IpAddress ip = slaacAddress(s, r.value2());
            insert = insert.values(r.value1(), ip.toString(), ip.sortKey(), subnetId, networkId);
            portIds.add(r.value1());
        }
        insert.execute();
        ports.bumpRevisions(tx, portIds);
    }

    /**
     * As Neutron: router interfaces always keep the subnet; other user ports keep it unless its
     * addresses are automatic (IPv6 SLAAC / DHCPv6-stateless), in which case they simply lose them.
     */
    @Override
    public void beforeDelete(Tx tx, Map<String, Object> s) {
        String id = (String) s.get("id");
        Map<String, String> owners = new HashMap<>(); // port id -> device_owner
        tx.dsl().select(PORTS.ID, PORTS.DEVICE_OWNER)
                .from(IPALLOCATIONS)
                .join(PORTS).on(PORTS.ID.eq(IPALLOCATIONS.PORT_ID))
                .where(IPALLOCATIONS.SUBNET_ID.eq(id))
                .forEach(r -> owners.put(r.value1(), r.value2()));
        boolean automatic = isAutoAddress(s);
        for (String owner : owners.values()) {
            if (ROUTER_INTERFACE_OWNERS.contains(owner)
                    || (!automatic && !NetworkHooks.NETWORK_OWNED.contains(owner))) {
                throw NeutronException.conflict("SubnetInUse", "Unable to complete operation on subnet " + id
                        + ": One or more ports have an IP allocation from this subnet.");
            }
        }
        tx.dsl().deleteFrom(IPALLOCATIONS).where(IPALLOCATIONS.SUBNET_ID.eq(id)).execute();
        ports.bumpRevisions(tx, owners.keySet()); // they lost an address
        networks.bumpRevision(tx, (String) s.get("network_id"));
    }

    @Override
    public void policyTarget(Tx tx, Map<String, Object> target) {
        NetworkHooks.addNetworkFields(tx, target);
    }

    /** {@code shared}: not shown on subnets, but filterable, by the network's sharing (neutron-lib subnet.py). */
    @Override
    public org.jooq.Condition filter(Tx tx, dev.neutrino.model.Attribute attribute, List<String> values) {
        if (!attribute.name().equals("shared")) return null;
        return NetworkHooks.sharedFilter(tx, SUBNETS.NETWORK_ID, values);
    }

    @Override
    public void policyTargets(Tx tx, List<Map<String, Object>> targets) {
        NetworkHooks.addNetworkFields(tx, targets);
    }

    /**
     * As neutron-lib's model_query for subnets (which inherit their network's RBAC entries): own, or
     * on a network shared with everyone or with the caller's project. An external network's subnets
     * are not visible through access_as_external (the get_subnet policy agrees), so a page's rows are
     * never dropped after the SQL limit.
     */
    @Override
    public org.jooq.Condition visibleTo(Tx tx) {
        return SUBNETS.PROJECT_ID.eq(tx.ctx().projectId())
                .or(NetworkHooks.sharedFilter(tx, SUBNETS.NETWORK_ID, List.of("true")));
    }

    // ------------------------------------------------------------------ helpers

    static SubnetLayout layoutOf(Map<String, Object> subnet) {
        Cidr cidr = Cidr.parse((String) subnet.get("cidr"));
        String gw = (String) subnet.get("gateway_ip");
        return SubnetLayout.of(cidr, gw == null ? null : IpAddress.parse(gw), Subnets.poolsOf(subnet));
    }
    private static void write(Map<String, Object> target, SubnetLayout layout) {
        target.put("gateway_ip", layout.gateway().map(IpAddress::toString).orElse(null));
        List<Map<String, Object>> pools = new ArrayList<>();
        for (AllocationPool p : layout.allocationPools()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", p.start().toString());
            m.put("end", p.end().toString());
            pools.add(m);
        }
        target.put("allocation_pools", pools);
    }

    private static List<AllocationPool> parsePools(Object raw, int version) {
        if (!(raw instanceof List<?> list)) {
            throw NeutronException.invalidInput("allocation_pools", "Invalid data format for IP pool: '"
                    + raw + "'");
        }
        List<AllocationPool> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("start") instanceof String start)
                    || !(m.get("end") instanceof String end) || m.size() != 2) {
                throw NeutronException.invalidInput("allocation_pools", "Invalid data format for IP pool: '"
                        + o + "'");
            }
            IpAddress a = IpAddress.tryParse(start);
            IpAddress b = IpAddress.tryParse(end);
            if (a == null) throw NeutronException.invalidInput("allocation_pools", "'" + start
                    + "' is not a valid IP address");
            if (b == null) throw NeutronException.invalidInput("allocation_pools", "'" + end
                    + "' is not a valid IP address");
            if (a.version() != version || b.version() != version || a.compareTo(b) > 0) {
                throw new NeutronException(400, "InvalidAllocationPool", "The allocation pool " + start + "-" + end
                        + " is not valid.");
            }
            out.add(new AllocationPool(a, b));
        }
        return out;
    }

    private static IpAddress ip(String text, int version, String what) {
        IpAddress ip = IpAddress.parse(text);
        checkVersion(version, text, what, ip.version());
        return ip;
    }

    private static void checkVersion(int version, String addr, String what, int actual) {
        if (actual != version) {
            throw NeutronException.invalidInputGeneric(what + " '" + addr + "' does not match the ip_version '"
                    + version + "'");
        }
    }

    private static void validateDhcpPrefix(Map<String, Object> s, Cidr cidr, boolean ignored) {
        if (!Boolean.TRUE.equals(s.get("enable_dhcp"))) return;
        int len = cidr.prefixLength();
        if ((cidr.version() == 4 && len > 30) || (cidr.version() == 6 && len > 126)) {
            throw NeutronException.invalidInputGeneric("Subnet has a prefix length that is incompatible with DHCP "
                    + "service enabled");
        }
        if (cidr.version() == 4 && cidr.network().value().signum() == 0) {
            throw NeutronException.invalidInputGeneric("First IP '0.0.0.0' of network is not supported if "
                    + "enable_dhcp is True.");
        }
        String net = cidr.network().toString();
        boolean multicast = cidr.version() == 4 ? cidr.network().value().shiftRight(28).intValue() == 0xE
                : net.startsWith("ff");
        if (multicast) {
            throw NeutronException.invalidInputGeneric("Multicast IP subnet is not supported if enable_dhcp is "
                    + "True");
        }
        boolean loopback = cidr.version() == 4 ? cidr.network().value().shiftRight(24).intValue() == 127
                : cidr.network().value().intValue() == 1 && cidr.prefixLength() == 128;
        if (loopback) {
            throw NeutronException.invalidInputGeneric("Loopback IP subnet is not supported if enable_dhcp is True");
        }
    }

    private static void validateIpv6Modes(int version, Object ra, Object addr, Cidr cidr, Boolean dhcp) {
        if (version == 4) {
            if (ra != null) throw NeutronException.invalidInputGeneric("ipv6_ra_mode is not valid when ip_version "
                    + "is 4");
            if (addr != null) throw NeutronException.invalidInputGeneric("ipv6_address_mode is not valid when "
                    + "ip_version is 4");
            return;
        }
        if (ra != null && addr != null && !ra.equals(addr)) {
            throw NeutronException.invalidInputGeneric("ipv6_ra_mode set to '" + ra + "' with ipv6_address_mode "
                    + "set to '" + addr + "' is not valid. If both attributes are set, they must be the same value");
        }
        if ((ra != null || addr != null) && !Boolean.TRUE.equals(dhcp)) {
            throw NeutronException.invalidInputGeneric("ipv6_ra_mode or ipv6_address_mode cannot be set when "
                    + "enable_dhcp is set to False");
        }
        if (isAutoAddress(ra, addr) && cidr.prefixLength() != 64) {
            throw NeutronException.invalidInputGeneric("Invalid CIDR " + cidr + " for IPv6 address mode. "
                    + "OpenStack uses the EUI-64 address format, which requires the prefix to be /64");
        }
    }

    /** SLAAC or DHCPv6-stateless: addresses come from the MAC (EUI-64), not from the pool. */
    static boolean isAutoAddress(Object ra, Object addr) {
        return "slaac".equals(addr) || "dhcpv6-stateless".equals(addr)
                || (addr == null && ("slaac".equals(ra) || "dhcpv6-stateless".equals(ra)));
    }

    static boolean isAutoAddress(Map<String, Object> subnet) {
        return (Integer) subnet.get("ip_version") == 6
                && isAutoAddress(subnet.get("ipv6_ra_mode"), subnet.get("ipv6_address_mode"));
    }

    private static void checkOverlap(Tx tx, String networkId, Cidr cidr, String exceptId) {
        for (Record r : tx.dsl().select(SUBNETS.ID, SUBNETS.CIDR).from(SUBNETS)
                .where(SUBNETS.NETWORK_ID.eq(networkId)).fetch()) {
            if (r.get(0).equals(exceptId)) continue;
            if (Cidr.parse((String) r.get(1)).overlaps(cidr)) {
                throw NeutronException.invalidInputGeneric("Requested subnet with cidr: " + cidr + " for network: "
                        + networkId + " overlaps with another subnet");
            }
        }
    }

    private List<String> validateDns(Object raw, int version) {
        @SuppressWarnings("unchecked")
        List<String> dns = raw == null ? List.of() : (List<String>) raw;
        if (dns.size() > limits.dnsNameservers()) {
            throw new NeutronException(400, "DNSNameServersExhausted", "Unable to complete operation for new "
                    + "subnet. The number of DNS nameservers exceeds the limit " + limits.dnsNameservers() + ".");
        }
        for (String d : dns) checkVersion(version, d, "dns_nameserver", IpAddress.parse(d).version());
        return new ArrayList<>(dns);
    }

    private List<Map<String, Object>> validateRoutes(Object raw, int version) {
        if (raw == null) return new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            throw NeutronException.invalidInput("host_routes", "'" + raw + "' is not a list");
        }
        if (list.size() > limits.subnetHostRoutes()) {
            throw new NeutronException(400, "HostRoutesExhausted", "Unable to complete operation for new subnet. "
                    + "The number of host routes exceeds the limit " + limits.subnetHostRoutes() + ".");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("destination") instanceof String dest)
                    || !(m.get("nexthop") instanceof String hop) || m.size() != 2) {
                throw NeutronException.invalidInput("host_routes", "Invalid data format for hostroute: '" + o + "'");
            }
            Cidr d;
            IpAddress h;
            try {
                d = Cidr.parse(dest);
                h = IpAddress.parse(hop);
            } catch (IllegalArgumentException e) {
                throw NeutronException.invalidInputGeneric("Invalid route: " + o);
            }
            if (d.version() != version || h.version() != version) {
                throw NeutronException.invalidInputGeneric("Invalid route: " + o);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("destination", d.canonical().toString());
            r.put("nexthop", h.toString());
            out.add(r);
        }
        return out;
    }

    private static NeutronException badSubnets(String msg) {
        return new NeutronException(400, "BadRequest", "Bad subnets request: " + msg + ".");
    }

    /** EUI-64 address of a MAC on a SLAAC subnet. */
    static IpAddress slaacAddress(Map<String, Object> subnet, String mac) {
        return Eui64.address(Cidr.parse((String) subnet.get("cidr")), mac);
    }
}
