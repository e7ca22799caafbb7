package dev.neutrino.engine;

import dev.neutrino.common.NeutronException;
import dev.neutrino.model.Attribute;
import dev.neutrino.model.ResourceDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Request bodies checked as neutron-lib's ResourceAttributes does it: unknown attributes, attributes
 * not allowed in POST/PUT, required attributes, conversion, validation and defaults.
 */
public final class Requests {
    private Requests() {}

    public static Map<String, Object> prepareCreate(ResourceDef def, Map<String, Object> body, RequestContext ctx) {
        return prepareCreate(def, body, ctx, rule -> false);
    }

    /**
     * As {@link #prepareCreate(ResourceDef, Map, RequestContext)}; an attribute the model marks
     * admin-only is refused here only where the policy has no {@code create_RESOURCE:ATTR} rule (where
     * it has one, the policy engine decides).
     */
    public static Map<String, Object> prepareCreate(ResourceDef def, Map<String, Object> body, RequestContext ctx,
                                                    Predicate<String> policyHasRule) {
        rejectUnknown(def, body);
        Map<String, Object> res = new LinkedHashMap<>();
        for (Attribute a : def.attributes()) {
            boolean given = body.containsKey(a.name());
            if (!a.allowPost()) {
                if (given) throw NeutronException.badRequest("Attribute '" + a.name() + "' not allowed in POST");
                continue;
            }
            if (given) {
                res.put(a.name(), convertAndValidate(a, body.get(a.name())));
            } else if (a.isRequired()) {
                throw NeutronException.badRequest("Failed to parse request. Required attribute '" + a.name()
                        + "' not specified");
            } else if (a.hasStaticDefault()) {
                res.put(a.name(), copy(a.defaultValue()));
            }
        }
        if (def.has("project_id")) {
            Object project = res.remove("project_id");
            Object tenant = res.remove("tenant_id");
            if (project != null && tenant != null && !project.equals(tenant)) {
                throw NeutronException.badRequest("'project_id' and 'tenant_id' do not match");
            }
            Object owner = project != null ? project : tenant;
            if (owner == null) owner = ctx.projectId();
            if (owner == null) {
                throw NeutronException.badRequest("Running without keystone AuthN requires that tenant_id is "
                        + "specified");
            }
            if (!ctx.isAdmin() && !owner.equals(ctx.projectId())) {
                // neutron_lib.api.attributes._validate_privileges: a 400, not a policy 403
                throw new NeutronException(400, "HTTPBadRequest",
                        "Specifying 'project_id' or 'tenant_id' other than the authenticated project in request "
                                + "requires admin or advsvc privileges");
            }
            res.put("project_id", owner);
        }
        for (Attribute a : def.attributes()) {
            if (a.isAdminOnlyWrite() && body.containsKey(a.name()) && !ctx.isAdmin()
                    && !policyHasRule.test("create_" + def.singular() + ":" + a.name())) {
                throw forbidden("create", def, a);
            }
        }
        return res;
    }

    public static Map<String, Object> prepareUpdate(ResourceDef def, Map<String, Object> body, RequestContext ctx) {
        return prepareUpdate(def, body, ctx, rule -> false);
    }

    /** As {@link #prepareUpdate(ResourceDef, Map, RequestContext)}, the policy deciding where it has a rule. */
    public static Map<String, Object> prepareUpdate(ResourceDef def, Map<String, Object> body, RequestContext ctx,
                                                    Predicate<String> policyHasRule) {
        rejectUnknown(def, body);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (var e : body.entrySet()) {
            Attribute a = def.attribute(e.getKey());
            if (!a.allowPut()) {
                throw NeutronException.badRequest("Cannot update read-only attribute " + a.name());
            }
            if (a.isAdminOnlyWrite() && !ctx.isAdmin()
                    && !policyHasRule.test("update_" + def.singular() + ":" + a.name())) {
                throw forbidden("update", def, a);
            }
            changes.put(a.name(), convertAndValidate(a, e.getValue()));
        }
        return changes;
    }

    private static NeutronException forbidden(String action, ResourceDef def, Attribute a) {
        return new NeutronException(403, "PolicyNotAuthorized", "(rule:" + action + "_" + def.singular() + ":"
                + a.name() + ") is disallowed by policy");
    }

    private static void rejectUnknown(ResourceDef def, Map<String, Object> body) {
        List<String> extra = new ArrayList<>();
        for (String k : body.keySet()) if (!def.has(k)) extra.add(k);
        if (!extra.isEmpty()) {
            throw NeutronException.badRequest("Unrecognized attribute(s) '" + String.join(", ", extra) + "'");
        }
    }

    public static Object convertAndValidate(Attribute a, Object value) {
        Object v;
        try {
            v = a.converter().convert(value);
        } catch (IllegalArgumentException e) {
            // neutron-lib's converters raise InvalidInput
            throw NeutronException.invalidInputGeneric(e.getMessage());
        }
        String reason = a.validator().validate(v);
        if (reason != null) throw NeutronException.invalidInput(a.name(), reason);
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof List<?> l) return new ArrayList<>(l);
        if (v instanceof Map<?, ?> m) return new LinkedHashMap<>((Map<String, Object>) m);
        return v;
    }
}
