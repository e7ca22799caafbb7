package dev.neutrino.engine;

import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The /tags sub-resource of every resource with standard attributes (standard-attr-tag, tag-ext). */
final class TagsController {
    private final Database db;
    private final ResourceService svc;
    private final Runnable changed;

    TagsController(Database db, ResourceService svc, Runnable changed) {
        this.db = db;
        this.svc = svc;
        this.changed = changed;
    }

    ApiResponse handle(ApiRequest req, String id, String tag) {
        ApiResponse r = handleInTx(req, id, tag);
        if (!req.method().equals("GET")) changed.run();
        return r;
    }

    private ApiResponse handleInTx(ApiRequest req, String id, String tag) {
        if (tag != null) validateTag(tag);
        List<String> replacement = req.method().equals("PUT") && tag == null ? tagsBody(req) : null;
        return db.tx(dsl -> {
            Tx tx = new Tx(dsl, req.ctx());
            if (svc.findVisible(tx, id) == null) throw NeutronException.notFound(svc.def().singular(), id);
            switch (req.method()) {
                case "GET" -> {
                    if (tag == null) return ApiResponse.ok(Map.of("tags", Tags.get(dsl, id)));
                    if (!Tags.has(dsl, id, tag)) throw tagNotFound(id, tag);
                    return ApiResponse.noContent();
                }
                case "PUT" -> {
                    if (tag == null) {
                        Tags.replace(dsl, id, replacement);
                        svc.bumpRevision(tx, id);
                        return ApiResponse.ok(Map.of("tags", Tags.get(dsl, id)));
                    }
                    if (!Tags.has(dsl, id, tag)) {
                        Tags.add(dsl, id, tag);
                        svc.bumpRevision(tx, id);
                    }
                    return new ApiResponse(201, null);
                }
                case "DELETE" -> {
                    if (tag == null) {
                        Tags.deleteAll(dsl, id);
                    } else if (!Tags.delete(dsl, id, tag)) {
                        throw tagNotFound(id, tag);
                    }
                    svc.bumpRevision(tx, id);
                    return ApiResponse.noContent();
                }
                default -> throw new NeutronException(405, "HTTPMethodNotAllowed",
                        "The method is not allowed for the requested resource.");
            }
        });
    }

    private NeutronException tagNotFound(String id, String tag) {
        return new NeutronException(404, "TagNotFound", "Tag " + tag + " could not be found for resource " + id
                + ".");
    }

    private static void validateTag(String tag) {
        if (tag.isEmpty() || tag.length() > 255) {
            throw NeutronException.invalidInput("tags", "'" + tag + "' exceeds maximum length of 255");
        }
    }

    private static List<String> tagsBody(ApiRequest req) {
        if (!(req.body() instanceof Map<?, ?> m) || !(m.get("tags") instanceof List<?> l)) {
            throw NeutronException.badRequest("Invalid input for tags. Reason: Invalid tags body.");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw NeutronException.invalidInput("tags", "'" + o + "' is not a valid string");
            }
            validateTag(s);
            if (out.contains(s)) throw NeutronException.invalidInput("tags", "Duplicate items in the list: '" + s + "'");
            out.add(s);
        }
        return out;
    }
}
