package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.neutrino.common.IpAddress;
import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;

/**
 * ipallocations.ip_order: the address as fixed-width hex ({@link IpAddress#sortKey()}), indexed with
 * the subnet, so that a free address is found by reading used addresses in address order from a
 * point on (an ordered, limited index scan) instead of loading all of the subnet's allocations.
 * Nullable: rows written by a server that predates it simply are not seen by that scan (the
 * primary key still refuses a second holder of an address).
 */
public class V5__ipallocation_order extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.alterTable(name("ipallocations")).addColumn(name("ip_order"), SQLDataType.VARCHAR(32).null_()).execute();
        Field<String> subnet = field(name("subnet_id"), String.class);
        Field<String> ip = field(name("ip_address"), String.class);
        Field<String> order = field(name("ip_order"), String.class);
        for (Record r : dsl.select(subnet, ip).from(table(name("ipallocations"))).fetch()) {
            IpAddress a = IpAddress.tryParse(r.get(ip));
            if (a == null) continue;
            dsl.update(table(name("ipallocations"))).set(order, a.sortKey())
                    .where(subnet.eq(r.get(subnet)).and(ip.eq(r.get(ip)))).execute();
        }
        Ddl.index(dsl, "ix_ipallocations_subnet_order", "ipallocations", "subnet_id", "ip_order");
    }
}
