package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.SQLDataType;

/**
 * What ML2's extension drivers store: {@code ports.numa_affinity_policy} (port_numa_affinity_policy)
 * and {@code ports.device_profile} (port_device_profile), and {@code port_security_enabled} of
 * networks and ports may now be NULL: a row written while the port_security driver is not loaded
 * has no value (as Neutron has no port security binding row then). Only adds and relaxes: safe
 * while older servers run (they always write the columns they know).
 */
public class V6__extension_drivers extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.alterTable(name("ports")).addColumn(name("numa_affinity_policy"), SQLDataType.VARCHAR(16).null_()).execute();
        dsl.alterTable(name("ports")).addColumn(name("device_profile"), SQLDataType.VARCHAR(255).null_()).execute();
        for (String table : new String[] {"networks", "ports"}) {
            if (dsl.dialect().family() == SQLDialect.MARIADB) {
                // MariaDB has no ALTER COLUMN ... DROP NOT NULL: MODIFY restates the type
                dsl.alterTable(name(table)).alterColumn(name("port_security_enabled"))
                        .set(SQLDataType.BOOLEAN.null_()).execute();
            } else {
                dsl.alterTable(name(table)).alterColumn(name("port_security_enabled")).dropNotNull().execute();
            }
        }
    }
}
