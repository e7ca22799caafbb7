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
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("type", e.type());
        err.put("message", e.getMessage());
        err.put("detail", e.detail());
        return new Error(e.status(), Map.of("NeutronError", err));
    }
}
