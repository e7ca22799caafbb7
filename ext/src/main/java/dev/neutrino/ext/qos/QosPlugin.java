package dev.neutrino.ext.qos;

import dev.neutrino.common.ReleaseGate;
import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ext.l3.FloatingIps;
import dev.neutrino.ext.l3.Routers;
import dev.neutrino.ext.qos.QosExtension.RuleType;
import dev.neutrino.ext.rbac.RbacPolicies;
import dev.neutrino.policy.Policy;

/**
 * Attaches QoS's behaviour: the policies' hooks, the rules below each policy (each type with its
 * extension), the rule types, the rule aliases, the checks of RBAC entries of QoS policies, the policy
 * of floating IPs and router gateways (qos-fip, qos-gateway-ip) and ports' resource_request.
 */
public final class QosPlugin {
    private QosPlugin() {}

    public static void install(Engine engine, Database db, Policy policy) {
        install(engine, db, policy, ReleaseGate.NO_OLDER_SERVERS);
    }

    public static void install(Engine engine, Database db, Policy policy, ReleaseGate gate) {
        if (!engine.hasExtension(QosExtension.QOS.alias())) return;
        var policies = engine.service(QosExtension.POLICY);
        policies.addHooks(new QosPolicyHooks());
        var rules = new QosRules(db, policies, policy, engine::fireCommitted, gate);
        for (RuleType t : RuleType.values()) {
            if (!engine.hasExtension(t.extension)) continue;
            engine.subEndpoint(QosExtension.POLICY, t.def.collection(), (req, seg) -> rules.handle(t, req, seg));
            if (t.aliasExtension != null && engine.hasExtension(t.aliasExtension)) {
                engine.endpoint(t.aliasPath(), (req, seg) -> rules.handleAlias(t, req, seg));
            }
        }
        engine.endpoint("qos/rule-types",
                new RuleTypes(policy, engine.hasExtension(QosExtension.QOS_RULE_TYPE_FILTER.alias()))::handle);
        engine.service(RbacPolicies.DEF).addHooks(QosPolicyRbac.RBAC.entryHooks());
        if (engine.hasExtension(QosExtension.QOS_PORT_NETWORK_POLICY.alias())) {
            engine.service(Ports.DEF).addHooks(new QosPortHooks());
        }
        if (engine.hasExtension(QosExtension.PORT_RESOURCE_REQUEST.alias())) {
            engine.service(Ports.DEF).addHooks(new ResourceRequests());
        }
        if (engine.hasExtension(QosExtension.QOS_FIP.alias())) {
            engine.service(FloatingIps.DEF).addHooks(new QosL3Hooks.FloatingIps());
        }
        if (engine.hasExtension(QosExtension.QOS_GATEWAY_IP.alias())) {
            engine.service(Routers.DEF).addHooks(new QosL3Hooks.Routers());
        }
    }
}
