package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.PORTS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.ext.qos.QosExtension.RuleType;
import dev.neutrino.ext.qos.QosRuleStore.Rule;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * What the loaded QoS driver, ML2/OVN's OVNQosDriver, accepts, as Zed's QosServiceDriverManager asks it
 * (neutron/services/qos/drivers/manager.py validate_rule_for_port / _for_network, qos_plugin.py
 * validate_policy*): a port's bound vif_type must be ovs or vhostuser (an unbound or failed binding is
 * judged by its vnic_type, which must be normal), and each rule's type must be one the driver supports
 * (not packet_rate_limit nor minimum_packet_rate). A policy without rules fits everything.
 */
final class OvnQosSupport {
    private OvnQosSupport() {}

    static final List<String> VIF_TYPES = List.of("ovs", "vhostuser");
    static final List<String> VNIC_TYPES = List.of("normal");
    static final List<String> SKIPPED_VIF_TYPES = List.of("unbound", "binding_failed");

    /** validate_policy_for_port: QosRuleNotSupported (409) for the first rule the driver refuses. */
    static void checkPort(List<Rule> rules, String portId, String vifType, String vnicType) {
        for (Rule r : rules) {
            if (!compatible(vifType, vnicType) || !r.type().supportedByOvn) {
                throw NeutronException.conflict("QosRuleNotSupported", "Rule " + r.type().type
                        + " is not supported by port " + portId);
            }
        }
    }

    /** validate_policy_for_network: QosRuleNotSupportedByNetwork (409). */
    static void checkNetwork(List<Rule> rules, String networkId) {
        for (Rule r : rules) {
            if (!r.type().supportedByOvn) {
                throw NeutronException.conflict("QosRuleNotSupportedByNetwork", "Rule " + r.type().type
                        + " is not supported by network " + networkId);
            }
        }
    }

    private static boolean compatible(String vifType, String vnicType) {
        String vif = vifType == null ? "unbound" : vifType;
        if (!SKIPPED_VIF_TYPES.contains(vif)) return VIF_TYPES.contains(vif);
        return VNIC_TYPES.contains(vnicType == null ? "normal" : vnicType);
    }

    /**
     * validate_policy: every port the policy applies to — its own or, without one of its own, its
     * network's — must take the policy's rules (after a rule was added or changed).
     */
    static void checkPolicyInUse(DSLContext dsl, String policyId, List<Rule> rules) {
        if (rules.isEmpty()) return;
        var ports = dsl.select(PORTS.ID, PORTS.BINDING_VIF_TYPE, PORTS.BINDING_VNIC_TYPE).from(PORTS)
                .where(usesPolicy(dsl, policyId))
                .orderBy(PORTS.ID)
                .fetch();
        for (Record3<String, String, String> p : ports) checkPort(rules, p.value1(), p.value2(), p.value3());
    }

    /** Whether a port with a {@code compute:} device owner has the policy, its own or its network's. */
    static boolean computePortUses(DSLContext dsl, String policyId) {
        return dsl.fetchExists(PORTS, usesPolicy(dsl, policyId).and(PORTS.DEVICE_OWNER.startsWith("compute:")));
    }

    private static org.jooq.Condition usesPolicy(DSLContext dsl, String policyId) {
        return PORTS.QOS_POLICY_ID.eq(policyId).or(PORTS.QOS_POLICY_ID.isNull().and(PORTS.NETWORK_ID.in(
                dsl.select(NETWORKS.ID).from(NETWORKS).where(NETWORKS.QOS_POLICY_ID.eq(policyId)))));
    }

    /** The ports of a network that follow its policy (none of their own), for a network's new policy. */
    static void checkNetworkPorts(DSLContext dsl, String networkId, List<Rule> rules) {
        if (rules.isEmpty()) return;
        for (Record3<String, String, String> p : dsl.select(PORTS.ID, PORTS.BINDING_VIF_TYPE, PORTS.BINDING_VNIC_TYPE)
                .from(PORTS).where(PORTS.NETWORK_ID.eq(networkId).and(PORTS.QOS_POLICY_ID.isNull()))
                .orderBy(PORTS.ID).fetch()) {
            checkPort(rules, p.value1(), p.value2(), p.value3());
        }
    }

    static String string(Map<String, Object> m, String key) {
        return m.get(key) instanceof String s ? s : null;
    }
}
