package dev.neutrino.engine;

import java.util.Map;

/**
 * One committed-to-be change of a resource, as the engine tells its {@link ChangeListener}s inside
 * the writing transaction: {@code current} is the stored view after the change (before it, for a
 * delete), {@code original} the stored view before an update (null otherwise). The maps hold hidden
 * attributes too and must not be modified.
 */
public record ResourceChange(Operation operation, String resource, Map<String, Object> current,
                             Map<String, Object> original, RequestContext context) {

    public enum Operation { CREATE, UPDATE, DELETE }

    public ResourceChange {
        java.util.Objects.requireNonNull(operation, "operation");
        java.util.Objects.requireNonNull(resource, "resource");
        java.util.Objects.requireNonNull(current, "current");
    }
}
