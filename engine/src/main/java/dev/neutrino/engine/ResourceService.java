package dev.neutrino.engine;

import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Database;
import dev.neutrino.db.ResourceStore;
import dev.neutrino.db.Retryable;
import dev.neutrino.db.SqlErrors;
import dev.neutrino.model.Attribute;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Storage;
import dev.neutrino.policy.Policy;
import dev.neutrino.policy.PolicyNotAuthorized;
import dev.neutrino.schema.NamedTables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The one engine behind every resource: list, show, create, update and delete with Neutron's
 * validation, filtering, sorting, pagination and field selection. What a resource does beyond that
 * lives in its {@link ResourceHooks}.
 */
public final class ResourceService {
    private final ResourceDef def;
    private final ResourceStore store;
    private volatile CompositeHooks hooks = new CompositeHooks(List.of());
    private volatile List<ChangeListener> listeners = List.of();
    private final Database db;
    private final Quotas quotas;
    private final Runnable changed;
    private final Policy policy;

    /**
     * @param changed called after every committed write through this service (never inside a
     *     transaction), so a dataplane driver can catch up
     */
    public ResourceService(ResourceDef def, Database db, Quotas quotas, Runnable changed, Policy policy) {
        this.policy = policy;
        this.def = def;
        this.store = new ResourceStore(def);
        this.db = db;
        this.quotas = quotas;
        this.changed = changed;
    }

    public ResourceDef def() { return def; }

    /**
     * Adds behaviour to this resource: first its own extension's hooks, then those of extensions
     * that react to it (see {@link CompositeHooks} for the order). Called while the application is
     * wired, before it serves.
     */
    public synchronized void addHooks(ResourceHooks more) {
        hooks = hooks.plus(more);
    }

    /** Tells {@code listener} about every change of this resource inside its transaction. */
    public synchronized void listen(ChangeListener listener) {
        List<ChangeListener> all = new ArrayList<>(listeners);
        all.add(listener);
        listeners = List.copyOf(all);
    }

    private void fire(Tx tx, ResourceChange.Operation op, Map<String, Object> current, Map<String, Object> original) {
        ResourceChange change = null;
        for (ChangeListener l : listeners) {
            if (change == null) {
                change = new ResourceChange(op, def.singular(), java.util.Collections.unmodifiableMap(current),
                        original == null ? null : java.util.Collections.unmodifiableMap(original), tx.ctx());
            }
            l.changed(tx, change);
        }
    }

    private boolean listened() {
        for (ChangeListener l : listeners) if (l.active()) return true;
        return false;
    }
    public ResourceStore store() { return store; }

    /** One page of a list, with the resources already rendered for the caller. */
    public record Page(List<Map<String, Object>> items, List<Map<String, Object>> links) {}

    // ---------------------------------------------------------------- reads

