package dev.neutrino.ext.securitygroup;

import static dev.neutrino.schema.Tables.SECURITYGROUPRULES;
import static dev.neutrino.schema.Tables.SECURITYGROUPS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.NeutronException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Security group rules: protocol and port range checks, remote checks and duplicates, as Neutron. */
final class SecurityGroupRuleHooks implements ResourceHooks {
    /** Marks rules the server writes itself (default and egress rules): no checks needed. */
    static final String TRUSTED = "__trusted__";

    /** neutron_lib.constants.IP_PROTOCOL_MAP. */
    static final Map<String, Integer> PROTOCOLS = new LinkedHashMap<>();

    static {
        Object[][] p = {{"ah", 51}, {"dccp", 33}, {"egp", 8}, {"esp", 50}, {"gre", 47}, {"hopopt", 0},
            {"icmp", 1}, {"igmp", 2}, {"ip", 0}, {"ipip", 4}, {"ipv6-encap", 41}, {"ipv6-frag", 44},
            {"ipv6-icmp", 58}, {"icmpv6", 58}, {"ipv6-nonxt", 59}, {"ipv6-opts", 60}, {"ipv6-route", 43},
            {"ospf", 89}, {"pgm", 113}, {"rsvp", 46}, {"sctp", 132}, {"tcp", 6}, {"udp", 17}, {"udplite", 136},
            {"vrrp", 112}};
        for (Object[] e : p) PROTOCOLS.put((String) e[0], (Integer) e[1]);
    }

    static final List<String> PORT_PROTOCOLS = List.of("tcp", "udp", "dccp", "sctp", "udplite", "6", "17", "33",
            "132", "136");
    static final List<String> ICMP_PROTOCOLS = List.of("icmp", "icmpv6", "ipv6-icmp", "1", "58");

    private final ResourceService groups;

    public SecurityGroupRuleHooks(ResourceService groups) {
        this.groups = groups;
    }

    @Override
    public void afterDelete(Tx tx, Map<String, Object> rule) {
        groups.bumpRevision(tx, (String) rule.get("security_group_id"));
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> rule) {
        if (rule.remove(TRUSTED) != null) return;
        String sgId = (String) rule.get("security_group_id");
        Map<String, Object> sg = groups.findVisible(tx, sgId);
        if (sg == null) throw NeutronException.notFound("security_group", sgId);
        if (!tx.ctx().isAdmin() && !Objects.equals(sg.get("project_id"), tx.ctx().projectId())) {
            throw NeutronException.notFound("security_group", sgId);
        }
        validate(rule);
        // SecurityGroupRule.revises_on_change = ('security_group',): a rule added by the API bumps its
        // group (the default rules of a new group do not: they return above)
        groups.bumpRevision(tx, sgId);
        Object remoteGroup = rule.get("remote_group_id");
        if (remoteGroup != null && groups.findVisible(tx, (String) remoteGroup) == null) {
            throw NeutronException.notFound("security_group", (String) remoteGroup);
        }
        String duplicate = findDuplicate(tx, rule);
        if (duplicate != null) {
            throw NeutronException.conflict("SecurityGroupRuleExists",
                    "Security group rule already exists. Rule id is " + duplicate + ".");
        }
    }

