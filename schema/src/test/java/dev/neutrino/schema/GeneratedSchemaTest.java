package dev.neutrino.schema;

import static dev.neutrino.schema.Tables.IPALLOCATIONS;
import static dev.neutrino.schema.Tables.PORTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The generated tables are what the migrations create: a migration that adds a table or a column
 * the generated code does not have (the generator did not run from the migrations) fails here.
 */
class GeneratedSchemaTest {

    @Test
    void generatedTablesAndColumnsAreExactlyThoseOfTheMigratedDatabase() throws Exception {
        String url = "jdbc:h2:mem:schema_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        Map<String, TreeSet<String>> migrated = new TreeMap<>();
        try (Database db = new Database(new DatabaseUrl(url, "sa", "", SQLDialect.H2), 2)) {
            assertThat(new Schema(db).upgradeAll()).isPositive();
            db.tx(dsl -> {
                for (var r : dsl.resultQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC'").fetch()) {
                    String table = r.get(0, String.class);
                    if (table.startsWith("neutrino_schema_")) continue; // Flyway's history tables
                    migrated.computeIfAbsent(table, t -> new TreeSet<>()).add(r.get(1, String.class));
                }
                return null;
            });
        }
        Map<String, TreeSet<String>> generated = new TreeMap<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            TreeSet<String> columns = new TreeSet<>();
            for (Field<?> f : t.fields()) columns.add(f.getName());
            generated.put(t.getName(), columns);
        }
        assertThat(migrated).as("tables of the migrated database").isNotEmpty().containsKey("ports");
        assertThat(generated).as("generated tables and columns (the generator must run from the migrations: mvn -pl db,schema install)")
                .isEqualTo(migrated);
    }

    @Test
    void rendersQuotedLowercaseNamesWithoutSchemaOrCatalog() {
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED);
        var query = DSL.select(PORTS.ID, IPALLOCATIONS.IP_ADDRESS).from(PORTS)
                .join(IPALLOCATIONS).on(IPALLOCATIONS.PORT_ID.eq(PORTS.ID))
                .where(PORTS.NETWORK_ID.eq("n"));
        assertThat(DSL.using(SQLDialect.POSTGRES, settings).renderInlined(query)).isEqualTo(
                "select \"ports\".\"id\", \"ipallocations\".\"ip_address\" from \"ports\" join \"ipallocations\" "
                + "on \"ipallocations\".\"port_id\" = \"ports\".\"id\" where \"ports\".\"network_id\" = 'n'");
        assertThat(DSL.using(SQLDialect.MARIADB, settings).renderInlined(query)).isEqualTo(
                "select `ports`.`id`, `ipallocations`.`ip_address` from `ports` join `ipallocations` "
                + "on `ipallocations`.`port_id` = `ports`.`id` where `ports`.`network_id` = 'n'");
        // VARCHAR without length (see the forced type in pom.xml): H2 would truncate cast(? as varchar(36))
        assertThat(DSL.using(SQLDialect.H2, settings).render(DSL.deleteFrom(PORTS).where(PORTS.ID.eq("x"))))
                .isEqualTo("delete from \"ports\" where \"ports\".\"id\" = cast(? as varchar)");
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            assertThat(t.getQualifiedName().getName()).as("unqualified name of %s", t.getName())
                    .containsExactly(t.getName());
            assertThat(t.getName()).isLowerCase();
        }
    }
}
