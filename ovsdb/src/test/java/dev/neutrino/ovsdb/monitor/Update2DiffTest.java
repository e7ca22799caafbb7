package dev.neutrino.ovsdb.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ovsdb.TestSchemas;
import dev.neutrino.ovsdb.schema.ColumnType;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.OvsdbValue;
import dev.neutrino.ovsdb.value.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Update2DiffTest {
    private final TableSchema lsp = TestSchemas.schema().requireTable("Logical_Switch_Port");
    private final ColumnType name = lsp.requireColumn("name").type();
    private final ColumnType addresses = lsp.requireColumn("addresses").type();
    private final ColumnType tag = lsp.requireColumn("tag").type();
    private final ColumnType options = lsp.requireColumn("options").type();

    @Test
    void scalarDiffIsTheNewValue() {
        assertThat(Update2Diff.apply(name, Atom.of("old"), Atom.of("new"))).isEqualTo(Atom.of("new"));
    }

    @Test
    void setDiffTogglesElements() {
        OvsdbSet old = set("a", "b", "c");
        // new = {a, c, d}: the diff is {b, d}
        assertThat(Update2Diff.apply(addresses, old, set("b", "d"))).isEqualTo(set("a", "c", "d"));
        // a lone atom on the wire is a diff of one element
        assertThat(Update2Diff.apply(addresses, old, Atom.of("a"))).isEqualTo(set("b", "c"));
        assertThat(Update2Diff.apply(addresses, OvsdbSet.empty(), set("x"))).isEqualTo(set("x"));
    }

    @Test
    void anOptionalColumnsDiffIsItsNewValue() {
        // ovsdb-server (ovsdb_datum_diff) diffs only columns of more than one element; an optional
        // column going from 10 to 20 sends 20, and going to nothing sends the empty set
        OvsdbSet old = OvsdbSet.of(Atom.of(10L));
        assertThat(Update2Diff.apply(tag, old, OvsdbSet.of(Atom.of(20L)))).isEqualTo(OvsdbSet.of(Atom.of(20L)));
        assertThat(Update2Diff.apply(tag, old, OvsdbSet.empty())).isEqualTo(OvsdbSet.empty());
        assertThat(Update2Diff.apply(tag, OvsdbSet.empty(), OvsdbSet.of(Atom.of(5L)))).isEqualTo(OvsdbSet.of(Atom.of(5L)));
        // a lone atom on the wire is the one element
        assertThat(Update2Diff.apply(tag, old, Atom.of(30L))).isEqualTo(OvsdbSet.of(Atom.of(30L)));
    }

    @Test
    void mapDiffAddsRemovesAndChangesKeys() {
        OvsdbMap old = map("keep", "1", "drop", "2", "change", "3");
        // new = {keep: 1, change: 4, add: 5}: the diff holds drop:2 (only in old), add:5 (only in new), change:4 (new value)
        OvsdbValue result = Update2Diff.apply(options, old, map("drop", "2", "add", "5", "change", "4"));
        assertThat(result).isEqualTo(map("keep", "1", "change", "4", "add", "5"));
        assertThat(Update2Diff.apply(options, OvsdbMap.empty(), map("a", "1"))).isEqualTo(map("a", "1"));
        assertThat(Update2Diff.apply(options, OvsdbSet.empty(), map("a", "1"))).isEqualTo(map("a", "1"));
    }

    @Test
    void appliesARowDiffColumnByColumn() {
        Row old = Row.of(Map.of("name", "p1", "addresses", set("m1"), "options", map("a", "1"), "up", OvsdbSet.empty()));
        Row diff = Row.of(Map.of("name", "p2", "addresses", set("m1", "m2"), "options", map("b", "2")));
        Row result = Update2Diff.apply(old, diff, Optional.of(lsp));
        assertThat(result.getString("name")).isEqualTo("p2");
        assertThat(result.getStringSet("addresses")).containsExactly("m2");
        assertThat(result.getStringMap("options")).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(result.getOptionalBoolean("up")).isEmpty();
    }

    private static OvsdbSet set(String... values) {
        return OvsdbSet.ofJava(List.of(values));
    }

    private static OvsdbMap map(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return OvsdbMap.ofJava(map);
    }

    /** update2 rows leave out default values: a diff then applies to the empty set. */
    @Test
    void aColumnLeftOutOfTheInsertIsItsEmptyDefault() {
        TableSchema lspTable = lsp;
        Row inserted = Row.of(Map.of("name", "p1"));
        Row afterFalse = Update2Diff.apply(inserted, Row.of(Map.of("up", OvsdbSet.of(Atom.of(false)))),
                Optional.of(lspTable));
        org.assertj.core.api.Assertions.assertThat(afterFalse.getOptionalBoolean("up")).contains(false);
        Row insertedWithoutUp = Row.of(Map.of("name", "p1"));
        Row toggled = Update2Diff.apply(insertedWithoutUp,
                Row.of(Map.of("up", OvsdbSet.of(Atom.of(true)))), Optional.of(lspTable));
        org.assertj.core.api.Assertions.assertThat(toggled.getOptionalBoolean("up")).contains(true);
        // an optional column's new value, not a toggle of elements (see anOptionalColumnsDiffIsItsNewValue)
        Row up = Update2Diff.apply(afterFalse, Row.of(Map.of("up", OvsdbSet.of(Atom.of(true)))),
                Optional.of(lspTable));
        org.assertj.core.api.Assertions.assertThat(up.getOptionalBoolean("up")).contains(true);
    }
}
