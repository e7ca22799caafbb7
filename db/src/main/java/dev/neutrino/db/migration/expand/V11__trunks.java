package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * The trunk extension: trunks (one per parent port, {@code port_id} unique) and their subports, as
 * Neutron's trunks and subports tables hold them. A port is the subport of at most one trunk (its
 * id is the key), and a trunk uses a segmentation (type, id) once: the unique key keeps it so across
 * concurrent requests and server processes. Both go with their port, subports with their trunk.
 */
public class V11__trunks extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "trunks").idAndProject().standard()
                .col("name", NAME.null_())
                .col("admin_state_up", SQLDataType.BOOLEAN.notNull().defaultValue(true))
                .col("status", SQLDataType.VARCHAR(16).notNull())
                .col("port_id", UUID.notNull())
                .unique("uniq_trunks_port_id", "port_id")
                .foreignKey("port_id", "ports", true)
                .create();
        Ddl.index(dsl, "ix_trunks_project_id", "trunks", "project_id");

        Ddl.table(dsl, "subports")
                .col("port_id", UUID.notNull())
                .col("trunk_id", UUID.notNull())
                .col("segmentation_type", SQLDataType.VARCHAR(32).notNull())
                .col("segmentation_id", SQLDataType.INTEGER.notNull())
                .primaryKey("port_id")
                .unique("uniq_subport0trunk_id0segmentation_type0segmentation_id",
                        "trunk_id", "segmentation_type", "segmentation_id")
                .foreignKey("port_id", "ports", true)
                .foreignKey("trunk_id", "trunks", true)
                .create();
        Ddl.index(dsl, "ix_subports_trunk_id", "subports", "trunk_id");
    }
}
