package dev.neutrino.db;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.SQLDialect;

/**
 * The databases a db-module test runs on: H2 always; PostgreSQL and MariaDB when the test command
 * names them (system properties neutrino.test.postgresql / neutrino.test.mariadb), each as a fresh
 * database created for the test and dropped afterwards.
 */
final class TestDb implements AutoCloseable {
    final String name;
    final DatabaseUrl url;
    private final Runnable drop;

    private TestDb(String name, DatabaseUrl url, Runnable drop) {
        this.name = name;
        this.url = url;
        this.drop = drop;
    }

    @Override
    public String toString() {
        return name;
    }

    static List<String> kinds() {
        List<String> out = new ArrayList<>(List.of("h2"));
        boolean require = Boolean.getBoolean("neutrino.test.require-all-dbs");
        for (String kind : List.of("postgresql", "mariadb")) {
            if (System.getProperty("neutrino.test." + kind) != null) out.add(kind);
            else if (require) throw new IllegalStateException("neutrino.test." + kind + " is not set");
        }
        return out;
    }

    static TestDb create(String kind) throws Exception {
        String db = "neutrino_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind.equals("h2")) {
            return new TestDb(kind, new DatabaseUrl("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", "sa", "",
                    SQLDialect.H2), () -> { });
        }
        String admin = System.getProperty("neutrino.test." + kind);
        String user = System.getProperty("neutrino.test.db.user");
        String password = System.getProperty("neutrino.test.db.password");
        try (var c = DriverManager.getConnection(admin, user, password); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + db;
        SQLDialect dialect = kind.equals("postgresql") ? SQLDialect.POSTGRES : SQLDialect.MARIADB;
        return new TestDb(kind, new DatabaseUrl(url, user, password, dialect), () -> {
            try (var c = DriverManager.getConnection(admin, user, password); var st = c.createStatement()) {
                st.execute("DROP DATABASE " + db);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void close() {
        drop.run();
    }
}
