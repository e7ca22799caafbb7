package dev.neutrino.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import dev.neutrino.common.NeutronException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jooq.DSLContext;
import java.util.concurrent.atomic.LongAdder;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and the one way to run database work: {@link #tx}, a short explicit
 * transaction that runs again on deadlocks, serialization failures and {@link Retryable}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final int MAX_ATTEMPTS = 20;
    private static final String AFTER_COMMIT = "neutrino.afterCommit";

    private final DatabaseUrl url;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final Settings settings;
    private final LongAdder statements = new LongAdder();

    public Database(DatabaseUrl url, int poolSize) {
        this(url, poolSize, 10_000);
    }

    /**
     * @param connectionTimeoutMs how long a transaction waits for a free connection before it fails
     *     with 503 (at least 250 ms)
     */
    public Database(DatabaseUrl url, int poolSize, long connectionTimeoutMs) {
        this.url = url;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) hc.setUsername(url.user());
        if (url.password() != null) hc.setPassword(url.password());
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("neutrino-db");
        hc.setAutoCommit(false);
        hc.setConnectionTimeout(Math.max(250, connectionTimeoutMs));
        if (url.dialect() == SQLDialect.POSTGRES || url.dialect() == SQLDialect.MARIADB) {
            hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        this.dataSource = new HikariDataSource(hc);
        this.settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withExecuteLogging(false);
        this.dsl = DSL.using(configuration().set(dataSource));
    }

    private org.jooq.Configuration configuration() {
        return new DefaultConfiguration().set(url.dialect()).set(settings)
                .set(new DefaultExecuteListenerProvider(new ExecuteListener() {
                    @Override
                    public void executeStart(ExecuteContext ctx) {
                        statements.increment();
                    }
                }));
    }

    /** Statements sent to the database by this process so far (commits and rollbacks not counted). */
    public long statements() {
        return statements.sum();
    }

    public DatabaseUrl url() { return url; }
    public SQLDialect dialect() { return url.dialect(); }
    public HikariDataSource dataSource() { return dataSource; }

    /**
     * Runs {@code work} in one transaction; runs it again (with backoff) when it fails transiently.
     * Actions queued with {@link #afterCommit} run after the commit of the attempt that succeeded.
     */
    public <T> T tx(Function<DSLContext, T> work) {
        int lost = 0;
        for (int attempt = 1; ; attempt++) {
            List<Runnable> afterCommit = new ArrayList<>();
            boolean[] committing = {false};
            T result;
            try {
                result = dsl.transactionResult(cfg -> {
                    cfg.data(AFTER_COMMIT, afterCommit);
                    T r = work.apply(cfg.dsl());
                    committing[0] = true; // from here on a failure may have committed
                    return r;
                });
            } catch (RuntimeException e) {
                if (!(e instanceof NeutronException) && SqlErrors.isConnectionLoss(e)) {
                    // oslo.db retries a transaction on disconnect; so do we, but only when it cannot
                    // have committed: a commit cut off in the middle has an unknown outcome
                    if (committing[0] || ++lost >= CONNECTION_LOSS_ATTEMPTS) {
                        LOG.warn("database connection lost{}: {}", committing[0] ? " during the commit" : "",
                                e.toString());
                        throw new NeutronException(503, "ServiceUnavailable", committing[0]
                                ? "The database connection was lost while committing; the request may or may not "
                                        + "have taken effect. Check, then retry."
                                : "The database connection was lost; the database may be restarting. Retry the "
                                        + "request.");
                    }
                    LOG.info("database connection lost, running the transaction again: {}", e.toString());
                    sleep(100L << lost);
                    continue;
                }
                if (noConnection(e)) {
                    LOG.warn("no database connection: {}", e.toString());
                    throw new NeutronException(503, "ServiceUnavailable", "No database connection became free "
                            + "in time; the server is overloaded or the database is unreachable. Retry the request.");
                }
                boolean again = e instanceof Retryable || SqlErrors.isTransient(e);
                if (!again) throw e;
                if (attempt >= MAX_ATTEMPTS) {
                    // still losing to concurrent transactions: a conflict for the caller, not a crash
                    throw e instanceof Retryable ? e : new Retryable("gave up after " + attempt + " attempts: " + e);
                }
                LOG.debug("retrying transaction (attempt {}): {}", attempt, e.toString());
                backoff(attempt);
                continue;
            }
            for (Runnable r : afterCommit) r.run(); // committed: outside the retry loop's catch
            return result;
        }
    }

    /**
     * Queues {@code action} to run once the transaction {@code txDsl} belongs to has committed (not
     * at all if it rolls back). Only inside {@link #tx}.
     */
    @SuppressWarnings("unchecked")
    public static void afterCommit(DSLContext txDsl, Runnable action) {
        Object list = txDsl.configuration().data(AFTER_COMMIT);
        if (!(list instanceof List<?>)) throw new IllegalStateException("afterCommit outside Database.tx");
        ((List<Runnable>) list).add(action);
    }

    /** The pool had no connection within its timeout, or none could be opened (not a query's failure). */
    static boolean noConnection(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLTransientConnectionException) return true;
        }
        return false;
    }

    /**
     * A read-only transaction on one connection, held until {@link ReadSession#close()}: for an answer
     * that is read and written chunk by chunk after the handler returned (a streamed list). It runs
     * in REPEATABLE READ, so all of its statements see one snapshot, and is never retried.
     */
    public ReadSession read() {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            if (noConnection(e)) {
                LOG.warn("no database connection: {}", e.toString());
                throw new NeutronException(503, "ServiceUnavailable", "No database connection became free "
                        + "in time; the server is overloaded or the database is unreachable. Retry the request.");
            }
            throw new DataAccessException("cannot open a connection", e);
        }
        try {
            if (url.dialect() == SQLDialect.H2) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // the pool resets it on return
            } else { // this transaction only: one round trip, nothing for the pool to reset
                try (var st = c.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw new DataAccessException("cannot start a read transaction", e instanceof SQLException s ? s : null);
        }
        return new ReadSession(c, DSL.using(configuration().set(c)));
    }

    /** See {@link #read()}. Closing ends the transaction and gives the connection back to the pool. */
    public static final class ReadSession implements AutoCloseable {
        private final Connection connection;
        private final DSLContext dsl;
        private boolean closed;

        private ReadSession(Connection connection, DSLContext dsl) {
            this.connection = connection;
            this.dsl = dsl;
        }

        public DSLContext dsl() { return dsl; }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            try {
                connection.rollback(); // nothing was written; ends the snapshot and any open cursor
            } catch (SQLException e) {
                LOG.debug("rollback of a read transaction failed: {}", e.toString());
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing a connection failed: {}", e.toString());
        }
    }

    public void run(java.util.function.Consumer<DSLContext> work) {
        tx(d -> {
            work.accept(d);
            return null;
        });
    }

    /** Attempts of a transaction that keeps losing its connection before it answers 503. */
    static final int CONNECTION_LOSS_ATTEMPTS = 3;

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 10) * 5));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
