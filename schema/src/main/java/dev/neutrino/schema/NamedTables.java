package dev.neutrino.schema;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The generated tables looked up by name, for code that gets a table's name at run time (a
 * {@code ResourceDef}'s table) and needs a column every such table has (project_id, revision_number...).
 * Names that the migrations do not create fail here, not in the database.
 */
public final class NamedTables {
    private NamedTables() { }

    /** The generated table {@code name}, or null when the migrations create no such table. */
    @SuppressWarnings("unchecked")
    public static Table<Record> find(String name) {
        return name == null ? null : (Table<Record>) DefaultSchema.DEFAULT_SCHEMA.getTable(name);
    }

    /** The generated table {@code name}; IllegalArgumentException when the migrations create no such table. */
    public static Table<Record> get(String name) {
        Table<Record> t = find(name);
        if (t == null) throw new IllegalArgumentException("no table " + name + " in the schema");
        return t;
    }

    /**
     * The generated column {@code column} of {@code table}, as {@code type}; IllegalArgumentException
     * when the table has no such column.
     */
    @SuppressWarnings("unchecked")
    public static <T> Field<T> column(Table<?> table, String column, Class<T> type) {
        Field<?> f = table.field(column);
        if (f == null) throw new IllegalArgumentException("no column " + column + " in table " + table.getName());
        return f.getType() == type ? (Field<T>) f : f.coerce(type);
    }
}
