package dev.neutrino.db;

import dev.neutrino.common.ConfigException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jooq.SQLDialect;

/**
 * Turns {@code [database] connection} into a JDBC URL, user, password and jOOQ dialect. Accepts the
 * SQLAlchemy URLs operators already have ({@code mysql+pymysql://u:p@host/db}, {@code postgresql://...})
 * and plain {@code jdbc:} URLs. An empty connection means the embedded H2 database under state_path.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, SQLDialect dialect) {

    public static DatabaseUrl parse(String connection, Path statePath) {
        if (connection == null || connection.isBlank()) {
            Path file = statePath.toAbsolutePath().resolve("neutrino");
            return new DatabaseUrl("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", SQLDialect.H2);
        }
        String c = connection.strip();
        if (c.startsWith("jdbc:")) {
            return new DatabaseUrl(c, null, null, dialectOfJdbc(c));
        }
        int sep = c.indexOf("://");
        if (sep < 0) {
            throw new ConfigException("[database] connection: '" + c + "' is not a database URL");
        }
        String scheme = c.substring(0, sep);
        String backend = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        URI uri;
        try {
            uri = URI.create("x" + c.substring(sep));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[database] connection: malformed URL: " + e.getMessage());
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return switch (backend) {
            case "mysql", "mariadb" -> new DatabaseUrl("jdbc:mariadb://" + host + ":"
                    + (uri.getPort() > 0 ? uri.getPort() : 3306) + "/" + db, user, password, SQLDialect.MARIADB);
            case "postgresql", "postgres" -> new DatabaseUrl("jdbc:postgresql://" + host + ":"
                    + (uri.getPort() > 0 ? uri.getPort() : 5432) + "/" + db, user, password, SQLDialect.POSTGRES);
            case "h2" -> new DatabaseUrl("jdbc:h2:" + c.substring(sep + 3), user, password, SQLDialect.H2);
            default -> throw new ConfigException("[database] connection: unsupported database '" + scheme
                    + "' (supported: mysql+pymysql, mariadb, postgresql, h2, or a jdbc: URL for these)");
        };
    }

    private static SQLDialect dialectOfJdbc(String url) {
        if (url.startsWith("jdbc:h2:")) return SQLDialect.H2;
        if (url.startsWith("jdbc:postgresql:")) return SQLDialect.POSTGRES;
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) return SQLDialect.MARIADB;
        throw new ConfigException("[database] connection: unsupported JDBC URL '" + url
                + "' (supported: jdbc:h2, jdbc:postgresql, jdbc:mariadb, jdbc:mysql)");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL with the password left out, for logs. */
    public String display() {
        String shown = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return shown + (user == null ? "" : " as " + user);
    }
}
