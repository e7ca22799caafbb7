package dev.neutrino.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.model.Attribute;
import dev.neutrino.model.ResourceDef;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** Every attribute an extension declares as stored has its column once the migrations ran. */
class SchemaTest {
    @Test
    void everyStoredAttributeOfEveryDeclaredResourceHasItsColumn() throws Exception {
        try (Database db = new Database(new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "", SQLDialect.H2), 2)) {
            new Schema(db).upgradeAll();
            Config all = Config.defaults(NeutrinoOptions.ALL).with(Ml2Options.EXTENSION_DRIVERS,
                    Neutrino.EXTENSION_DRIVERS.stream().map(d -> d.name()).toList());
            List<ResourceService> services = List.copyOf(new Neutrino(all, db).engine().services());
            assertThat(services).hasSizeGreaterThanOrEqualTo(11);
            for (ResourceService svc : services) {
                ResourceDef def = svc.def();
                Set<String> columns = columns(db, def.table());
                assertThat(columns).as("table %s exists", def.table()).isNotEmpty();
                for (Attribute a : def.columns()) {
                    assertThat(columns).as("%s.%s (%s) has a column", def.singular(), a.name(), a.extensionAlias())
                            .contains(a.column().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private static Set<String> columns(Database db, String table) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = db.dataSource().getConnection()) {
            for (String t : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (var rs = c.getMetaData().getColumns(null, null, t, null)) {
                    while (rs.next()) out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }
}
