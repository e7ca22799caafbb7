package dev.neutrino.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaTest {
    static java.util.List<String> kinds() {
        return TestDb.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void migratesAnEmptyDatabaseOnceAndReportsItsStatus(String kind) throws Exception {
        try (TestDb t = TestDb.create(kind); Database db = new Database(t.url, 2)) {
            Schema schema = new Schema(db);
            assertThat(schema.isEmpty()).isTrue();
            assertThat(schema.upgradeAll()).isPositive();
            assertThat(schema.isEmpty()).isFalse();
            assertThat(schema.upgradeAll()).as("second upgrade is a no-op").isZero();
            Schema.Status expand = schema.status(Schema.Phase.EXPAND);
            assertThat(expand.pending()).isZero();
            assertThat(expand.isNewerThanCode()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSchemaNewerThanTheCodeIsReported(String kind) throws Exception {
        try (TestDb t = TestDb.create(kind); Database db = new Database(t.url, 2)) {
            Schema schema = new Schema(db);
            schema.upgradeAll();
            db.run(dsl -> dsl.execute("INSERT INTO " + dsl.render(org.jooq.impl.DSL.name("neutrino_schema_expand"))
                    + " (" + dsl.render(org.jooq.impl.DSL.name("installed_rank")) + ", "
                    + dsl.render(org.jooq.impl.DSL.name("version")) + ", "
                    + dsl.render(org.jooq.impl.DSL.name("description")) + ", "
                    + dsl.render(org.jooq.impl.DSL.name("type")) + ", "
                    + dsl.render(org.jooq.impl.DSL.name("script")) + ", "
                    + dsl.render(org.jooq.impl.DSL.name("checksum")) + ", "
                    + dsl.render(org.jooq.impl.DSL.name("installed_by")) + ", "
                    + dsl.render(org.jooq.impl.DSL.name("execution_time")) + ", "
                    + dsl.render(org.jooq.impl.DSL.name("success"))
                    + ") VALUES (99, '999', 'from the future', 'JDBC', 'V999__future', NULL, 'test', 1, TRUE)"));
            assertThat(schema.status(Schema.Phase.EXPAND).unknown()).containsExactly("999");
            assertThat(schema.status(Schema.Phase.EXPAND).isNewerThanCode()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void transientFailuresRunTheTransactionAgainAndOthersDoNot(String kind) throws Exception {
        try (TestDb t = TestDb.create(kind); Database db = new Database(t.url, 2)) {
            int[] attempts = {0};
            String result = db.tx(dsl -> {
                if (++attempts[0] < 3) throw new Retryable("lost a race");
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(attempts[0]).isEqualTo(3);
            int[] once = {0};
            assertThatThrownBy(() -> db.tx(dsl -> {
                once[0]++;
                throw new IllegalStateException("a bug");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(once[0]).isEqualTo(1);
        }
    }


}
