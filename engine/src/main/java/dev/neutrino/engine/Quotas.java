package dev.neutrino.engine;

import dev.neutrino.common.Config;
import dev.neutrino.common.NeutronException;
import dev.neutrino.common.Option;
import dev.neutrino.db.Database;
import dev.neutrino.model.Converters;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.schema.NamedTables;
import dev.neutrino.schema.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Per-project limits: defaults from [quotas] quota_*, overrides in the quotas table, usage counted
 * from the resources' tables. A create that would go over its limit is 409 OverQuota.
 */
public final class Quotas {
    private static final Table<Record> QUOTAS = Tables.QUOTAS;
    private static final Field<String> PROJECT = Tables.QUOTAS.PROJECT_ID;
    private static final Field<String> RESOURCE = Tables.QUOTAS.RESOURCE;
    private static final Field<Integer> LIMIT = Tables.QUOTAS.QUOTA_LIMIT;

    /** A table that counts a quota resource's usage, and its project_id column. */
    private record Counted(Table<Record> table, Field<String> projectId) { }

    private final Map<String, Integer> defaults = new LinkedHashMap<>();
    private final Map<String, Counted> tables = new LinkedHashMap<>();
    private final Database db;

    public Quotas(Config config, Database db) {
        this.db = db;
        for (Option<Integer> o : EngineOptions.QUOTAS) {
            defaults.put(o.name().substring("quota_".length()), config.get(o));
        }
    }

    /** Declares which table counts a quota resource's usage; resources without a table are not counted. */
    public void track(String resource, String table) {
        Table<Record> t = NamedTables.find(table);
        if (t == null) {
            if (defaults.containsKey(resource) && table != null) {
                throw new IllegalArgumentException("quota resource " + resource + ": no table " + table);
            }
            tables.remove(resource);
            return;
        }
        tables.put(resource, new Counted(t, NamedTables.column(t, "project_id", String.class)));
    }

    public Map<String, Integer> defaults() {
        return defaults;
    }

    public void check(Tx tx, ResourceDef def, String projectId, int delta) {
        String resource = def.singular();
        if (!defaults.containsKey(resource) || projectId == null) return;
        Counted t = tables.get(resource);
        // one round trip: the project's limit (or the default) and, only when it is not unlimited, the usage
        Field<Integer> limit = DSL.coalesce(DSL.field(DSL.select(LIMIT).from(QUOTAS)
                .where(PROJECT.eq(projectId).and(RESOURCE.eq(resource)))), DSL.val(defaults.get(resource)));
        Field<Integer> used = t == null ? DSL.inline(0) : DSL.field(DSL.selectCount().from(t.table())
                .where(t.projectId().eq(projectId)));
        Record r = tx.dsl().select(limit, DSL.when(limit.lt(0), DSL.inline(0)).otherwise(used)).fetchOne();
        int max = r.get(0, Integer.class);
        if (max >= 0 && r.get(1, Integer.class) + delta > max) throw NeutronException.overQuota(resource);
    }

    /** How long a reservation counts when its create neither commits nor cancels it (its server died). */
    static final java.time.Duration RESERVATION_TTL = java.time.Duration.ofMinutes(2);
    private static final int PURGE_EVERY = 64;
    private final java.util.concurrent.atomic.AtomicLong reservations = new java.util.concurrent.atomic.AtomicLong();

    /** An amount of a resource reserved for a project until the create that took it commits or fails. */
    public record Reservation(String id, String projectId, String resource, int amount) {}

