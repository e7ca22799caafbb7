package dev.neutrino.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation semantics of single checks, written against oslo.policy's _checks.py and neutron/policy.py. */
class ChecksTest {
    private static final Credentials MEMBER_A = Credentials.builder().userId("u1").projectId("proj-a")
            .roles("member", "reader").extra("nested", Map.of("level", Map.of("x", "deep"), "tags", List.of("t1", "t2")))
            .build();

    /** Evaluates a check string against a target with a policy whose only override is the check itself. */
    private static boolean eval(String check, Map<String, ?> target, Credentials creds) {
        Policy p = Policy.builder().policyText("{\"probe\": " + json(check) + "}").build();
        return p.check("probe", target, creds);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void genericCheckComparesCredentialWithFormattedTarget() {
        assertThat(eval("project_id:%(project_id)s", Map.of("project_id", "proj-a"), MEMBER_A)).isTrue();
        assertThat(eval("project_id:%(project_id)s", Map.of("project_id", "proj-b"), MEMBER_A)).isFalse();
        assertThat(eval("user_id:u1", Map.of(), MEMBER_A)).isTrue();
    }

    @Test
    void genericCheckOnMissingTargetKeyIsFalse() {
        assertThat(eval("project_id:%(project_id)s", Map.of(), MEMBER_A)).isFalse();
        assertThat(eval("not project_id:%(project_id)s", Map.of(), MEMBER_A)).isTrue();
    }

    @Test
    void genericCheckOnMissingCredentialIsFalse() {
        assertThat(eval("no_such_cred:%(project_id)s", Map.of("project_id", "proj-a"), MEMBER_A)).isFalse();
    }

    @Test
    void pythonStrOfTargetValues() {
        // None == None: a system token (project_id None) matches a target whose project_id is None
        Credentials sys = Credentials.system("admin", "admin");
        Map<String, Object> t = new HashMap<>();
        t.put("project_id", null);
        assertThat(eval("project_id:%(project_id)s", t, sys)).isTrue();
        assertThat(eval("True:%(enabled)s", Map.of("enabled", true), MEMBER_A)).isTrue();
        assertThat(eval("True:%(enabled)s", Map.of("enabled", "true"), MEMBER_A)).isFalse();
        assertThat(eval("42:%(n)s", Map.of("n", 42), MEMBER_A)).isTrue();
        assertThat(eval("is_admin:False", Map.of(), MEMBER_A)).isTrue();
    }

    @Test
    void literalLeftHandSides() {
        assertThat(eval("'member':%(role)s", Map.of("role", "member"), MEMBER_A)).isTrue();
        assertThat(eval("\"member\":%(role)s", Map.of("role", "member"), MEMBER_A)).isTrue();
        assertThat(eval("'member':%(role)s", Map.of("role", "admin"), MEMBER_A)).isFalse();
        assertThat(eval("None:%(x)s", new HashMap<>(java.util.Collections.singletonMap("x", null)), MEMBER_A)).isTrue();
    }

    @Test
    void dottedCredentialPathsAndLists() {
        assertThat(eval("nested.level.x:deep", Map.of(), MEMBER_A)).isTrue();
        assertThat(eval("nested.tags:t2", Map.of(), MEMBER_A)).isTrue();
        assertThat(eval("nested.tags:t3", Map.of(), MEMBER_A)).isFalse();
        assertThat(eval("nested.missing.x:deep", Map.of(), MEMBER_A)).isFalse();
        // roles is a list: a generic check matches any element, case-sensitively
        assertThat(eval("roles:member", Map.of(), MEMBER_A)).isTrue();
        assertThat(eval("roles:MEMBER", Map.of(), MEMBER_A)).isFalse();
    }

    @Test
    void roleChecksAreCaseInsensitive() {
        Credentials upper = Credentials.project("u", "p", "MEMBER", "Reader");
        assertThat(eval("role:member", Map.of(), upper)).isTrue();
        assertThat(eval("role:READER", Map.of(), upper)).isTrue();
        assertThat(eval("role:admin", Map.of(), upper)).isFalse();
        assertThat(eval("role:%(r)s", Map.of("r", "Member"), upper)).isTrue();
        assertThat(eval("role:%(r)s", Map.of(), upper)).isFalse();
    }

    @Test
    void trueFalseNotAndOr() {
        assertThat(eval("@", Map.of(), MEMBER_A)).isTrue();
        assertThat(eval("!", Map.of(), MEMBER_A)).isFalse();
        assertThat(eval("", Map.of(), MEMBER_A)).isTrue();
        assertThat(eval("not !", Map.of(), MEMBER_A)).isTrue();
        assertThat(eval("role:admin or role:member and user_id:u1", Map.of(), MEMBER_A)).isTrue();
        assertThat(eval("(role:admin or role:member) and user_id:u2", Map.of(), MEMBER_A)).isFalse();
    }

    @Test
    void fieldCheckComparesConvertedValue() {
        assertThat(eval("field:networks:shared=True", Map.of("shared", true), MEMBER_A)).isTrue();
        assertThat(eval("field:networks:shared=True", Map.of("shared", false), MEMBER_A)).isFalse();
        // "True" is converted to a boolean for networks.shared; a string "True" in the target does not match
        assertThat(eval("field:networks:shared=True", Map.of("shared", "True"), MEMBER_A)).isFalse();
        // no converter for an unknown resource: plain string comparison
        assertThat(eval("field:things:color=blue", Map.of("color", "blue"), MEMBER_A)).isTrue();
        assertThat(eval("field:rbac_policy:target_tenant=*", Map.of("target_tenant", "*"), MEMBER_A)).isTrue();
        assertThat(eval("field:things:color=blue", Map.of(), MEMBER_A)).isFalse();
    }

    @Test
    void fieldCheckRegexIsAnchoredAtStartOnly() {
        String rule = "field:port:device_owner=~^network:";
        assertThat(eval(rule, Map.of("device_owner", "network:dhcp"), MEMBER_A)).isTrue();
        assertThat(eval(rule, Map.of("device_owner", "compute:nova"), MEMBER_A)).isFalse();
        assertThat(eval("field:port:device_owner=~comp", Map.of("device_owner", "compute:nova"), MEMBER_A)).isTrue();
        assertThat(eval("field:port:device_owner=~nova", Map.of("device_owner", "compute:nova"), MEMBER_A)).isFalse();
    }

    @Test
    void sharedNetworkFieldIsFetchedForChildResources() {
        Policy p = Policy.defaults().withParentResolver((res, id, field) -> {
            assertThat(res).isEqualTo("network");
            return id.equals("net-s") && field.equals("shared");
        });
        assertThat(p.check("shared", Map.of("network_id", "net-s"), MEMBER_A)).isTrue();
        assertThat(p.check("shared", Map.of("network_id", "net-x"), MEMBER_A)).isFalse();
        assertThat(p.check("shared", Map.of(), MEMBER_A)).isFalse();
    }

    @Test
    void ownerCheckUsesTargetOrParentResource() {
        Policy p = Policy.defaults().withParentResolver((res, id, field) -> Map.of(
                "network/net-a", "proj-a", "network/net-b", "proj-b", "security_group/sg-a", "proj-a",
                "router/r-a", "proj-a").get(res + "/" + id));
        Map<String, Object> onA = Map.of("tenant_id", "proj-b", "network_id", "net-a");
        assertThat(p.check("network_owner", onA, MEMBER_A)).isTrue();
        assertThat(p.check("network_owner", Map.of("tenant_id", "proj-b", "network_id", "net-b"), MEMBER_A)).isFalse();
        // a value already in the target wins (no lookup)
        assertThat(p.check("network_owner", Map.of("network_id", "net-b", "network:tenant_id", "proj-a"), MEMBER_A))
                .isTrue();
        assertThat(p.check("sg_owner", Map.of("security_group_id", "sg-a"), MEMBER_A)).isTrue();
        assertThat(p.check("ext_parent_owner", Map.of("ext_parent_router_id", "r-a"), MEMBER_A)).isTrue();
        assertThat(p.check("owner", Map.of("tenant_id", "proj-a"), MEMBER_A)).isTrue();
    }

    @Test
    void ownerCheckErrorsLikeNeutron() {
        Policy p = Policy.defaults();
        // "owner" on a target without tenant_id: Neutron raises PolicyCheckError (500)
        assertThatThrownBy(() -> p.check("owner", Map.of("project_id", "proj-a"), MEMBER_A))
                .isInstanceOf(PolicyCheckException.class).hasMessageContaining("tenant");
        // a parent lookup without a resolver
        assertThatThrownBy(() -> p.check("network_owner", Map.of("network_id", "n"), MEMBER_A))
                .isInstanceOf(PolicyCheckException.class).hasMessageContaining("ParentResolver");
        // no network_id at all: a KeyError, fatal at top level ...
        assertThatThrownBy(() -> p.check("network_owner", Map.of("tenant_id", "proj-a"), MEMBER_A))
                .isInstanceOf(PolicyCheckException.class);
        assertThatThrownBy(() -> p.check("admin_or_network_owner", Map.of("tenant_id", "proj-b"), MEMBER_A))
                .isInstanceOf(PolicyCheckException.class);
        // ... but swallowed (false) under a rule: reference, as oslo's RuleCheck catches KeyError
        // (admin_owner_or_network_owner = rule:owner or rule:admin_or_network_owner)
        assertThat(p.check("admin_owner_or_network_owner", Map.of("tenant_id", "proj-b"), MEMBER_A)).isFalse();
        assertThat(p.check("admin_owner_or_network_owner", Map.of("tenant_id", "proj-a"), MEMBER_A)).isTrue();
    }

    @Test
    void unknownRuleFallsBackToTheDefaultRule() {
        Policy p = Policy.defaults();
        // default = rule:admin_or_owner
        assertThat(p.check("no_such_rule", Map.of("tenant_id", "proj-a"), MEMBER_A)).isTrue();
        assertThat(p.check("no_such_rule", Map.of("tenant_id", "proj-b"), MEMBER_A)).isFalse();
    }
}
