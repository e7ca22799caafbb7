package dev.neutrino.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.ConfigException;
import java.nio.file.Path;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    private static final Path STATE = Path.of("/var/lib/neutrino");

    @Test
    void sqlalchemyMysqlUrlBecomesMariadbJdbc() {
        DatabaseUrl u = DatabaseUrl.parse("mysql+pymysql://neutron:s%40cret@db.example:3307/neutron?charset=utf8",
                STATE);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:mariadb://db.example:3307/neutron");
        assertThat(u.user()).isEqualTo("neutron");
        assertThat(u.password()).isEqualTo("s@cret");
        assertThat(u.dialect()).isEqualTo(SQLDialect.MARIADB);
    }

    @Test
    void postgresqlUrlsWithAndWithoutDriver() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@localhost/neutron", STATE).jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/neutron");
        DatabaseUrl u = DatabaseUrl.parse("postgresql+psycopg2://u:p@10.0.0.1:6432/n", STATE);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.1:6432/n");
        assertThat(u.dialect()).isEqualTo(SQLDialect.POSTGRES);
    }

    @Test
    void emptyMeansEmbeddedH2UnderStatePath() {
        DatabaseUrl u = DatabaseUrl.parse("", STATE);
        assertThat(u.jdbcUrl()).startsWith("jdbc:h2:file:/var/lib/neutrino/neutrino");
        assertThat(u.dialect()).isEqualTo(SQLDialect.H2);
    }

    @Test
    void jdbcUrlsPassThroughWithTheirDialect() {
        assertThat(DatabaseUrl.parse("jdbc:mysql://h/db", STATE).dialect()).isEqualTo(SQLDialect.MARIADB);
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db", STATE).dialect()).isEqualTo(SQLDialect.POSTGRES);
    }

    @Test
    void unsupportedSchemesAreClearStartupErrors() {
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:///neutron.db", STATE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unsupported database 'sqlite'");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:oracle:thin:@h:1521:x", STATE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unsupported JDBC URL");
        assertThatThrownBy(() -> DatabaseUrl.parse("neutron-db", STATE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a database URL");
    }
}