    /**
     * Reserves {@code amount} of {@code resource} for a project before the transaction that creates
     * them, in a short transaction of its own: serialized per project and resource by a lock row,
     * counting what exists plus what other creates have reserved, so that creates running at the
     * same time on any server never go over the limit together (409 OverQuota), and none is refused
     * while there is room. Returns null when the resource is unlimited for the project or not
     * counted. The create's own transaction then removes the reservation ({@link #consume}); if it
     * fails, {@link #cancel}.
     */
    public Reservation reserve(String resource, String projectId, int amount) {
        if (!defaults.containsKey(resource) || projectId == null) return null;
        Counted t = tables.get(resource);
        var locks = Tables.QUOTA_LOCKS;
        var held = Tables.QUOTA_RESERVATIONS;
        return db.tx(dsl -> {
            java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            var lock = dsl.select(locks.PROJECT_ID).from(locks)
                    .where(locks.PROJECT_ID.eq(projectId).and(locks.RESOURCE.eq(resource))).forUpdate();
            if (lock.fetch().isEmpty()) { // the first create of this resource in this project
                try {
                    dsl.insertInto(locks).set(locks.PROJECT_ID, projectId).set(locks.RESOURCE, resource)
                            .onDuplicateKeyIgnore().execute();
                } catch (RuntimeException e) {
                    // H2's MERGE can still collide with a concurrent first insert: the row is there now
                    if (dev.neutrino.db.SqlErrors.isUniqueViolation(e)) {
                        throw new dev.neutrino.db.Retryable("quota lock row of " + projectId + "/" + resource);
                    }
                    throw e;
                }
                lock.fetch();
            }
            // one round trip: the limit, what exists and what others have reserved
            Field<Integer> limit = DSL.coalesce(DSL.field(DSL.select(LIMIT).from(QUOTAS)
                    .where(PROJECT.eq(projectId).and(RESOURCE.eq(resource)))), DSL.val(defaults.get(resource)));
            Field<Integer> used = t == null ? DSL.inline(0) : DSL.field(DSL.selectCount().from(t.table())
                    .where(t.projectId().eq(projectId)));
            Field<Integer> reserved = DSL.field(DSL.select(DSL.coalesce(DSL.sum(held.AMOUNT), DSL.inline(0))
                    .cast(Integer.class)).from(held).where(held.PROJECT_ID.eq(projectId)
                    .and(held.RESOURCE.eq(resource)).and(held.EXPIRES_AT.gt(now))));
            Record r = dsl.select(limit, used, reserved).fetchOne();
            int max = r.get(0, Integer.class);
            if (max < 0) return null;
            if (r.get(1, Integer.class) + r.get(2, Integer.class) + amount > max) {
                throw NeutronException.overQuota(resource);
            }
            if (reservations.incrementAndGet() % PURGE_EVERY == 0) {
                // now and then (every 64th reservation of this process: a count, not a dice roll, so
                // that a request's statements are the same from run to run), what crashed servers
                // left behind
                dsl.deleteFrom(held).where(held.EXPIRES_AT.lt(now)).execute();
            }
            String id = java.util.UUID.randomUUID().toString();
            dsl.insertInto(held).set(held.ID, id).set(held.PROJECT_ID, projectId).set(held.RESOURCE, resource)
                    .set(held.AMOUNT, amount).set(held.EXPIRES_AT, now.plus(RESERVATION_TTL)).execute();
            return new Reservation(id, projectId, resource, amount);
        });
    }

    /** Inside the create's transaction: its rows now count themselves; the reservation goes with them. */
    public void consume(Tx tx, Reservation r) {
        if (r == null) return;
        var held = Tables.QUOTA_RESERVATIONS;
        tx.dsl().deleteFrom(held).where(held.ID.eq(r.id())).execute();
    }

    /** After a create failed: its reservation stops counting. */
    public void cancel(Reservation r) {
        if (r == null) return;
        var held = Tables.QUOTA_RESERVATIONS;
        try {
            db.run(dsl -> dsl.deleteFrom(held).where(held.ID.eq(r.id())).execute());
        } catch (RuntimeException e) {
            // it expires by itself
        }
    }

    private int used(DSLContext dsl, String resource, String projectId) {
        Counted t = tables.get(resource);
        return t == null ? 0 : dsl.fetchCount(t.table(), t.projectId().eq(projectId));
    }

