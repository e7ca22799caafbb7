package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.neutrino.db.migration.JooqMigration;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;

/**
 * rbac-address-scope and rbac-subnetpool: a shared address scope or subnet pool is one with a wildcard
 * {@code access_as_shared} RBAC entry, as Neutron keeps them; those shared before get theirs here,
 * owned by the object's project. Only adds rows: servers of an older release read the {@code shared}
 * column, which stays as it was.
 */
public class V19__rbac_shared_scopes_and_pools extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Field<String> id = field(name("id"), String.class);
        Field<String> project = field(name("project_id"), String.class);
        Field<Boolean> shared = field(name("shared"), Boolean.class);
        for (String[] t : new String[][] {{"address_scopes", "address_scope"}, {"subnetpools", "subnetpool"}}) {
            for (Record2<String, String> r : dsl.select(id, project).from(table(name(t[0])))
                    .where(shared.isTrue()).fetch()) {
                dsl.insertInto(table(name("rbac_policies")))
                        .set(id, UUID.randomUUID().toString())
                        .set(project, r.value2())
                        .set(field(name("object_type"), String.class), t[1])
                        .set(field(name("object_id"), String.class), r.value1())
                        .set(field(name("target_tenant"), String.class), "*")
                        .set(field(name("action"), String.class), "access_as_shared")
                        .set(field(name("revision_number"), Long.class), 0L)
                        .execute();
            }
        }
    }
}
