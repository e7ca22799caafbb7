package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.SQLDataType;

/**
 * The first half of a column rename by add-copy-drop: {@code neutrino_servers.version} becomes
 * {@code release} (what the registry, {@code db status} and the contract refusal call it; "version"
 * also names schema and API versions). Adds {@code release}, copies every row's {@code version}
 * into it, and lets {@code version} be NULL so that servers may stop writing it once no server of
 * an older release reads it. Servers of 0.2.0 keep running on it: they write {@code version} only,
 * and newer servers read {@code coalesce(release, version)}. Contract 1 drops {@code version}.
 */
public class V13__server_release extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.alterTable(name("neutrino_servers")).addColumn(name("release"), SQLDataType.VARCHAR(64).null_()).execute();
        dsl.update(org.jooq.impl.DSL.table(name("neutrino_servers")))
                .set(field(name("release"), String.class), field(name("version"), String.class))
                .execute();
        if (dsl.dialect().family() == SQLDialect.MARIADB) {
            // MariaDB has no ALTER COLUMN ... DROP NOT NULL: MODIFY restates the type
            dsl.alterTable(name("neutrino_servers")).alterColumn(name("version"))
                    .set(SQLDataType.VARCHAR(64).null_()).execute();
        } else {
            dsl.alterTable(name("neutrino_servers")).alterColumn(name("version")).dropNotNull().execute();
        }
    }
}
