package dev.neutrino.engine;

import dev.neutrino.policy.Credentials;
import java.util.Set;

/**
 * Who is asking: user, project (new resources belong to it), roles, whether the caller is an admin,
 * and the same as policy credentials (domain, system scope …) for the policy engine.
 */
public record RequestContext(String userId, String projectId, Set<String> roles, boolean isAdmin, String requestId,
                             Credentials creds) {

    public RequestContext(String userId, String projectId, Set<String> roles, boolean isAdmin, String requestId) {
        this(userId, projectId, roles, isAdmin, requestId,
                Credentials.project(userId, projectId, roles.toArray(String[]::new)).withIsAdmin(isAdmin));
    }

    public static RequestContext admin(String projectId) {
        return new RequestContext(null, projectId, Set.of("admin"), true, newRequestId());
    }

    /** A project member (roles member and reader), as a Keystone token of that project gives. */
    public static RequestContext member(String userId, String projectId) {
        return new RequestContext(userId, projectId, Set.of("member", "reader"), false, newRequestId());
    }

    public static String newRequestId() {
        return "req-" + java.util.UUID.randomUUID();
    }
}
