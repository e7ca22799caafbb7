package dev.neutrino.ext.servicetype;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v2.0/service-providers} as neutron's ServiceTypeManager answers it: every configured
 * provider as {@code service_type}, {@code name}, {@code default}; filters on {@code service_type}
 * and {@code name} (others are ignored, as the manager ignores them); {@code fields} selects. A
 * caller whose {@code get_service_provider} rule fails sees an empty list.
 */
final class ServiceProviders {
    private final List<ServiceProvider> providers;
    private final Policy policy;

    ServiceProviders(List<ServiceProvider> providers, Policy policy) {
        this.providers = List.copyOf(providers);
        this.policy = policy;
    }

    ApiResponse handle(ApiRequest req, String[] seg) {
        NeutronException.requireCollectionGet(req.method(), seg);
        Map<String, List<String>> query = req.query();
        List<String> fields = query.getOrDefault("fields", List.of());
        List<Map<String, Object>> out = new ArrayList<>();
        for (ServiceProvider p : providers) {
            if (!matches(query, "service_type", p.serviceType()) || !matches(query, "name", p.name())) continue;
            // neutron compares the query's strings with the stored boolean: a default filter never matches
            if (query.containsKey("default")) continue;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("service_type", p.serviceType());
            item.put("name", p.name());
            item.put("default", p.isDefault());
            if (!req.ctx().isAdmin() && !policy.checkAction(req.ctx().creds(), "get_service_provider", item,
                    ServiceTypeExtension.COLLECTION)) {
                continue;
            }
            if (!fields.isEmpty()) item.keySet().retainAll(fields);
            out.add(item);
        }
        return ApiResponse.ok(Map.of(ServiceTypeExtension.COLLECTION, out));
    }

    private static boolean matches(Map<String, List<String>> query, String key, String value) {
        List<String> wanted = query.get(key);
        return wanted == null || wanted.contains(value);
    }
}