    static void validate(Map<String, Object> rule) {
        Object protocol = rule.get("protocol");
        String proto = protocol == null ? null : protocol.toString();
        if (proto != null) {
            if (proto.equals("any") || proto.isEmpty()) {
                rule.put("protocol", null);
                proto = null;
            } else if (!PROTOCOLS.containsKey(proto)) {
                int n;
                try {
                    n = Integer.parseInt(proto);
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 0 || n > 255) {
                    throw new NeutronException(400, "SecurityGroupRuleInvalidProtocol", "Security group rule "
                            + "protocol " + proto + " not supported. Only protocol values "
                            + pyList(PROTOCOLS.keySet()) + " and integer representations [0 to 255] are supported.");
                }
                rule.put("protocol", Integer.toString(n));
                proto = Integer.toString(n);
            }
        }
        String ethertype = (String) rule.get("ethertype");
        if (proto != null && ethertype.equals("IPv4") && List.of("icmpv6", "ipv6-icmp", "ipv6-encap",
                "ipv6-frag", "ipv6-nonxt", "ipv6-opts", "ipv6-route", "41", "43", "44", "58", "59", "60").contains(proto)) {
            throw new NeutronException(400, "SecurityGroupEthertypeConflictWithProtocol",
                    "Invalid ethertype IPv4 for protocol " + proto + ".");
        }
        Integer min = (Integer) rule.get("port_range_min");
        Integer max = (Integer) rule.get("port_range_max");
        if ((min != null || max != null) && proto == null) {
            throw new NeutronException(400, "SecurityGroupProtocolRequiredWithPorts",
                    "Must also specify protocol if port range is given.");
        }
        if (Integer.valueOf(1).equals(min) && Integer.valueOf(65535).equals(max)) {
            // Neutron stores the entire port range as no range (_make_canonical_port_range)
            rule.put("port_range_min", null);
            rule.put("port_range_max", null);
            min = null;
            max = null;
        }
        if (proto != null && PORT_PROTOCOLS.contains(proto)) {
            if (min != null && max != null && min > max) {
                throw new NeutronException(400, "SecurityGroupInvalidPortRange",
                        "For TCP/UDP protocols, port_range_min must be <= port_range_max");
            }
            if (min != null && min == 0 || max != null && max == 0) {
                throw new NeutronException(400, "SecurityGroupInvalidPortValue", "Invalid value for port 0.");
            }
            if (min != null && max == null || min == null && max != null) {
                // Neutron fills the missing end with the given one? No: it requires both or none.
                throw new NeutronException(400, "SecurityGroupInvalidPortRange",
                        "For TCP/UDP protocols, port_range_min must be <= port_range_max");
            }
        } else if (proto != null && ICMP_PROTOCOLS.contains(proto)) {
            for (Object[] f : new Object[][] {{"type", "port_range_min", min}, {"code", "port_range_max", max}}) {
                Integer v = (Integer) f[2];
                if (v != null && (v < 0 || v > 255)) {
                    throw new NeutronException(400, "SecurityGroupInvalidIcmpValue", "Invalid value for ICMP "
                            + f[0] + " (" + f[1] + ") " + v + ". It must be 0 to 255.");
                }
            }
            if (min == null && max != null) {
                throw new NeutronException(400, "SecurityGroupMissingIcmpType",
                        "ICMP code (port-range-max) " + max + " is provided but ICMP type (port-range-min) is "
                                + "missing.");
            }
        } else if (min != null || max != null) {
            throw new NeutronException(400, "SecurityGroupInvalidProtocolForPort", "Ports cannot be specified for "
                    + "protocol " + proto + ". Ports are only supported for ['tcp', 'udp', 'dccp', 'sctp', "
                    + "'udplite'].");
        }
        Object prefix = rule.get("remote_ip_prefix");
        int remotes = 0;
        for (String key : List.of("remote_ip_prefix", "remote_group_id", "remote_address_group_id")) {
            if (rule.get(key) != null && !"".equals(rule.get(key))) remotes++;
        }
        if (remotes > 1) {
            throw new NeutronException(400, "SecurityGroupMultipleRemoteEntites", "Only one of remote_ip_prefix or "
                    + "remote_group_id or remote_address_group_id may be provided.");
        }
        if (prefix != null) {
            Cidr cidr;
            try {
                cidr = Cidr.parse(prefix.toString());
            } catch (IllegalArgumentException e) {
                throw NeutronException.invalidInput("remote_ip_prefix", "'" + prefix + "' is not a valid IP subnet");
            }
            String expected = cidr.version() == 4 ? "IPv4" : "IPv6";
            if (!expected.equals(ethertype)) {
                throw new NeutronException(400, "SecurityGroupRuleParameterConflict", "Conflicting value ethertype "
                        + ethertype + " for CIDR " + prefix);
            }
            rule.put("remote_ip_prefix", cidr.toString());
            rule.put("normalized_cidr", cidr.canonical().toString());
        }
    }

