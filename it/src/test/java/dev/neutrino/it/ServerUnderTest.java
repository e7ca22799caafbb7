package dev.neutrino.it;

import dev.neutrino.common.Config;
import dev.neutrino.db.DatabaseOptions;
import dev.neutrino.server.AllOptions;
import dev.neutrino.server.NeutrinoServer;
import dev.neutrino.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A Neutrino server started in this JVM on a free port, against one fresh database. */
public final class ServerUnderTest implements AutoCloseable {
    private final NeutrinoServer server;
    private final TestDatabases.Fresh database;
    private final URI base;
    private final HttpClient http;

    private ServerUnderTest(NeutrinoServer server, TestDatabases.Fresh database) {
        this.server = server;
        this.database = database;
        this.base = URI.create("http://127.0.0.1:" + server.port());
        this.http = newHttpClient();
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Creates a fresh database of the given kind and starts a server on it; close() drops both. */
    public static ServerUnderTest start(TestDatabases.TestDatabase db) throws Exception {
        return start(db, UnaryOperator.identity());
    }

    /** As {@link #start(TestDatabases.TestDatabase)}, with options of the test's own over the defaults. */
    public static ServerUnderTest start(TestDatabases.TestDatabase db, UnaryOperator<Config> options) throws Exception {
        TestDatabases.Fresh fresh = db.create();
        try {
            return new ServerUnderTest(NeutrinoServer.start(config(fresh, options)), fresh);
        } catch (Exception | Error e) {
            fresh.close();
            throw e;
        }
    }

    private static Config config(TestDatabases.Fresh fresh, UnaryOperator<Config> options) {
        return options.apply(Config.defaults(AllOptions.ALL)
                .with(ServerOptions.BIND_HOST, "127.0.0.1")
                .with(ServerOptions.BIND_PORT, 0)
                .with(DatabaseOptions.CONNECTION, fresh.jdbcUrl()));
    }

    /**
     * Stops this server and starts another on the same database with other options (an operator
     * changing neutron.conf and restarting); the database now belongs to the returned server.
     */
    public ServerUnderTest restartWith(UnaryOperator<Config> options) throws Exception {
        http.shutdownNow();
        server.close();
        try {
            return new ServerUnderTest(NeutrinoServer.start(config(database, options)), database);
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    /** The server itself (e.g. for its database pool's state). */
    public NeutrinoServer server() {
        return server;
    }

    public URI baseUri() {
        return base;
    }

    public TestDatabases.Fresh database() {
        return database;
    }

    /** A client without X-Project-Id (the server's default project). */
    public Client client() {
        return new Client(http, base, null);
    }

    /** A client acting in the given project. */
    public Client as(String project) {
        return new Client(http, base, project);
    }

    @Override
    public void close() throws Exception {
        // idle keep-alive connections would hold up Jetty's graceful stop for a second
        http.shutdownNow();
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
