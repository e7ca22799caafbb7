package dev.neutrino.ext.core;

import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.PORT_SECURITY_GROUPS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.ml2.MechanismDriver;
import dev.neutrino.ml2.ExtensionManager;
import dev.neutrino.ml2.MechanismManager;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.core.api.SecurityGroupLookup;
import dev.neutrino.ext.core.IpAllocator.FixedIp;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import dev.neutrino.ipam.MacGenerator;
import dev.neutrino.model.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Ports: MAC from base_mac, fixed IPs (any free, from a chosen subnet, a chosen address, SLAAC),
 * security groups (the project's default one unless told otherwise), port security, allowed
 * address pairs, extra DHCP options and the binding attributes.
 */
final class PortHooks implements ResourceHooks {
    private static final String PENDING_IPS = "__fixed_ips__";
    private static final String PENDING_SGS = "__security_groups__";

    private final ResourceService networks;
    private final ResourceService subnets;
    private final SecurityGroupLookup securityGroups;
    private final IpAllocator ips = new IpAllocator();
    private final String baseMac;
    private final CoreLimits limits;
    private final MechanismManager mechanisms;
    private final ExtensionManager extensions;

    public PortHooks(ResourceService networks, ResourceService subnets,
                     SecurityGroupLookup securityGroups, String baseMac,
                     CoreLimits limits, MechanismManager mechanisms, ExtensionManager extensions) {
        this.mechanisms = mechanisms;
        this.extensions = extensions;
        this.networks = networks;
        this.subnets = subnets;
        this.securityGroups = securityGroups;
        this.baseMac = baseMac;
        this.limits = limits;
    }


    @Override
    public void afterDelete(Tx tx, Map<String, Object> port) {
        if (port.get("fixed_ips") instanceof List<?> fixed) {
            for (Object o : fixed) {
                if (o instanceof Map<?, ?> f && f.get("subnet_id") instanceof String subnet
                        && f.get("ip_address") instanceof String ip) {
                    ips.released(subnet, ip);
                }
            }
        }
    }

    // ------------------------------------------------------------------ create

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> port) {
        String networkId = (String) port.get("network_id");
        Map<String, Object> net = networks.findVisible(tx, networkId);
        if (net == null) throw NeutronException.notFound("network", networkId);
        String owner = (String) port.get("device_owner");
        port.put("status", "DOWN");
        port.put("ip_allocation", "immediate");
        extensions.processCreatePort(tx, port, net);
        // as ML2's _portsec_ext_port_create_processing: without the port-security extension a port
        // is treated as secured (default security group, address pairs allowed)
        boolean portSecurity = !Boolean.FALSE.equals(port.get("port_security_enabled"));

        if (port.get("mac_address") != null) {
            checkMacFree(tx, networkId, (String) port.get("mac_address"));
        } else { // not given, or null (port-mac-address-regenerate)
            port.put("mac_address", new MacGenerator(baseMac, ThreadLocalRandom.current()).next().toString());
        }

        List<Map<String, Object>> subnetRows = subnetsOf(tx, networkId);
        List<FixedIp> requested = new ArrayList<>();
        List<FixedIp> generated = new ArrayList<>();
        if (port.containsKey("fixed_ips")) {
            checkFixedIpCount(port.get("fixed_ips"));
            resolveRequested(tx, port.get("fixed_ips"), networkId, subnetRows, owner,
                    (String) port.get("mac_address"), requested, generated);
        } else {
            defaultAllocation(tx, subnetRows, (String) port.get("mac_address"), generated);
        }
        if (requested.size() + generated.size() > limits.fixedIpsPerPort()) {
            throw NeutronException.badRequest("Exceeded maximum amount of fixed ips per port.");
        }
        port.put(PENDING_IPS, List.of(requested, generated));

        List<String> sgs;
        if (port.containsKey("security_groups")) {
            @SuppressWarnings("unchecked")
            List<String> given = (List<String>) port.get("security_groups");
            sgs = new ArrayList<>(new LinkedHashSet<>(given));
            for (String sg : sgs) {
                if (!securityGroups.isVisible(tx, sg)) throw NeutronException.notFound("security_group", sg);
            }
        } else if (portSecurity && (owner == null || !owner.startsWith("network:"))) {
            sgs = List.of(securityGroups.ensureDefault(tx, (String) port.get("project_id")));
        } else {
            sgs = List.of();
        }
        if (!portSecurity && !sgs.isEmpty()) {
            throw NeutronException.conflict("PortSecurityAndIPRequiredForSecurityGroups", "Port security must be "
                    + "enabled and port must have an IP address in order to use security groups.");
        }
        port.put(PENDING_SGS, sgs);
        port.put("allowed_address_pairs", addressPairs(port.get("allowed_address_pairs"), portSecurity,
                (String) port.get("mac_address")));
        port.put("extra_dhcp_opts", dhcpOptions(port.get("extra_dhcp_opts")));
        bind(port);
    }

    /** Fixed IPs and security group bindings go with the port's insert, in one batch. */
    @Override
    @SuppressWarnings("unchecked")
    public List<org.jooq.Query> childInserts(Tx tx, Map<String, Object> port) {
        String id = (String) port.get("id");
        String networkId = (String) port.get("network_id");
        List<List<FixedIp>> pending = (List<List<FixedIp>>) port.remove(PENDING_IPS);
        List<String> sgs = (List<String>) port.remove(PENDING_SGS);
        List<FixedIp> all = new ArrayList<>(pending.get(0));
        all.addAll(pending.get(1));
        List<org.jooq.Query> out = new ArrayList<>(IpAllocator.inserts(tx.dsl(), id, networkId, all));
        for (String sg : sgs) out.add(groupInsert(tx, id, sg));
        port.put(CREATED_IPS, all);
        port.put(CREATED_SGS, sgs);
        return out;
    }

    /** What {@link #extend} would read back is what {@link #childInserts} wrote. */
    @Override
    @SuppressWarnings("unchecked")
    public void extendCreated(Tx tx, Map<String, Object> row, Map<String, Object> written) {
        List<Map<String, Object>> fixed = new ArrayList<>();
        for (FixedIp f : (List<FixedIp>) written.remove(CREATED_IPS)) {
            Map<String, Object> ip = new LinkedHashMap<>();
            ip.put("subnet_id", f.subnetId());
            ip.put("ip_address", f.ipAddress());
            fixed.add(ip);
        }
        row.put("fixed_ips", fixed);
        row.put("security_groups", new ArrayList<>((List<String>) written.remove(CREATED_SGS)));
        extensions.extendPorts(List.of(row));
        finish(row);
    }

    private static final String CREATED_IPS = "__created_fixed_ips__";
    private static final String CREATED_SGS = "__created_security_groups__";

    private void checkMacFree(Tx tx, String networkId, String mac) {
        if (tx.dsl().fetchExists(PORTS, PORTS.NETWORK_ID.eq(networkId)
                .and(PORTS.MAC_ADDRESS.eq(mac)))) {
            throw NeutronException.conflict("MacAddressInUse", "Unable to complete operation for network "
                    + networkId + ". The mac address " + mac + " is in use.");
        }
    }

    private List<Map<String, Object>> subnetsOf(Tx tx, String networkId) {
        List<Map<String, Object>> rows = subnets.findStored(tx, Map.of("network_id", networkId)); // no tags needed
        rows.sort((a, b) -> String.valueOf(a.get("created_at")).compareTo(String.valueOf(b.get("created_at"))));
        return rows;
    }

    /**
     * No fixed_ips given: one address from the first IPv4 subnet with room, one from the first
     * stateful IPv6 subnet with room, and the EUI-64 address of every SLAAC subnet. A family whose
     * subnets are all full fails the port (IpAddressGenerationFailure), as in Neutron.
     */
    private void defaultAllocation(Tx tx, List<Map<String, Object>> subnetRows, String mac, List<FixedIp> out) {
        Map<Integer, NeutronException> failed = new HashMap<>();
        Set<Integer> done = new java.util.HashSet<>();
        for (Map<String, Object> s : subnetRows) {
            int version = (Integer) s.get("ip_version");
            if (version == 6 && SubnetHooks.isAutoAddress(s)) {
                out.add(new FixedIp((String) s.get("id"), SubnetHooks.slaacAddress(s, mac).toString()));
                continue;
            }
            if (done.contains(version)) continue;
            try {
                out.add(new FixedIp((String) s.get("id"), ips.pickFree(tx, s).toString()));
                done.add(version);
                failed.remove(version);
            } catch (NeutronException e) {
                failed.put(version, e);
            }
        }
        for (NeutronException e : failed.values()) throw e;
    }

    @SuppressWarnings("unchecked")
    private void resolveRequested(Tx tx, Object raw, String networkId, List<Map<String, Object>> subnetRows,
                                  String owner, String mac, List<FixedIp> requested, List<FixedIp> generated) {
        if (!(raw instanceof List<?> list)) {
            throw NeutronException.invalidInput("fixed_ips", "Invalid data format for fixed IP: '" + raw + "'");
        }
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> s : subnetRows) byId.put((String) s.get("id"), s);
        Set<String> seen = new java.util.HashSet<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw NeutronException.invalidInput("fixed_ips", "Invalid data format for fixed IP: '" + o + "'");
            }
            for (Object k : m.keySet()) {
                if (!"subnet_id".equals(k) && !"ip_address".equals(k)) {
                    throw NeutronException.invalidInput("fixed_ips", "Key '" + k + "' is not allowed in fixed IP");
                }
            }
            Object subnetId = m.get("subnet_id");
            Object ipText = m.get("ip_address");
            if (subnetId != null && !(subnetId instanceof String)) {
                throw NeutronException.invalidInput("fixed_ips", "'" + subnetId + "' is not a valid UUID");
            }
            if (ipText != null && (!(ipText instanceof String t) || !IpAddress.isValid(t))) {
                throw NeutronException.invalidInput("fixed_ips", "'" + ipText + "' is not a valid IP address");
            }
            Map<String, Object> subnet;
            if (subnetId != null) {
                subnet = byId.get(subnetId);
                if (subnet == null) {
                    if (subnets.findVisible(tx, (String) subnetId) == null) {
                        throw NeutronException.notFound("subnet", (String) subnetId);
                    }
                    throw NeutronException.invalidInputGeneric("Failed to create port on network " + networkId
                            + ", because fixed_ips included invalid subnet " + subnetId);
                }
            } else if (ipText != null) {
                IpAddress ip = IpAddress.parse((String) ipText);
                subnet = null;
                for (Map<String, Object> s : subnetRows) {
                    if (Cidr.parse((String) s.get("cidr")).contains(ip)) subnet = s;
                }
                if (subnet == null) {
                    throw new NeutronException(400, "InvalidIpForNetwork", "IP address " + ip
                            + " is not a valid IP for any of the subnets on the specified network.");
                }
            } else {
                throw NeutronException.invalidInput("fixed_ips", "Invalid data format for fixed IP: '" + o + "'");
            }
            String sid = (String) subnet.get("id");
            if (ipText != null) {
                IpAddress ip = IpAddress.parse((String) ipText);
                if (!Cidr.parse((String) subnet.get("cidr")).contains(ip)) {
                    throw new NeutronException(400, "InvalidIpForSubnet", "IP address " + ip
                            + " is not a valid IP for the specified subnet.");
                }
                if (!seen.add(sid + "/" + ip)) {
                    throw NeutronException.invalidInputGeneric("Duplicate IP address '" + ip + "'");
                }
                ips.checkRequested(tx, subnet, ip, owner);
                requested.add(new FixedIp(sid, ip.toString()));
            } else if (SubnetHooks.isAutoAddress(subnet)) {
                generated.add(new FixedIp(sid, SubnetHooks.slaacAddress(subnet, mac).toString()));
            } else {
                IpAddress ip = ips.pickFree(tx, subnet);
                generated.add(new FixedIp(sid, ip.toString()));
            }
        }
    }

    private void writeGroups(Tx tx, String portId, List<String> sgs) {
        tx.dsl().deleteFrom(PORT_SECURITY_GROUPS).where(PORT_SECURITY_GROUPS.PORT_ID.eq(portId)).execute();
        insertGroups(tx, portId, sgs);
    }

    private void insertGroups(Tx tx, String portId, List<String> sgs) {
        for (String sg : sgs) groupInsert(tx, portId, sg).execute();
    }

    private static org.jooq.Query groupInsert(Tx tx, String portId, String sg) {
        return tx.dsl().insertInto(PORT_SECURITY_GROUPS).set(PORT_SECURITY_GROUPS.PORT_ID, portId)
                .set(PORT_SECURITY_GROUPS.SECURITY_GROUP_ID, sg);
    }

    // ------------------------------------------------------------------ update

    @Override
    @SuppressWarnings("unchecked")
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        String id = (String) current.get("id");
        String networkId = (String) current.get("network_id");
        extensions.processUpdatePort(tx, current, changes);
        boolean portSecurity = !Boolean.FALSE.equals(changes.getOrDefault("port_security_enabled",
                current.get("port_security_enabled")));
        if (changes.containsKey("mac_address") && changes.get("mac_address") == null) {
            // port-mac-address-regenerate: a new random address
            changes.put("mac_address", new MacGenerator(baseMac, ThreadLocalRandom.current()).next().toString());
        }
        String mac = (String) changes.getOrDefault("mac_address", current.get("mac_address"));
        if (changes.containsKey("mac_address") && !mac.equals(current.get("mac_address"))) {
            if (!tx.ctx().isAdmin()) {
                throw new NeutronException(403, "PolicyNotAuthorized",
                        "(rule:update_port:mac_address) is disallowed by policy");
            }
            String owner = (String) changes.getOrDefault("device_owner", current.get("device_owner"));
            if (owner != null && owner.startsWith("network:")) {
                // _check_mac_addr_update (Zed's message names Python's id builtin where the port's id belongs)
                throw new NeutronException(400, "UnsupportedPortDeviceOwner", "Operation mac address update is "
                        + "not supported for device_owner " + owner + " on port " + id + ".");
            }
            // ML2's _check_mac_update_allowed: only a port that is not plugged (unbound, binding failed)
            Object vif = current.get("binding:vif_type");
            if (vif != null && !"unbound".equals(vif) && !"binding_failed".equals(vif)) {
                throw NeutronException.conflict("PortBound", "Unable to complete operation on port " + id
                        + ", port is already bound, port type: " + current.get("binding:vif_type") + ", old_mac "
                        + current.get("mac_address") + ", new_mac " + mac + ".");
            }
            checkMacFree(tx, networkId, mac);
        }
        if (changes.containsKey("fixed_ips")) {
            String owner = (String) changes.getOrDefault("device_owner", current.get("device_owner"));
            List<FixedIp> old = IpAllocator.of(tx.dsl(), id);
            ips.release(tx.dsl(), id, old);
            List<FixedIp> requested = new ArrayList<>();
            List<FixedIp> generated = new ArrayList<>();
            checkFixedIpCount(changes.get("fixed_ips"));
            resolveRequested(tx, changes.get("fixed_ips"), networkId, subnetsOf(tx, networkId), owner, mac,
                    requested, generated);
            if (requested.size() + generated.size() > limits.fixedIpsPerPort()) {
                throw NeutronException.badRequest("Exceeded maximum amount of fixed ips per port.");
            }
            ips.insert(tx.dsl(), id, networkId, requested, true);
            ips.insert(tx.dsl(), id, networkId, generated, false);
        }
        List<String> sgs = changes.containsKey("security_groups")
                ? new ArrayList<>(new LinkedHashSet<>((List<String>) changes.get("security_groups")))
                : (List<String>) current.get("security_groups");
        if (changes.containsKey("security_groups")) {
            for (String sg : sgs) {
                if (!securityGroups.isVisible(tx, sg)) throw NeutronException.notFound("security_group", sg);
            }
            writeGroups(tx, id, sgs);
        }
        if (!portSecurity && !sgs.isEmpty()) {
            throw NeutronException.conflict("PortSecurityPortHasSecurityGroup", "Port has security group "
                    + "associated. Cannot disable port security or ip address until security group is removed");
        }
        if (changes.containsKey("allowed_address_pairs") || changes.containsKey("port_security_enabled")) {
            Object pairs = changes.containsKey("allowed_address_pairs") ? changes.get("allowed_address_pairs")
                    : current.get("allowed_address_pairs");
            changes.put("allowed_address_pairs", addressPairs(pairs, portSecurity, mac));
        }
        if (changes.containsKey("extra_dhcp_opts")) {
            changes.put("extra_dhcp_opts", mergeDhcpOptions(current.get("extra_dhcp_opts"),
                    dhcpOptions(changes.get("extra_dhcp_opts"))));
        }
        // binding:vif_type is read-only in the API: changes that carry it bring a binding the mechanism
        // drivers already made (binding-extended's activate and update), which is kept as it is
        if ((changes.containsKey("binding:host_id") || changes.containsKey("binding:vnic_type"))
                && !changes.containsKey("binding:vif_type")) {
            Map<String, Object> merged = new LinkedHashMap<>(current);
            merged.putAll(changes);
            bind(merged);
            changes.put("binding:vif_type", merged.get("binding:vif_type"));
            changes.put("binding:vif_details", merged.get("binding:vif_details"));
        }
        if (changes.containsKey("binding:profile") && changes.get("binding:profile") == null) {
            changes.put("binding:profile", Map.of());
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public void policyTarget(Tx tx, Map<String, Object> target) {
        NetworkHooks.addNetworkFields(tx, target);
    }

    @Override
    public void policyTargets(Tx tx, List<Map<String, Object>> targets) {
        NetworkHooks.addNetworkFields(tx, targets);
    }

    /** Own ports, and every port on the caller's own networks (Neutron's network owner rule). */
    @Override
    public Condition visibleTo(Tx tx) {
        return PORTS.PROJECT_ID.eq(tx.ctx().projectId())
                .or(DSL.exists(DSL.selectOne().from(NETWORKS)
                        .where(NETWORKS.ID.eq(PORTS.NETWORK_ID)
                                .and(NETWORKS.PROJECT_ID.eq(tx.ctx().projectId())))));
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> ports) {
        extend(tx, ports, Set.of());
    }

    /** fixed_ips and security_groups are read only when shown (a list with ?fields= may not show them). */
    @Override
    public void extend(Tx tx, List<Map<String, Object>> ports, Set<String> fields) {
        extensions.extendPorts(ports);
        boolean withIps = fields.isEmpty() || fields.contains("fixed_ips");
        boolean withGroups = fields.isEmpty() || fields.contains("security_groups");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> p : ports) {
            p.put("fixed_ips", new ArrayList<Map<String, Object>>());
            p.put("security_groups", new ArrayList<String>());
            byId.put((String) p.get("id"), p);
        }
        for (int from = 0; from < ports.size(); from += 1000) {
            List<String> ids = new ArrayList<>();
            for (Map<String, Object> p : ports.subList(from, Math.min(ports.size(), from + 1000))) {
                ids.add((String) p.get("id"));
            }
            for (Record r : !withIps ? List.<Record>of() : tx.dsl().select(IpAllocator.PORT_ID, IpAllocator.SUBNET_ID,
                    IpAllocator.IP).from(IpAllocator.IPALLOCATIONS).where(IpAllocator.PORT_ID.in(ids)).fetch()) {
                Map<String, Object> ip = new LinkedHashMap<>();
                ip.put("subnet_id", r.get(IpAllocator.SUBNET_ID));
                ip.put("ip_address", r.get(IpAllocator.IP));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> l = (List<Map<String, Object>>) byId.get(r.get(IpAllocator.PORT_ID))
                        .get("fixed_ips");
                l.add(ip);
            }
            for (Record r : !withGroups ? List.<Record>of() : tx.dsl().select(PORT_SECURITY_GROUPS.PORT_ID,
                            PORT_SECURITY_GROUPS.SECURITY_GROUP_ID)
                    .from(PORT_SECURITY_GROUPS).where(PORT_SECURITY_GROUPS.PORT_ID.in(ids)).fetch()) {
                @SuppressWarnings("unchecked")
                List<String> l = (List<String>) byId.get((String) r.get(0)).get("security_groups");
                l.add((String) r.get(1));
            }
        }
        for (Map<String, Object> p : ports) finish(p);
    }

    /** Fixed IPs in address order; empty binding dicts rather than null. */
    private static void finish(Map<String, Object> p) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> f = (List<Map<String, Object>>) p.get("fixed_ips");
        if (f.size() > 1) {
            f.sort((a, b) -> IpAddress.parse((String) a.get("ip_address"))
                    .compareTo(IpAddress.parse((String) b.get("ip_address"))));
        }
        if (p.get("binding:profile") == null) p.put("binding:profile", Map.of());
        if (p.get("binding:vif_details") == null) p.put("binding:vif_details", Map.of());
    }

    /** fixed_ips=ip_address=X, fixed_ips=subnet_id=Y (a repeated filter is an OR), security_groups=Z. */
    @Override
    public Condition filter(Tx tx, Attribute attribute, List<String> values) {
        if (attribute.name().equals("fixed_ips")) {
            Condition any = DSL.falseCondition();
            for (String v : values) {
                int eq = v.indexOf('=');
                if (eq < 0) throw NeutronException.badRequest("Invalid fixed_ips filter '" + v + "'");
                String key = v.substring(0, eq);
                String value = v.substring(eq + 1);
                Condition c = switch (key) {
                    case "ip_address" -> IpAllocator.IP.eq(value);
                    case "subnet_id" -> IpAllocator.SUBNET_ID.eq(value);
                    case "ip_address_substr" -> IpAllocator.IP.contains(value);
                    default -> throw NeutronException.badRequest("Invalid fixed_ips filter key '" + key + "'");
                };
                any = any.or(DSL.exists(DSL.selectOne().from(IpAllocator.IPALLOCATIONS)
                        .where(IpAllocator.PORT_ID.eq(PORTS.ID).and(c))));
            }
            return any;
        }
        if (attribute.name().equals("security_groups")) {
            return DSL.exists(DSL.selectOne().from(PORT_SECURITY_GROUPS)
                    .where(PORT_SECURITY_GROUPS.PORT_ID.eq(PORTS.ID)
                            .and(PORT_SECURITY_GROUPS.SECURITY_GROUP_ID.in(values))));
        }
        return null;
    }

    // ------------------------------------------------------------------ attribute checks

    /**
     * ML2 port binding: without a host the port is unbound; with one, the mechanism drivers decide in
     * their order (OVN binds normal VNICs as vif_type ovs); with no driver that binds, binding_failed.
     */
    private void bind(Map<String, Object> port) {
        String host = (String) port.get("binding:host_id");
        boolean unbound = host == null || host.isEmpty();
        MechanismDriver.Binding binding = unbound ? null : mechanisms.bind(port);
        port.put("binding:vif_type", unbound ? "unbound" : binding == null ? "binding_failed" : binding.vifType());
        port.put("binding:vif_details", binding == null ? Map.of() : binding.vifDetails());
        if (port.get("binding:profile") == null) port.put("binding:profile", Map.of());
    }

    /** Each requested fixed IP is at least one address: too many is refused before any is looked at. */
    private void checkFixedIpCount(Object requested) {
        if (requested instanceof List<?> l && l.size() > limits.fixedIpsPerPort()) {
            throw NeutronException.badRequest("Exceeded maximum amount of fixed ips per port.");
        }
    }

    private List<Map<String, Object>> addressPairs(Object raw, boolean portSecurity, String portMac) {
        if (raw == null) return new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            throw NeutronException.invalidInput("allowed_address_pairs", "'" + raw + "' is not a list");
        }
        if (!list.isEmpty() && !portSecurity) {
            throw NeutronException.conflict("AddressPairAndPortSecurityRequired", "Port Security must be enabled "
                    + "in order to have allowed address pairs on a port.");
        }
        if (list.size() > limits.allowedAddressPairs()) {
            throw new NeutronException(400, "AllowedAddressPairExhausted", "The number of allowed address pair "
                    + "exceeds the maximum " + limits.allowedAddressPairs() + ".");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw NeutronException.invalidInput("allowed_address_pairs", "'" + o + "' is not a dictionary");
            }
            for (Object k : m.keySet()) {
                if (!"ip_address".equals(k) && !"mac_address".equals(k)) {
                    throw NeutronException.badRequest("Unrecognized attribute(s) '" + k + "'");
                }
            }
            if (!(m.get("ip_address") instanceof String ip)) {
                throw new NeutronException(400, "AllowedAddressPairsMissingIP",
                        "AllowedAddressPair must contain ip_address");
            }
            try {
                Cidr.parse(ip);
            } catch (IllegalArgumentException e) {
                throw NeutronException.invalidInput("allowed_address_pairs", "'" + ip
                        + "' is not a valid IP address");
            }
            Object mac = m.get("mac_address");
            if (mac != null && (!(mac instanceof String s) || !s.matches("^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$"))) {
                throw NeutronException.invalidInput("allowed_address_pairs", "'" + mac
                        + "' is not a valid MAC address");
            }
            String macValue = mac == null ? portMac : ((String) mac).toLowerCase();
            if (!seen.add(ip + "/" + macValue)) {
                throw NeutronException.invalidInput("allowed_address_pairs", "Duplicate address pair found.");
            }
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("ip_address", ip);
            pair.put("mac_address", macValue);
            out.add(pair);
        }
        return out;
    }

    private static List<Map<String, Object>> dhcpOptions(Object raw) {
        if (raw == null) return new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            throw NeutronException.invalidInput("extra_dhcp_opts", "'" + raw + "' is not a list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("opt_name") instanceof String optName)
                    || optName.isBlank()) {
                throw NeutronException.invalidInput("extra_dhcp_opts", "'" + o + "' is not a valid extra DHCP "
                        + "option");
            }
            for (Object k : m.keySet()) {
                if (!List.of("opt_name", "opt_value", "ip_version").contains(k)) {
                    throw NeutronException.invalidInput("extra_dhcp_opts", "Unrecognized key '" + k + "'");
                }
            }
            Object version = m.containsKey("ip_version") ? m.get("ip_version") : 4;
            int v;
            try {
                v = version instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(version));
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v != 4 && v != 6) {
                throw NeutronException.invalidInput("extra_dhcp_opts", "'" + version + "' is not in [4, 6]");
            }
            Map<String, Object> opt = new LinkedHashMap<>();
            opt.put("opt_name", optName);
            opt.put("opt_value", m.get("opt_value") == null ? null : String.valueOf(m.get("opt_value")));
            opt.put("ip_version", v);
            out.add(opt);
        }
        return out;
    }

    /** On update, options merge by (name, version); a null value removes one. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mergeDhcpOptions(Object currentRaw, List<Map<String, Object>> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (currentRaw instanceof List<?> l) {
            for (Object o : l) out.add(new LinkedHashMap<>((Map<String, Object>) o));
        }
        for (Map<String, Object> c : changes) {
            out.removeIf(o -> Objects.equals(o.get("opt_name"), c.get("opt_name"))
                    && Objects.equals(o.get("ip_version"), c.get("ip_version")));
            if (c.get("opt_value") != null) out.add(c);
        }
        return out;
    }
}
