package dev.neutrino.it;

import static dev.neutrino.it.J.obj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Base of the API test classes: each class runs once per database of {@link TestDatabases#all()},
 * against one server on a fresh database. Every test acts in a project of its own ({@link #api}),
 * so tests of one class do not see each other's resources unless they list across projects.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.neutrino.it.TestDatabases#all")
public abstract class ApiTest {
    /** The server of the current class invocation (test classes run one after another). */
    protected static ServerUnderTest server;

    @Parameter
    protected TestDatabases.TestDatabase database;

    /** A client in this test's own project. */
    protected Client api;
    protected String project;

    @BeforeParameterizedClassInvocation
    static void startServer(TestDatabases.TestDatabase db) throws Exception {
        server = ServerUnderTest.start(db);
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        if (server != null) {
            ServerUnderTest s = server;
            server = null;
            s.close();
        }
    }

    @BeforeEach
    void newProject() {
        project = newProjectId();
        api = server.as(project);
    }

    protected static String newProjectId() {
        return "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    // ------------------------------------------------------------------ helpers

    protected JsonNode createNetwork(String name) {
        return api.post("/v2.0/networks", obj("network", obj("name", name))).expect(201).at("/network");
    }

    protected String createNetworkId(String name) {
        return createNetwork(name).path("id").asText();
    }

    protected static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) out.add(n.path("id").asText());
        return out;
    }

    protected static List<String> values(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) out.add(n.path(field).isNull() ? null : n.path(field).asText());
        return out;
    }
}
