package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.NETWORK_SEGMENTS;
import static dev.neutrino.schema.Tables.QOS_RULES;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Record;

/**
 * port-resource-request with port-resource-request-groups: a port's {@code resource_request} as Zed's
 * QoSPlugin._extend_port_resource_request computes it from the port's policy (its own, else its
 * network's, whatever the device owner). A minimum bandwidth group (the rules' kbps per direction as
 * NET_BW_EGR_KILOBIT_PER_SEC / NET_BW_IGR_KILOBIT_PER_SEC, required traits CUSTOM_PHYSNET_&lt;physnet of
 * the network's first segment&gt; and CUSTOM_VNIC_TYPE_&lt;vnic_type&gt;; none when that segment has no
 * physical network) and a minimum packet rate group (NET_PACKET_RATE_[EGR_|IGR_]KILOPACKET_PER_SEC,
 * required CUSTOM_VNIC_TYPE_&lt;vnic_type&gt;), each with the id neutron_lib.placement.utils
 * resource_request_group_uuid gives (uuid5 of the port id over the group's rule ids joined by ':', in
 * direction order as Zed reads them: any, egress, ingress);
 * {@code same_subtree} lists the groups' ids. Null without such rules. Nothing here reads the
 * {@code resource_provider_*} options: Zed's computation does not either (they describe what the
 * hosts offer, which Neutron reports to Placement; not done here).
 */
final class ResourceRequests implements ResourceHooks {
    static final String ATTRIBUTE = "resource_request";

    /** A minimum rule of a policy: its id, type, direction and amount. */
    record MinRule(String id, String type, String direction, long amount) {}

    @Override
    public void extend(Tx tx, List<Map<String, Object>> ports) {
        Set<String> networks = new HashSet<>();
        for (Map<String, Object> p : ports) if (p.get("network_id") instanceof String n) networks.add(n);
        Map<String, String> netPolicy = new HashMap<>();
        if (!networks.isEmpty()) {
            tx.dsl().select(NETWORKS.ID, NETWORKS.QOS_POLICY_ID).from(NETWORKS)
                    .where(NETWORKS.ID.in(networks).and(NETWORKS.QOS_POLICY_ID.isNotNull()))
                    .fetch().forEach(r -> netPolicy.put(r.value1(), r.value2()));
        }
        Map<String, String> policyOf = new HashMap<>();
        for (Map<String, Object> p : ports) {
            Object own = p.get(QosExtensionDriver.ATTRIBUTE);
            String policy = own instanceof String s ? s : netPolicy.get(p.get("network_id"));
            if (policy != null) policyOf.put((String) p.get("id"), policy);
        }
        Map<String, List<MinRule>> rules = new HashMap<>();
        Map<String, String> physnets = new HashMap<>();
        if (!policyOf.isEmpty()) {
            for (Record r : tx.dsl().select(QOS_RULES.ID, QOS_RULES.QOS_POLICY_ID, QOS_RULES.TYPE, QOS_RULES.DIRECTION,
                            QOS_RULES.MIN_KBPS, QOS_RULES.MIN_KPPS).from(QOS_RULES)
                    .where(QOS_RULES.QOS_POLICY_ID.in(new HashSet<>(policyOf.values()))
                            .and(QOS_RULES.TYPE.in("minimum_bandwidth", "minimum_packet_rate")))
                    // Zed reads each policy's rules through the unique (qos_policy_id, direction) index:
                    // in direction order, which orders the rule ids the group id is derived from
                    .orderBy(QOS_RULES.DIRECTION, QOS_RULES.ID).fetch()) {
                boolean bw = "minimum_bandwidth".equals(r.get(QOS_RULES.TYPE));
                Long amount = bw ? r.get(QOS_RULES.MIN_KBPS) : r.get(QOS_RULES.MIN_KPPS);
                rules.computeIfAbsent(r.get(QOS_RULES.QOS_POLICY_ID), k -> new ArrayList<>()).add(new MinRule(
                        r.get(QOS_RULES.ID), r.get(QOS_RULES.TYPE), r.get(QOS_RULES.DIRECTION),
                        amount == null ? 0 : amount));
            }
            Set<String> nets = new HashSet<>();
            for (Map<String, Object> p : ports) {
                if (rules.containsKey(policyOf.get((String) p.get("id")))) nets.add((String) p.get("network_id"));
            }
            if (!nets.isEmpty()) {
                // the first segment of each network (segment_index order), with its physical network or null
                for (Record r : tx.dsl().select(NETWORK_SEGMENTS.NETWORK_ID, NETWORK_SEGMENTS.PHYSICAL_NETWORK)
                        .from(NETWORK_SEGMENTS).where(NETWORK_SEGMENTS.NETWORK_ID.in(nets))
                        .orderBy(NETWORK_SEGMENTS.NETWORK_ID, NETWORK_SEGMENTS.SEGMENT_INDEX, NETWORK_SEGMENTS.ID)
                        .fetch()) {
                    String net = r.get(NETWORK_SEGMENTS.NETWORK_ID);
                    if (!physnets.containsKey(net)) physnets.put(net, r.get(NETWORK_SEGMENTS.PHYSICAL_NETWORK));
                }
            }
        }
        for (Map<String, Object> p : ports) {
            String id = (String) p.get("id");
            List<MinRule> own = rules.getOrDefault(policyOf.get(id), List.of());
            p.put(ATTRIBUTE, own.isEmpty() ? null : request(id, own, vnicType(p), physnets.get(p.get("network_id"))));
        }
    }

