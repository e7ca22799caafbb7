package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * vlan-transparent and qinq: a network's {@code vlan_transparent} and {@code qinq}, NULL for networks
 * made before (shown as false, as Neutron's get_vlan_transparent reads an unset value). Only adds
 * columns: servers of an older release neither read nor write them.
 */
public class V20__network_vlan_transparency extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        for (String column : new String[] {"vlan_transparent", "qinq"}) {
            dsl.alterTable(name("networks")).addColumn(name(column), SQLDataType.BOOLEAN.null_()).execute();
        }
    }
}
