package dev.neutrino.server;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.model.Validators;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** Decides who the caller is. {@code noauth}: everyone is an admin of the X-Project-Id project. */
interface Authenticator {
    RequestContext authenticate(Request request, String requestId);

    /** Adds the WWW-Authenticate header to a 401 answer. */
    default void challenge(Response response) {}

    /** The project of new resources when noauth callers name none. */
    String DEFAULT_PROJECT = "neutrino-default-project";

    /**
     * noauth: X-Project-Id (or X-Tenant-Id); empty or absent is no project (the default one, as
     * Neutron's NoauthFakeProjectId). A project id no Keystone could have made is 400: resources
     * (the project's default security group first) would be created for it.
     */
    static Authenticator noauth() {
        return (request, requestId) -> {
            String project = request.getHeaders().get("X-Project-Id");
            if (project == null || project.isBlank()) project = request.getHeaders().get("X-Tenant-Id");
            if (project == null || project.isBlank()) project = DEFAULT_PROJECT;
            String invalid = Validators.PROJECT_ID.validate(project);
            if (invalid != null) throw NeutronException.badRequest("Invalid X-Project-Id: " + invalid);
            return new RequestContext(request.getHeaders().get("X-User-Id"), project,
                    java.util.Set.of("admin"), true, requestId);
        };
    }
}
