package dev.neutrino.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-code policy default, as Neutron registers it with oslo.policy
 * ({@code RuleDefault} / {@code DocumentedRuleDefault}).
 *
 * @param name the rule name, e.g. {@code create_network:shared}
 * @param checkStr the (new) default check string
 * @param description the documentation text (may be null for plain RuleDefaults)
 * @param operations the API operations it guards (empty for plain RuleDefaults)
 * @param scopeTypes the intended token scopes, or null when unscoped
 * @param deprecatedRule the rule this one replaces (same name, old check string), or null
 * @param deprecatedForRemoval whether the rule itself is going away
 * @param deprecatedReason why (only with deprecatedForRemoval)
 * @param deprecatedSince since when (only with deprecatedForRemoval)
 */
public record RuleDefault(String name, String checkStr, String description, List<Operation> operations,
                          List<String> scopeTypes, DeprecatedRule deprecatedRule, boolean deprecatedForRemoval,
                          String deprecatedReason, String deprecatedSince) {

    /**
     * A rule an extension declares for what Neutron's Zed defaults do not cover: project scope, no
     * deprecated rule, documented for {@code method path}.
     */
    public static RuleDefault of(String name, String checkStr, String description, String method, String path) {
        return new RuleDefault(name, checkStr, description, List.of(new Operation(method, path)), List.of("project"),
                null, false, null, null);
    }

    /** An HTTP operation a documented rule applies to. */
    public record Operation(String method, String path) {}

    /** oslo.policy {@code DeprecatedRule}: the previous name and check string of a rule. */
    public record DeprecatedRule(String name, String checkStr, String deprecatedReason, String deprecatedSince) {}

    public RuleDefault {
        operations = operations == null ? List.of() : List.copyOf(operations);
        scopeTypes = scopeTypes == null ? null : List.copyOf(scopeTypes);
    }

    /** Whether this is a DocumentedRuleDefault (has operations). */
    public boolean documented() {
        return !operations.isEmpty();
    }

    /** oslo {@code str(RuleDefault)}: {@code "name": "check_str"}. */
    @Override
    public String toString() {
        return "\"" + name + "\": \"" + checkStr + "\"";
    }

    static final String RESOURCE = "neutron-zed-policy.json";

    private static volatile List<RuleDefault> neutron;

    /** Neutron Zed's defaults, in registration order (neutron.conf.policies.list_rules()). */
    static List<RuleDefault> neutronDefaults() {
        List<RuleDefault> l = neutron;
        if (l == null) {
            synchronized (RuleDefault.class) {
                if (neutron == null) neutron = load();
                l = neutron;
            }
        }
        return l;
    }

    private static List<RuleDefault> load() {
        try (InputStream in = RuleDefault.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            JsonNode root = new ObjectMapper().readTree(in);
            List<RuleDefault> out = new ArrayList<>();
            for (JsonNode r : root.get("rules")) {
                List<Operation> ops = new ArrayList<>();
                if (r.hasNonNull("operations")) {
                    for (JsonNode o : r.get("operations")) ops.add(new Operation(o.get("method").asText(), o.get("path").asText()));
                }
                List<String> scopes = null;
                if (r.hasNonNull("scope_types")) {
                    scopes = new ArrayList<>();
                    for (JsonNode s : r.get("scope_types")) scopes.add(s.asText());
                }
                DeprecatedRule dep = null;
                if (r.hasNonNull("deprecated_rule")) {
                    JsonNode d = r.get("deprecated_rule");
                    dep = new DeprecatedRule(d.get("name").asText(), d.get("check_str").asText(),
                            text(d, "deprecated_reason"), text(d, "deprecated_since"));
                }
                out.add(new RuleDefault(r.get("name").asText(), r.get("check_str").asText(), text(r, "description"),
                        ops, scopes, dep, r.path("deprecated_for_removal").asBoolean(false),
                        text(r, "deprecated_reason"), text(r, "deprecated_since")));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
