package dev.neutrino.server;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.common.NeutronException;
import dev.neutrino.keystone.AuthResult;
import dev.neutrino.keystone.Identity;
import dev.neutrino.keystone.TokenValidator;
import dev.neutrino.policy.Credentials;
import dev.neutrino.policy.Policy;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code auth_strategy = keystone}: keystonemiddleware's auth_token in front of the API. A missing,
 * invalid or expired token is 401 with {@code WWW-Authenticate}; Keystone unreachable is 503. The
 * token's user, project, domain, roles and system scope become the request's policy credentials;
 * whether the caller is an admin is Neutron's {@code context_is_admin} rule.
 */
final class KeystoneAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneAuthenticator.class);

    private final TokenValidator validator;
    private final Policy policy;

    KeystoneAuthenticator(TokenValidator validator, Policy policy) {
        this.validator = validator;
        this.policy = policy;
    }

    @Override
    public RequestContext authenticate(Request request, String requestId) {
        String token = request.getHeaders().get("X-Auth-Token");
        String service = request.getHeaders().get("X-Service-Token");
        AuthResult r = validator.authenticate(token, service);
        switch (r.outcome()) {
            case UNAUTHENTICATED, DELAYED -> {
                LOG.debug("{} not authenticated: {}", requestId, r.reason());
                throw new NeutronException(401, "HTTPUnauthorized",
                        "The request you have made requires authentication.");
            }
            case UNAVAILABLE -> {
                LOG.warn("{}: Keystone unavailable: {}", requestId, r.reason());
                throw new NeutronException(503, "HTTPServiceUnavailable",
                        "The server is currently unavailable. Please try again at a later time.");
            }
            default -> { }
        }
        Identity id = r.user();
        Set<String> roles = new LinkedHashSet<>(id.roles());
        Credentials creds = Credentials.builder()
                .userId(id.userId()).userName(id.userName()).userDomainId(id.userDomainId())
                .projectId(id.projectId()).projectName(id.projectName()).projectDomainId(id.projectDomainId())
                .domainId(id.domainId()).systemScope(id.systemScope()).roles(id.roles())
                .isAdminProject(id.isAdminProject()).build();
        boolean admin = policy.isAdmin(creds);
        return new RequestContext(id.userId(), id.projectId(), roles, admin, requestId, creds.withIsAdmin(admin));
    }

    @Override
    public void challenge(Response response) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, validator.wwwAuthenticate());
    }
}
