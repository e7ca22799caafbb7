package dev.neutrino.ext.securitygroup;

import static dev.neutrino.schema.Tables.DEFAULT_SECURITY_GROUP;
import static dev.neutrino.schema.Tables.PORT_SECURITY_GROUPS;
import static dev.neutrino.schema.Tables.SECURITYGROUPRULES;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.engine.ListQuery;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.db.Database;
import dev.neutrino.ext.core.api.SecurityGroupLookup;
import java.util.ArrayList;
import java.util.List;
import dev.neutrino.engine.Views;
import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Retryable;
import dev.neutrino.db.SqlErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import dev.neutrino.ext.rbac.api.SharedObjectRbac;
import dev.neutrino.model.Attribute;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Security groups: each project's {@code default} group, created on first use with Neutron's default
 * rules; the two egress rules of a new group; the rules embedded in the group; in-use checks.
 */
final class SecurityGroupHooks implements ResourceHooks, SecurityGroupLookup {
    private static final Field<String> DSG_PROJECT = DEFAULT_SECURITY_GROUP.PROJECT_ID;
    private static final Field<String> DSG_GROUP = DEFAULT_SECURITY_GROUP.SECURITY_GROUP_ID;

    private final Database db;
    private final ResourceService groups;
    private final ResourceService rules;
    private final SharedObjectRbac rbac;

    /** @param rbac the groups' RBAC (rbac-security-groups), or null when that extension is off */
    public SecurityGroupHooks(Database db, ResourceService groups, ResourceService rules, SharedObjectRbac rbac) {
        this.db = db;
        this.groups = groups;
        this.rules = rules;
        this.rbac = rbac;
    }

    /**
     * Neutron creates the default group of the project being listed: the caller's, or the ones an
     * admin filters on.
     */
    @Override
    public void beforeList(RequestContext ctx, ListQuery q) {
        List<String> projects = new ArrayList<>();
        for (String key : List.of("project_id", "tenant_id")) projects.addAll(q.filters().getOrDefault(key, List.of()));
        if (!ctx.isAdmin() || projects.isEmpty()) projects = new ArrayList<>(List.of(String.valueOf(ctx.projectId())));
        if (ctx.projectId() != null || ctx.isAdmin()) {
            for (String p : new java.util.LinkedHashSet<>(projects)) {
                if (p.equals("null")) continue;
                db.run(dsl -> ensureDefault(new Tx(dsl, ctx), p));
            }
        }
    }

    @Override
    public boolean isVisible(Tx tx, String id) {
        return groups.findVisible(tx, id) != null;
    }

    /** The id of the project's default group, created now (with its rules) when it does not exist. */
    @Override
    public String ensureDefault(Tx tx, String projectId) {
        String existing = tx.dsl().select(DSG_GROUP).from(DEFAULT_SECURITY_GROUP)
                .where(DSG_PROJECT.eq(projectId)).fetchOne(DSG_GROUP);
        if (existing != null) return existing;
        Map<String, Object> sg = new LinkedHashMap<>();
        sg.put("id", UUID.randomUUID().toString());
        sg.put("name", "default");
        sg.put("description", "Default security group");
        sg.put("project_id", projectId);
        sg.put("stateful", true);
        sg.put(DEFAULT_MARK, true);
        groups.createIn(tx, sg);
        return (String) sg.get("id");
    }

