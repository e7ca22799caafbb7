package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * ML2 segments of networks (provider attributes). {@code allocation_key} names what a segment holds
 * exclusively ("vlan:physnet1:100", "geneve:5001", "flat:physnet1"); its unique index is what keeps
 * two networks, from any server process, off the same VLAN, VNI or flat physical network.
 */
public class V2__network_segments extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "network_segments").idAndProject().standard()
                .col("name", NAME.null_())
                .col("network_id", UUID.notNull())
                .col("network_type", SQLDataType.VARCHAR(32).notNull())
                .col("physical_network", SQLDataType.VARCHAR(64).null_())
                .col("segmentation_id", SQLDataType.INTEGER.null_())
                .col("segment_index", SQLDataType.INTEGER.notNull())
                .col("is_dynamic", SQLDataType.BOOLEAN.notNull())
                .col("allocation_key", SQLDataType.VARCHAR(128).null_())
                .unique("uniq_network_segments_allocation_key", "allocation_key")
                .foreignKey("network_id", "networks", true)
                .create();
        Ddl.index(dsl, "ix_network_segments_network_id", "network_segments", "network_id");
    }
}
