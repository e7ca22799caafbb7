package dev.neutrino.ext.securitygroup;

import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.PORT_SECURITY_GROUPS;
import static dev.neutrino.schema.Tables.SECURITYGROUPS;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ext.core.api.SecurityGroupLookup;
import dev.neutrino.ext.rbac.RbacPolicies;
import dev.neutrino.ext.rbac.api.SharedObjectRbac;
import java.util.HashSet;

/** Security groups and their rules ({@link SecurityGroupExtension}). */
public final class SecurityGroupPlugin {
    private SecurityGroupPlugin() {}

    /** Attaches the hooks; returns what the core's ports use of security groups. */
    public static SecurityGroupLookup install(Engine engine, Database db) {
        ResourceService groups = engine.service(SecurityGroups.GROUP);
        ResourceService rules = engine.service(SecurityGroups.RULE);
        SharedObjectRbac rbac = engine.hasExtension("rbac-security-groups") ? RBAC : null;
        SecurityGroupHooks hooks = new SecurityGroupHooks(db, groups, rules, rbac);
        groups.addHooks(hooks);
        rules.addHooks(new SecurityGroupRuleHooks(groups));
        if (rbac != null) engine.service(RbacPolicies.DEF).addHooks(rbac.entryHooks());
        return hooks;
    }

    /**
     * rbac-security-groups: a group shared with a project may be seen and put on that project's ports
     * (and, as Zed's _check_security_group lets it, given rules); the projects of the ports that have a
     * group use it (SecurityGroup.get_bound_project_ids).
     */
    static final SharedObjectRbac RBAC = new SharedObjectRbac("security_group", SECURITYGROUPS,
            SECURITYGROUPS.ID, SECURITYGROUPS.PROJECT_ID, null,
            (dsl, id) -> new HashSet<>(dsl.selectDistinct(PORTS.PROJECT_ID).from(PORTS).join(PORT_SECURITY_GROUPS)
                    .on(PORT_SECURITY_GROUPS.PORT_ID.eq(PORTS.ID))
                    .where(PORT_SECURITY_GROUPS.SECURITY_GROUP_ID.eq(id)).fetch(PORTS.PROJECT_ID)),
            "neutron.objects.securitygroup.RbacNeutronDbObjectMixin",
            id -> dev.neutrino.common.NeutronException.notFound("security_group", id));
}
