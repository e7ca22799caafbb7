package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.neutrino.common.Cidr;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.SQLDataType;

/**
 * security-groups-normalized-cidr: a rule's {@code normalized_cidr} (its remote_ip_prefix without host
 * bits) as a column, since neutron-lib makes it a filter and a sort key; existing rules get theirs
 * here. Only adds: servers of an older release leave it NULL on the rules they create, and newer
 * servers show such a rule's value computed from its prefix.
 */
public class V18__sg_rule_normalized_cidr extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.alterTable(name("securitygrouprules")).addColumn(name("normalized_cidr"), SQLDataType.VARCHAR(64).null_())
                .execute();
        Field<String> id = field(name("id"), String.class);
        Field<String> prefix = field(name("remote_ip_prefix"), String.class);
        Field<String> normalized = field(name("normalized_cidr"), String.class);
        for (Record2<String, String> r : dsl.select(id, prefix).from(table(name("securitygrouprules")))
                .where(prefix.isNotNull()).fetch()) {
            dsl.update(table(name("securitygrouprules")))
                    .set(normalized, Cidr.parse(r.value2()).canonical().toString())
                    .where(id.eq(r.value1())).execute();
        }
    }
}
