package dev.neutrino.engine;

import java.util.Map;

/**
 * An action on one resource, {@code PUT /v2.0/{collection}/{id}/{action}} with a JSON body, such
 * as a router's {@code add_router_interface}. Returns the response body.
 */
@FunctionalInterface
public interface MemberAction {
    Map<String, Object> apply(RequestContext ctx, String id, Map<String, Object> body);
}
