package dev.neutrino.ext.addressgroup;

import static dev.neutrino.schema.Tables.ADDRESS_ASSOCIATIONS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Database;
import dev.neutrino.db.Retryable;
import dev.neutrino.db.SqlErrors;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.engine.Views;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.PolicyNotAuthorized;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AddressGroupDbMixin.add_addresses / remove_addresses: {@code PUT .../add_addresses} with
 * {@code {"addresses": [...]}}, answered {@code {"address_group": {...}}}. Adding an address the group
 * has is 400 AddressesAlreadyExist, removing one it lacks 404 AddressesNotFound (addresses compared
 * normalized). The group's revision goes up: its security group rules' OVN address sets follow.
 */
final class AddressGroupActions {
    private final Database db;
    private final ResourceService groups;
    private final Policy policy;

    AddressGroupActions(Database db, ResourceService groups, Policy policy) {
        this.db = db;
        this.groups = groups;
        this.policy = policy;
    }

    Map<String, Object> add(RequestContext ctx, String id, Map<String, Object> body) {
        Set<String> requested = requested(body);
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> group = visible(tx, id, "add_addresses");
            Set<String> have = new HashSet<>(AddressGroupHooks.addresses(dsl, List.of(id)).getOrDefault(id, List.of()));
            List<String> present = new ArrayList<>();
            for (String a : requested) if (have.contains(a)) present.add(a);
            if (!present.isEmpty()) {
                throw new NeutronException(400, "AddressesAlreadyExist", "Addresses " + pyList(present)
                        + " already exist in the address group " + id + ".");
            }
            try {
                AddressGroupHooks.insert(dsl, id, requested);
            } catch (RuntimeException e) {
                if (SqlErrors.isUniqueViolation(e)) throw new Retryable("address of group " + id + " added concurrently");
                throw e;
            }
            return answer(tx, group);
        });
    }

    Map<String, Object> remove(RequestContext ctx, String id, Map<String, Object> body) {
        Set<String> requested = requested(body);
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> group = visible(tx, id, "remove_addresses");
            Set<String> have = new HashSet<>(AddressGroupHooks.addresses(dsl, List.of(id)).getOrDefault(id, List.of()));
            List<String> missing = new ArrayList<>();
            for (String a : requested) if (!have.contains(a)) missing.add(a);
            if (!missing.isEmpty()) {
                throw new NeutronException(404, "AddressesNotFound", "Addresses " + pyList(missing)
                        + " not found in the address group " + id + ".");
            }
            dsl.deleteFrom(ADDRESS_ASSOCIATIONS).where(ADDRESS_ASSOCIATIONS.ADDRESS_GROUP_ID.eq(id)
                    .and(ADDRESS_ASSOCIATIONS.ADDRESS.in(requested))).execute();
            return answer(tx, group);
        });
    }

    /** The group after the change, its revision bumped (which the OVN write path hears of). */
    private Map<String, Object> answer(Tx tx, Map<String, Object> group) {
        String id = (String) group.get("id");
        groups.bumpRevision(tx, id);
        return Map.of("address_group", Views.render(groups.def(), groups.get(tx, id), Set.of(), tx.ctx(),
                policy::hasRule));
    }

    /** The group an action works on: visible (else 404), readable by policy (404), the action allowed (403). */
    private Map<String, Object> visible(Tx tx, String id, String action) {
        if (groups.findVisible(tx, id) == null) throw AddressGroupRuleHooks.notFound(id);
        Map<String, Object> group = groups.get(tx, id);
        RequestContext ctx = tx.ctx();
        if (ctx.isAdmin() && !policy.enforceNewDefaults()) return group;
        Map<String, Object> target = new LinkedHashMap<>(group);
        target.put("tenant_id", group.get("project_id"));
        if (!policy.checkAction(ctx.creds(), "get_address_group", target, AddressGroups.DEF.collection())) {
            throw AddressGroupRuleHooks.notFound(id);
        }
        try {
            policy.enforceAction(ctx.creds(), action, target, AddressGroups.DEF.collection());
        } catch (PolicyNotAuthorized e) {
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
        return group;
    }

    /**
     * The body's addresses, normalized as _process_requested_addresses does with netaddr.IPNetwork: an
     * address without a prefix is a host (/32, /128); what netaddr cannot read is 400, as Neutron's
     * fault map turns AddrFormatError into HTTPBadRequest (a body without addresses: 400, Zed: 500).
     */
    private static Set<String> requested(Map<String, Object> body) {
        Object given = body == null ? null : body.get("addresses");
        if (given == null) throw NeutronException.badRequest("Unable to find 'addresses' in request body");
        if (!(given instanceof List<?> list)) {
            throw NeutronException.invalidInput("addresses", "'" + given + "' is not a list");
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Object a : list) {
            String s = String.valueOf(a).strip();
            if (!s.contains("/")) s += s.contains(":") ? "/128" : "/32";
            try {
                out.add(AddressGroupHooks.normalize(s));
            } catch (RuntimeException e) {
                throw NeutronException.badRequest("failed to detect a valid IP address from '" + a + "'");
            }
        }
        return out;
    }

    /** Python's str() of a list of strings, as Zed's messages show it. */
    private static String pyList(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (String s : items) {
            if (sb.length() > 1) sb.append(", ");
            sb.append('\'').append(s).append('\'');
        }
        return sb.append(']').toString();
    }
}
