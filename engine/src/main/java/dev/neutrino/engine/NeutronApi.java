package dev.neutrino.engine;

import dev.neutrino.common.NeutronException;
import dev.neutrino.model.Validators;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes a request to the engine: {@code /v2.0/{collection}[/{id}[/tags[/{tag}]]]}, a member's action or
 * sub-resource ({@code /v2.0/ports/{id}/bindings...}, see {@link Engine#subEndpoint}), quotas, extensions
 * and the version documents. Returns values or throws {@link NeutronException}; never builds HTTP by hand.
 */
public final class NeutronApi {
    private final Engine app;
    private final int paginationMaxLimit;
    private volatile String build;

    public NeutronApi(Engine app) {
        this(app, -1);
    }

    /** With {@code pagination_max_limit} (-1: lists are not paged unless asked to). */
    public NeutronApi(Engine app, int paginationMaxLimit) {
        this.app = app;
        this.paginationMaxLimit = paginationMaxLimit;
    }

    /** The server's build, shown in the version document's entry ({@code GET /}) beside Neutron's keys. */
    public NeutronApi build(String build) {
        this.build = build;
        return this;
    }

    public ApiResponse handle(ApiRequest req) {
        String path = req.path();
        if (path.endsWith(".json")) path = path.substring(0, path.length() - 5);
        // neutron's V2Controller.index answers only "/v2.0/" (test_get_no_trailing_slash)
        if (path.equals("/v2.0")) throw notFound();
        while (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (path.isEmpty() || path.equals("/")) {
            if (!req.method().equals("GET")) throw methodNotAllowed();
            return versions(req);
        }
        String[] seg = path.substring(1).split("/");
        if (!seg[0].equals("v2.0")) throw notFound();
        if (seg.length == 1) {
            if (!req.method().equals("GET")) throw methodNotAllowed();
            return resources(req);
        }
        seg = joinPrefix(seg);
        String collection = seg[1];
        return switch (collection) {
            case "extensions" -> extensions(req, seg);
            case "quotas" -> quotas(req, seg);
            default -> {
                Endpoint endpoint = app.endpoint(collection);
                yield endpoint != null ? endpoint.handle(req, seg) : resource(req, seg);
            }
        };
    }

    /**
     * A resource or endpoint under an API prefix ({@code qos/policies}, neutron-lib's API_PREFIX) is
     * served at a path of two segments: they are joined into one, so what follows is routed as for
     * {@code /v2.0/{collection}/...}.
     */
    private String[] joinPrefix(String[] seg) {
        if (seg.length < 3) return seg;
        String joined = seg[1] + "/" + seg[2];
        if (app.serviceAt(joined) == null && app.endpoint(joined) == null) return seg;
        String[] out = new String[seg.length - 1];
        out[0] = seg[0];
        out[1] = joined;
        System.arraycopy(seg, 3, out, 2, seg.length - 3);
        return out;
    }

    private static NeutronException notFound() {
        return new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
    }

    private static NeutronException methodNotAllowed() {
        return new NeutronException(405, "HTTPMethodNotAllowed",
                "The method is not allowed for the requested resource.");
    }

    // ------------------------------------------------------------------ documents

    private ApiResponse versions(ApiRequest req) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v2.0");
        v.put("status", "CURRENT");
        v.put("links", List.of(Map.of("href", req.baseUrl() + "/v2.0/", "rel", "self")));
        // inside the version entry: clients (tempest's test_api_version_resources) take every
        // top-level value of the document for a list of versions
        if (build != null) v.put("build", build);
        return ApiResponse.ok(Map.of("versions", List.of(v)));
    }

    private ApiResponse resources(ApiRequest req) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ResourceService s : app.services()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("links", List.of(Map.of("href", req.baseUrl() + "/v2.0/" + s.def().path(), "rel", "self")));
            r.put("name", s.def().singular());
            r.put("collection", s.def().collection());
            out.add(r);
        }
        return ApiResponse.ok(Map.of("resources", out));
    }

    private ApiResponse extensions(ApiRequest req, String[] seg) {
        if (!req.method().equals("GET")) throw notFound();
        List<dev.neutrino.model.ExtensionDef> all = new ArrayList<>(app.extensions());
        all.sort(java.util.Comparator.comparing(dev.neutrino.model.ExtensionDef::alias));
        if (seg.length == 2) {
            return ApiResponse.ok(Map.of("extensions", all.stream().map(EngineExtensions::view).toList()));
        }
        if (seg.length == 3) {
            for (var e : all) if (e.alias().equals(seg[2])) return ApiResponse.ok(Map.of("extension", EngineExtensions.view(e)));
            throw notFound();
        }
        throw notFound();
    }

    // ------------------------------------------------------------------ quotas

    private ApiResponse quotas(ApiRequest req, String[] seg) {
        Quotas q = app.quotas();
        String method = req.method();
        if (seg.length == 2) {
            if (!method.equals("GET")) throw methodNotAllowed();
            requireAdmin(req);
            return ApiResponse.ok(Map.of("quotas", q.list()));
        }
        String project = seg[2];
        if (project.equals("tenant") || project.equals("project")) {
            if (seg.length != 3 || !method.equals("GET")) throw notFound();
            return ApiResponse.ok(Map.of(project, Map.of(project + "_id", req.ctx().projectId())));
        }
        String invalid = Validators.PROJECT_ID.validate(project);
        if (invalid != null) throw NeutronException.invalidInput("project_id", invalid);
        if (!req.ctx().isAdmin() && !project.equals(req.ctx().projectId())) {
            throw new NeutronException(403, "HTTPForbidden", "Non-admin is not authorised to access quotas for "
                    + "another project");
        }
        if (seg.length == 4) {
            if (!method.equals("GET")) throw methodNotAllowed();
            return switch (seg[3]) {
                case "details" -> ApiResponse.ok(Map.of("quota", q.details(project)));
                case "default" -> ApiResponse.ok(Map.of("quota", new LinkedHashMap<>(q.defaults())));
                default -> throw notFound();
            };
        }
        if (seg.length != 3) throw notFound();
        return switch (method) {
            case "GET" -> ApiResponse.ok(Map.of("quota", q.show(project)));
            case "PUT" -> {
                requireAdmin(req);
                yield ApiResponse.ok(Map.of("quota", q.update(project, bodyObject(req, "quota"))));
            }
            case "DELETE" -> {
                requireAdmin(req);
                q.reset(project);
                yield ApiResponse.noContent();
            }
            default -> throw methodNotAllowed();
        };
    }

    private static void requireAdmin(ApiRequest req) {
        if (!req.ctx().isAdmin()) {
            throw new NeutronException(403, "HTTPForbidden", "Only admin is authorized to access this resource.");
        }
    }

    // ------------------------------------------------------------------ resources

    private ApiResponse resource(ApiRequest req, String[] seg) {
        ResourceService svc = app.serviceAt(seg[1]);
        if (svc == null) throw notFound();
        String singular = svc.def().singular();
        String method = req.method();
        if (seg.length == 2) {
            return switch (method) {
                case "GET" -> list(req, svc);
                case "POST" -> create(req, svc);
                default -> throw methodNotAllowed();
            };
        }
        String id = seg[2];
        if (seg.length == 3) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(Map.of(singular,
                        svc.show(req.ctx(), id, ListQuery.parse(req.query()).fields())));
                case "PUT" -> ApiResponse.ok(Map.of(singular,
                        svc.update(req.ctx(), id, bodyObject(req, singular), ifMatch(req))));
                case "DELETE" -> {
                    svc.delete(req.ctx(), id, ifMatch(req));
                    yield ApiResponse.noContent();
                }
                default -> throw methodNotAllowed();
            };
        }
        MemberAction action = seg.length == 4 ? app.action(seg[1], seg[3]) : null;
        if (action != null) {
            if (!method.equals("PUT")) throw methodNotAllowed();
            if (!(req.body() instanceof Map<?, ?> m)) throw NeutronException.badRequest("Resource body required");
            @SuppressWarnings("unchecked")
            Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) m);
            Map<String, Object> result = action.apply(req.ctx(), id, body);
            app.fireCommitted();
            return ApiResponse.ok(result);
        }
        Endpoint sub = app.subEndpoint(seg[1], seg[3]);
        if (sub != null) {
            ApiResponse answer = sub.handle(req, seg);
            if (!method.equals("GET")) app.fireCommitted();
            return answer;
        }
        if (seg[3].equals("tags") && svc.def().has("tags") && seg.length <= 5) {
            return new TagsController(app.db(), svc, app::fireCommitted).handle(req, id, seg.length == 5 ? seg[4] : null);
        }
        throw notFound();
    }

    private ApiResponse list(ApiRequest req, ResourceService svc) {
        ListQuery q = ListQuery.parse(req.query()).capped(paginationMaxLimit);
        ResourceService.Listing listing = svc.openList(req.ctx(), q); // 400/404 here, before any byte is sent
        String collection = svc.def().collection();
        return ApiResponse.ok(new StreamedBody() {
            @Override
            public void write(com.fasterxml.jackson.core.JsonGenerator json) throws java.io.IOException {
                json.writeStartObject();
                json.writeArrayFieldStart(collection);
                for (List<Map<String, Object>> chunk = listing.next(); !chunk.isEmpty(); chunk = listing.next()) {
                    for (Map<String, Object> item : chunk) json.writeObject(item);
                }
                json.writeEndArray();
                List<Map<String, Object>> links = listing.links();
                if (!links.isEmpty()) {
                    json.writeArrayFieldStart(collection + "_links");
                    for (Map<String, Object> l : links) {
                        json.writeObject(Map.of("rel", l.get("rel"), "href", href(req, svc.def().path(),
                                (String) l.get("marker"), (Boolean) l.get("page_reverse"))));
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }

            @Override
            public void close() {
                listing.close();
            }
        });
    }

    private static String href(ApiRequest req, String collection, String marker, boolean reverse) {
        StringBuilder sb = new StringBuilder(req.baseUrl()).append("/v2.0/").append(collection).append('?');
        boolean first = true;
        for (var e : req.query().entrySet()) {
            if (Set.of("marker", "page_reverse").contains(e.getKey())) continue;
            for (String v : e.getValue()) {
                if (!first) sb.append('&');
                sb.append(enc(e.getKey())).append('=').append(enc(v));
                first = false;
            }
        }
        if (marker != null) sb.append(first ? "" : "&").append("marker=").append(enc(marker));
        if (reverse) sb.append("&page_reverse=True");
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private ApiResponse create(ApiRequest req, ResourceService svc) {
        String singular = svc.def().singular();
        String collection = svc.def().collection();
        if (req.body() instanceof Map<?, ?> m && m.size() == 1 && m.get(collection) instanceof List<?> items) {
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (Object o : items) {
                if (!(o instanceof Map<?, ?> item)) throw NeutronException.badRequest("Resource body required");
                // neutron's prepare_request_body: an item may be wrapped in the resource's key
                Object inner = item.get(singular);
                bodies.add((Map<String, Object>) (item.size() == 1 && inner instanceof Map<?, ?> ? inner : item));
            }
            if (bodies.isEmpty()) throw NeutronException.badRequest("Resources required");
            return ApiResponse.created(Map.of(collection, svc.createBulk(req.ctx(), bodies)));
        }
        return ApiResponse.created(Map.of(singular, svc.create(req.ctx(), bodyObject(req, singular))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> bodyObject(ApiRequest req, String key) {
        if (!(req.body() instanceof Map<?, ?> m)) throw NeutronException.badRequest("Resource body required");
        Object inner = m.get(key);
        if (m.size() != 1 || !(inner instanceof Map<?, ?>)) {
            throw NeutronException.badRequest("Unable to find '" + key + "' in request body");
        }
        return new LinkedHashMap<>((Map<String, Object>) inner);
    }

    private static Long ifMatch(ApiRequest req) {
        String h = req.ifMatch();
        if (h == null || h.isBlank()) return null;
        for (String part : h.split(",")) {
            String p = part.strip();
            if (p.startsWith("revision_number=")) {
                try {
                    return Long.parseLong(p.substring("revision_number=".length()));
                } catch (NumberFormatException e) {
                    throw NeutronException.badRequest("If-Match header requires revision_number=<int>");
                }
            }
        }
        throw NeutronException.badRequest("If-Match header requires revision_number=<int>");
    }
}
