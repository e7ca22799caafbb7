package dev.neutrino.db.migration.contract;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The second half of {@code neutrino_servers.version} renamed {@code release} (expand V13): copies
 * the release of rows that older servers wrote after the expand (they know only {@code version}),
 * then drops {@code version}. {@code db upgrade --contract} runs it only when no live server of an
 * older release is registered.
 */
public class V1__server_release_only extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.update(DSL.table(name("neutrino_servers")))
                .set(field(name("release"), String.class), field(name("version"), String.class))
                .where(field(name("release")).isNull())
                .execute();
        dsl.alterTable(name("neutrino_servers")).dropColumn(name("version")).execute();
    }
}
