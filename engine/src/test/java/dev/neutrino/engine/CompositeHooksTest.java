package dev.neutrino.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The order in which a resource's own hooks and other extensions' hooks run. */
class CompositeHooksTest {
    static ResourceHooks recording(String name, List<String> log) {
        return new ResourceHooks() {
            @Override public void beforeCreate(Tx tx, Map<String, Object> r) { log.add(name + ".beforeCreate"); }
            @Override public void afterCreate(Tx tx, Map<String, Object> r) { log.add(name + ".afterCreate"); }
            @Override public void beforeDelete(Tx tx, Map<String, Object> r) { log.add(name + ".beforeDelete"); }
            @Override public void afterDelete(Tx tx, Map<String, Object> r) { log.add(name + ".afterDelete"); }
            @Override public void extend(Tx tx, List<Map<String, Object>> rs) { log.add(name + ".extend"); }
        };
    }

    @Test
    void othersRunAfterTheOwnHooksExceptBeforeDeleteWhereTheyRunFirst() {
        List<String> log = new ArrayList<>();
        CompositeHooks hooks = new CompositeHooks(List.of()).plus(recording("own", log)).plus(recording("l3", log))
                .plus(recording("qos", log));
        hooks.beforeCreate(null, Map.of());
        hooks.afterCreate(null, Map.of());
        hooks.extend(null, List.of());
        hooks.beforeDelete(null, Map.of());
        hooks.afterDelete(null, Map.of());
        assertThat(log).containsExactly("own.beforeCreate", "l3.beforeCreate", "qos.beforeCreate",
                "own.afterCreate", "l3.afterCreate", "qos.afterCreate",
                "own.extend", "l3.extend", "qos.extend",
                "qos.beforeDelete", "l3.beforeDelete", "own.beforeDelete",
                "own.afterDelete", "l3.afterDelete", "qos.afterDelete");
    }

    @Test
    void theFirstHookThatAnswersAFilterOrAVisibilityWins() {
        ResourceHooks silent = new ResourceHooks() {};
        ResourceHooks answering = new ResourceHooks() {
            @Override public org.jooq.Condition visibleTo(Tx tx) { return DSL.trueCondition(); }
            @Override public org.jooq.Condition filter(Tx tx, dev.neutrino.model.Attribute a, List<String> v) {
                return DSL.falseCondition();
            }
        };
        CompositeHooks hooks = new CompositeHooks(List.of(silent, answering, new ResourceHooks() {
            @Override public org.jooq.Condition visibleTo(Tx tx) { return DSL.noCondition(); }
        }));
        assertThat(hooks.visibleTo(null)).isEqualTo(DSL.trueCondition());
        assertThat(hooks.filter(null, null, List.of())).isEqualTo(DSL.falseCondition());
        assertThat(new CompositeHooks(List.of(silent)).visibleTo(null)).isNull();
    }
}
