package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.QOS_POLICIES;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.Tx;
import dev.neutrino.ml2.ExtensionDriver;
import java.util.Map;
import java.util.Objects;

/**
 * neutron/plugins/ml2/extensions/qos.py with neutron/core_extensions/qos.py: {@code qos_policy_id} of
 * networks and ports. The policy must exist and be the caller's or shared with the caller's project
 * (a wildcard or a project's RBAC entry; else QosPolicyNotFound); a network created without one gets
 * its project's default policy (qos-default). The QoS plugin's checks that the loaded driver takes
 * the policy (qos_plugin.py _validate_*_callback) come with it ({@link OvnQosSupport}).
 */
public final class QosExtensionDriver implements ExtensionDriver {
    public static final String NAME = "qos";
    public static final String ATTRIBUTE = "qos_policy_id";

    @Override public String name() { return NAME; }
    @Override public String extensionAlias() { return QosExtension.QOS.alias(); }

    @Override
    public void processCreateNetwork(Tx tx, Map<String, Object> data) {
        Object id = data.get(ATTRIBUTE);
        if (id != null) {
            check(tx, id);
        } else if (data.get("project_id") instanceof String project) {
            String dflt = tx.dsl().select(QOS_POLICIES.ID).from(QOS_POLICIES)
                    .where(QOS_POLICIES.PROJECT_ID.eq(project).and(QOS_POLICIES.IS_DEFAULT.isTrue()))
                    .fetchOne(QOS_POLICIES.ID);
            if (dflt != null) data.put(ATTRIBUTE, dflt);
        }
        if (data.get(ATTRIBUTE) instanceof String policy) {
            OvnQosSupport.checkNetwork(QosRuleStore.ofPolicy(tx.dsl(), policy), (String) data.get("id"));
        }
    }

    @Override
    public void processUpdateNetwork(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (!(changes.get(ATTRIBUTE) instanceof String policy)) return;
        check(tx, policy);
        if (policy.equals(current.get(ATTRIBUTE))) return;
        var rules = QosRuleStore.ofPolicy(tx.dsl(), policy);
        String network = (String) current.get("id");
        OvnQosSupport.checkNetwork(rules, network);
        OvnQosSupport.checkNetworkPorts(tx.dsl(), network, rules);
    }

    /** The port's own policy, else its network's (_validate_create_port_callback); not yet bound. */
    @Override
    public void processCreatePort(Tx tx, Map<String, Object> data, Map<String, Object> network) {
        if (data.get(ATTRIBUTE) != null) check(tx, data.get(ATTRIBUTE));
        Object policy = data.get(ATTRIBUTE) != null ? data.get(ATTRIBUTE) : network.get(ATTRIBUTE);
        if (policy instanceof String p) {
            OvnQosSupport.checkPort(QosRuleStore.ofPolicy(tx.dsl(), p), (String) data.get("id"), "unbound",
                    OvnQosSupport.string(data, "binding:vnic_type"));
        }
    }

    @Override
    public void processUpdatePort(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (!(changes.get(ATTRIBUTE) instanceof String policy)) return;
        check(tx, policy);
        if (Objects.equals(policy, current.get(ATTRIBUTE))) return;
        OvnQosSupport.checkPort(QosRuleStore.ofPolicy(tx.dsl(), policy), (String) current.get("id"),
                OvnQosSupport.string(current, "binding:vif_type"), OvnQosSupport.string(current, "binding:vnic_type"));
    }

    /** QosPolicy.get_policy_obj: the policy as the caller may see it (admin: any), else 404. */
    static void check(Tx tx, Object id) {
        var c = QOS_POLICIES.ID.eq((String) id);
        if (!tx.ctx().isAdmin()) c = c.and(QosPolicyHooks.visible(tx.ctx().projectId()));
        if (!tx.dsl().fetchExists(QOS_POLICIES, c)) throw policyNotFound((String) id);
    }

    static NeutronException policyNotFound(String id) {
        return new NeutronException(404, "QosPolicyNotFound", "QoS policy " + id + " could not be found.");
    }
}
