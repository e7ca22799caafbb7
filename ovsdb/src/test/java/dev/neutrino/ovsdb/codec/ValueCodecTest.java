package dev.neutrino.ovsdb.codec;

import static dev.neutrino.ovsdb.TestSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.TestSchemas;
import dev.neutrino.ovsdb.schema.BaseType;
import dev.neutrino.ovsdb.schema.ColumnType;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.AtomicType;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.OvsdbValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
    private static final UUID U1 = UUID.fromString("3b5ee0d4-8f3f-4f4c-9a8b-1d2e3f405060");
    private static final UUID U2 = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    @Test
    void encodesAtoms() {
        assertThat(ValueCodec.encode(Atom.of(42L))).isEqualTo(json("42"));
        assertThat(ValueCodec.encode(Atom.of(1.5))).isEqualTo(json("1.5"));
        assertThat(ValueCodec.encode(Atom.of(true))).isEqualTo(json("true"));
        assertThat(ValueCodec.encode(Atom.of("sw0"))).isEqualTo(json("\"sw0\""));
        assertThat(ValueCodec.encode(Atom.of(U1))).isEqualTo(json("[\"uuid\", \"" + U1 + "\"]"));
        assertThat(ValueCodec.encode(Atom.namedUuid("row1"))).isEqualTo(json("[\"named-uuid\", \"row1\"]"));
    }

    @Test
    void encodesSetsAndMaps() {
        assertThat(ValueCodec.encode(OvsdbSet.of(Atom.of("a"), Atom.of("b")))).isEqualTo(json("[\"set\", [\"a\", \"b\"]]"));
        assertThat(ValueCodec.encode(OvsdbSet.empty())).isEqualTo(json("[\"set\", []]"));
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("neutron:network_name", "net1");
        ids.put("k", "v");
        assertThat(ValueCodec.encode(OvsdbValue.of(ids)))
                .isEqualTo(json("[\"map\", [[\"neutron:network_name\", \"net1\"], [\"k\", \"v\"]]]"));
        assertThat(ValueCodec.encode(OvsdbValue.of(List.of(U1)))).isEqualTo(json("[\"set\", [[\"uuid\", \"" + U1 + "\"]]]"));
    }

    @Test
    void decodesWithoutSchemaKeepingTheWireShape() {
        assertThat(ValueCodec.decode(json("7"))).isEqualTo(Atom.of(7L));
        assertThat(ValueCodec.decode(json("7.25"))).isEqualTo(Atom.of(7.25));
        assertThat(ValueCodec.decode(json("false"))).isEqualTo(Atom.of(false));
        assertThat(ValueCodec.decode(json("\"x\""))).isEqualTo(Atom.of("x"));
        assertThat(ValueCodec.decode(json("[\"uuid\", \"" + U1 + "\"]"))).isEqualTo(Atom.of(U1));
        assertThat(ValueCodec.decode(json("[\"named-uuid\", \"n\"]"))).isEqualTo(Atom.namedUuid("n"));
        assertThat(ValueCodec.decode(json("[\"set\", [1, 2]]"))).isEqualTo(OvsdbSet.of(Atom.of(1L), Atom.of(2L)));
        assertThat(ValueCodec.decode(json("[\"map\", [[\"a\", [\"uuid\", \"" + U2 + "\"]]]]")))
                .isEqualTo(new OvsdbMap(Map.of(Atom.of("a"), Atom.of(U2))));
    }

    @Test
    void roundTripsEveryShape() {
        List<OvsdbValue> values = List.of(Atom.of(-3L), Atom.of(2.5), Atom.of(true), Atom.of("s"), Atom.of(U1),
                Atom.namedUuid("n"), OvsdbSet.of(Atom.of(U1), Atom.of(U2)), OvsdbSet.empty(),
                OvsdbValue.of(Map.of("k", 1L)), OvsdbMap.empty());
        for (OvsdbValue value : values) {
            assertThat(ValueCodec.decode(ValueCodec.encode(value))).as("%s", value).isEqualTo(value);
        }
    }

    @Test
    void decodesWithTheColumnTypeIntoTheCanonicalShape() {
        TableSchema lsp = TestSchemas.schema().requireTable("Logical_Switch_Port");
        TableSchema ls = TestSchemas.schema().requireTable("Logical_Switch");
        // a set of one element comes as a bare atom on the wire
        assertThat(ValueCodec.decode(json("\"mac\""), lsp.requireColumn("addresses").type())).isEqualTo(OvsdbSet.of(Atom.of("mac")));
        assertThat(ValueCodec.decode(json("[\"uuid\", \"" + U1 + "\"]"), ls.requireColumn("ports").type()))
                .isEqualTo(OvsdbSet.of(Atom.of(U1)));
        // an optional column, empty
        assertThat(ValueCodec.decode(json("[\"set\", []]"), lsp.requireColumn("tag").type())).isEqualTo(OvsdbSet.empty());
        // an integer in a real column
        assertThat(ValueCodec.decode(json("1500"), lsp.requireColumn("mtu").type())).isEqualTo(Atom.of(1500.0));
        // a scalar stays an atom, even when sent as a set of one
        assertThat(ValueCodec.decode(json("[\"set\", [\"sw\"]]"), lsp.requireColumn("name").type())).isEqualTo(Atom.of("sw"));
        // an empty map may come as an empty set
        assertThat(ValueCodec.decode(json("[\"set\", []]"), ls.requireColumn("external_ids").type())).isEqualTo(OvsdbMap.empty());
    }

    @Test
    void rejectsMalformedValues() {
        ColumnType integer = ColumnType.scalar(BaseType.of(AtomicType.INTEGER));
        assertThatThrownBy(() -> ValueCodec.decode(json("\"x\""), integer))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("expected integer");
        assertThatThrownBy(() -> ValueCodec.decode(json("[\"uuid\", \"not-a-uuid\"]")))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("bad uuid");
        assertThatThrownBy(() -> ValueCodec.decode(json("{\"a\": 1}"))).isInstanceOf(OvsdbProtocolException.class);
        assertThatThrownBy(() -> ValueCodec.decode(json("[\"map\", [[\"a\"]]]"))).isInstanceOf(OvsdbProtocolException.class);
        assertThatThrownBy(() -> ValueCodec.decode(json("null"))).isInstanceOf(OvsdbProtocolException.class);
    }
}
