package dev.neutrino.db;

import static org.jooq.impl.DSL.name;

import dev.neutrino.common.Json;
import dev.neutrino.model.Attribute;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Storage;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The generic table mapping of a {@link ResourceDef}: each {@link Storage#COLUMN} attribute is a
 * column named after it, each {@link Storage#JSON} attribute a text column holding JSON. Values go in
 * and come out as the API's canonical Java values (String, Boolean, Integer, List, Map; timestamps as
 * Neutron's "2024-01-31T12:00:00Z" strings).
 */
public final class ResourceStore {
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final ResourceDef def;
    private final Table<Record> table;
    private final Map<String, Field<Object>> fields = new LinkedHashMap<>();
    private final List<Field<?>> select = new ArrayList<>();

    public ResourceStore(ResourceDef def) {
        this.def = def;
        this.table = DSL.table(name(def.table()));
        for (Attribute a : def.columns()) {
            Field<Object> f = DSL.field(name(def.table(), a.column()), Object.class);
            fields.put(a.name(), f);
            select.add(typed(a));
        }
    }

    public ResourceDef def() { return def; }
    public Table<Record> table() { return table; }

    /** The column of a stored attribute, or null when the attribute is not a column. */
    public Field<Object> field(String attribute) {
        return fields.get(attribute);
    }

    private Field<?> typed(Attribute a) {
        Field<?> f = switch (a.type()) {
            case BOOLEAN -> DSL.field(name(def.table(), a.column()), SQLDataType.BOOLEAN);
            case INTEGER -> DSL.field(name(def.table(), a.column()), SQLDataType.BIGINT);
            // strings, and timestamps as the database's text ("2024-01-31 12:00:00"): no
            // Calendar/LocalDateTime per row
            default -> DSL.field(name(def.table(), a.column()), SQLDataType.VARCHAR);
        };
        return a.storage() == Storage.JSON ? DSL.field(name(def.table(), a.column()), SQLDataType.CLOB) : f;
    }

    public Map<String, Object> find(DSLContext dsl, String id) {
        Record r = dsl.select(select).from(table).where(fields.get("id").eq(id)).fetchOne();
        return r == null ? null : toMap(r);
    }

    public Map<String, Object> findForUpdate(DSLContext dsl, String id) {
        Record r = dsl.select(select).from(table).where(fields.get("id").eq(id)).forUpdate().fetchOne();
        return r == null ? null : toMap(r);
    }

    public List<Map<String, Object>> list(DSLContext dsl, Condition where, Collection<? extends SortField<?>> order,
                                          int limit) {
        var q = dsl.select(select).from(table).where(where).orderBy(order);
        var result = limit > 0 ? q.limit(limit).fetch() : q.fetch();
        List<Map<String, Object>> out = new ArrayList<>(result.size());
        for (Record r : result) out.add(toMap(r));
        return out;
    }

    /**
     * Opens a database cursor over the matching rows, read {@code fetchSize} rows per round trip
     * (PostgreSQL needs the transaction that {@link Database#read()} gives: autocommit off). The
     * caller closes it.
     */
    public Rows open(DSLContext dsl, Condition where, Collection<? extends SortField<?>> order, int limit,
                     int fetchSize) {
        var q = dsl.select(select).from(table).where(where).orderBy(order);
        return new Rows((limit > 0 ? q.limit(limit) : q).fetchSize(fetchSize).fetchLazy());
    }

    /** Rows of an open cursor, as maps, some at a time. */
    public final class Rows implements AutoCloseable {
        private final Cursor<Record> cursor;

        private Rows(Cursor<Record> cursor) {
            this.cursor = cursor;
        }

        /** Up to {@code n} more rows; fewer only at the end. */
        public List<Map<String, Object>> next(int n) {
            List<Map<String, Object>> out = new ArrayList<>(Math.min(n, 1024));
            while (out.size() < n && cursor.hasNext()) out.add(toMap(cursor.fetchNext()));
            return out;
        }

        @Override
        public void close() {
            cursor.close();
        }
    }

    public int count(DSLContext dsl, Condition where) {
        return dsl.fetchCount(table, where);
    }

    public void insert(DSLContext dsl, Map<String, Object> resource) {
        insertQuery(dsl, resource).execute();
    }

    /** The insert of {@link #insert}, not executed (e.g. for a batch). */
    public org.jooq.Query insertQuery(DSLContext dsl, Map<String, Object> resource) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        for (Attribute a : def.columns()) {
            if (resource.containsKey(a.name())) {
                values.put(DSL.field(name(a.column())), toDb(a, resource.get(a.name())));
            }
        }
        return dsl.insertInto(table).set(values);
    }

    /**
     * Writes {@code changes}; when {@code expectedRevision} is not null the row is written only if its
     * revision_number still is that (optimistic lock). Returns whether a row was written.
     */
    public boolean update(DSLContext dsl, String id, Map<String, Object> changes, Long expectedRevision) {
        if (changes.isEmpty()) return true;
        Map<Field<?>, Object> values = new HashMap<>();
        for (var e : changes.entrySet()) {
            Attribute a = def.attribute(e.getKey());
            if (a == null || a.storage() == Storage.NONE) continue;
            values.put(DSL.field(name(a.column())), toDb(a, e.getValue()));
        }
        if (values.isEmpty()) return true;
        Condition where = DSL.field(name("id")).eq(id);
        if (expectedRevision != null) {
            where = where.and(DSL.field(name("revision_number")).eq(expectedRevision));
        }
        return dsl.update(table).set(values).where(where).execute() == 1;
    }

    public boolean delete(DSLContext dsl, String id) {
        return dsl.deleteFrom(table).where(DSL.field(name("id")).eq(id)).execute() == 1;
    }

    Map<String, Object> toMap(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        int i = 0;
        for (Attribute a : def.columns()) {
            m.put(a.name(), fromDb(a, r.get(i++)));
        }
        return m;
    }

    static Object toDb(Attribute a, Object v) {
        if (v == null) return null;
        if (a.storage() == Storage.JSON) return Json.write(v);
        return switch (a.type()) {
            case TIMESTAMP -> v instanceof String s ? LocalDateTime.parse(s, TIMESTAMP) : v;
            case INTEGER -> v instanceof Number n ? n.longValue() : v;
            default -> v;
        };
    }

    static Object fromDb(Attribute a, Object v) {
        if (v == null) return null;
        if (a.storage() == Storage.JSON) return Json.read(v.toString());
        return switch (a.type()) {
            case TIMESTAMP -> isoTimestamp(v.toString());
            case INTEGER -> ((Number) v).intValue();
            case BOOLEAN -> v instanceof Boolean ? v : ((Number) v).intValue() != 0;
            default -> v;
        };
    }

    /**
     * "2024-01-31 12:00:00[.fraction]" (how H2, PostgreSQL and MariaDB write a timestamp as text) as
     * Neutron's "2024-01-31T12:00:00Z"; stored times are UTC to the second.
     */
    static String isoTimestamp(String text) {
        if (text.length() < 19 || text.charAt(10) != ' ' && text.charAt(10) != 'T') {
            return LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC).format(TIMESTAMP);
        }
        char[] out = new char[20];
        text.getChars(0, 19, out, 0);
        out[10] = 'T';
        out[19] = 'Z';
        return new String(out);
    }

    public static String now() {
        return LocalDateTime.now(ZoneOffset.UTC).withNano(0).format(TIMESTAMP);
    }
}
