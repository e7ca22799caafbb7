package dev.neutrino.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.neutrino.common.NeutronException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction whose connection breaks (a database restart) runs again on a new connection, as
 * oslo.db retries on disconnect; one that keeps losing it, or loses it while committing, is a 503
 * for the caller, never a 500.
 */
class ConnectionLossTest {
    Database db;

    @BeforeEach
    void open() {
        db = new Database(new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                SQLDialect.H2), 2);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static DataAccessException lost(String state, int code) {
        return new DataAccessException("SQL [select 1]; connection gone", new SQLException("gone", state, code));
    }

    @Test
    void aTransactionThatLostItsConnectionRunsAgainAndAnswers() {
        AtomicInteger attempts = new AtomicInteger();
        String result = db.tx(dsl -> {
            if (attempts.incrementAndGet() == 1) throw lost("08006", 0); // PostgreSQL: connection failure
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aConnectionThatStaysLostIsA503AfterAFewAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        NeutronException e = catchThrowableOfType(NeutronException.class, () -> db.tx(dsl -> {
            attempts.incrementAndGet();
            throw lost("HY000", 2013); // MariaDB: lost connection during query
        }));
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.type()).isEqualTo("ServiceUnavailable");
        assertThat(attempts).hasValue(Database.CONNECTION_LOSS_ATTEMPTS);
    }

    @Test
    void theKindsOfConnectionLossAreRecognizedAndOtherErrorsAreNot() {
        assertThat(SqlErrors.isConnectionLoss(lost("57P01", 0))).as("PostgreSQL admin shutdown").isTrue();
        assertThat(SqlErrors.isConnectionLoss(lost("08003", 0))).as("connection does not exist").isTrue();
        assertThat(SqlErrors.isConnectionLoss(lost("HY000", 2006))).as("MariaDB server has gone away").isTrue();
        assertThat(SqlErrors.isConnectionLoss(lost("70100", 1927))).as("MariaDB connection killed").isTrue();
        assertThat(SqlErrors.isConnectionLoss(new DataAccessException("x",
                new java.sql.SQLNonTransientConnectionException("closed")))).isTrue();
        assertThat(SqlErrors.isConnectionLoss(lost("23505", 0))).as("a unique violation").isFalse();
        assertThat(SqlErrors.isConnectionLoss(lost("40001", 0))).as("a serialization failure").isFalse();
        assertThat(SqlErrors.isConnectionLoss(new IllegalStateException("bug"))).isFalse();
    }
}
