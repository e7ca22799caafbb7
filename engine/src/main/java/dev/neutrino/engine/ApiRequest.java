package dev.neutrino.engine;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the API sees it, independent of the web server: method, path below the root,
 * decoded query parameters (in order, repeated keys kept), the parsed JSON body (or null), the
 * If-Match header, the caller and the URL prefix used to build links.
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, Object body, String ifMatch,
                         RequestContext ctx, String baseUrl) {}
