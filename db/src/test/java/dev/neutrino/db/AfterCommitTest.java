package dev.neutrino.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Database.afterCommit: once, after the commit of the attempt that succeeded; never after a rollback. */
class AfterCommitTest {
    Database db;
    final List<String> ran = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = new Database(new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                SQLDialect.H2), 2);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void runsOnceAfterTheSuccessfulAttemptOnly() {
        AtomicInteger attempts = new AtomicInteger();
        String result = db.tx(dsl -> {
            int attempt = attempts.incrementAndGet();
            Database.afterCommit(dsl, () -> ran.add("attempt " + attempt));
            if (attempt < 3) throw new Retryable("lost a race");
            assertThat(ran).as("not before the commit").isEmpty();
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(ran).containsExactly("attempt 3");
    }

    @Test
    void neverAfterARollback() {
        assertThatThrownBy(() -> db.run(dsl -> {
            Database.afterCommit(dsl, () -> ran.add("x"));
            throw new IllegalArgumentException("refused");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(ran).isEmpty();
        assertThatThrownBy(() -> Database.afterCommit(org.jooq.impl.DSL.using(SQLDialect.H2), () -> { }))
                .isInstanceOf(IllegalStateException.class);
    }
}
