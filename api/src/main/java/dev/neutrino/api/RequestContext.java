package dev.neutrino.api;

import java.util.Set;

/** Who is asking: the project new resources belong to, roles, and whether the caller is an admin. */
public record RequestContext(String userId, String projectId, Set<String> roles, boolean isAdmin, String requestId) {

    public static RequestContext admin(String projectId) {
        return new RequestContext(null, projectId, Set.of("admin"), true, newRequestId());
    }

    public static String newRequestId() {
        return "req-" + java.util.UUID.randomUUID();
    }
}