    /** Marks the internal creation of a default group (never part of a request body). */
    private static final String DEFAULT_MARK = "__default__";

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> sg) {
        boolean isDefault = sg.remove(DEFAULT_MARK) != null;
        if (!isDefault) {
            if ("default".equals(sg.get("name"))) {
                throw NeutronException.conflict("SecurityGroupDefaultAlreadyExists",
                        "Default security group already exists.");
            }
            ensureDefault(tx, (String) sg.get("project_id"));
        }
        sg.put(DEFAULT_MARK + "rules", isDefault);
    }

    @Override
    public void afterCreate(Tx tx, Map<String, Object> sg) {
        boolean isDefault = Boolean.TRUE.equals(sg.remove(DEFAULT_MARK + "rules"));
        String id = (String) sg.get("id");
        String project = (String) sg.get("project_id");
        if (isDefault) {
            // the unique key on project_id makes a concurrent second default group fail and retry
            try {
                tx.dsl().insertInto(DEFAULT_SECURITY_GROUP)
                        .set(DSG_PROJECT, project).set(DSG_GROUP, id).execute();
            } catch (RuntimeException e) {
                if (SqlErrors.isUniqueViolation(e)) throw new Retryable("default group of " + project + " created concurrently");
                throw e;
            }
        }
        for (String ethertype : List.of("IPv4", "IPv6")) {
            rules.createIn(tx, rule(id, project, "egress", ethertype, null));
            if (isDefault) rules.createIn(tx, rule(id, project, "ingress", ethertype, id));
        }
    }

    private static Map<String, Object> rule(String sg, String project, String direction, String ethertype,
                                            String remoteGroup) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("security_group_id", sg);
        r.put("project_id", project);
        r.put("direction", direction);
        r.put("ethertype", ethertype);
        r.put("remote_group_id", remoteGroup);
        r.put("protocol", null);
        r.put("port_range_min", null);
        r.put("port_range_max", null);
        r.put("remote_ip_prefix", null);
        r.put("remote_address_group_id", null);
        r.put(SecurityGroupRuleHooks.TRUSTED, true);
        return r;
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (isDefaultGroup(tx, current) && changes.containsKey("name") && !"default".equals(changes.get("name"))) {
            throw NeutronException.conflict("SecurityGroupCannotUpdateDefault",
                    "Updating default security group not allowed.");
        }
        if (!isDefaultGroup(tx, current) && "default".equals(changes.get("name"))) {
            throw NeutronException.conflict("SecurityGroupDefaultAlreadyExists",
                    "Default security group already exists.");
        }
        if (changes.containsKey("stateful") && !changes.get("stateful").equals(current.get("stateful"))
                && inUse(tx, (String) current.get("id"))) {
            throw NeutronException.conflict("SecurityGroupInUse", "Security Group " + current.get("id")
                    + " in use.");
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> sg) {
        String id = (String) sg.get("id");
        if (isDefaultGroup(tx, sg) && !tx.ctx().isAdmin()) {
            throw NeutronException.conflict("SecurityGroupCannotRemoveDefault",
                    "Insufficient rights for removing default security group.");
        }
        if (inUse(tx, id)) {
            throw NeutronException.conflict("SecurityGroupInUse", "Security Group " + id + " in use.");
        }
        // rules of other groups that name this one as their remote go with it: those groups changed
        List<String> others = tx.dsl().selectDistinct(SECURITYGROUPRULES.SECURITY_GROUP_ID).from(SECURITYGROUPRULES)
                .where(SECURITYGROUPRULES.REMOTE_GROUP_ID.eq(id).and(SECURITYGROUPRULES.SECURITY_GROUP_ID.ne(id)))
                .fetch(SECURITYGROUPRULES.SECURITY_GROUP_ID);
        tx.dsl().deleteFrom(SECURITYGROUPRULES).where(SECURITYGROUPRULES.REMOTE_GROUP_ID.eq(id))
                .execute();
        groups.bumpRevisions(tx, others);
        if (rbac != null) rbac.deleteAll(tx.dsl(), id);
    }

    /** Own groups, and with rbac-security-groups those shared with the caller's project. */
    @Override
    public Condition visibleTo(Tx tx) {
        return rbac == null ? null : rbac.visibleTo(tx.ctx().projectId());
    }

    /** security-groups-shared-filtering: {@code shared} as the caller sees it. */
    @Override
    public Condition filter(Tx tx, Attribute attribute, List<String> values) {
        return rbac != null && attribute.name().equals("shared") ? rbac.sharedFilter(tx, values) : null;
    }

    private static boolean inUse(Tx tx, String id) {
        return tx.dsl().fetchExists(PORT_SECURITY_GROUPS, PORT_SECURITY_GROUPS.SECURITY_GROUP_ID.eq(id));
    }

    private static boolean isDefaultGroup(Tx tx, Map<String, Object> sg) {
        return tx.dsl().fetchExists(DEFAULT_SECURITY_GROUP, DSG_GROUP.eq((String) sg.get("id")));
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> sgs) {
        List<String> ids = new ArrayList<>();
        Map<String, List<Map<String, Object>>> byGroup = new HashMap<>();
        for (Map<String, Object> sg : sgs) {
            ids.add((String) sg.get("id"));
            byGroup.put((String) sg.get("id"), new ArrayList<>());
        }
        ResourceService ruleService = rules;
        for (Map<String, Object> r : ruleService.find(tx, Map.of("security_group_id", ids))) {
            byGroup.get((String) r.get("security_group_id"))
                    .add(Views.render(ruleService.def(), r, Set.of(), tx.ctx()));
        }
        for (Map<String, Object> sg : sgs) sg.put("security_group_rules", byGroup.get((String) sg.get("id")));
        if (rbac != null) rbac.extendShared(tx, sgs);
    }
}