    public Map<String, Object> show(RequestContext ctx, String id, Set<String> fields) {
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> r = findVisible(tx, id);
            if (r == null) throw NeutronException.notFound(def.singular(), id);
            load(tx, List.of(r));
            if (!mayGet(tx, r)) throw NeutronException.notFound(def.singular(), id);
            return render(r, fields, ctx);
        });
    }

    // ---------------------------------------------------------------- policy

    /** The policy target of a resource: the resource plus what its rules read from parents. */
    private Map<String, Object> target(Tx tx, Map<String, Object> resource) {
        Map<String, Object> t = new LinkedHashMap<>(resource);
        if (t.containsKey("project_id")) t.put("tenant_id", t.get("project_id"));
        hooks.policyTarget(tx, t);
        return t;
    }

    private boolean mayGet(Tx tx, Map<String, Object> r) {
        return tx.ctx().isAdmin() || policy.checkAction(tx.ctx().creds(), "get_" + def.singular(), target(tx, r),
                def.collection());
    }

    /** {@link #mayGet(Tx, Map)} for a page: the targets' parent fields are looked up in one batch. */
    private List<Boolean> mayGet(Tx tx, List<Map<String, Object>> rows) {
        if (tx.ctx().isAdmin()) return java.util.Collections.nCopies(rows.size(), true);
        List<Map<String, Object>> targets = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            Map<String, Object> t = new LinkedHashMap<>(r);
            if (t.containsKey("project_id")) t.put("tenant_id", t.get("project_id"));
            targets.add(t);
        }
        hooks.policyTargets(tx, targets);
        List<Boolean> out = new ArrayList<>(rows.size());
        for (Map<String, Object> t : targets) {
            out.add(policy.checkAction(tx.ctx().creds(), "get_" + def.singular(), t, def.collection()));
        }
        return out;
    }

    /** @param target made only when a rule is evaluated (an admin skips it unless new defaults are enforced) */
    private void enforce(Tx tx, String action, java.util.function.Supplier<Map<String, Object>> target) {
        if (tx.ctx().isAdmin() && !policy.enforceNewDefaults()) return;
        try {
            policy.enforceAction(tx.ctx().creds(), action, target.get(), def.collection());
        } catch (PolicyNotAuthorized e) {
            throw new NeutronException(403, "PolicyNotAuthorized", e.getMessage());
        }
    }

    private Map<String, Object> render(Map<String, Object> r, Set<String> fields, RequestContext ctx) {
        Map<String, Object> view = Views.render(def, r, fields, ctx, policy::hasRule);
        if (!ctx.isAdmin()) {
            for (String hidden : policy.hiddenAttributes(ctx.creds(), def.singular(), r, def.collection())) {
                view.remove(hidden);
            }
        }
        return view;
    }

    /** A list answer, read whole (for callers that want every item at once). */
    public Page list(RequestContext ctx, ListQuery q) {
        try (Listing l = openList(ctx, q)) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (List<Map<String, Object>> chunk = l.next(); !chunk.isEmpty(); chunk = l.next()) items.addAll(chunk);
            return new Page(items, l.links());
        }
    }

    /** Rows read per round trip and extended, checked and rendered together. */
    static final int CHUNK = 1000;

    /**
     * Opens a list: checks the query, opens a read transaction and reads the first chunk, so a bad
     * filter, sort key or marker (400/404) and a failing query are known before anything is written.
     * The rest is read chunk by chunk with {@link Listing#next()}; the caller must close it.
     */
    public Listing openList(RequestContext ctx, ListQuery q) {
        List<String> bad = new ArrayList<>();
        for (String key : q.filters().keySet()) {
            Attribute a = def.attribute(key);
            if (a == null || !a.isFilter()) bad.add("'" + key + "'");
        }
        if (!def.has("tags")) {
            for (String key : q.tagFilters().keySet()) bad.add("'" + key + "'"); // e.g. segments have no tags
        }
        if (!bad.isEmpty()) {
            throw NeutronException.badRequest(bad + " is invalid attribute for filtering");
        }
        List<SortField<?>> order = sortFields(q);
        // after the query's checks, as Neutron's API layer makes them before the plugin's list (whose
        // first step may write: a project's default security group)
        hooks.beforeList(ctx, q);
        Database.ReadSession session = db.read();
        try {
            DSLContext dsl = session.dsl();
            Tx tx = new Tx(dsl, ctx);
            Condition cond = visibility(tx);
            for (var e : q.filters().entrySet()) {
                cond = cond.and(filterCondition(tx, def.attribute(e.getKey()), e.getValue()));
            }
            cond = cond.and(Tags.condition(q.tagFilters(), store.field("id")));
            int limit = q.limit() == null ? 0 : q.limit();
            boolean reverse = q.pageReverse() && limit > 0;
            if (q.marker() != null && limit > 0) {
                Map<String, Object> marker = store.find(dsl, q.marker());
                if (marker == null) throw NeutronException.notFound(def.singular(), q.marker());
                cond = cond.and(seek(q, marker, reverse));
            }
            Listing l = new Listing(session, tx, q, cond, reverse ? reversed(order) : order, limit, reverse);
            l.prefetch();
            return l;
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    /**
     * A list being read in one read transaction, {@value #CHUNK} rows at a time: each chunk gets its
     * computed attributes in one batch ({@link ResourceHooks#extend}), the per-row policy check and
     * rendering, and is then dropped, so a long list is never in memory at once. Rows come from a
     * database cursor on PostgreSQL; on MariaDB (whose driver would buffer the rest of a streamed
     * result as soon as the chunk's own queries run on the connection) and H2 each chunk is a keyset
     * query after the previous chunk's last row, in the same snapshot. A page_reverse page is read
     * at once (it is bounded by its limit).
     */
    public final class Listing implements AutoCloseable {
        private final Database.ReadSession session;
        private final Tx tx;
        private final ListQuery q;
        private final Condition cond;
        private final List<SortField<?>> order;
        private final int limit;
        private final boolean reverse;
        private ResourceStore.Rows cursor;
        private List<Map<String, Object>> first;
        private Map<String, Object> lastRow;
        private String firstId;
        private int read;
        private boolean done;

        private Listing(Database.ReadSession session, Tx tx, ListQuery q, Condition cond, List<SortField<?>> order,
                        int limit, boolean reverse) {
            this.session = session;
            this.tx = tx;
            this.q = q;
            this.cond = cond;
            this.order = order;
            this.limit = limit;
            this.reverse = reverse;
        }

        private void prefetch() {
            first = nextChunk();
        }

        /** The next rendered resources the caller may see; empty at the end. */
        public List<Map<String, Object>> next() {
            if (first != null) {
                List<Map<String, Object>> f = first;
                first = null;
                if (!f.isEmpty() || done) return f;
            }
            List<Map<String, Object>> out;
            do {
                out = nextChunk(); // a chunk whose rows are all hidden by policy yields nothing: read on
            } while (out.isEmpty() && !done);
            return out;
        }

        private List<Map<String, Object>> nextChunk() {
            if (done) return List.of();
            List<Map<String, Object>> rows = readRows();
            if (rows.isEmpty()) return List.of();
            if (firstId == null) firstId = (String) rows.get(0).get("id");
            lastRow = new java.util.HashMap<>(rows.get(rows.size() - 1)); // as stored: hooks may change the rows
            read += rows.size();
            load(tx, rows, q.fields());
            List<Boolean> allowed = mayGet(tx, rows);
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                if (allowed.get(i)) out.add(render(rows.get(i), q.fields(), tx.ctx()));
            }
            return out;
        }

        private List<Map<String, Object>> readRows() {
            if (reverse) { // one page, read backwards
                done = true;
                List<Map<String, Object>> rows = store.list(tx.dsl(), cond, order, limit);
                java.util.Collections.reverse(rows);
                return rows;
            }
            int want = limit > 0 ? Math.min(CHUNK, limit - read) : CHUNK;
            if (want <= 0) {
                done = true;
                return List.of();
            }
            List<Map<String, Object>> rows;
            if (db.dialect() == org.jooq.SQLDialect.POSTGRES) {
                if (cursor == null) cursor = store.open(tx.dsl(), cond, order, limit, CHUNK);
                rows = cursor.next(want);
            } else { // one row more than wanted tells whether another chunk follows
                Condition c = lastRow == null ? cond : cond.and(seek(q, lastRow, false));
                rows = store.list(tx.dsl(), c, order, want + 1);
                if (rows.size() > want) return rows.subList(0, want);
            }
            if (rows.size() < want || cursor == null) done = true;
            return rows;
        }

        /** Pagination links (rel, marker, page_reverse); only after every chunk was read. */
        public List<Map<String, Object>> links() {
            return ResourceService.this.links(q, read, firstId, lastRow == null ? null : (String) lastRow.get("id"));
        }

        /** Ends the read transaction; also when the answer was not read to its end. */
        @Override
        public void close() {
            try {
                if (cursor != null) cursor.close();
            } finally {
                session.close();
            }
        }
    }

    /** Loads one resource the caller may see, unrendered, inside a transaction; null when none. */
    public Map<String, Object> findVisible(Tx tx, String id) {
        if (id == null || id.length() > 64) return null;
        Condition c = store.field("id").eq(id).and(visibility(tx));
        List<Map<String, Object>> rows = store.list(tx.dsl(), c, List.of(), 0);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Loads one resource regardless of the caller, with computed attributes; null when none. */
    public Map<String, Object> get(Tx tx, String id) {
        Map<String, Object> r = store.find(tx.dsl(), id);
        if (r != null) load(tx, List.of(r));
        return r;
    }

    private void load(Tx tx, List<Map<String, Object>> rows) {
        load(tx, rows, Set.of());
    }

    /** Computed attributes; with {@code fields} (a list's ?fields=) only those that will be shown. */
    private void load(Tx tx, List<Map<String, Object>> rows, Set<String> fields) {
        if (rows.isEmpty()) return;
        for (Map<String, Object> r : rows) {
            if (def.has("tenant_id")) r.put("tenant_id", r.get("project_id"));
        }
        if (def.hasStandardAttributes() && (fields.isEmpty() || fields.contains("tags"))) Tags.load(tx.dsl(), rows);
        hooks.extend(tx, rows, fields);
    }

    private Condition visibility(Tx tx) {
        if (tx.ctx().isAdmin() || !def.has("project_id")) return DSL.noCondition();
        Condition custom = hooks.visibleTo(tx);
        return custom != null ? custom : store.field("project_id").eq(tx.ctx().projectId());
    }

    private Condition filterCondition(Tx tx, Attribute a, List<String> raw) {
        Condition own = hooks.filter(tx, a, raw); // a hook may know better than the column (e.g. shared)
        if (own != null) return own;
        Attribute column = a.name().equals("tenant_id") ? def.attribute("project_id") : a;
        Field<Object> f = store.field(column.name());
        if (f != null && column.storage() == Storage.COLUMN) {
            List<Object> values = new ArrayList<>();
            boolean matchNull = false;
            for (String v : raw) {
                Object converted;
                try {
                    converted = a.converter().convert(v);
                } catch (IllegalArgumentException e) {
                    throw NeutronException.badRequest("Invalid input for operation: " + e.getMessage() + ".");
                }
                if (converted == null) matchNull = true;
                else values.add(converted);
            }
            Condition c = values.isEmpty() ? DSL.falseCondition() : f.in(values);
            return matchNull ? c.or(f.isNull()) : c;
        }
        throw NeutronException.badRequest("['" + a.name() + "'] is invalid attribute for filtering");
    }

    private List<SortField<?>> sortFields(ListQuery q) {
        List<String> bad = new ArrayList<>();
        List<SortField<?>> order = new ArrayList<>();
        boolean hasId = false;
        for (ListQuery.Sort s : q.sorts()) {
            Attribute a = def.attribute(s.key());
            Field<Object> f = a == null ? null : store.field(a.name());
            if (a == null || !a.isSortKey() || f == null) {
                bad.add("'" + s.key() + "'");
                continue;
            }
            order.add(s.ascending() ? f.asc() : f.desc());
            hasId |= s.key().equals("id");
        }
        if (!bad.isEmpty()) throw NeutronException.badRequest(bad + " is invalid attribute for sort_keys");
        if (!hasId) {
            boolean lastAsc = q.sorts().isEmpty() || q.sorts().get(q.sorts().size() - 1).ascending();
            order.add(lastAsc ? store.field("id").asc() : store.field("id").desc());
        }
        return order;
    }

    private static List<SortField<?>> reversed(List<SortField<?>> order) {
        List<SortField<?>> out = new ArrayList<>();
        for (SortField<?> s : order) {
            Field<?> f = DSL.field(s.$field().getQualifiedName());
            out.add(s.getOrder() == org.jooq.SortOrder.DESC ? f.asc() : f.desc());
        }
        return out;
    }

    /** Keyset condition: rows strictly after (or, reversed, before) the marker in the sort order. */
    private Condition seek(ListQuery q, Map<String, Object> marker, boolean reverse) {
        List<ListQuery.Sort> keys = new ArrayList<>(q.sorts());
        if (keys.stream().noneMatch(s -> s.key().equals("id"))) {
            boolean lastAsc = keys.isEmpty() || keys.get(keys.size() - 1).ascending();
            keys.add(new ListQuery.Sort("id", lastAsc));
        }
        Condition result = DSL.falseCondition();
        Condition prefixEqual = DSL.noCondition();
        for (ListQuery.Sort s : keys) {
            Field<Object> f = store.field(s.key());
            Object value = markerValue(def.attribute(s.key()), marker.get(s.key()));
            boolean after = s.ascending() != reverse;
            Condition step;
            if (value == null) {
                step = after ? f.isNotNull() : DSL.falseCondition();
                result = result.or(prefixEqual.and(step));
                prefixEqual = prefixEqual.and(f.isNull());
            } else {
                step = after ? f.gt(value) : f.lt(value).or(f.isNull());
                result = result.or(prefixEqual.and(step));
                prefixEqual = prefixEqual.and(f.eq(value));
            }
        }
        return result;
    }

    private static Object markerValue(Attribute a, Object v) {
        if (v instanceof String s && a.type() == dev.neutrino.model.ValueType.TIMESTAMP) {
            return java.time.LocalDateTime.parse(s, ResourceStore.TIMESTAMP);
        }
        return v;
    }

    /** From the rows of the page before the policy check: how many, the first and the last id. */
    private List<Map<String, Object>> links(ListQuery q, int n, String firstId, String lastId) {
        List<Map<String, Object>> links = new ArrayList<>();
        if (q.limit() == null) return links;
        if (!(n < q.limit() && !q.pageReverse())) {
            links.add(link("next", n == 0 ? q.marker() : lastId, false));
        }
        if (!(n < q.limit() && q.pageReverse())) {
            // past the end Neutron drops the marker: "previous" then leads to the last page
            links.add(link("previous", n == 0 ? null : firstId, true));
        }
        return links;
    }

    private static Map<String, Object> link(String rel, String marker, boolean reverse) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("rel", rel);
        l.put("marker", marker);
        l.put("page_reverse", reverse);
        return l;
    }

    // ---------------------------------------------------------------- writes

    public Map<String, Object> create(RequestContext ctx, Map<String, Object> body) {
        return createBulk(ctx, List.of(body)).get(0);
    }

    /** Creates all or nothing, in one transaction. */
    public List<Map<String, Object>> createBulk(RequestContext ctx, List<Map<String, Object>> bodies) {
        List<Map<String, Object>> prepared = new ArrayList<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Map<String, Object> b : bodies) {
            Map<String, Object> p = Requests.prepareCreate(def, b, ctx, policy::hasRule);
            prepared.add(p);
            // policy sees what the caller gave (defaults are not "explicitly set"), and the owner
            Map<String, Object> t = new LinkedHashMap<>();
            for (var e : p.entrySet()) {
                if (b.containsKey(e.getKey()) || e.getKey().equals("project_id")) t.put(e.getKey(), e.getValue());
            }
            targets.add(t);
        }
        List<Quotas.Reservation> reservations = reserve(prepared);
        boolean done = false;
        try {
            List<Map<String, Object>> result = db.tx(dsl -> {
                Tx tx = new Tx(dsl, ctx);
                List<Map<String, Object>> out = new ArrayList<>();
                for (int i = 0; i < prepared.size(); i++) {
                    Map<String, Object> given = targets.get(i);
                    enforce(tx, "create_" + def.singular(), () -> target(tx, given));
                    Map<String, Object> created = createIn(tx, new LinkedHashMap<>(prepared.get(i)),
                            reservations != null);
                    out.add(render(created, Set.of(), ctx));
                }
                if (reservations != null) for (Quotas.Reservation r : reservations) quotas.consume(tx, r);
                return out;
            });
            done = true;
            return committed(result);
        } finally {
            if (!done && reservations != null) for (Quotas.Reservation r : reservations) quotas.cancel(r);
        }
    }

    /**
     * The quota of what a request creates, reserved per project before its transaction (exact across
     * concurrent creates and servers); null when this resource has no quota.
     */
    private List<Quotas.Reservation> reserve(List<Map<String, Object>> prepared) {
        if (quotas == null || !def.has("project_id")) return null;
        Map<String, Integer> perProject = new java.util.TreeMap<>();
        for (Map<String, Object> p : prepared) {
            if (p.get("project_id") instanceof String project) perProject.merge(project, 1, Integer::sum);
        }
        List<Quotas.Reservation> out = new ArrayList<>();
        try {
            for (var e : perProject.entrySet()) {
                Quotas.Reservation r = quotas.reserve(def.singular(), e.getKey(), e.getValue());
                if (r != null) out.add(r);
            }
        } catch (RuntimeException e) {
            for (Quotas.Reservation r : out) quotas.cancel(r);
            throw e;
        }
        return out;
    }

    private <T> T committed(T result) {
        changed.run();
        return result;
    }

    /** Creates inside an open transaction (also used by other resources' hooks); returns the loaded row. */
    public Map<String, Object> createIn(Tx tx, Map<String, Object> resource) {
        return createIn(tx, resource, false);
    }

    /**
     * As {@link #createIn(Tx, Map)}; {@code quotaReserved} when the quota was reserved before the
     * transaction (an API create), else it is checked here, inside it (what hooks create along).
     */
    private Map<String, Object> createIn(Tx tx, Map<String, Object> resource, boolean quotaReserved) {
        resource.putIfAbsent("id", UUID.randomUUID().toString());
        if (def.hasStandardAttributes()) {
            String now = ResourceStore.now();
            resource.put("created_at", now);
            resource.put("updated_at", now);
            resource.put("revision_number", 1);
            resource.putIfAbsent("description", "");
        }
        if (quotas != null && def.has("project_id") && !quotaReserved) {
            quotas.check(tx, def, (String) resource.get("project_id"), 1);
        }
        hooks.beforeCreate(tx, resource);
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) resource.remove("tags");
        String id = (String) resource.get("id");
        List<org.jooq.Query> children = new ArrayList<>(hooks.childInserts(tx, resource));
        boolean tagged = tags != null && !tags.isEmpty();
        if (tagged) children.addAll(Tags.inserts(tx.dsl(), id, tags));
        try {
            if (children.isEmpty()) {
                store.insert(tx.dsl(), resource);
            } else { // the row and its children in one round trip
                List<org.jooq.Query> all = new ArrayList<>();
                all.add(store.insertQuery(tx.dsl(), resource));
                all.addAll(children);
                tx.dsl().batch(all).execute();
            }
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) throw new Retryable("unique violation on " + def.table());
            throw e;
        }
        hooks.afterCreate(tx, resource);
        Map<String, Object> created = store.find(tx.dsl(), id); // column defaults and stored forms, as a read has them
        if (def.has("tenant_id")) created.put("tenant_id", created.get("project_id"));
        if (def.hasStandardAttributes()) {
            if (tagged) Tags.load(tx.dsl(), List.of(created)); // in the database's order of tags
            else created.put("tags", new ArrayList<String>());
        }
        hooks.extendCreated(tx, created, resource);
        fire(tx, ResourceChange.Operation.CREATE, created, null);
        return created;
    }

    public Map<String, Object> update(RequestContext ctx, String id, Map<String, Object> body, Long ifMatch) {
        Map<String, Object> changes = Requests.prepareUpdate(def, body, ctx, policy::hasRule);
        return committed(db.tx(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> current = findVisible(tx, id);
            if (current == null) throw NeutronException.notFound(def.singular(), id);
            load(tx, List.of(current));
            if (!mayGet(tx, current)) throw NeutronException.notFound(def.singular(), id);
            enforce(tx, "update_" + def.singular(), () -> Policy.updateTarget(target(tx, current), changes));
            checkRevision(current, ifMatch);
            Map<String, Object> ch = new LinkedHashMap<>(changes);
            updateIn(tx, current, ch);
            return render(get(tx, id), Set.of(), ctx);
        }));
    }

    private void checkRevision(Map<String, Object> current, Long ifMatch) {
        if (ifMatch != null && def.hasStandardAttributes()
                && ((Number) current.get("revision_number")).longValue() != ifMatch) {
            throw new NeutronException(412, "RevisionNumberConstraintFailed", "Constrained to " + ifMatch
                    + ", but current revision is " + current.get("revision_number"));
        }
    }

    /** Applies validated changes inside an open transaction, with the optimistic revision check. */
    public void updateIn(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        hooks.beforeUpdate(tx, current, changes);
        Long expected = null;
        if (def.hasStandardAttributes()) {
            expected = ((Number) current.get("revision_number")).longValue();
            changes.put("revision_number", expected + 1);
            changes.put("updated_at", ResourceStore.now());
        }
        boolean written;
        try {
            written = store.update(tx.dsl(), (String) current.get("id"), changes, expected);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) throw new Retryable("unique violation on " + def.table());
            throw e;
        }
        if (!written) throw new Retryable(def.singular() + " " + current.get("id") + " changed concurrently");
        hooks.afterUpdate(tx, current, changes);
        if (listened()) { // the reload only when someone listens
            fire(tx, ResourceChange.Operation.UPDATE, get(tx, (String) current.get("id")), current);
        }
    }

    /** Bumps revision_number and updated_at, for changes made outside the row (tags, children). */
    public void bumpRevision(Tx tx, String id) {
        bumpRevisions(tx, List.of(id));
    }

    /** {@link #bumpRevision} for many rows in one statement. */
    public void bumpRevisions(Tx tx, java.util.Collection<String> ids) {
        if (!def.hasStandardAttributes() || ids.isEmpty()) return;
        // the standard columns, whether or not the attributes are shown (their extensions may be off)
        Table<Record> table = NamedTables.get(def.table());
        Field<Long> revision = NamedTables.column(table, "revision_number", Long.class);
        tx.dsl().update(table)
                .set(revision, revision.plus(1))
                .set(NamedTables.column(table, "updated_at", java.time.LocalDateTime.class),
                        java.time.LocalDateTime.parse(ResourceStore.now(), ResourceStore.TIMESTAMP))
                .where(NamedTables.column(table, "id", String.class).in(ids)).execute();
        for (ChangeListener l : listeners) l.touched(tx, def.singular(), List.copyOf(ids));
    }

    public void delete(RequestContext ctx, String id) {
        delete(ctx, id, null);
    }

    public void delete(RequestContext ctx, String id, Long ifMatch) {
        db.run(dsl -> {
            Tx tx = new Tx(dsl, ctx);
            Map<String, Object> current = findVisible(tx, id);
            if (current == null) throw NeutronException.notFound(def.singular(), id);
            load(tx, List.of(current));
            if (!mayGet(tx, current)) throw NeutronException.notFound(def.singular(), id);
            checkRevision(current, ifMatch);
            enforce(tx, "delete_" + def.singular(), () -> target(tx, current));
            deleteIn(tx, current);
        });
        changed.run();
    }

    public void deleteIn(Tx tx, Map<String, Object> current) {
        hooks.beforeDelete(tx, current);
        fire(tx, ResourceChange.Operation.DELETE, current, null);
        String id = (String) current.get("id");
        if (def.hasStandardAttributes()) Tags.deleteAll(tx.dsl(), id);
        try {
            store.delete(tx.dsl(), id);
        } catch (RuntimeException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw NeutronException.conflict(NeutronException.camel(def.singular()) + "InUse",
                        NeutronException.humanize(def.singular()) + " " + id + " is in use.");
            }
            throw e;
        }
        hooks.afterDelete(tx, current);
    }

    /** Stored rows matching plain column equality filters, without computed attributes (for hooks). */
    public List<Map<String, Object>> findStored(Tx tx, Map<String, Object> equals) {
        return store.list(tx.dsl(), equalities(equals), List.of(store.field("id").asc()), 0);
    }

    /** Column equality (a collection: IN, null: IS NULL). */
    private Condition equalities(Map<String, Object> equals) {
        Condition c = DSL.noCondition();
        for (var e : equals.entrySet()) {
            Field<Object> f = store.field(e.getKey());
            c = c.and(e.getValue() == null ? f.isNull()
                    : e.getValue() instanceof Collection<?> col ? f.in(col) : f.eq(e.getValue()));
        }
        return c;
    }

    /** Resources matching plain column equality filters, whoever may see them, unrendered (for hooks). */
    public List<Map<String, Object>> find(Tx tx, Map<String, Object> equals) {
        List<Map<String, Object>> rows = findStored(tx, equals);
        load(tx, rows);
        return rows;
    }
}
