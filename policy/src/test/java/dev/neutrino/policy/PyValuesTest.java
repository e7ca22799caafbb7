package dev.neutrino.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyValuesTest {
    @Test
    void strMatchesPython() {
        assertThat(PyValues.str(null)).isEqualTo("None");
        assertThat(PyValues.str(true)).isEqualTo("True");
        assertThat(PyValues.str(42)).isEqualTo("42");
        assertThat(PyValues.str(1.0)).isEqualTo("1.0");
        assertThat(PyValues.str(0.5)).isEqualTo("0.5");
        assertThat(PyValues.str(1e20)).isEqualTo("1e+20");
        assertThat(PyValues.str(List.of("a", 1, true))).isEqualTo("['a', 1, True]");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", Arrays.asList("it's", null));
        assertThat(PyValues.str(m)).isEqualTo("{'k': [\"it's\", None]}");
    }

    @Test
    void equalityMatchesPython() {
        assertThat(PyValues.eq(true, 1)).isTrue();
        assertThat(PyValues.eq(1, 1.0)).isTrue();
        assertThat(PyValues.eq("1", 1)).isFalse();
        assertThat(PyValues.eq(null, null)).isTrue();
        assertThat(PyValues.eq(List.of(1, "a"), List.of(1L, "a"))).isTrue();
        assertThat(PyValues.eq(Map.of("a", false), Map.of("a", 0))).isTrue();
    }

    @Test
    void percentFormatting() throws Exception {
        Map<String, Object> t = new HashMap<>();
        t.put("project_id", "p1");
        t.put("network:tenant_id", "p2");
        t.put("n", 7);
        t.put("none", null);
        assertThat(PyValues.format("%(project_id)s", t)).isEqualTo("p1");
        assertThat(PyValues.format("%(network:tenant_id)s", t)).isEqualTo("p2");
        assertThat(PyValues.format("x-%(n)03d-%(none)s-100%%", t)).isEqualTo("x-007-None-100%");
        assertThat(PyValues.format("%(project_id)r", t)).isEqualTo("'p1'");
        assertThat(PyValues.format("no formatting", t)).isEqualTo("no formatting");
        assertThatThrownBy(() -> PyValues.format("%(missing)s", t)).isInstanceOf(PyValues.MissingKey.class);
        assertThatThrownBy(() -> PyValues.format("50%", t)).isInstanceOf(PolicyCheckException.class);
        assertThatThrownBy(() -> PyValues.format("%s", t)).isInstanceOf(PolicyCheckException.class);
    }

    @Test
    void literals() {
        assertThat(PyValues.literal("'x'")).isEqualTo("x");
        assertThat(PyValues.literal("\"a\\\"b\"")).isEqualTo("a\"b");
        assertThat(PyValues.literal("True")).isEqualTo(true);
        assertThat(PyValues.literal("None")).isNull();
        assertThat(PyValues.str(PyValues.literal("10"))).isEqualTo("10");
        assertThat(PyValues.str(PyValues.literal("2.50"))).isEqualTo("2.5");
        assertThat(PyValues.literal("project_id")).isSameAs(PyValues.NOT_A_LITERAL);
        assertThat(PyValues.literal("user.id")).isSameAs(PyValues.NOT_A_LITERAL);
    }

    @Test
    void textwrapLikePython() {
        assertThat(SampleWriter.helpText("Short text")).isEqualTo("# Short text");
        assertThat(SampleWriter.helpText(null)).isEqualTo("#");
        String longText = "word ".repeat(30).strip();
        assertThat(SampleWriter.helpText(longText).split("\n")).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(70));
        assertThat(SampleWriter.helpText("Para one.\n\nPara two.\n    literal line")).isEqualTo(
                "# Para one.\n#\n# Para two.\n#\n#     literal line");
        assertThat(SampleWriter.wrap("a-very-long-hyphenated-word-that-goes-on", 12, "", ""))
                .containsExactly("a-very-long-", "hyphenated-", "word-that-", "goes-on");
    }
}
