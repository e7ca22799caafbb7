package dev.neutrino.ovsdb.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.TestSchemas;
import dev.neutrino.ovsdb.schema.ColumnType;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.schema.RefType;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.AtomicType;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaParserTest {
    private final DatabaseSchema schema = TestSchemas.schema();

    @Test
    void readsDatabaseAndTables() {
        assertThat(schema.name()).isEqualTo("Test_NB");
        assertThat(schema.version()).isEqualTo("1.2.3");
        assertThat(schema.cksum()).contains("1 2");
        assertThat(schema.tables().keySet()).containsExactly("Logical_Switch", "Logical_Switch_Port");
        TableSchema lsp = schema.requireTable("Logical_Switch_Port");
        assertThat(lsp.isRoot()).isFalse();
        assertThat(schema.requireTable("Logical_Switch").isRoot()).isTrue();
        assertThat(lsp.indexes()).containsExactly(List.of("name"));
        assertThat(lsp.maxRows()).isEqualTo(OptionalLong.empty());
        assertThat(lsp.requireColumn("kind").ephemeral()).isTrue();
        assertThatThrownBy(() -> schema.requireTable("Nope")).hasMessageContaining("no table 'Nope'");
    }

    @Test
    void readsColumnTypes() {
        TableSchema ls = schema.requireTable("Logical_Switch");
        TableSchema lsp = schema.requireTable("Logical_Switch_Port");

        ColumnType name = ls.requireColumn("name").type();
        assertThat(name.isScalar()).isTrue();
        assertThat(name.key().type()).isEqualTo(AtomicType.STRING);
        assertThat(name.defaultValue()).isEqualTo(Atom.of(""));

        ColumnType ports = ls.requireColumn("ports").type();
        assertThat(ports.isSet()).isTrue();
        assertThat(ports.min()).isZero();
        assertThat(ports.max()).isEqualTo(ColumnType.UNLIMITED);
        assertThat(ports.key().refTable()).contains("Logical_Switch_Port");
        assertThat(ports.key().refType()).isEqualTo(RefType.STRONG);
        assertThat(ports.defaultValue()).isEqualTo(OvsdbSet.empty());

        ColumnType ids = ls.requireColumn("external_ids").type();
        assertThat(ids.isMap()).isTrue();
        assertThat(ids.value().orElseThrow().type()).isEqualTo(AtomicType.STRING);
        assertThat(ids.defaultValue()).isEqualTo(OvsdbMap.empty());

        ColumnType tag = lsp.requireColumn("tag").type();
        assertThat(tag.isOptional()).isTrue();
        assertThat(tag.key().minInteger()).hasValue(1);
        assertThat(tag.key().maxInteger()).hasValue(4095);

        assertThat(lsp.requireColumn("mtu").type().defaultValue()).isEqualTo(Atom.of(0.0));
        assertThat(lsp.requireColumn("kind").type().key().enumeration())
                .isEqualTo(Optional.of(OvsdbSet.of(Atom.of("a"), Atom.of("b"))));
    }

    @Test
    void knowsTheImplicitColumns() {
        TableSchema ls = schema.requireTable("Logical_Switch");
        assertThat(ls.column("_uuid")).isPresent();
        assertThat(ls.requireColumn("_version").type().key().type()).isEqualTo(AtomicType.UUID);
        assertThat(ls.requireColumn("_uuid").type().defaultValue()).isEqualTo(Atom.of(new UUID(0, 0)));
        assertThat(ls.columns()).doesNotContainKey("_uuid");
    }

    @Test
    void rejectsSchemasWithoutTables() {
        assertThatThrownBy(() -> SchemaParser.parse(TestSchemas.json("{\"name\": \"x\"}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("missing \"tables\"");
        assertThatThrownBy(() -> SchemaParser.parse(TestSchemas.json(
                "{\"name\": \"x\", \"tables\": {\"T\": {\"columns\": {\"c\": {\"type\": \"float\"}}}}}")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("float");
    }
}
