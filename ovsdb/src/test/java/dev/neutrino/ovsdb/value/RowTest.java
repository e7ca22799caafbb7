package dev.neutrino.ovsdb.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowTest {
    private static final UUID U = UUID.fromString("3b5ee0d4-8f3f-4f4c-9a8b-1d2e3f405060");

    private final Row row = Row.of(Map.of(
            "_uuid", U,
            "name", "sw0",
            "tag", OvsdbSet.of(Atom.of(7L)),
            "up", OvsdbSet.empty(),
            "mtu", 1500.0,
            "enabled", true,
            "addresses", List.of("a", "b"),
            "ports", Atom.of(U),
            "external_ids", Map.of("k", "v")));

    @Test
    void typedGetters() {
        assertThat(row.uuid()).contains(U);
        assertThat(row.getString("name")).isEqualTo("sw0");
        assertThat(row.getInteger("tag")).isEqualTo(7L);
        assertThat(row.getOptionalInteger("tag")).contains(7L);
        assertThat(row.getOptionalBoolean("up")).isEmpty();
        assertThat(row.getReal("mtu")).isEqualTo(1500.0);
        assertThat(row.getBoolean("enabled")).isTrue();
        assertThat(row.getStringSet("addresses")).containsExactly("a", "b");
        assertThat(row.getUuidSet("ports")).containsExactly(U); // a lone atom is a set of one
        assertThat(row.getStringMap("external_ids")).containsEntry("k", "v");
        assertThat(row.getMap("up", String.class, String.class)).isEmpty(); // empty set counts as empty map
        assertThat(row.getSet("name", String.class)).isEqualTo(Set.of("sw0"));
    }

    @Test
    void clearErrors() {
        assertThatThrownBy(() -> row.getString("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> row.getInteger("name")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds string");
        assertThatThrownBy(() -> row.getString("addresses")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 values");
        assertThatThrownBy(() -> row.getStringSet("external_ids")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("map");
    }

    @Test
    void isImmutableAndComparesByContent() {
        Row changed = row.with("name", "sw1");
        assertThat(row.getString("name")).isEqualTo("sw0");
        assertThat(changed.getString("name")).isEqualTo("sw1");
        assertThat(changed.with("name", "sw0")).isEqualTo(row);
        assertThat(row.without("name").has("name")).isFalse();
        assertThatThrownBy(() -> row.columns().put("x", Atom.of(1L))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void convertsJavaValues() {
        assertThat(OvsdbValue.of(5)).isEqualTo(Atom.of(5L));
        assertThat(OvsdbValue.of(Optional.of("x"))).isEqualTo(OvsdbSet.of(Atom.of("x")));
        assertThat(OvsdbValue.of(Optional.empty())).isEqualTo(OvsdbSet.empty());
        assertThatThrownBy(() -> OvsdbValue.of(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OvsdbValue.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
