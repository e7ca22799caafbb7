package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * The servers running on this database, each with its release, what a rolling upgrade needs to
 * know: {@code db upgrade --contract} is refused while a server older than the code running it is
 * alive, and features the contracted schema allows stay off until no such server is left. A
 * server adds its row when it starts, renews {@code heartbeat_at} while it runs and removes the
 * row when it stops; a row whose heartbeat is old belongs to a server that died.
 */
public class V9__server_registry extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "neutrino_servers")
                .col("id", UUID.notNull())
                .col("host", NAME.notNull())
                .col("pid", SQLDataType.BIGINT.notNull())
                .col("version", SQLDataType.VARCHAR(64).notNull())
                .col("started_at", SQLDataType.LOCALDATETIME(0).notNull())
                .col("heartbeat_at", SQLDataType.LOCALDATETIME(0).notNull())
                .primaryKey("id")
                .create();
    }
}
