package dev.neutrino.ext.securitygroup;

import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ext.core.api.SecurityGroupLookup;

/** Security groups and their rules ({@link SecurityGroupExtension}). */
public final class SecurityGroupPlugin {
    private SecurityGroupPlugin() {}

    /** Attaches the hooks; returns what the core's ports use of security groups. */
    public static SecurityGroupLookup install(Engine engine, Database db) {
        ResourceService groups = engine.service(SecurityGroups.GROUP);
        ResourceService rules = engine.service(SecurityGroups.RULE);
        SecurityGroupHooks hooks = new SecurityGroupHooks(db, groups, rules);
        groups.addHooks(hooks);
        rules.addHooks(new SecurityGroupRuleHooks(groups));
        return hooks;
    }
}
