package dev.neutrino.ext.logging;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v2.0/log/loggable-resources}: the types the loaded log drivers support
 * (LoggingPlugin.get_loggable_resources): ML2/OVN's driver, {@code security_group}. Each item passes
 * the {@code get_loggable_resource} policy (admin only in Zed) or is left out, as Neutron's API layer
 * filters a list.
 */
final class LoggableResources {
    static final String PATH = "log/loggable-resources";
    private final Policy policy;

    LoggableResources(Policy policy) {
        this.policy = policy;
    }

    /** {@code seg}: "v2.0", "log/loggable-resources". */
    ApiResponse handle(ApiRequest req, String[] seg) {
        NeutronException.requireCollectionGet(req.method(), seg);
        List<String> fields = req.query().getOrDefault("fields", List.of());
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> item = Map.of("type", LoggingExtension.SECURITY_GROUP);
        if (policy.checkAction(req.ctx().creds(), "get_loggable_resource", item, "loggable_resources")) {
            out.add(fields.isEmpty() || fields.contains("type") ? item : Map.of());
        }
        return ApiResponse.ok(Map.of("loggable_resources", out));
    }
}
