package dev.neutrino.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Neutron Zed decisions, option handling, overrides, file errors and generators. */
class PolicyTest {
    static final Credentials ADMIN = Credentials.project("admin", "proj-admin", "admin", "member", "reader");
    static final Credentials MEMBER_A = Credentials.project("alice", "proj-a", "member", "reader");
    static final Credentials READER_A = Credentials.project("rita", "proj-a", "reader");
    static final Credentials NOROLE_A = Credentials.project("nobody", "proj-a");
    static final Credentials MEMBER_B = Credentials.project("bob", "proj-b", "member", "reader");
    static final Credentials SYSTEM_ADMIN = Credentials.system("root", "admin", "member", "reader");

    static final ParentResolver NETWORKS = (res, id, field) -> {
        Map<String, Map<String, Object>> nets = Map.of(
                "net-a", Map.of("tenant_id", "proj-a", "shared", false),
                "net-b", Map.of("tenant_id", "proj-b", "shared", false),
                "net-s", Map.of("tenant_id", "proj-b", "shared", true));
        if (!res.equals("network") || !nets.containsKey(id)) throw new IllegalStateException("no " + res + " " + id);
        return nets.get(id).get(field);
    };

    static Map<String, Object> network(String id, String project, boolean shared) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("project_id", project);
        n.put("tenant_id", project);
        n.put("shared", shared);
        n.put("router:external", false);
        return n;
    }

    private final Policy zed = Policy.builder().parentResolver(NETWORKS).build();

    // ------------------------------------------------------------ real Neutron decisions

    @Test
    void memberMayGetOwnNetworkButNotAnotherProjectsUnlessShared() {
        assertThat(zed.check("get_network", network("net-a", "proj-a", false), MEMBER_A)).isTrue();
        assertThat(zed.check("get_network", network("net-b", "proj-b", false), MEMBER_A)).isFalse();
        assertThat(zed.check("get_network", network("net-s", "proj-b", true), MEMBER_A)).isTrue();
        assertThat(zed.checkAction(MEMBER_A, "get_network", network("net-b", "proj-b", false))).isFalse();
        assertThatThrownBy(() -> zed.enforceAction(MEMBER_A, "get_network", network("net-b", "proj-b", false)))
                .isInstanceOf(PolicyNotAuthorized.class)
                .hasMessage("rule:get_network is disallowed by policy");
        assertThatThrownBy(() -> zed.enforce("get_network", network("net-b", "proj-b", false), MEMBER_A))
                .isInstanceOf(PolicyNotAuthorized.class)
                .hasMessage("get_network is disallowed by policy");
    }

    @Test
    void externalNetworksAreVisibleToEveryone() {
        Map<String, Object> ext = network("net-x", "proj-b", false);
        ext.put("router:external", true);
        assertThat(zed.check("get_network", ext, READER_A)).isTrue();
    }

    @Test
    void providerAttributesNeedAdmin() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("project_id", "proj-a", "tenant_id", "proj-a",
                "name", "n1", "provider:network_type", "vlan"));
        assertThat(zed.check("create_network:provider:network_type", body, MEMBER_A)).isFalse();
        assertThat(zed.check("create_network:provider:network_type", body, ADMIN)).isTrue();
        assertThat(zed.actionRules("create_network", body, null))
                .containsExactly("create_network", "create_network:provider:network_type");
        assertThatThrownBy(() -> zed.enforceAction(MEMBER_A, "create_network", body))
                .isInstanceOf(PolicyNotAuthorized.class)
                .hasMessage("(rule:create_network and rule:create_network:provider:network_type) is disallowed by policy");
        zed.enforceAction(ADMIN, "create_network", body);
        body.remove("provider:network_type");
        zed.enforceAction(MEMBER_A, "create_network", body);
    }

    @Test
    void attributesAtTheirDefaultValueAreNotExplicitlySet() {
        Map<String, Object> body = Map.of("project_id", "proj-a", "tenant_id", "proj-a", "shared", false);
        assertThat(zed.actionRules("create_network", body, null)).containsExactly("create_network");
        assertThat(zed.checkAction(MEMBER_A, "create_network", body)).isTrue();
        Map<String, Object> sharing = Map.of("project_id", "proj-a", "tenant_id", "proj-a", "shared", true);
        assertThat(zed.checkAction(MEMBER_A, "create_network", sharing)).isFalse();
    }

    @Test
    void subAttributeRulesForFixedIps() {
        Map<String, Object> fixedIp = new LinkedHashMap<>();
        fixedIp.put("subnet_id", "s1");
        fixedIp.put("ip_address", "10.0.0.5");
        Map<String, Object> port = Map.of("project_id", "proj-a", "tenant_id", "proj-a", "network_id", "net-a",
                "fixed_ips", List.of(fixedIp));
        assertThat(zed.actionRules("create_port", port, null)).containsExactly("create_port",
                "create_port:fixed_ips", "create_port:fixed_ips:subnet_id", "create_port:fixed_ips:ip_address");
        // network owner may pick addresses on their own network
        assertThat(zed.checkAction(MEMBER_A, "create_port", port)).isTrue();
        Map<String, Object> onShared = new HashMap<>(port);
        onShared.put("network_id", "net-s");
        assertThat(zed.checkAction(MEMBER_A, "create_port", onShared)).isFalse();
    }

    @Test
    void updateTargetsOnlyCheckChangedAttributes() {
        Map<String, Object> stored = Map.of("id", "p1", "project_id", "proj-a", "tenant_id", "proj-a",
                "network_id", "net-a", "binding:host_id", "compute-1", "mac_address", "fa:16:3e:00:00:01");
        Map<String, Object> rename = Policy.updateTarget(stored, Map.of("name", "web"));
        assertThat(zed.actionRules("update_port", rename, null)).containsExactly("update_port");
        assertThat(zed.checkAction(MEMBER_A, "update_port", rename)).isTrue();
        Map<String, Object> move = Policy.updateTarget(stored, Map.of("binding:host_id", "compute-2"));
        assertThat(zed.actionRules("update_port", move, null)).containsExactly("update_port", "update_port:binding:host_id");
        assertThat(zed.checkAction(MEMBER_A, "update_port", move)).isFalse();
        assertThat(zed.checkAction(ADMIN, "update_port", move)).isTrue();
    }

    @Test
    void bindingHostIsHiddenFromMembers() {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("id", "p1");
        port.put("project_id", "proj-a");
        port.put("tenant_id", "proj-a");
        port.put("network_id", "net-a");
        port.put("name", "web");
        port.put("binding:host_id", "compute-1");
        port.put("binding:vif_type", "ovs");
        assertThat(zed.check("get_port:binding:host_id", port, MEMBER_A)).isFalse();
        assertThat(zed.check("get_port:binding:host_id", port, ADMIN)).isTrue();
        assertThat(zed.filterAttributes(MEMBER_A, "port", port))
                .containsOnlyKeys("id", "project_id", "tenant_id", "network_id", "name");
        assertThat(zed.filterAttributes(ADMIN, "port", port)).isEqualTo(port);
    }

    @Test
    void adminContextBypassesRulesUnlessNewDefaultsAreEnforced() {
        Map<String, Object> foreign = network("net-b", "proj-b", false);
        assertThat(zed.isAdmin(ADMIN)).isTrue();
        assertThat(zed.isAdmin(MEMBER_A)).isFalse();
        assertThat(zed.checkAction(ADMIN, "update_quota", Map.of("project_id", "x", "tenant_id", "x"))).isTrue();
        Credentials explicitAdmin = MEMBER_A.withIsAdmin(true);
        assertThat(zed.checkAction(explicitAdmin, "get_network", foreign)).isTrue();
        Policy strict = Policy.builder().enforceNewDefaults(true).parentResolver(NETWORKS).build();
        assertThat(strict.checkAction(explicitAdmin, "get_network", foreign)).isFalse();
    }

    // ------------------------------------------------------------ deprecated rules

    @Test
    void deprecatedRuleIsOredUnlessNewDefaultsAreEnforced() {
        Policy legacy = Policy.load(null, false, false);
        Policy modern = Policy.load(null, false, true);
        Map<String, Object> own = Map.of("project_id", "proj-a", "tenant_id", "proj-a");
        // create_network: new = admin or project member; deprecated = rule:regular_user ("": anyone)
        assertThat(legacy.effectiveCheck("create_network"))
                .isEqualTo("(rule:admin_only or role:member and project_id:%(project_id)s) or (rule:regular_user)");
        assertThat(modern.effectiveCheck("create_network"))
                .isEqualTo("rule:admin_only or role:member and project_id:%(project_id)s");
        assertThat(legacy.check("create_network", own, NOROLE_A)).isTrue();
        assertThat(modern.check("create_network", own, NOROLE_A)).isFalse();
        assertThat(modern.check("create_network", own, MEMBER_A)).isTrue();
        // get_network: deprecated admin_or_owner lets a role-less owner read; the new default wants reader
        Map<String, Object> net = network("net-a", "proj-a", false);
        assertThat(legacy.check("get_network", net, NOROLE_A)).isTrue();
        assertThat(modern.check("get_network", net, NOROLE_A)).isFalse();
        assertThat(modern.check("get_network", net, READER_A)).isTrue();
        // a deprecated rule with the same check string is not duplicated
        assertThat(legacy.effectiveCheck("create_network:shared")).isEqualTo("rule:admin_only");
        assertThat(legacy.parsedCheck("create_network")).isEqualTo(
                "((rule:admin_only or (role:member and project_id:%(project_id)s)) or rule:regular_user)");
    }

    // ------------------------------------------------------------ scope

    @Test
    void scopeIsOnlyEnforcedWhenAskedTo() {
        Map<String, Object> own = Map.of("project_id", "proj-a", "tenant_id", "proj-a");
        Policy lax = Policy.load(null, false, false);
        Policy scoped = Policy.load(null, true, false);
        // Zed's rules are project-scoped; a system admin passes by role when scope is not enforced
        assertThat(lax.check("create_network", own, SYSTEM_ADMIN)).isTrue();
        assertThat(scoped.check("create_network", own, SYSTEM_ADMIN)).isFalse();
        assertThatThrownBy(() -> scoped.enforce("create_network", own, SYSTEM_ADMIN))
                .isInstanceOf(InvalidScope.class)
                .hasMessage("\"create_network\": \"rule:admin_only or role:member and project_id:%(project_id)s\" "
                        + "requires a scope of ['project'], request was made with system scope.")
                .satisfies(e -> assertThat(((InvalidScope) e).tokenScope()).isEqualTo("system"));
        assertThat(scoped.check("create_network", own, MEMBER_A)).isTrue();
        // rules without scope_types (the base rules) are never scope-checked
        assertThat(scoped.check("context_is_admin", Map.of(), SYSTEM_ADMIN)).isTrue();
        // a domain-scoped token
        Credentials domainAdmin = Credentials.builder().userId("d").domainId("dom").roles("admin").build();
        assertThatThrownBy(() -> scoped.enforce("get_network", Map.of(), domainAdmin))
                .isInstanceOf(InvalidScope.class).hasMessageEndingWith("request was made with domain scope.");
    }

    @Test
    void neutronActionScopeUsesTheMatchRule() {
        Policy scopedNew = Policy.load(null, true, true);
        Map<String, Object> own = Map.of("project_id", "proj-a", "tenant_id", "proj-a");
        assertThatThrownBy(() -> scopedNew.enforceAction(SYSTEM_ADMIN, "create_network", own))
                .isInstanceOf(InvalidScope.class)
                .hasMessage("rule:create_network requires a scope of ['project'], request was made with system scope.");
        // Neutron's admin short-cut precedes the scope check while enforce_new_defaults is off
        assertThat(Policy.load(null, true, false).checkAction(SYSTEM_ADMIN, "create_network", own)).isTrue();
    }

    // ------------------------------------------------------------ policy.yaml overrides

    @Test
    void policyFileOverridesReplaceTheDefault(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, """
                # operators' overrides
                "create_network": "role:netadmin or rule:admin_only"
                get_network: rule:admin_or_owner or rule:shared
                "net_team": "role:netteam"
                "update_network": "rule:net_team"
                "delete_network": ""
                """);
        Policy p = Policy.builder().policyFile(file).parentResolver(NETWORKS).build();
        Map<String, Object> own = network("net-a", "proj-a", false);
        assertThat(p.isOverridden("create_network")).isTrue();
        assertThat(p.effectiveCheck("create_network")).isEqualTo("role:netadmin or rule:admin_only");
        assertThat(p.check("create_network", own, MEMBER_A)).isFalse();
        assertThat(p.check("create_network", own, Credentials.project("n", "proj-a", "netadmin"))).isTrue();
        // the deprecated fallback no longer applies to an overridden rule
        assertThat(p.check("create_network", own, NOROLE_A)).isFalse();
        assertThat(p.check("get_network", own, NOROLE_A)).isTrue();
        assertThat(p.check("update_network", own, Credentials.project("t", "proj-z", "netteam"))).isTrue();
        assertThat(p.check("delete_network", network("x", "proj-z", false), MEMBER_A)).isTrue();
        assertThat(p.hasRule("net_team")).isTrue();
        // non-overridden rules keep their defaults
        assertThat(p.effectiveCheck("create_subnet")).isEqualTo(Policy.defaults().effectiveCheck("create_subnet"));
    }

    @Test
    void legacyJsonPolicyFilesAreAccepted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\"create_network\": \"rule:admin_only\", \"get_port\": [[\"role:admin\"]],"
                + " \"get_subnet\": [[\"role:a\", \"role:b\"], [\"role:c\"]]}");
        Policy p = Policy.load(file, false, false);
        assertThat(p.check("create_network", Map.of("project_id", "proj-a"), MEMBER_A)).isFalse();
        assertThat(p.parsedCheck("get_port")).isEqualTo("role:admin");
        assertThat(p.effectiveCheck("get_subnet")).isEqualTo("(role:a and role:b) or role:c");
        assertThat(p.parsedCheck("get_subnet")).isEqualTo("((role:a and role:b) or role:c)");
    }

    @Test
    void overrideReferencingTheDefaultsAndEmptyFileWork() {
        Policy p = Policy.builder().policyText("").build();
        assertThat(p.ruleNames()).hasSize(Policy.defaults().ruleNames().size());
        Policy q = Policy.builder().policyText("\"get_network\": \"rule:context_is_admin\"\n").build();
        assertThat(q.check("get_network", network("net-a", "proj-a", false), MEMBER_A)).isFalse();
    }

    // ------------------------------------------------------------ bad files

    @Test
    void malformedYamlIsReportedWithLocation(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "\"create_network\": \"role:admin\"\n  bad: [unclosed\n");
        assertThatThrownBy(() -> Policy.load(file, false, false))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid YAML or JSON")
                .hasMessageContaining("line");
    }

    @Test
    void checkSyntaxErrorsAreReportedPerRule() {
        assertThatThrownBy(() -> Policy.builder().policyText("""
                "create_network": "role:admin or"
                "get_network": "(rule:admin_only"
                "delete_network": "admin"
                "update_network": "tenant_id:proj-a"
                """).build())
                .isInstanceOf(PolicyFileException.class)
                .satisfies(e -> assertThat(((PolicyFileException) e).problems())
                        .anyMatch(s -> s.startsWith("rule \"create_network\"") && s.contains("role:admin or"))
                        .anyMatch(s -> s.startsWith("rule \"get_network\""))
                        .anyMatch(s -> s.startsWith("rule \"delete_network\"") && s.contains("KIND:MATCH"))
                        .anyMatch(s -> s.startsWith("rule \"update_network\"") && s.contains("target field")));
    }

    @Test
    void unknownRuleReferencesAndCyclesAreRejected() {
        assertThatThrownBy(() -> Policy.builder().policyText("\"create_network\": \"rule:no_such_thing\"").build())
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("rule \"create_network\" references rule:no_such_thing, which is not defined");
        assertThatThrownBy(() -> Policy.builder().policyText("\"a\": \"rule:b\"\n\"b\": \"rule:a or role:x\"").build())
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("cyclical");
    }

    @Test
    void wrongShapesAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> Policy.builder().policyText("- a\n- b\n").build())
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("mapping");
        assertThatThrownBy(() -> Policy.builder().policyText("\"create_network\": 42\n").build())
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("must be a string");
        assertThatThrownBy(() -> Policy.load(dir.resolve("missing.yaml"), false, false))
                .isInstanceOf(PolicyFileException.class).hasMessageContaining("cannot read");
    }

    // ------------------------------------------------------------ generators

    @Test
    void sampleLooksLikeOslopolicySampleGenerator() {
        String sample = Policy.defaults().generateSample();
        assertThat(sample).startsWith("# Rule for cloud admin access\n#\"context_is_admin\": \"role:admin\"\n\n");
        assertThat(sample).contains("""
                # Create a network
                # POST  /networks
                # Intended scope(s): project
                #"create_network": "rule:admin_only or role:member and project_id:%(project_id)s"

                # DEPRECATED
                """);
    }

    @Test
    void effectivePolicyRoundTrips() {
        for (boolean newDefaults : new boolean[] {false, true}) {
            Policy p = Policy.builder().enforceNewDefaults(newDefaults)
                    .policyText("\"create_network\": \"role:netadmin\"\n\"custom\": \"role:x\"").build();
            String text = p.generateEffective();
            assertThat(text).contains("\"create_network\": \"role:netadmin\"\n").endsWith("\"custom\": \"role:x\"\n");
            Policy reloaded = Policy.builder().enforceNewDefaults(newDefaults).policyText(text).build();
            assertThat(reloaded.ruleNames()).containsExactlyInAnyOrderElementsOf(p.ruleNames());
            for (String name : p.ruleNames()) {
                assertThat(reloaded.parsedCheck(name)).as(name).isEqualTo(p.parsedCheck(name));
            }
        }
    }

    @Test
    void allNeutronDefaultsAreRegistered() {
        Policy p = Policy.defaults();
        assertThat(p.registeredDefaults()).hasSize(261);
        assertThat(p.registeredDefaults().get(0).name()).isEqualTo("context_is_admin");
        assertThat(p.ruleNames()).contains("context_is_advsvc", "admin_or_network_owner", "shared", "external",
                "create_port:fixed_ips:ip_address", "get_port:binding:host_id", "update_quota");
        RuleDefault getNetwork = p.registeredDefaults().stream().filter(d -> d.name().equals("get_network"))
                .findFirst().orElseThrow();
        assertThat(getNetwork.scopeTypes()).containsExactly("project");
        assertThat(getNetwork.deprecatedRule().checkStr())
                .isEqualTo("rule:admin_or_owner or rule:shared or rule:external or rule:context_is_advsvc");
    }
}
