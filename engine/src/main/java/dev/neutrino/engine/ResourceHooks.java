package dev.neutrino.engine;

import dev.neutrino.model.Attribute;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;

/**
 * The behaviour a resource has beyond storing its attributes. The generic {@link ResourceService}
 * calls these inside its transaction; every method has a do-nothing default, so a plain resource
 * needs no hooks at all. Hooks throw {@link dev.neutrino.common.NeutronException} to refuse.
 */
public interface ResourceHooks {
    ResourceHooks NONE = new ResourceHooks() {};

    /**
     * Before a list is read, outside any transaction (Neutron creates a project's default security
     * group when its groups are listed).
     */
    default void beforeList(RequestContext ctx, ListQuery query) {}

    /** Fills computed defaults and checks the new resource before it is inserted. */
    default void beforeCreate(Tx tx, Map<String, Object> resource) {}

    /**
     * Inserts of child rows (fixed IPs, security group bindings, ...) that the engine sends with the
     * resource's own insert in one round trip (a batch, after the row, so foreign keys hold). A unique
     * violation in the batch makes the transaction run again ({@link dev.neutrino.db.Retryable}).
     */
    default List<org.jooq.Query> childInserts(Tx tx, Map<String, Object> resource) {
        return List.of();
    }

    /** Writes what lives outside the resource's row (child tables) after the insert. */
    default void afterCreate(Tx tx, Map<String, Object> resource) {}

    /**
     * Computed attributes of a resource just created in this transaction ({@code row} as read back,
     * {@code written} the map that was inserted, after {@link #afterCreate}). By default
     * {@link #extend}; a resource that knows what it wrote may fill them without reading them back.
     */
    default void extendCreated(Tx tx, Map<String, Object> row, Map<String, Object> written) {
        extend(tx, List.of(row));
    }

    /** Checks and completes {@code changes} against the current state. */
    default void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {}

    default void afterUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {}

    /** Refuses the delete (in use) or removes dependents first. */
    default void beforeDelete(Tx tx, Map<String, Object> current) {}

    default void afterDelete(Tx tx, Map<String, Object> deleted) {}

    /** Adds computed attributes to loaded resources, in one batch for a whole page. */
    default void extend(Tx tx, List<Map<String, Object>> resources) {}

    /**
     * {@link #extend(Tx, List)} for a list answer limited to {@code fields} (empty: all); a resource
     * may skip what will not be shown. Policy checks on list rows must not read what is skipped.
     */
    default void extend(Tx tx, List<Map<String, Object>> resources, java.util.Set<String> fields) {
        extend(tx, resources);
    }

    /**
     * A SQL condition for a filter on an attribute the generic store cannot filter (not a plain
     * column), or null when this resource does not support that filter.
     */
    default Condition filter(Tx tx, Attribute attribute, List<String> values) {
        return null;
    }

    /**
     * Adds to a policy target what the resource's rules read from its parents (e.g. a port's
     * {@code network:tenant_id} and {@code network:shared}), so no rule needs a lookup of its own.
     */
    default void policyTarget(Tx tx, Map<String, Object> target) {}

    /** {@link #policyTarget} for a page of targets; resources whose lookup can be batched override it. */
    default void policyTargets(Tx tx, List<Map<String, Object>> targets) {
        for (Map<String, Object> t : targets) policyTarget(tx, t);
    }

    /** The rows a non-admin caller may see; null means "own project only". */
    default Condition visibleTo(Tx tx) {
        return null;
    }
}
