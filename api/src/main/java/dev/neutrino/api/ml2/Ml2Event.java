package dev.neutrino.api.ml2;

import dev.neutrino.api.RequestContext;
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

    /** ML2's method name for this event, e.g. {@code update_port_precommit}. */
    public String methodName(boolean precommit) {
        return operation.name().toLowerCase(java.util.Locale.ROOT) + "_" + resource
                + (precommit ? "_precommit" : "_postcommit");
    }
}
