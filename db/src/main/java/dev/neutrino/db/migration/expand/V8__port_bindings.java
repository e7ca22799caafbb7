package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.JSON;
import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * The binding-extended extension: a port's INACTIVE bindings, one per host (ML2's
 * ml2_port_bindings rows with status INACTIVE). The ACTIVE binding stays in the port's
 * {@code binding_*} columns; a binding goes with its port.
 */
public class V8__port_bindings extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "port_bindings_inactive")
                .col("port_id", UUID.notNull())
                .col("host", NAME.notNull())
                .col("vnic_type", SQLDataType.VARCHAR(64).notNull())
                .col("profile", JSON.null_())
                .col("vif_type", SQLDataType.VARCHAR(64).notNull())
                .col("vif_details", JSON.null_())
                .primaryKey("port_id", "host")
                .foreignKey("port_id", "ports", true)
                .create();
    }
}
