package dev.neutrino.api;

import dev.neutrino.model.Attribute;
import dev.neutrino.model.ResourceDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the caller sees of a resource: visible attributes, minus admin-only ones, limited to {@code fields}. */
public final class Views {
    private Views() {}

    public static Map<String, Object> render(ResourceDef def, Map<String, Object> r, Set<String> fields,
                                             RequestContext ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute a : def.attributes()) {
            if (!a.visible() || (a.isAdminOnlyRead() && !ctx.isAdmin())) continue;
            if (!fields.isEmpty() && !fields.contains(a.name())) continue;
            if (!r.containsKey(a.name())) continue;
            out.put(a.name(), r.get(a.name()));
        }
        return out;
    }
}
