package dev.neutrino.it;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the API tests run against. H2 (in memory) always; PostgreSQL and MariaDB when
 * {@code -Dneutrino.test.postgresql=jdbc:postgresql://host:port/db} / {@code -Dneutrino.test.mariadb=...}
 * (with {@code neutrino.test.db.user} / {@code neutrino.test.db.password}) name a server. Each
 * {@link TestDatabase#create()} makes a fresh database {@code neutrino_it_<random>} that
 * {@link Fresh#close()} drops again. With {@code -Dneutrino.test.require-all-dbs=true} a missing or
 * unreachable server fails the tests instead of skipping them.
 */
public final class TestDatabases {
    public static final String POSTGRESQL = "neutrino.test.postgresql";
    public static final String MARIADB = "neutrino.test.mariadb";
    public static final String USER = "neutrino.test.db.user";
    public static final String PASSWORD = "neutrino.test.db.password";
    public static final String REQUIRE_ALL = "neutrino.test.require-all-dbs";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {}

    public enum Kind { H2, POSTGRESQL, MARIADB }

    /** Every database to test: H2 plus the configured servers. */
    public static List<TestDatabase> all() {
        List<TestDatabase> out = new ArrayList<>();
        out.add(new TestDatabase(Kind.H2, null));
        out.addAll(servers());
        return out;
    }

    /** Only the database servers (several processes can share one of these). */
    public static List<TestDatabase> servers() {
        List<TestDatabase> out = new ArrayList<>();
        add(out, Kind.POSTGRESQL, POSTGRESQL);
        add(out, Kind.MARIADB, MARIADB);
        return out;
    }

    private static void add(List<TestDatabase> out, Kind kind, String property) {
        String url = System.getProperty(property);
        if (url != null && !url.isBlank()) {
            out.add(new TestDatabase(kind, url.strip()));
        } else if (requireAll()) {
            // listed anyway so that every test class reports the missing database as a failure
            out.add(new TestDatabase(kind, null));
        }
    }

    static boolean requireAll() {
        return Boolean.parseBoolean(System.getProperty(REQUIRE_ALL, "false"));
    }

    static String randomName() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("neutrino_it_");
        for (int i = 0; i < 12; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** One database kind to test against; for servers, the URL of an existing database to connect to. */
    public static final class TestDatabase {
        private final Kind kind;
        private final String serverUrl;

        TestDatabase(Kind kind, String serverUrl) {
            this.kind = kind;
            this.serverUrl = serverUrl;
        }

        public Kind kind() {
            return kind;
        }

        @Override
        public String toString() {
            return kind.name();
        }

        /**
         * Creates a fresh, empty database. An unreachable server aborts the caller (skipped test),
         * or fails it under {@code neutrino.test.require-all-dbs=true}.
         */
        public Fresh create() {
            String name = randomName();
            if (kind == Kind.H2) {
                return new Fresh(this, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            }
            if (serverUrl == null) {
                throw new IllegalStateException(REQUIRE_ALL + "=true but -D" + propertyOf(kind) + " is not set");
            }
            try (Connection c = connectAdmin(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                String why = kind + " at " + serverUrl + " is not usable: " + e.getMessage();
                if (requireAll()) throw new IllegalStateException(why, e);
                System.err.println("SKIPPED: " + why + " (set -D" + REQUIRE_ALL + "=true to fail instead)");
                Assumptions.abort(why);
            }
            return new Fresh(this, name, urlFor(name));
        }

        private static String propertyOf(Kind kind) {
            return kind == Kind.POSTGRESQL ? POSTGRESQL : MARIADB;
        }

        Connection connectAdmin() throws SQLException {
            String user = System.getProperty(USER);
            String password = System.getProperty(PASSWORD);
            if (user == null) return DriverManager.getConnection(serverUrl);
            return DriverManager.getConnection(serverUrl, user, password == null ? "" : password);
        }

        /** The given server URL pointing at database {@code name}, with user and password in its query. */
        String urlFor(String name) {
            URI uri = URI.create(serverUrl.substring("jdbc:".length()));
            Map<String, String> query = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String p : uri.getRawQuery().split("&")) {
                    int eq = p.indexOf('=');
                    if (eq > 0) query.put(p.substring(0, eq), p.substring(eq + 1));
                }
            }
            String user = System.getProperty(USER);
            String password = System.getProperty(PASSWORD);
            if (user != null) query.put("user", enc(user));
            if (password != null) query.put("password", enc(password));
            StringBuilder sb = new StringBuilder("jdbc:").append(uri.getScheme()).append("://")
                    .append(uri.getRawAuthority()).append('/').append(name);
            char sep = '?';
            for (var e : query.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = '&';
            }
            return sb.toString();
        }

        void drop(String name) {
            if (kind == Kind.H2) {
                try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
                     Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    // gone already
                }
                return;
            }
            try (Connection c = connectAdmin(); Statement s = c.createStatement()) {
                s.execute(kind == Kind.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** A fresh database, dropped on {@link #close()}. */
    public record Fresh(TestDatabase db, String name, String jdbcUrl) implements AutoCloseable {
        @Override
        public void close() {
            db.drop(name);
        }
    }
}
