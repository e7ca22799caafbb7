package dev.neutrino.engine;

import dev.neutrino.model.Attribute;
import dev.neutrino.model.ResourceDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the caller sees of a resource: visible attributes, limited to {@code fields}, minus those the
 * model marks admin-only where the policy has no {@code get_RESOURCE:ATTR} rule of its own (where it
 * has one, the policy alone decides, so a policy.yaml can open or close an attribute).
 */
public final class Views {
    private Views() {}

    public static Map<String, Object> render(ResourceDef def, Map<String, Object> r, Set<String> fields,
                                             RequestContext ctx) {
        return render(def, r, fields, ctx, rule -> false);
    }

    public static Map<String, Object> render(ResourceDef def, Map<String, Object> r, Set<String> fields,
                                             RequestContext ctx, Predicate<String> policyHasRule) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute a : def.attributes()) {
            if (!a.visible()) continue;
            if (a.isAdminOnlyRead() && !ctx.isAdmin()
                    && !policyHasRule.test("get_" + def.singular() + ":" + a.name())) continue;
            if (!fields.isEmpty() && !fields.contains(a.name())) continue;
            if (!r.containsKey(a.name())) continue;
            Object v = r.get(a.name());
            out.put(a.name(), a.isRenderedAsText() && v != null ? v.toString() : v);
        }
        return out;
    }
}
