package dev.neutrino.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.NeutronException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** A transaction that gets no connection in time fails as 503 ServiceUnavailable, not as a crash. */
class PoolExhaustionTest {
    @Test
    void noFreeConnectionWithinTheTimeoutIs503() throws Exception {
        DatabaseUrl url = new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                SQLDialect.H2);
        try (Database db = new Database(url, 1, 250)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = Thread.ofVirtual().start(() -> db.run(dsl -> {
                dsl.selectOne().fetch();
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> db.tx(dsl -> dsl.selectOne().fetchOne(0)))
                    .isInstanceOfSatisfying(NeutronException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.type()).isEqualTo("ServiceUnavailable");
                    });
            release.countDown();
            holder.join();
            Object one = db.tx(dsl -> dsl.selectOne().fetchOne(0));
            assertThat(one).isEqualTo(1);
        }
    }
}
