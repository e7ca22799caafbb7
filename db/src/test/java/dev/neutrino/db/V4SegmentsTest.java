package dev.neutrino.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * V4 on a database that V1 to V3 filled: a subnet segment_id naming no segment (stored unchecked
 * before) is cleared, a real one stays, and from then on the database refuses dangling ones and
 * a second segment of one network with the same type and physical network.
 */
class V4SegmentsTest {
    static java.util.List<String> kinds() {
        return TestDb.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void danglingSegmentIdsAreClearedAndThenRefused(String kind) throws Exception {
        try (TestDb t = TestDb.create(kind); Database db = new Database(t.url, 2)) {
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:dev/neutrino/db/migration/expand")
                    .table("neutrino_schema_expand").baselineOnMigrate(true).baselineVersion("0").target("3")
                    .load().migrate();
            db.run(dsl -> {
                network(dsl, "n1");
                segment(dsl, "s1", "n1", "physnet1");
                subnet(dsl, "sub-real", "n1", "s1", "10.0.0.0/24");
                subnet(dsl, "sub-dangling", "n1", "no-such-segment", "10.0.1.0/24");
                subnet(dsl, "sub-none", "n1", null, "10.0.2.0/24");
            });
            new Schema(db).upgradeAll();
            db.run(dsl -> {
                assertThat(segmentOf(dsl, "sub-real")).isEqualTo("s1");
                assertThat(segmentOf(dsl, "sub-dangling")).isNull();
                assertThat(segmentOf(dsl, "sub-none")).isNull();
            });
            assertThatThrownBy(() -> db.run(dsl -> subnet(dsl, "sub-bad", "n1", "no-such-segment", "10.0.3.0/24")))
                    .satisfies(e -> assertThat(SqlErrors.isForeignKeyViolation(e)).as(e.toString()).isTrue());
            assertThatThrownBy(() -> db.run(dsl -> dsl.deleteFrom(table(name("network_segments")))
                    .where(field(name("id")).eq("s1")).execute()))
                    .satisfies(e -> assertThat(SqlErrors.isForeignKeyViolation(e)).as(e.toString()).isTrue());
            assertThatThrownBy(() -> db.run(dsl -> segment(dsl, "s2", "n1", "physnet1")))
                    .satisfies(e -> assertThat(SqlErrors.isUniqueViolation(e)).as(e.toString()).isTrue());
            db.run(dsl -> {
                segment(dsl, "s3", "n1", null);
                segment(dsl, "s4", "n1", null); // NULL physical networks never collide, as in Neutron
            });
        }
    }

    private static void network(DSLContext dsl, String id) {
        dsl.insertInto(table(name("networks"))).set(field(name("id")), id).set(field(name("project_id")), "p")
                .set(field(name("name")), id).set(field(name("status")), "ACTIVE")
                .set(field(name("admin_state_up")), true).set(field(name("shared")), false)
                .set(field(name("router_external")), false).set(field(name("mtu")), 1500)
                .set(field(name("port_security_enabled")), true).set(field(name("revision_number")), 1L)
                .set(field(name("created_at")), LocalDateTime.now().withNano(0)).execute();
    }

    private static void segment(DSLContext dsl, String id, String network, String physnet) {
        dsl.insertInto(table(name("network_segments"))).set(field(name("id")), id)
                .set(field(name("network_id")), network)
                .set(field(name("network_type")), physnet == null ? "geneve" : "flat")
                .set(field(name("physical_network")), physnet).set(field(name("segment_index")), 0)
                .set(field(name("is_dynamic")), false).set(field(name("revision_number")), 1L).execute();
    }

    private static void subnet(DSLContext dsl, String id, String network, String segment, String cidr) {
        dsl.insertInto(table(name("subnets"))).set(field(name("id")), id).set(field(name("project_id")), "p")
                .set(field(name("network_id")), network).set(field(name("ip_version")), 4)
                .set(field(name("cidr")), cidr).set(field(name("enable_dhcp")), true)
                .set(field(name("segment_id")), segment).set(field(name("revision_number")), 1L).execute();
    }

    private static String segmentOf(DSLContext dsl, String subnet) {
        return dsl.select(field(name("segment_id"), String.class)).from(table(name("subnets")))
                .where(field(name("id")).eq(subnet)).fetchOne(0, String.class);
    }
}
