package dev.neutrino.ext.l3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.ext.Neutrino;
import dev.neutrino.engine.NeutronApi;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.common.Config;
import dev.neutrino.common.Json;
import dev.neutrino.common.NeutronException;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The real engine over a fresh in-memory H2 database, driven through {@link NeutronApi} as the HTTP
 * edge would, with a few fixtures: an external network (public) and a project network (private).
 */
abstract class L3TestBase {
    static final RequestContext ADMIN = RequestContext.admin("p1");
    static final RequestContext USER = RequestContext.member("u1", "p1");
    static final RequestContext OTHER = RequestContext.member("u2", "p2");

    Database db;
    Neutrino app;
    NeutronApi api;
    private Runnable dropDatabase = () -> { };

    /**
     * H2 in memory; {@code -Dneutrino.test.l3.db=postgresql|mariadb} runs the same tests on a fresh
     * database of that server (with the neutrino.test.KIND / neutrino.test.db.user / .password
     * properties scripts/test-all.sh sets).
     */
    @BeforeEach
    void start() throws Exception {
        String kind = System.getProperty("neutrino.test.l3.db", "h2");
        DatabaseUrl url;
        if (kind.equals("h2")) {
            url = new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", SQLDialect.H2);
        } else {
            String name = "neutrino_l3_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String admin = System.getProperty("neutrino.test." + kind);
            String user = System.getProperty("neutrino.test.db.user");
            String password = System.getProperty("neutrino.test.db.password");
            try (var c = DriverManager.getConnection(admin, user, password); var st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            dropDatabase = () -> {
                try (var c = DriverManager.getConnection(admin, user, password); var st = c.createStatement()) {
                    st.execute("DROP DATABASE " + name);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            url = new DatabaseUrl(admin.substring(0, admin.lastIndexOf('/') + 1) + name, user, password,
                    kind.equals("postgresql") ? SQLDialect.POSTGRES : SQLDialect.MARIADB);
        }
        db = new Database(url, 4);
        new Schema(db).upgradeAll();
        app = new Neutrino(Config.defaults(NeutrinoOptions.ALL), db);
        api = new NeutronApi(app.engine());
    }

    @AfterEach
    void stop() {
        db.close();
        dropDatabase.run();
    }

    // ------------------------------------------------------------------ requests

    /** JSON with single quotes for readability. */
    static Object json(String text) {
        return Json.read(text.replace('\'', '"'));
    }

    ApiResponse call(RequestContext ctx, String method, String path, Object body) {
        return api.handle(new ApiRequest(method, path, Map.of(), body, null, ctx, "http://x"));
    }

    ApiResponse call(RequestContext ctx, String method, String path, Map<String, List<String>> query) {
        return api.handle(new ApiRequest(method, path, query, null, null, ctx, "http://x"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> create(RequestContext ctx, String collection, String singular, String body) {
        ApiResponse r = call(ctx, "POST", "/v2.0/" + collection, json(body));
        assertThat(r.status()).isEqualTo(201);
        return (Map<String, Object>) ((Map<String, Object>) dev.neutrino.ext.Bodies.materialize(r.body())).get(singular);
    }

    Map<String, Object> create(String collection, String singular, String body) {
        return create(ADMIN, collection, singular, body);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> show(RequestContext ctx, String collection, String singular, Object id) {
        ApiResponse r = call(ctx, "GET", "/v2.0/" + collection + "/" + id, (Object) null);
        assertThat(r.status()).isEqualTo(200);
        return (Map<String, Object>) ((Map<String, Object>) dev.neutrino.ext.Bodies.materialize(r.body())).get(singular);
    }

    Map<String, Object> show(String collection, String singular, Object id) {
        return show(ADMIN, collection, singular, id);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> update(RequestContext ctx, String collection, String singular, Object id, String body) {
        ApiResponse r = call(ctx, "PUT", "/v2.0/" + collection + "/" + id, json(body));
        assertThat(r.status()).isEqualTo(200);
        return (Map<String, Object>) ((Map<String, Object>) dev.neutrino.ext.Bodies.materialize(r.body())).get(singular);
    }

    Map<String, Object> update(String collection, String singular, Object id, String body) {
        return update(ADMIN, collection, singular, id, body);
    }

    void delete(RequestContext ctx, String collection, Object id) {
        assertThat(call(ctx, "DELETE", "/v2.0/" + collection + "/" + id, (Object) null).status()).isEqualTo(204);
    }

    void delete(String collection, Object id) {
        delete(ADMIN, collection, id);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(RequestContext ctx, String collection, Map<String, List<String>> query) {
        ApiResponse r = call(ctx, "GET", "/v2.0/" + collection, query);
        assertThat(r.status()).isEqualTo(200);
        return (List<Map<String, Object>>) ((Map<String, Object>) dev.neutrino.ext.Bodies.materialize(r.body())).get(collection);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> action(RequestContext ctx, Object routerId, String action, String body) {
        ApiResponse r = call(ctx, "PUT", "/v2.0/routers/" + routerId + "/" + action, json(body));
        assertThat(r.status()).isEqualTo(200);
        return (Map<String, Object>) dev.neutrino.ext.Bodies.materialize(r.body());
    }

    Map<String, Object> action(Object routerId, String action, String body) {
        return action(ADMIN, routerId, action, body);
    }

    /** The NeutronException a request fails with. */
    NeutronException fails(RequestContext ctx, String method, String path, String body) {
        NeutronException e = catchThrowableOfType(NeutronException.class,
                () -> call(ctx, method, path, body == null ? null : json(body)));
        assertThat(e).as("%s %s should fail", method, path).isNotNull();
        return e;
    }

    NeutronException fails(String method, String path, String body) {
        return fails(ADMIN, method, path, body);
    }

    static void assertError(NeutronException e, int status, String type, String message) {
        assertThat(e.status()).as("status of %s", e.getMessage()).isEqualTo(status);
        assertThat(e.type()).as("type of %s", e.getMessage()).isEqualTo(type);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    // ------------------------------------------------------------------ fixtures

    /** An external network of the operators' project. */
    Map<String, Object> externalNetwork() {
        return create("networks", "network", "{'network': {'name': 'public', 'router:external': true, "
                + "'project_id': 'ops'}}");
    }

    /** A subnet of the operators' project (on the external network). */
    Map<String, Object> subnet(Object networkId, String cidr) {
        return create("subnets", "subnet", "{'subnet': {'network_id': '" + networkId + "', 'ip_version': "
                + (cidr.contains(":") ? 6 : 4) + ", 'cidr': '" + cidr + "', 'project_id': 'ops'}}");
    }

    Map<String, Object> network(RequestContext ctx, String name) {
        return create(ctx, "networks", "network", "{'network': {'name': '" + name + "'}}");
    }

    Map<String, Object> subnet(RequestContext ctx, Object networkId, String cidr) {
        return create(ctx, "subnets", "subnet", "{'subnet': {'network_id': '" + networkId + "', 'ip_version': "
                + (cidr.contains(":") ? 6 : 4) + ", 'cidr': '" + cidr + "'}}");
    }

    Map<String, Object> router(RequestContext ctx, String body) {
        return create(ctx, "routers", "router", body);
    }

    /**
     * A port of the caller's project. An admin creates it on the project's behalf: what the tests
     * look at is the port's project, not who made it (and member port creation belongs to the
     * port API's own tests).
     */
    Map<String, Object> port(RequestContext ctx, Object networkId) {
        return create(ADMIN, "ports", "port", "{'port': {'network_id': '" + networkId + "', 'project_id': '"
                + ctx.projectId() + "'}}");
    }

    /** A port of project p1 from a full request body. */
    @SuppressWarnings("unchecked")
    Map<String, Object> userPort(String body) {
        Map<String, Object> request = (Map<String, Object>) json(body);
        ((Map<String, Object>) request.get("port")).put("project_id", USER.projectId());
        ApiResponse r = call(ADMIN, "POST", "/v2.0/ports", request);
        assertThat(r.status()).isEqualTo(201);
        return (Map<String, Object>) ((Map<String, Object>) dev.neutrino.ext.Bodies.materialize(r.body())).get("port");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> fixedIps(Map<String, Object> port) {
        return (List<Map<String, Object>>) port.get("fixed_ips");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> gatewayInfo(Map<String, Object> router) {
        return (Map<String, Object>) router.get("external_gateway_info");
    }

    static Map<String, List<String>> query(String key, String value) {
        return Map.of(key, List.of(value));
    }

    /** Ports of a device, seen by an admin. */
    List<Map<String, Object>> portsOf(Object deviceId) {
        return list(ADMIN, "ports", query("device_id", String.valueOf(deviceId)));
    }
}
