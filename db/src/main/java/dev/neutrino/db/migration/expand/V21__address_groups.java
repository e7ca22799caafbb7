package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;
import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * address-group: address groups and their addresses (CIDRs without host bits, as Neutron's
 * address_associations holds them, the pair the key), and security group rules' remote address group
 * (whose column exists since V1; a group named by a rule cannot go). Only adds.
 */
public class V21__address_groups extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "address_groups").idAndProject().standard()
                .col("name", NAME.null_())
                .create();
        Ddl.index(dsl, "ix_address_groups_project_id", "address_groups", "project_id");
        Ddl.table(dsl, "address_associations")
                .col("address", SQLDataType.VARCHAR(64).notNull())
                .col("address_group_id", UUID.notNull())
                .primaryKey("address", "address_group_id")
                .foreignKey("address_group_id", "address_groups", true)
                .create();
        Ddl.index(dsl, "ix_address_associations_group", "address_associations", "address_group_id");
        Ddl.index(dsl, "ix_securitygrouprules_remote_ag", "securitygrouprules", "remote_address_group_id");
    }
}
