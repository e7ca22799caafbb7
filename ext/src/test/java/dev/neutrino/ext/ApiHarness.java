package dev.neutrino.ext;

import dev.neutrino.common.Config;
import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.SQLDialect;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.NeutronApi;
import dev.neutrino.engine.RequestContext;

/** The engine over a fresh in-memory H2 database, called without HTTP, as a given caller. */
public final class ApiHarness implements AutoCloseable {
    final Database db;
    final Neutrino app;
    final NeutronApi api;

    public ApiHarness() {
        this(Config.defaults(NeutrinoOptions.ALL), dev.neutrino.policy.Policy.defaults());
    }

    /** With a policy of its own (e.g. Policy.builder().policyText(yaml).build()). */
    ApiHarness(dev.neutrino.policy.Policy policy) {
        this(Config.defaults(NeutrinoOptions.ALL), policy);
    }

    /** With a configuration of its own (e.g. VLAN ranges). */
    public ApiHarness(Config config) {
        this(config, dev.neutrino.policy.Policy.defaults());
    }

    ApiHarness(Config config, dev.neutrino.policy.Policy policy) {
        this(config, policy, dev.neutrino.common.ReleaseGate.NO_OLDER_SERVERS);
    }

    /** With a release gate of its own (servers of an older release "running" beside this one). */
    public ApiHarness(Config config, dev.neutrino.common.ReleaseGate gate) {
        this(config, dev.neutrino.policy.Policy.defaults(), gate);
    }

    ApiHarness(Config config, dev.neutrino.policy.Policy policy, dev.neutrino.common.ReleaseGate gate) {
        db = new Database(new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                SQLDialect.H2), 4);
        new Schema(db).upgradeAll();
        app = new Neutrino(config, db, policy, gate);
        api = new NeutronApi(app.engine());
    }

    /** The application under test (to register mechanism drivers or listen to its change feed). */
    public Neutrino app() {
        return app;
    }

    public record Result(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> get(String key) {
            return (Map<String, Object>) body.get(key);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) body.get(key);
        }

        public String errorType() {
            return (String) get("NeutronError").get("type");
        }
    }

    public Result call(RequestContext ctx, String method, String path, Object body) {
        return call(ctx, method, path, Map.of(), body);
    }

    @SuppressWarnings("unchecked")
    public Result call(RequestContext ctx, String method, String path, Map<String, List<String>> query, Object body) {
        try {
            ApiResponse r = api.handle(new ApiRequest(method, path, query, body, null, ctx, "http://test"));
            return new Result(r.status(), r.body() == null ? Map.of() : (Map<String, Object>) materialize(r.body()));
        } catch (NeutronException e) {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("type", e.type());
            err.put("message", e.getMessage());
            return new Result(e.status(), Map.of("NeutronError", err));
        }
    }

    static Object materialize(Object body) {
        return Bodies.materialize(body);
    }

    public static Map<String, Object> body(String key, Object... kv) {
        Map<String, Object> inner = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) inner.put((String) kv[i], kv[i + 1]);
        return Map.of(key, inner);
    }

    @Override
    public void close() {
        db.close();
    }
}
