package dev.neutrino.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckParserTest {
    private final CheckParser parser = new CheckParser(AttributeMap.builtin());

    private String parsed(String rule) {
        CheckParser.Result r = parser.parse(rule);
        assertThat(r.problems()).as("problems parsing %s", rule).isEmpty();
        return r.check().toString();
    }

    @ParameterizedTest(name = "{0}  =>  {1}")
    @CsvSource(delimiter = '|', value = {
        "rule:a or rule:b and rule:c | (rule:a or (rule:b and rule:c))",
        "rule:a and rule:b or rule:c | ((rule:a and rule:b) or rule:c)",
        "(rule:a or rule:b) and rule:c | ((rule:a or rule:b) and rule:c)",
        "not rule:a and rule:b | (not rule:a and rule:b)",
        "not (rule:a and rule:b) | not (rule:a and rule:b)",
        "rule:a or not rule:b and rule:c | (rule:a or (not rule:b and rule:c))",
        "rule:a or rule:b or rule:c and rule:d and rule:e or rule:f | (rule:a or rule:b or (rule:c and rule:d and rule:e) or rule:f)",
        // oslo's quirk: the and-group in parentheses is extended in place (same meaning)
        "rule:a or (rule:b and rule:c) and rule:d | (rule:a or (rule:b and rule:c and rule:d))",
        "((rule:a)) | rule:a",
        "( rule:a ) | rule:a",
        "rule:a AND rule:b Or rule:c | ((rule:a and rule:b) or rule:c)",
        "NOT rule:a | not rule:a",
        "not not rule:a | not not rule:a",
        "@ | @",
        "! | !",
        "role:admin or (role:member and project_id:%(project_id)s) | (role:admin or (role:member and project_id:%(project_id)s))",
    })
    void precedenceAndParenthesesFollowOslo(String rule, String expected) {
        assertThat(parsed(rule)).isEqualTo(expected);
    }

    @Test
    void emptyRuleIsAlwaysTrueButBlankIsAFailure() {
        assertThat(parsed("")).isEqualTo("@");
        CheckParser.Result blank = parser.parse("   ");
        assertThat(blank.ok()).isFalse();
        assertThat(blank.check().toString()).isEqualTo("!");
    }

    @Test
    void whitespaceOfAnyKindSeparatesTokens() {
        assertThat(parsed("rule:a\tor\nrule:b")).isEqualTo("(rule:a or rule:b)");
    }

    @Test
    void quotedLeftHandSidesAreChecksButBareQuotedStringsAreNot() {
        assertThat(parsed("'member':%(role.name)s")).isEqualTo("'member':%(role.name)s");
        assertThat(parser.parse("'quoted'").ok()).isFalse();
        assertThat(parser.parse("rule:a or 'quoted'").ok()).isFalse();
        // "'a b'" is two words: "'a" and "b'" -- neither is a check
        assertThat(parser.parse("'a b'").ok()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rule:a and", "and rule:a", "rule:a rule:b", "(rule:a", "rule:a)", "()", "not",
        "admin", "rule:a or admin", "tenant_id:proj-a", "field:networks", "field:networks:shared",
        "field:networks:shared=maybe", "http://example.com/check"})
    void malformedRulesAreReportedAndFailClosed(String rule) {
        CheckParser.Result r = parser.parse(rule);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).isNotEmpty();
    }

    @Test
    void aWordWithoutColonFailsOnlyThatCheckLikeOslo() {
        CheckParser.Result r = parser.parse("rule:a or admin");
        assertThat(r.check().toString()).isEqualTo("(rule:a or !)");
        assertThat(r.problems()).singleElement().asString().contains("admin");
    }

    @Test
    void neutronFieldCheckRendersWithColonsAndConvertsValues() {
        CheckParser.Result r = parser.parse("field:networks:router:external=True");
        assertThat(r.check().toString()).isEqualTo("field:networks:router:external:True");
        Check.Field f = (Check.Field) r.check();
        assertThat(f.resource).isEqualTo("networks");
        assertThat(f.field).isEqualTo("router:external");
        assertThat(f.value).isEqualTo(Boolean.TRUE);
        Check.Field regex = (Check.Field) parser.parse("field:port:device_owner=~^network:").check();
        assertThat(regex.regex.pattern()).isEqualTo("^network:");
        Check.Field star = (Check.Field) parser.parse("field:rbac_policy:target_tenant=*").check();
        assertThat(star.value).isEqualTo("*");
    }

    @Test
    void ownerCheckNeedsAFieldReference() {
        assertThat(parser.parse("tenant_id:%(network:tenant_id)s").check()).isInstanceOf(Check.Owner.class);
        assertThat(((Check.Owner) parser.parse("tenant_id:%(network:tenant_id)s").check()).targetField)
                .isEqualTo("network:tenant_id");
        assertThat(parser.parse("tenant_id:abc").problems()).singleElement().asString()
                .contains("Unable to identify a target field");
    }

    @Test
    void checkKindsAreDispatchedLikeOsloAndNeutron() {
        assertThat(parser.parse("rule:x").check()).isInstanceOf(Check.RuleRef.class);
        assertThat(parser.parse("role:x").check()).isInstanceOf(Check.Role.class);
        assertThat(parser.parse("project_id:%(project_id)s").check()).isInstanceOf(Check.Generic.class);
        assertThat(parser.parse("tenant_id:%(tenant_id)s").check()).isInstanceOf(Check.Owner.class);
        assertThat(parser.parse("field:networks:shared=True").check()).isInstanceOf(Check.Field.class);
        // only the first colon separates kind and match
        assertThat(((Check.Leaf) parser.parse("rule:a:b").check()).match).isEqualTo("a:b");
    }

    @Test
    void legacyListOfListsForm() {
        CheckParser.Result r = parser.parseList(java.util.List.of(
                java.util.List.of("role:admin"), java.util.List.of("role:member", "project_id:%(project_id)s")));
        assertThat(r.check().toString()).isEqualTo("(role:admin or (role:member and project_id:%(project_id)s))");
        assertThat(parser.parseList(java.util.List.of()).check().toString()).isEqualTo("@");
        assertThat(parser.parseList(java.util.List.of(java.util.List.of())).check().toString()).isEqualTo("!");
    }
}
