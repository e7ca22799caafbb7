package dev.neutrino.db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** A Flyway migration written with jOOQ's DDL DSL, rendered for the database it runs on. */
public abstract class JooqMigration extends BaseJavaMigration {
    @Override
    public final void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        SQLDialect dialect = product.contains("postgres") ? SQLDialect.POSTGRES
                : product.contains("mariadb") || product.contains("mysql") ? SQLDialect.MARIADB
                : SQLDialect.H2;
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED);
        migrate(DSL.using(connection, dialect, settings));
    }

    protected abstract void migrate(DSLContext dsl);
}
