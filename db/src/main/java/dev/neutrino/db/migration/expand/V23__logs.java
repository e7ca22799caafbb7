package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * logging: network log objects as Zed's {@code logs} table keeps them (neutron/db/models/loggingapi.py:
 * name, resource_type, resource_id and target_id indexed, event, enabled), with the standard attributes
 * in the row as every Neutrino resource has them. No foreign keys, as in Zed: the security group or
 * port a log names is checked by the API, and a log goes with its group or port (LoggingPlugin's
 * _clean_logs). Only adds (V22 is DNS's).
 */
public class V23__logs extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "logs").idAndProject().standard()
                .col("name", NAME.null_())
                .col("resource_type", SQLDataType.VARCHAR(36).notNull())
                .col("resource_id", UUID.null_())
                .col("target_id", UUID.null_())
                .col("event", SQLDataType.VARCHAR(255).notNull())
                .col("enabled", SQLDataType.BOOLEAN.null_())
                .create();
        Ddl.index(dsl, "ix_logs_project_id", "logs", "project_id");
        Ddl.index(dsl, "ix_logs_resource_id", "logs", "resource_id");
        Ddl.index(dsl, "ix_logs_target_id", "logs", "target_id");
    }
}
