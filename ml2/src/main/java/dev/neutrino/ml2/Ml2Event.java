package dev.neutrino.ml2;

import dev.neutrino.engine.RequestContext;
import java.util.Map;

/**
 * One change of a network, subnet or port as ML2's NetworkContext / SubnetContext / PortContext
 * carry it: {@code current} is the resource after the change (before it, for a delete),
 * {@code original} the resource before an update (null otherwise). The maps are the stored view,
 * hidden attributes included, and must not be modified.
 */
public record Ml2Event(Operation operation, String resource, Map<String, Object> current,
                       Map<String, Object> original, RequestContext context) {

    public enum Operation { CREATE, UPDATE, DELETE }

    /** The ML2 view of a change the engine reports for a network, subnet or port. */
    public static Ml2Event of(dev.neutrino.engine.ResourceChange change) {
        return new Ml2Event(Operation.valueOf(change.operation().name()), change.resource(), change.current(),
                change.original(), change.context());
    }

    /** ML2's method name for this event, e.g. {@code update_port_precommit}. */
    public String methodName(boolean precommit) {
        return operation.name().toLowerCase(java.util.Locale.ROOT) + "_" + resource
                + (precommit ? "_precommit" : "_postcommit");
    }
}
