package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * Exact quotas across servers: a create first reserves its amount in a short transaction of its
 * own, serialized per project and resource by a row of {@code quota_locks}, counting what is
 * created plus what others have reserved; its own transaction then removes the reservation with
 * the rows it creates. A reservation left by a server that died expires.
 */
public class V10__quota_reservations extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "quota_locks")
                .col("project_id", SQLDataType.VARCHAR(255).notNull())
                .col("resource", SQLDataType.VARCHAR(255).notNull())
                .primaryKey("project_id", "resource")
                .create();
        Ddl.table(dsl, "quota_reservations")
                .col("id", UUID.notNull())
                .col("project_id", SQLDataType.VARCHAR(255).notNull())
                .col("resource", SQLDataType.VARCHAR(255).notNull())
                .col("amount", SQLDataType.INTEGER.notNull())
                .col("expires_at", SQLDataType.LOCALDATETIME(0).notNull())
                .primaryKey("id")
                .create();
        Ddl.index(dsl, "ix_quota_reservations_project", "quota_reservations", "project_id", "resource");
    }
}