    /** Neutron's _rule_to_key: protocol as a number, "any" prefixes as none. */
    static String ruleKey(Map<String, Object> r) {
        StringBuilder k = new StringBuilder();
        for (String key : List.of("direction", "ethertype", "port_range_max", "port_range_min", "protocol",
                "remote_group_id", "remote_address_group_id", "remote_ip_prefix")) {
            Object v = r.get(key);
            String norm;
            if (key.equals("remote_ip_prefix")) {
                norm = v == null || v.equals("0.0.0.0/0") || v.equals("::/0") ? "+"
                        : Cidr.parse(v.toString()).canonical().toString();
            } else if (v == null) {
                norm = "+";
            } else if (key.equals("protocol")) {
                String p = v.toString();
                norm = PROTOCOLS.containsKey(p) ? String.valueOf(PROTOCOLS.get(p)) : p;
            } else {
                norm = v.toString();
            }
            k.append(norm).append('|');
        }
        return k.toString();
    }

    private static String findDuplicate(Tx tx, Map<String, Object> rule) {
        String key = ruleKey(rule);
        for (Record r : tx.dsl().select(SECURITYGROUPRULES.ID, SECURITYGROUPRULES.DIRECTION,
                        SECURITYGROUPRULES.ETHERTYPE, SECURITYGROUPRULES.PORT_RANGE_MAX,
                        SECURITYGROUPRULES.PORT_RANGE_MIN, SECURITYGROUPRULES.PROTOCOL,
                        SECURITYGROUPRULES.REMOTE_GROUP_ID, SECURITYGROUPRULES.REMOTE_ADDRESS_GROUP_ID,
                        SECURITYGROUPRULES.REMOTE_IP_PREFIX)
                .from(SECURITYGROUPRULES)
                .where(SECURITYGROUPRULES.SECURITY_GROUP_ID.eq((String) rule.get("security_group_id"))).fetch()) {
            Map<String, Object> existing = new java.util.HashMap<>();
            for (int i = 1; i < r.size(); i++) {
                Object v = r.get(i);
                existing.put(r.field(i).getName(), v instanceof Number n ? (Object) n.intValue() : v);
            }
            if (ruleKey(existing).equals(key)) return (String) r.get(0);
        }
        return null;
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> rules) {
        for (Map<String, Object> r : rules) {
            // a rule that a server of an older release wrote has none stored (expand V18)
            Object prefix = r.get("remote_ip_prefix");
            if (r.get("normalized_cidr") == null && prefix != null) {
                r.put("normalized_cidr", Cidr.parse(prefix.toString()).canonical().toString());
            }
        }
    }

    @Override
    public void policyTarget(Tx tx, Map<String, Object> target) {
        policyTargets(tx, List.of(target));
    }

    /** security_group:tenant_id of a page of rules: one query for their groups. */
    @Override
    public void policyTargets(Tx tx, List<Map<String, Object>> targets) {
        java.util.Set<Object> ids = new java.util.HashSet<>();
        for (Map<String, Object> t : targets) {
            if (t.get("security_group_id") != null) ids.add(t.get("security_group_id"));
        }
        if (ids.isEmpty()) return;
        Map<Object, Object> owners = new java.util.HashMap<>();
        for (var r : tx.dsl().select(SECURITYGROUPS.ID, SECURITYGROUPS.PROJECT_ID).from(SECURITYGROUPS)
                .where(SECURITYGROUPS.ID.in(ids)).fetch()) {
            owners.put(r.get(0), r.get(1));
        }
        for (Map<String, Object> t : targets) {
            Object sg = t.get("security_group_id");
            if (sg == null) continue;
            t.put("security_group:tenant_id", owners.get(sg));
            t.put("security_group:project_id", owners.get(sg));
        }
    }

    @Override
    public Condition visibleTo(Tx tx) {
        // a project sees rules of its own groups, also those an admin wrote there
        return SECURITYGROUPRULES.PROJECT_ID.eq(tx.ctx().projectId())
                .or(DSL.exists(DSL.selectOne().from(SECURITYGROUPS).where(
                        SECURITYGROUPS.ID.eq(SECURITYGROUPRULES.SECURITY_GROUP_ID)
                                .and(SECURITYGROUPS.PROJECT_ID.eq(tx.ctx().projectId())))));
    }

    private static String pyList(Iterable<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (String n : names) {
            if (sb.length() > 1) sb.append(", ");
            sb.append('\'').append(n).append('\'');
        }
        return sb.append(']').toString();
    }
}