    private Map<String, Integer> limits(DSLContext dsl, String projectId) {
        Map<String, Integer> out = new LinkedHashMap<>(defaults);
        for (Record r : dsl.select(RESOURCE, LIMIT).from(QUOTAS).where(PROJECT.eq(projectId)).fetch()) {
            if (out.containsKey(r.get(RESOURCE))) out.put(r.get(RESOURCE), r.get(LIMIT));
        }
        return out;
    }

    public Map<String, Object> show(String projectId) {
        return db.tx(dsl -> new LinkedHashMap<>(limits(dsl, projectId)));
    }

    public Map<String, Object> details(String projectId) {
        return db.tx(dsl -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : limits(dsl, projectId).entrySet()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("limit", e.getValue());
                d.put("used", used(dsl, e.getKey(), projectId));
                d.put("reserved", 0);
                out.put(e.getKey(), d);
            }
            return out;
        });
    }

    /** Projects that have at least one limit different from the defaults. */
    public List<Map<String, Object>> list() {
        return db.tx(dsl -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String p : dsl.selectDistinct(PROJECT).from(QUOTAS).orderBy(PROJECT).fetch(PROJECT)) {
                Map<String, Object> q = new LinkedHashMap<>(limits(dsl, p));
                q.put("project_id", p);
                q.put("tenant_id", p);
                out.add(q);
            }
            return out;
        });
    }

    public Map<String, Object> update(String projectId, Map<String, Object> body) {
        Map<String, Integer> values = new LinkedHashMap<>();
        body = new LinkedHashMap<>(body);
        flag(body.remove("force"));
        boolean checkLimit = flag(body.remove("check_limit"));
        for (var e : body.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw NeutronException.badRequest("Unrecognized attribute(s) '" + e.getKey() + "'");
            }
            Object v = e.getValue();
            int limit;
            try {
                limit = v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).strip());
            } catch (NumberFormatException ex) {
                throw NeutronException.invalidInput(e.getKey(), "'" + v + "' is not an integer");
            }
            if (v instanceof Number n && n.doubleValue() != limit) {
                throw NeutronException.invalidInput(e.getKey(), "'" + v + "' is not an integer");
            }
            if (limit < -1) {
                throw NeutronException.invalidInput(e.getKey(), "'" + limit + "' is too small - must be at least "
                        + "'-1'");
            }
            values.put(e.getKey(), limit);
        }
        return db.tx(dsl -> {
            for (var e : values.entrySet()) {
                if (checkLimit && e.getValue() >= 0 && used(dsl, e.getKey(), projectId) > e.getValue()) {
                    // (neutron-server 21 also refuses -1, unlimited, whatever the usage)
                    throw NeutronException.badRequest("Quota limit " + e.getValue() + " for " + e.getKey()
                            + " must be greater than or equal to already used " + used(dsl, e.getKey(), projectId));
                }
                int n = dsl.update(QUOTAS).set(LIMIT, e.getValue())
                        .where(PROJECT.eq(projectId).and(RESOURCE.eq(e.getKey()))).execute();
                if (n == 0) {
                    dsl.insertInto(QUOTAS).set(PROJECT, projectId).set(RESOURCE, e.getKey())
                            .set(LIMIT, e.getValue()).execute();
                }
            }
            return new LinkedHashMap<>(limits(dsl, projectId));
        });
    }

    /** force / check_limit: absent or null is false, else a boolean as convert_to_boolean reads it. */
    private static boolean flag(Object v) {
        if (v == null) return false;
        try {
            return (Boolean) Converters.BOOLEAN.convert(v);
        } catch (IllegalArgumentException e) {
            throw NeutronException.badRequest("Invalid input for operation: " + e.getMessage() + ".");
        }
    }

    public void reset(String projectId) {
        db.run(dsl -> dsl.deleteFrom(QUOTAS).where(PROJECT.eq(projectId)).execute());
    }
}
