package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * The auto-allocated-topology extension: {@code networks.is_default} (the default external network;
 * NULL reads as false) and {@code auto_allocated_topologies}, one row per project naming the network
 * and router made for it (the primary key keeps it to one topology even when two requests race; the
 * row goes with its network).
 */
public class V7__auto_allocated_topology extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.alterTable(name("networks")).addColumn(name("is_default"), SQLDataType.BOOLEAN.null_()).execute();
        Ddl.table(dsl, "auto_allocated_topologies")
                .col("project_id", SQLDataType.VARCHAR(255).notNull())
                .col("network_id", Ddl.UUID.notNull())
                .col("router_id", Ddl.UUID.null_())
                .primaryKey("project_id")
                .foreignKey("network_id", "networks", true)
                .create();
    }
}
