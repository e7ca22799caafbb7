package dev.neutrino.engine;

import dev.neutrino.schema.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The standard-attr-tag extension: tags of any resource, kept in one table keyed by resource id. */
public final class Tags {
    static final Table<Record> TAGS = Tables.TAGS;
    static final Field<String> RESOURCE_ID = Tables.TAGS.RESOURCE_ID;
    static final Field<String> TAG = Tables.TAGS.TAG;

    private Tags() {}

    public static void load(DSLContext dsl, List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> r : rows) {
            r.put("tags", new ArrayList<String>());
            byId.put((String) r.get("id"), r);
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            List<String> ids = new ArrayList<>();
            for (Map<String, Object> r : rows.subList(from, Math.min(rows.size(), from + 1000))) {
                ids.add((String) r.get("id"));
            }
            for (Record rec : dsl.select(RESOURCE_ID, TAG).from(TAGS).where(RESOURCE_ID.in(ids))
                    .orderBy(TAG).fetch()) {
                @SuppressWarnings("unchecked")
                List<String> tags = (List<String>) byId.get(rec.get(RESOURCE_ID)).get("tags");
                tags.add(rec.get(TAG));
            }
        }
    }

    public static List<String> get(DSLContext dsl, String id) {
        return dsl.select(TAG).from(TAGS).where(RESOURCE_ID.eq(id)).orderBy(TAG).fetch(TAG);
    }

    public static boolean has(DSLContext dsl, String id, String tag) {
        return dsl.fetchExists(TAGS, RESOURCE_ID.eq(id).and(TAG.eq(tag)));
    }

    public static void add(DSLContext dsl, String id, String tag) {
        if (!has(dsl, id, tag)) {
            dsl.insertInto(TAGS).set(RESOURCE_ID, id).set(TAG, tag).execute();
        }
    }

    /** Inserts of a new resource's tags (no duplicates), to be executed by the caller. */
    public static List<org.jooq.Query> inserts(DSLContext dsl, String id, java.util.Collection<String> tags) {
        List<org.jooq.Query> out = new ArrayList<>();
        for (String t : new LinkedHashSet<>(tags)) out.add(dsl.insertInto(TAGS).set(RESOURCE_ID, id).set(TAG, t));
        return out;
    }

    public static void replace(DSLContext dsl, String id, List<String> tags) {
        deleteAll(dsl, id);
        for (String t : new LinkedHashSet<>(tags)) {
            dsl.insertInto(TAGS).set(RESOURCE_ID, id).set(TAG, t).execute();
        }
    }

    public static boolean delete(DSLContext dsl, String id, String tag) {
        return dsl.deleteFrom(TAGS).where(RESOURCE_ID.eq(id).and(TAG.eq(tag))).execute() > 0;
    }

    public static void deleteAll(DSLContext dsl, String id) {
        dsl.deleteFrom(TAGS).where(RESOURCE_ID.eq(id)).execute();
    }

    /** tags (all of), tags-any (one of), not-tags (not all of), not-tags-any (none of). */
    public static Condition condition(Map<String, List<String>> filters, Field<Object> idField) {
        Condition c = DSL.noCondition();
        for (var e : filters.entrySet()) {
            List<String> tags = e.getValue();
            if (tags.isEmpty()) continue;
            Condition all = DSL.noCondition();
            for (String t : tags) all = all.and(hasTag(idField, List.of(t)));
            Condition any = hasTag(idField, tags);
            c = c.and(switch (e.getKey()) {
                case "tags" -> all;
                case "tags-any" -> any;
                case "not-tags" -> DSL.not(all);
                case "not-tags-any" -> DSL.not(any);
                default -> DSL.noCondition();
            });
        }
        return c;
    }

    private static Condition hasTag(Field<Object> idField, List<String> tags) {
        return DSL.exists(DSL.selectOne().from(TAGS).where(RESOURCE_ID.eq(idField.cast(String.class))
                .and(TAG.in(tags))));
    }
}
