package dev.neutrino.ml2;

import java.util.Map;
import java.util.Objects;

/**
 * A change of a resource that has been committed, as a dataplane driver hears of it after the
 * commit (ML2/OVN subscribes to the same through neutron-lib's callbacks registry): which resource
 * ({@code network}, {@code port}, {@code security_group_rule}... the singular name), which id, and
 * the views the engine had in the transaction. {@code current} is the resource after the change
 * (before it, for a delete); {@code original} the resource before an update, else null. A
 * {@link Kind#TOUCH} is a revision bump for a change made outside the resource's row (its status,
 * an address a new subnet gave it, a rule added to its group): both views are null then. The views
 * may be older than the database by the time the listener runs; a driver that writes a backend
 * reads the current state again.
 */
public record CommittedChange(Kind kind, String resource, String id, Map<String, Object> current,
                              Map<String, Object> original) {
    public enum Kind { CREATE, UPDATE, DELETE, TOUCH }

    public CommittedChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(id, "id");
    }

    public static CommittedChange touch(String resource, String id) {
        return new CommittedChange(Kind.TOUCH, resource, id, null, null);
    }
}
