package dev.neutrino.db;

import dev.neutrino.common.Option;
import java.util.List;

/** neutron.conf's {@code [database]} section. */
public final class DatabaseOptions {
    private DatabaseOptions() {}

    public static final Option<String> CONNECTION = Option.string("database", "connection", "",
            "Database URL (SQLAlchemy or JDBC form). Empty: embedded H2 under state_path.");
    public static final Option<Integer> MAX_POOL_SIZE = Option.integer("database", "max_pool_size", 10, 1, 1000,
            "Maximum number of database connections.");
    public static final Option<Integer> POOL_TIMEOUT = Option.integer("database", "pool_timeout", 10, 1, 3600,
            "Seconds a request waits for a free database connection before it is answered 503.");

    public static final List<Option<?>> ALL = List.of(CONNECTION, MAX_POOL_SIZE, POOL_TIMEOUT);
}
