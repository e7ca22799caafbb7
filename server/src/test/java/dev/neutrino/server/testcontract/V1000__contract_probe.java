package dev.neutrino.server.testcontract;

import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/** A contract migration for tests of {@code db upgrade --contract}: it leaves a mark it ran. */
public class V1000__contract_probe extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.createTable(name("contract_probe")).column(name("ran"), SQLDataType.BOOLEAN).execute();
    }
}
