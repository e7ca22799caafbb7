package dev.neutrino.db;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.SQLDialect;

/**
 * Build-time tool: creates a fresh H2 file database and applies every migration to it. The
 * {@code schema} module runs it in generate-sources and points jOOQ's code generator at the result,
 * so the generated tables are exactly what the migrations create.
 *
 * <p>Usage: {@code MigrateH2File <database file path without .mv.db>}
 */
public final class MigrateH2File {
    // inside Maven Flyway logs through java.util.logging, a line per migration on every build: errors
    // only (held here: java.util.logging keeps loggers, and so their level, only weakly)
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private MigrateH2File() { }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: MigrateH2File <h2 database path>");
        FLYWAY_LOG.setLevel(java.util.logging.Level.SEVERE);
        Path base = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(base.getParent());
        for (String suffix : new String[] {".mv.db", ".trace.db"}) {
            Files.deleteIfExists(Path.of(base + suffix));
        }
        try (Database db = new Database(new DatabaseUrl("jdbc:h2:file:" + base, "sa", "", SQLDialect.H2), 2)) {
            int applied = new Schema(db).upgradeAll();
            System.out.println("[neutrino] applied " + applied + " migrations to " + base + ".mv.db");
        }
    }
}
