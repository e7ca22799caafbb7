package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;

/**
 * The segment extension: a subnet's segment_id now references its segment (as Neutron's
 * subnets.segment_id does), so a segment with subnets cannot go even when two requests race; and
 * Neutron's unique (network_id, network_type, physical_network) on segments. network_segments
 * already has the standard attribute columns (V2). Before this version segment_id was stored
 * unchecked: values that name no segment are cleared first, since they could never be used.
 */
public class V4__segments extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.update(table(name("subnets"))).set(field(name("segment_id")), (Object) null)
                .where(field(name("segment_id")).isNotNull())
                .and(notExists(selectOne().from(table(name("network_segments")))
                        .where(field(name("network_segments", "id")).eq(field(name("subnets", "segment_id"))))))
                .execute();
        Ddl.index(dsl, "ix_subnets_segment_id", "subnets", "segment_id");
        dsl.alterTable(name("subnets")).add(constraint(name("fk_subnets_segment_id")).foreignKey(name("segment_id"))
                .references(name("network_segments"), name("id"))).execute();
        dsl.alterTable(name("network_segments")).add(constraint(name("uniq_network_segments_network_type_physnet"))
                .unique(name("network_id"), name("network_type"), name("physical_network"))).execute();
    }
}