    private static String vnicType(Map<String, Object> port) {
        return port.get("binding:vnic_type") instanceof String v ? v : "normal";
    }

    /** _get_resource_request: the minimum bandwidth group, then the minimum packet rate group. */
    static Map<String, Object> request(String portId, List<MinRule> rules, String vnicType, String physnet) {
        List<MinRule> bw = rules.stream().filter(r -> r.type().equals("minimum_bandwidth")).toList();
        List<MinRule> pps = rules.stream().filter(r -> r.type().equals("minimum_packet_rate")).toList();
        List<Map<String, Object>> groups = new ArrayList<>();
        if (!bw.isEmpty() && physnet != null) {
            Map<String, Object> resources = new LinkedHashMap<>();
            for (MinRule r : bw) {
                resources.put(r.direction().equals("ingress") ? "NET_BW_IGR_KILOBIT_PER_SEC"
                        : "NET_BW_EGR_KILOBIT_PER_SEC", r.amount());
            }
            groups.add(group(portId, bw, List.of(trait("CUSTOM_PHYSNET_", physnet), trait("CUSTOM_VNIC_TYPE_", vnicType)),
                    resources));
        }
        if (!pps.isEmpty()) {
            Map<String, Object> resources = new LinkedHashMap<>();
            for (MinRule r : pps) {
                resources.put(switch (r.direction()) {
                    case "ingress" -> "NET_PACKET_RATE_IGR_KILOPACKET_PER_SEC";
                    case "egress" -> "NET_PACKET_RATE_EGR_KILOPACKET_PER_SEC";
                    default -> "NET_PACKET_RATE_KILOPACKET_PER_SEC";
                }, r.amount());
            }
            groups.add(group(portId, pps, List.of(trait("CUSTOM_VNIC_TYPE_", vnicType)), resources));
        }
        if (groups.isEmpty()) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_groups", groups);
        out.put("same_subtree", groups.stream().map(g -> g.get("id")).toList());
        return out;
    }

    private static Map<String, Object> group(String portId, List<MinRule> rules, List<String> required,
                                             Map<String, Object> resources) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", groupId(portId, rules.stream().map(MinRule::id).toList()).toString());
        g.put("required", required);
        g.put("resources", resources);
        return g;
    }

    /** os_traits.normalize_name of prefix + name: CUSTOM_ and the name upper-cased, runs of other characters as '_'. */
    static String trait(String prefix, String name) {
        return prefix + name.replaceAll("[^0-9A-Za-z]+", "_").toUpperCase(Locale.ROOT);
    }

    /** resource_request_group_uuid: uuid5(port id, rule ids joined by ':'). */
    static UUID groupId(String portId, List<String> ruleIds) {
        return uuid5(UUID.fromString(portId), String.join(":", ruleIds));
    }

    /** RFC 4122 version 5 (SHA-1) name-based UUID, as Python's uuid.uuid5. */
    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
