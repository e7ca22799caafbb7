package dev.neutrino.server;

import dev.neutrino.engine.RequestContext;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** Decides who the caller is. {@code noauth}: everyone is an admin of the X-Project-Id project. */
interface Authenticator {
    RequestContext authenticate(Request request, String requestId);

    /** Adds the WWW-Authenticate header to a 401 answer. */
    default void challenge(Response response) {}

    /** The project of new resources when noauth callers name none. */
    String DEFAULT_PROJECT = "neutrino-default-project";

    static Authenticator noauth() {
        return (request, requestId) -> {
            String project = request.getHeaders().get("X-Project-Id");
            if (project == null || project.isBlank()) project = request.getHeaders().get("X-Tenant-Id");
            if (project == null || project.isBlank()) project = DEFAULT_PROJECT;
            return new RequestContext(request.getHeaders().get("X-User-Id"), project,
                    java.util.Set.of("admin"), true, requestId);
        };
    }
}
