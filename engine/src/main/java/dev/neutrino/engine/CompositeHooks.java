package dev.neutrino.engine;

import dev.neutrino.model.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;

/**
 * The hooks of one resource: its own (added first) and those other extensions add to it (L3 on
 * ports and networks, auto-allocation's {@code is_default} on networks...). Every hook runs, in the
 * order added, except {@link #beforeDelete}, which runs the others before the resource's own (an
 * extension removes or refuses its dependents before the resource checks that it is unused).
 * {@link #filter} and {@link #visibleTo} take the first hook that answers.
 */
final class CompositeHooks implements ResourceHooks {
    private final List<ResourceHooks> hooks;

    CompositeHooks(List<ResourceHooks> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    CompositeHooks plus(ResourceHooks more) {
        List<ResourceHooks> all = new ArrayList<>(hooks);
        all.add(more);
        return new CompositeHooks(all);
    }

    @Override
    public void beforeList(RequestContext ctx, ListQuery query) {
        for (ResourceHooks h : hooks) h.beforeList(ctx, query);
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> resource) {
        for (ResourceHooks h : hooks) h.beforeCreate(tx, resource);
    }

    @Override
    public List<org.jooq.Query> childInserts(Tx tx, Map<String, Object> resource) {
        if (hooks.size() == 1) return hooks.get(0).childInserts(tx, resource);
        List<org.jooq.Query> out = new ArrayList<>();
        for (ResourceHooks h : hooks) out.addAll(h.childInserts(tx, resource));
        return out;
    }

    @Override
    public void afterCreate(Tx tx, Map<String, Object> resource) {
        for (ResourceHooks h : hooks) h.afterCreate(tx, resource);
    }

    @Override
    public void extendCreated(Tx tx, Map<String, Object> row, Map<String, Object> written) {
        for (ResourceHooks h : hooks) h.extendCreated(tx, row, written);
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        for (ResourceHooks h : hooks) h.beforeUpdate(tx, current, changes);
    }

    @Override
    public void afterUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        for (ResourceHooks h : hooks) h.afterUpdate(tx, current, changes);
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> current) {
        for (int i = hooks.size() - 1; i >= 0; i--) hooks.get(i).beforeDelete(tx, current);
    }

    @Override
    public void afterDelete(Tx tx, Map<String, Object> deleted) {
        for (ResourceHooks h : hooks) h.afterDelete(tx, deleted);
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> resources) {
        for (ResourceHooks h : hooks) h.extend(tx, resources);
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> resources, Set<String> fields) {
        for (ResourceHooks h : hooks) h.extend(tx, resources, fields);
    }

    @Override
    public Condition filter(Tx tx, Attribute attribute, List<String> values) {
        return firstAnswer(h -> h.filter(tx, attribute, values));
    }

    @Override
    public void policyTarget(Tx tx, Map<String, Object> target) {
        for (ResourceHooks h : hooks) h.policyTarget(tx, target);
    }

    @Override
    public void policyTargets(Tx tx, List<Map<String, Object>> targets) {
        for (ResourceHooks h : hooks) h.policyTargets(tx, targets);
    }

    @Override
    public Condition visibleTo(Tx tx) {
        return firstAnswer(h -> h.visibleTo(tx));
    }

    private Condition firstAnswer(java.util.function.Function<ResourceHooks, Condition> ask) {
        for (ResourceHooks h : hooks) {
            Condition c = ask.apply(h);
            if (c != null) return c;
        }
        return null;
    }
}
