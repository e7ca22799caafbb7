package dev.neutrino.ext.logging;

import dev.neutrino.common.ReleaseGate;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ext.securitygroup.SecurityGroups;
import dev.neutrino.policy.Policy;
import java.util.Map;

/**
 * The {@code log} service plugin ({@link LoggingExtension}): log objects checked as Zed does
 * ({@link LogHooks}), the loggable types, and a log that names a security group or a port going with
 * it (LoggingPlugin._clean_logs on the group's or the port's AFTER_DELETE). The OVN side (ACL
 * log/name/severity/meter and the NB meter) is the ovn module's, fed by the logs' change events.
 */
public final class LoggingPlugin {
    private LoggingPlugin() {}

    public static void install(Engine engine, Policy policy, ReleaseGate gate) {
        if (!engine.hasExtension(LoggingExtension.LOGGING.alias())) return;
        ResourceService logs = engine.service(LoggingExtension.LOG);
        logs.addHooks(new LogHooks(gate));
        engine.endpoint(LoggableResources.PATH, new LoggableResources(policy)::handle);
        engine.service(SecurityGroups.GROUP).addHooks(cleaner(logs, "resource_id"));
        engine.service(Ports.DEF).addHooks(cleaner(logs, "target_id"));
    }

    /** Deletes the logs whose {@code attribute} names the deleted resource, in its transaction. */
    private static ResourceHooks cleaner(ResourceService logs, String attribute) {
        return new ResourceHooks() {
            @Override
            public void afterDelete(Tx tx, Map<String, Object> deleted) {
                for (Map<String, Object> log : logs.findStored(tx, Map.of(attribute, deleted.get("id")))) {
                    logs.deleteIn(tx, log);
                }
            }
        };
    }
}
