package dev.neutrino.db;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Versioned schema migrations in two streams, as Neutron's alembic branches: {@code expand} only adds
 * (safe while older servers run), {@code contract} removes what no running server uses any more. Each
 * stream has its own Flyway history table.
 */
public final class Schema {
    public enum Phase {
        EXPAND("classpath:dev/neutrino/db/migration/expand", "neutrino_schema_expand"),
        CONTRACT("classpath:dev/neutrino/db/migration/contract", "neutrino_schema_contract");

        final String location;
        final String historyTable;

        Phase(String location, String historyTable) {
            this.location = location;
            this.historyTable = historyTable;
        }
    }

    /** What one phase looks like in the database. */
    public record Status(Phase phase, String current, String latestKnown, int pending, List<String> unknown) {
        public boolean isNewerThanCode() {
            return !unknown.isEmpty();
        }
    }

    private final Database db;
    private final List<String> extraContract;

    public Schema(Database db) {
        this(db, List.of());
    }

    /** With more contract migrations from these classpath locations (tests of a rolling upgrade). */
    public Schema(Database db, List<String> extraContractLocations) {
        this.db = db;
        this.extraContract = List.copyOf(extraContractLocations);
    }

    private Flyway flyway(Phase phase) {
        List<String> locations = new ArrayList<>(List.of(phase.location));
        if (phase == Phase.CONTRACT) locations.addAll(extraContract);
        return Flyway.configure()
                .dataSource(db.dataSource())
                .locations(locations.toArray(String[]::new))
                .table(phase.historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateOnMigrate(true)
                .ignoreMigrationPatterns("*:future")
                .load();
    }

    /** Applies pending migrations of the given phases; returns how many ran. */
    public int upgrade(Phase... phases) {
        int applied = 0;
        for (Phase p : phases) {
            applied += flyway(p).migrate().migrationsExecuted;
        }
        return applied;
    }

    public int upgradeAll() {
        return upgrade(Phase.EXPAND, Phase.CONTRACT);
    }

    public Status status(Phase phase) {
        var info = flyway(phase).info();
        String current = info.current() == null ? null : info.current().getVersion().getVersion();
        String latest = null;
        int pending = 0;
        List<String> unknown = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                unknown.add(m.getVersion().getVersion());
                continue;
            }
            if (m.getState() == MigrationState.PENDING) pending++;
            if (m.getVersion() != null) latest = m.getVersion().getVersion();
        }
        return new Status(phase, current, latest, pending, unknown);
    }

    /** True when no migration of any phase has been applied yet. */
    public boolean isEmpty() {
        for (Phase p : Phase.values()) {
            if (flyway(p).info().current() != null) return false;
        }
        return true;
    }
}
