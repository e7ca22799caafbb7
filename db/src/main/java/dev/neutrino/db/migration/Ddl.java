package dev.neutrino.db.migration;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.name;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Small vocabulary for migrations written with jOOQ's DDL DSL, so that one migration renders the
 * right SQL for H2, PostgreSQL and MariaDB. Migrations are history: never edit one that has shipped.
 */
public final class Ddl {
    public static final DataType<String> UUID = SQLDataType.VARCHAR(36);
    public static final DataType<String> NAME = SQLDataType.VARCHAR(255);
    public static final DataType<String> JSON = SQLDataType.CLOB;

    private final DSLContext dsl;
    private final String table;
    private final List<Field<?>> columns = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();

    private Ddl(DSLContext dsl, String table) {
        this.dsl = dsl;
        this.table = table;
    }

    public static Ddl table(DSLContext dsl, String table) {
        return new Ddl(dsl, table);
    }

    public Ddl col(String column, DataType<?> type) {
        columns.add(DSL.field(name(column), type));
        return this;
    }

    /** id (primary key) and project_id, as every Neutron resource has. */
    public Ddl idAndProject() {
        col("id", UUID.notNull());
        col("project_id", SQLDataType.VARCHAR(255).null_());
        constraints.add(constraint(name("pk_" + table)).primaryKey(name("id")));
        return this;
    }

    /** The standard attributes: description, timestamps, revision number. */
    public Ddl standard() {
        col("description", SQLDataType.VARCHAR(255).null_());
        col("created_at", SQLDataType.LOCALDATETIME(0).null_());
        col("updated_at", SQLDataType.LOCALDATETIME(0).null_());
        col("revision_number", SQLDataType.BIGINT.notNull().defaultValue(0L));
        return this;
    }

    public Ddl primaryKey(String... cols) {
        constraints.add(constraint(name("pk_" + table)).primaryKey(names(cols)));
        return this;
    }

    public Ddl unique(String constraintName, String... cols) {
        constraints.add(constraint(name(constraintName)).unique(names(cols)));
        return this;
    }

    public Ddl foreignKey(String column, String refTable, boolean cascade) {
        var fk = constraint(name("fk_" + table + "_" + column)).foreignKey(name(column))
                .references(name(refTable), name("id"));
        constraints.add(cascade ? fk.onDeleteCascade() : fk);
        return this;
    }

    public void create() {
        CreateTableElementListStep step = dsl.createTable(name(table)).columns(columns);
        step.constraints(constraints).execute();
    }

    public static void index(DSLContext dsl, String indexName, String table, String... cols) {
        dsl.createIndex(name(indexName)).on(name(table), names(cols)).execute();
    }

    private static org.jooq.Name[] names(String... cols) {
        org.jooq.Name[] out = new org.jooq.Name[cols.length];
        for (int i = 0; i < cols.length; i++) out[i] = name(cols[i]);
        return out;
    }
}
