package dev.neutrino.ext.addressgroup;

import dev.neutrino.common.ReleaseGate;
import dev.neutrino.db.Database;
import dev.neutrino.engine.Engine;
import dev.neutrino.ext.securitygroup.SecurityGroups;
import dev.neutrino.policy.Policy;

/** Address groups ({@link AddressGroupExtension}) and the rules that name them. */
public final class AddressGroupPlugin {
    private AddressGroupPlugin() {}

    public static void install(Engine engine, Database db, Policy policy, ReleaseGate gate) {
        if (!engine.hasExtension("address-group")) return;
        var groups = engine.service(AddressGroups.DEF);
        groups.addHooks(new AddressGroupHooks());
        engine.service(SecurityGroups.RULE).addHooks(new AddressGroupRuleHooks(gate));
        AddressGroupActions actions = new AddressGroupActions(db, groups, policy);
        engine.handle(AddressGroupExtension.ADD_ADDRESSES, actions::add);
        engine.handle(AddressGroupExtension.REMOVE_ADDRESSES, actions::remove);
    }
}
