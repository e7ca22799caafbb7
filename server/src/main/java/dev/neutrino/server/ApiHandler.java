package dev.neutrino.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.NeutronApi;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.engine.StreamedBody;
import dev.neutrino.common.Json;
import dev.neutrino.common.NeutronException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP edge: reads method, path, query and JSON body, asks the authenticator who is calling,
 * hands the request to {@link NeutronApi} and writes its answer or its error as JSON.
 * Runs on a virtual thread per request, so the blocking calls below are fine.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT");

    private final NeutronApi api;
    private final Authenticator auth;
    private final MeterRegistry metrics;
    private final RequestLimits limits;

    ApiHandler(NeutronApi api, Authenticator auth, MeterRegistry metrics, RequestLimits limits) {
        this.api = api;
        this.auth = auth;
        this.metrics = metrics;
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        String requestId = RequestContext.newRequestId();
        String method = request.getMethod();
        String path = request.getHttpURI().getDecodedPath();
        int status;
        Object body;
        try {
            limits.checkHeaders(request.getHeaders());
            // version discovery is open to all, as in Neutron's paste pipeline
            RequestContext ctx = path.equals("/") || path.isEmpty()
                    ? RequestContext.admin(null) : auth.authenticate(request, requestId);
            Map<String, List<String>> query = QueryString.parse(request.getHttpURI().getQuery());
            Object json = null;
            if (BODY_METHODS.contains(method)) {
                String text = limits.readBody(request);
                if (!text.isBlank()) json = parse(text);
            }
            ApiResponse r = api.handle(new ApiRequest(method, path, query, json,
                    request.getHeaders().get(HttpHeader.IF_MATCH), ctx, baseUrl(request)));
            status = r.status();
            body = r.body();
        } catch (Throwable t) {
            ErrorWriter.Error e = ErrorWriter.of(t, requestId);
            status = e.status();
            body = e.body();
        }
        try {
            status = send(response, status, body, requestId);
            callback.succeeded();
        } catch (Throwable t) {
            // part of a streamed answer went out and then reading or writing failed (e.g. the client
            // went away): the connection is aborted, the client sees a truncated answer
            callback.failed(t);
        } finally {
            if (body instanceof StreamedBody s) s.close(); // ends its read transaction in every case
        }
        Timer.builder("neutrino.http.requests").tag("method", method).tag("status", Integer.toString(status))
                .tag("resource", resourceOf(path)).register(metrics).record(System.nanoTime() - start,
                        java.util.concurrent.TimeUnit.NANOSECONDS);
        return true;
    }

    /**
     * Writes status, headers and body; returns the status sent. A streamed body that fails before
     * its first byte left (its buffer was not yet full) is replaced by the error's answer.
     */
    private int send(Response response, int status, Object body, String requestId) throws Exception {
        head(response, status, requestId);
        if (body == null) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            return status;
        }
        if (!(body instanceof StreamedBody streamed)) {
            JsonBody.write(response, body);
            return status;
        }
        try {
            JsonBody.write(response, streamed);
            return status;
        } catch (Throwable t) {
            if (response.isCommitted()) throw t;
            ErrorWriter.Error e = ErrorWriter.of(t, requestId);
            response.reset();
            head(response, e.status(), requestId);
            JsonBody.write(response, e.body());
            return e.status();
        }
    }

    private void head(Response response, int status, String requestId) {
        response.setStatus(status);
        response.getHeaders().put("X-Openstack-Request-Id", requestId);
        if (status == 401) auth.challenge(response);
    }

    private static Object parse(String text) {
        try {
            return Json.MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw NeutronException.badRequest("Malformed request body");
        }
    }

    private static String baseUrl(Request request) {
        var uri = request.getHttpURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String resourceOf(String path) {
        String[] seg = path.split("/");
        return seg.length > 2 ? seg[2].replace(".json", "") : "root";
    }
}
