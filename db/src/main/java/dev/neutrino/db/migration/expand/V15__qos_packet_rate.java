package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * QoS packet rate rules (qos-pps, qos-pps-minimum): their parameters as columns of {@code qos_rules},
 * NULL for the other rule types, as V12 keeps every type in one table. Only adds: safe while older
 * servers run (they neither read nor write these columns, nor rules of these types).
 */
public class V15__qos_packet_rate extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        for (String column : new String[] {"max_kpps", "max_burst_kpps", "min_kpps"}) {
            dsl.alterTable(name("qos_rules")).addColumn(name(column), SQLDataType.BIGINT.null_()).execute();
        }
    }
}
