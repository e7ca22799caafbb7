package dev.neutrino.server;

import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Retryable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns a failure into Neutron's status code and NeutronError body. */
final class ErrorWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorWriter.class);

    record Error(int status, Map<String, Object> body) {}

    private ErrorWriter() {}

    static Error of(Throwable t, String requestId) {
        NeutronException e;
        if (t instanceof NeutronException ne) {
            e = ne;
        } else if (t instanceof Retryable) {
            LOG.warn("{} gave up after repeated conflicts: {}", requestId, t.getMessage());
            e = new NeutronException(409, "Conflict", "The request conflicted with concurrent changes; retry it.");
        } else {
            LOG.error("{} failed", requestId, t);
            e = new NeutronException(500, "HTTPInternalServerError",
                    "Request Failed: internal server error while processing your request.");
        }
        if (e.status() == 401 || e.status() == 503 && e.type().equals("HTTPServiceUnavailable")) {
            // these come from the auth middleware in Neutron, which answers in keystonemiddleware's shape
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("code", e.status());
            err.put("title", e.status() == 401 ? "Unauthorized" : "Service Unavailable");
            err.put("message", e.getMessage());
            return new Error(e.status(), Map.of("error", err));
        }
        return neutronError(e);
    }

    /**
     * An answer Jetty gives before any handler runs (a request it cannot parse or will not route: bad
     * URI, ambiguous path, duplicate Content-Length, headers too large), as a NeutronError with the
     * type webob gives the status. A server error says nothing of its cause.
     */
    static Error ofStatus(int status, String message) {
        if (status >= 500) {
            return neutronError(new NeutronException(status, status == 503 ? "HTTPServiceUnavailable"
                    : "HTTPInternalServerError", "Request Failed: internal server error while processing your "
                    + "request."));
        }
        String text = message == null || message.isBlank() ? "The request could not be understood." : message;
        return neutronError(new NeutronException(status, typeOf(status), text));
    }

    /** webob's exception class name for a 4xx status, as Neutron's NeutronError types name them. */
    static String typeOf(int status) {
        return switch (status) {
            case 401 -> "HTTPUnauthorized";
            case 403 -> "HTTPForbidden";
            case 404 -> "HTTPNotFound";
            case 405 -> "HTTPMethodNotAllowed";
            case 406 -> "HTTPNotAcceptable";
            case 408 -> "HTTPRequestTimeout";
            case 409 -> "HTTPConflict";
            case 411 -> "HTTPLengthRequired";
            case 413 -> "HTTPRequestEntityTooLarge";
            case 414 -> "HTTPRequestURITooLong";
            case 415 -> "HTTPUnsupportedMediaType";
            case 417 -> "HTTPExpectationFailed";
            case 431 -> "HTTPRequestHeaderFieldsTooLarge";
            default -> "HTTPBadRequest";
        };
    }

    private static Error neutronError(NeutronException e) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("type", e.type());
        err.put("message", e.getMessage());
        err.put("detail", e.detail());
        return new Error(e.status(), Map.of("NeutronError", err));
    }
}
