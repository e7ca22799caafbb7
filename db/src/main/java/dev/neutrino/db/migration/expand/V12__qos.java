package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;
import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * QoS (the {@code qos} family): policies, their rules (one table for every rule type, the columns of
 * the others NULL; a rule goes with its policy) and the policy of a network or a port, which the
 * {@code qos} ML2 extension driver stores. Only adds: safe while older servers run.
 */
public class V12__qos extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "qos_policies").idAndProject().standard()
                .col("name", NAME.null_())
                .col("shared", SQLDataType.BOOLEAN.notNull())
                .col("is_default", SQLDataType.BOOLEAN.notNull())
                .create();
        Ddl.table(dsl, "qos_rules")
                .col("id", UUID.notNull())
                .col("qos_policy_id", UUID.notNull())
                .col("type", SQLDataType.VARCHAR(32).notNull())
                .col("direction", SQLDataType.VARCHAR(16).null_())
                .col("max_kbps", SQLDataType.BIGINT.null_())
                .col("max_burst_kbps", SQLDataType.BIGINT.null_())
                .col("min_kbps", SQLDataType.BIGINT.null_())
                .col("dscp_mark", SQLDataType.INTEGER.null_())
                .primaryKey("id")
                .foreignKey("qos_policy_id", "qos_policies", true)
                .create();
        Ddl.index(dsl, "ix_qos_rules_policy", "qos_rules", "qos_policy_id");
        for (String table : new String[] {"networks", "ports"}) {
            dsl.alterTable(name(table)).addColumn(name("qos_policy_id"), UUID.null_()).execute();
            Ddl.index(dsl, "ix_" + table + "_qos_policy", table, "qos_policy_id");
        }
    }
}
