package dev.neutrino.ext.qos;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ext.qos.QosExtension.RuleType;
import dev.neutrino.policy.Policy;

/** Attaches QoS's behaviour: the policies' hooks, the rules below each policy, the rule types, the rule aliases. */
public final class QosPlugin {
    private QosPlugin() {}

    public static void install(Engine engine, Database db, Policy policy) {
        if (!engine.hasExtension(QosExtension.QOS.alias())) return;
        var policies = engine.service(QosExtension.POLICY);
        policies.addHooks(new QosPolicyHooks());
        var rules = new QosRules(db, policies, policy, engine::fireCommitted);
        for (RuleType t : RuleType.values()) {
            engine.subEndpoint(QosExtension.POLICY, t.def.collection(), (req, seg) -> rules.handle(t, req, seg));
            if (engine.hasExtension(QosExtension.QOS_RULES_ALIAS.alias())) {
                engine.endpoint(t.aliasPath(), (req, seg) -> rules.handleAlias(t, req, seg));
            }
        }
        engine.endpoint("qos/rule-types", new RuleTypes(policy)::handle);
        if (engine.hasExtension(QosExtension.QOS_PORT_NETWORK_POLICY.alias())) {
            engine.service(Ports.DEF).addHooks(new QosPortHooks());
        }
    }
}
