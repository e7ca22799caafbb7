package dev.neutrino.ext.rbac.api;

import static dev.neutrino.schema.Tables.RBAC_POLICIES;
import static dev.neutrino.schema.Tables.TAGS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.model.Converters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The RBAC of one object type whose only action is {@code access_as_shared}, as
 * neutron/objects/rbac_db.py's RbacNeutronDbObjectMixin gives it to QoS policies, security groups,
 * address scopes and subnet pools:
 * <ul>
 * <li>an object is visible to its project and to the projects an entry names ({@code *}: everyone);</li>
 * <li>its {@code shared} is what the caller sees: an entry for everyone or for the caller's project;</li>
 * <li>{@code shared: true} on create or update is the wildcard entry, owned by the object's project
 * (attach_rbac), and {@code shared: false} removes it (update_shared);</li>
 * <li>entries are written by the object's project or an admin only; one entry may not be removed (or
 * retargeted) while a project it gives the object to uses it ({@link BoundProjects}): RbacPolicyInUse.</li>
 * </ul>
 * The owning extension keeps the object's table, says who uses an object, and attaches
 * {@link #entryHooks()} to the rbac_policies service.
 */
public final class SharedObjectRbac {
    public static final String SHARED = "access_as_shared";

    /** RbacNeutronDbObjectMixin.get_bound_project_ids: the projects whose resources use the object. */
    @FunctionalInterface
    public interface BoundProjects {
        Set<String> of(DSLContext dsl, String objectId);
    }

    /** An extra check on a new entry (SubnetPool.validate_rbac_policy_create), or none. */
    @FunctionalInterface
    public interface CreateCheck {
        void check(Tx tx, Map<String, Object> entry);
    }

    private final String objectType;
    private final Table<?> table;
    private final Field<String> id;
    private final Field<String> project;
    private final Field<Boolean> wildcardColumn;
    private final BoundProjects bound;
    private final String callback;
    private final java.util.function.Function<String, NeutronException> notFound;
    private CreateCheck createCheck = (tx, entry) -> {};

    /**
     * @param objectType     the RBAC object_type ({@code security_group}, ...)
     * @param table          the objects' table, with its {@code id} and {@code project} columns
     * @param wildcardColumn a column of the object's row kept equal to "a wildcard entry exists" (so that
     *                       older readers and simple queries see it), or null
     * @param bound          who uses an object
     * @param callback       the class whose validate_rbac_policy_change Zed names in its messages
     * @param notFound       the 404 of an object that does not exist (SecurityGroupNotFound, ...)
     */
    public SharedObjectRbac(String objectType, Table<?> table, Field<String> id, Field<String> project,
                            Field<Boolean> wildcardColumn, BoundProjects bound, String callback,
                            java.util.function.Function<String, NeutronException> notFound) {
        this.objectType = objectType;
        this.table = table;
        this.id = id;
        this.project = project;
        this.wildcardColumn = wildcardColumn;
        this.bound = bound;
        this.callback = callback;
        this.notFound = notFound;
    }

    public SharedObjectRbac withCreateCheck(CreateCheck check) {
        this.createCheck = check;
        return this;
    }

    public String objectType() {
        return objectType;
    }

    // ------------------------------------------------------------------ reading

    /** An access_as_shared entry of this type for the object in column {@code objectId} (correlated). */
    private Condition entryOf(Field<String> objectId) {
        return RBAC_POLICIES.OBJECT_ID.eq(objectId).and(RBAC_POLICIES.OBJECT_TYPE.eq(objectType))
                .and(RBAC_POLICIES.ACTION.eq(SHARED));
    }

    private Condition entry(String objectId, String target) {
        return RBAC_POLICIES.OBJECT_ID.eq(objectId).and(RBAC_POLICIES.OBJECT_TYPE.eq(objectType))
                .and(RBAC_POLICIES.ACTION.eq(SHARED)).and(RBAC_POLICIES.TARGET_TENANT.eq(target));
    }

    /** Shared with {@code projectId} or everyone (a condition on the objects' table). */
    public Condition sharedWith(String projectId) {
        return DSL.exists(DSL.selectOne().from(RBAC_POLICIES)
                .where(entryOf(id).and(RBAC_POLICIES.TARGET_TENANT.in("*", String.valueOf(projectId)))));
    }

    /** What a non-admin may see and use: the project's own objects and those shared with it. */
    public Condition visibleTo(String projectId) {
        return project.eq(String.valueOf(projectId)).or(sharedWith(projectId));
    }

    /** is_shared_with_project: an entry shares the object with {@code projectId} or everyone. */
    public boolean isSharedWith(DSLContext dsl, String objectId, String projectId) {
        return dsl.fetchExists(RBAC_POLICIES, entry(objectId, "*")
                .or(entry(objectId, String.valueOf(projectId))));
    }

    /** The objects among {@code ids} shared with the caller's project or everyone (one query for a page). */
    private Set<String> sharedWithCaller(Tx tx, List<String> ids) {
        if (ids.isEmpty()) return Set.of();
        return new HashSet<>(tx.dsl().selectDistinct(RBAC_POLICIES.OBJECT_ID).from(RBAC_POLICIES)
                .where(RBAC_POLICIES.OBJECT_ID.in(ids).and(RBAC_POLICIES.OBJECT_TYPE.eq(objectType))
                        .and(RBAC_POLICIES.ACTION.eq(SHARED))
                        .and(RBAC_POLICIES.TARGET_TENANT.in("*", String.valueOf(tx.ctx().projectId()))))
                .fetch(RBAC_POLICIES.OBJECT_ID));
    }

    /** Sets each object's {@code shared} as the caller sees it (to_dict's is_shared_with_project). */
    public void extendShared(Tx tx, List<Map<String, Object>> objects) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> o : objects) ids.add((String) o.get("id"));
        Set<String> shared = sharedWithCaller(tx, ids);
        for (Map<String, Object> o : objects) o.put("shared", shared.contains(o.get("id")));
    }

    /** The {@code shared} filter: true means shared with the caller's project or everyone. */
    public Condition sharedFilter(Tx tx, List<String> values) {
        Condition shared = sharedWith(tx.ctx().projectId());
        Condition any = DSL.falseCondition();
        for (String v : values) {
            Object b;
            try {
                b = Converters.BOOLEAN.convert(v);
            } catch (IllegalArgumentException e) {
                throw NeutronException.badRequest("Invalid input for operation: " + e.getMessage() + ".");
            }
            any = any.or(Boolean.TRUE.equals(b) ? shared : DSL.not(shared));
        }
        return any;
    }

    // ------------------------------------------------------------------ the object's shared flag

    /** attach_rbac: the wildcard entry of an object made shared, owned by the object's project. */
    public void share(DSLContext dsl, String objectId, String owner) {
        if (dsl.fetchExists(RBAC_POLICIES, entry(objectId, "*"))) return;
        dsl.insertInto(RBAC_POLICIES)
                .set(RBAC_POLICIES.ID, UUID.randomUUID().toString())
                .set(RBAC_POLICIES.PROJECT_ID, owner)
                .set(RBAC_POLICIES.OBJECT_TYPE, objectType)
                .set(RBAC_POLICIES.OBJECT_ID, objectId)
                .set(RBAC_POLICIES.TARGET_TENANT, "*")
                .set(RBAC_POLICIES.ACTION, SHARED)
                .set(RBAC_POLICIES.REVISION_NUMBER, 0L)
                .execute();
        setWildcard(dsl, objectId, true);
    }

    /** update_shared(False): the wildcard entry goes, unless a project depends on it (409). */
    public void unshare(DSLContext dsl, String objectId) {
        if (!dsl.fetchExists(RBAC_POLICIES, entry(objectId, "*"))) return;
        ensureRemovable(dsl, objectId, "*");
        deleteEntries(dsl, entry(objectId, "*"));
        setWildcard(dsl, objectId, false);
    }

    /** The shared flag of a create or update body applied (the object's row is written already). */
    public void applySharedFlag(Tx tx, String objectId, String owner, Object shared) {
        if (Boolean.TRUE.equals(shared)) share(tx.dsl(), objectId, owner);
        else if (Boolean.FALSE.equals(shared)) unshare(tx.dsl(), objectId);
    }

    /** All entries of a deleted object (the database's cascade in Neutron). */
    public void deleteAll(DSLContext dsl, String objectId) {
        deleteEntries(dsl, RBAC_POLICIES.OBJECT_ID.eq(objectId).and(RBAC_POLICIES.OBJECT_TYPE.eq(objectType)));
    }

    private static void deleteEntries(DSLContext dsl, Condition which) {
        var ids = dsl.select(RBAC_POLICIES.ID).from(RBAC_POLICIES).where(which).fetch(RBAC_POLICIES.ID);
        if (ids.isEmpty()) return;
        dsl.deleteFrom(TAGS).where(TAGS.RESOURCE_ID.in(ids)).execute();
        dsl.deleteFrom(RBAC_POLICIES).where(RBAC_POLICIES.ID.in(ids)).execute();
    }

    private void setWildcard(DSLContext dsl, String objectId, boolean value) {
        if (wildcardColumn == null) return;
        dsl.update(table).set(wildcardColumn, value).where(id.eq(objectId)).execute();
    }

    /**
     * _validate_rbac_policy_delete: a project's entry may go when a wildcard remains or the project uses
     * the object nowhere; the wildcard may go when every project using it keeps an entry of its own.
     */
    public void ensureRemovable(DSLContext dsl, String objectId, String target) {
        Set<String> using = bound.of(dsl, objectId);
        if (!"*".equals(target)) {
            if (dsl.fetchExists(RBAC_POLICIES, entry(objectId, "*"))) return;
            if (using.contains(target)) throw inUse(objectId, target);
            return;
        }
        Set<String> others = new HashSet<>(dsl.select(RBAC_POLICIES.TARGET_TENANT).from(RBAC_POLICIES)
                .where(entryOf(DSL.val(objectId)).and(RBAC_POLICIES.TARGET_TENANT.ne("*")))
                .fetch(RBAC_POLICIES.TARGET_TENANT));
        if (!others.containsAll(using)) throw inUse(objectId, target);
    }

    private static NeutronException inUse(String objectId, String target) {
        return NeutronException.conflict("RbacPolicyInUse", "RBAC policy on object " + objectId
                + " cannot be removed because other objects depend on it.\nDetails: project_id=" + target);
    }

    // ------------------------------------------------------------------ the entries themselves

    /** Hooks on the rbac_policies service for entries of this object type (others pass through). */
    public ResourceHooks entryHooks() {
        return new EntryHooks();
    }

    private final class EntryHooks implements ResourceHooks {
        private boolean mine(Map<String, Object> entry) {
            return objectType.equals(entry.get("object_type"));
        }

        @Override
        public void beforeCreate(Tx tx, Map<String, Object> entry) {
            if (!mine(entry)) return;
            String objectId = (String) entry.get("object_id");
            ownedOrAdmin(tx, objectId);
            if (!SHARED.equals(entry.get("action"))) {
                throw new NeutronException(400, "InvalidActionForType", "Invalid action '" + entry.get("action")
                        + "' for object type '" + objectType + "'. Valid actions: ('" + SHARED + "',)");
            }
            createCheck.check(tx, entry);
            String target = (String) entry.get("target_tenant");
            if (tx.dsl().fetchExists(RBAC_POLICIES, entry(objectId, target))) {
                throw NeutronException.conflict("DuplicateRbacPolicy",
                        "An RBAC policy already exists with those values.");
            }
            if ("*".equals(target)) setWildcard(tx.dsl(), objectId, true);
        }

        @Override
        public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
            if (!mine(current)) return;
            String objectId = (String) current.get("object_id");
            String owner = ownedOrAdmin(tx, objectId);
            Object target = changes.get("target_tenant");
            String previous = (String) current.get("target_tenant");
            if (target == null || target.equals(previous)) return;
            // validate_rbac_policy_update: retargeting to one project is removing the old target's entry
            if (!"*".equals(target) && !previous.equals(owner)) ensureRemovableWrapped(tx, objectId, previous);
            if ("*".equals(previous)) setWildcard(tx.dsl(), objectId, false);
            if ("*".equals(target)) setWildcard(tx.dsl(), objectId, true);
        }

        @Override
        public void beforeDelete(Tx tx, Map<String, Object> entry) {
            if (!mine(entry)) return;
            String objectId = (String) entry.get("object_id");
            String target = (String) entry.get("target_tenant");
            String owner = tx.dsl().select(project).from(table).where(id.eq(objectId)).fetchOne(project);
            if (owner != null && !owner.equals(target)) ensureRemovableWrapped(tx, objectId, target);
            if ("*".equals(target)) setWildcard(tx.dsl(), objectId, false);
        }

        /** Through /v2.0/rbac-policies the refusal comes from a callback, whose failure Zed wraps. */
        private void ensureRemovableWrapped(Tx tx, String objectId, String target) {
            try {
                ensureRemovable(tx.dsl(), objectId, target);
            } catch (NeutronException e) {
                throw NeutronException.conflict("RbacPolicyInUse", "RBAC policy on object " + objectId
                        + " cannot be removed because other objects depend on it.\nDetails: Callback " + callback
                        + ".validate_rbac_policy_change failed with \"" + e.getMessage() + "\"");
            }
        }

        /** The object's project; the caller must be it or an admin (InvalidInput wrapped as Zed's). */
        private String ownedOrAdmin(Tx tx, String objectId) {
            var row = tx.dsl().select(id, project).from(table).where(id.eq(objectId)).fetchOne();
            if (row == null) throw notFound.apply(objectId);
            if (!tx.ctx().isAdmin() && !Objects.equals(row.value2(), tx.ctx().projectId())) {
                throw NeutronException.invalidInputGeneric("Callback " + callback + ".validate_rbac_policy_change "
                        + "failed with \"Invalid input for operation: Only admins can manipulate policies on "
                        + "objects they do not own.\"");
            }
            return row.value2();
        }
    }
}
