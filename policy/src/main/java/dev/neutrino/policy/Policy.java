package dev.neutrino.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neutron's authorization: oslo.policy's {@code Enforcer} loaded with Neutron Zed's in-code
 * defaults ({@code neutron.conf.policies}) and an optional operator policy file, plus the
 * attribute-level logic of {@code neutron/policy.py}.
 *
 * <h2>Rule table</h2>
 * As oslo.policy builds it: every rule of the policy file (its check string replaces the
 * default entirely), then every registered default not in the file. A default with a
 * deprecated rule whose check string differs is in force as {@code (new) or (deprecated)}
 * unless {@code enforce_new_defaults} is on. A rule name that is not in the table falls
 * back to the {@code default} rule ({@code rule:admin_or_owner}), as {@code Rules.__missing__}
 * does. Loading is stricter than oslo (which only logs): a check string that does not parse,
 * a reference to an undefined rule, or a cycle is a {@link PolicyFileException}.
 *
 * <h2>Two levels of enforcement</h2>
 * <ul>
 *   <li>{@link #check}/{@link #enforce}: oslo's {@code Enforcer.enforce(rule_name, target, creds)}
 *       for one named rule, with the rule's {@code scope_types} checked against the token.</li>
 *   <li>{@link #checkAction}/{@link #enforceAction}/{@link #filterAttributes}: Neutron's
 *       {@code policy.check/enforce} for an API action: the admin short-cut (when
 *       {@code enforce_new_defaults} is off, an admin context is always allowed), and the match
 *       rule {@code rule:ACTION and rule:ACTION:ATTR ...} for every attribute the request sets
 *       explicitly that Neutron's attribute map marks {@code enforce_policy}, including
 *       sub-attribute rules such as {@code create_port:fixed_ips:ip_address}.</li>
 * </ul>
 *
 * <p>Targets are JSON-shaped maps (String, Boolean, Number, List, Map, null) and must carry
 * what Neutron's resources carry, notably both {@code tenant_id} and {@code project_id}
 * (the {@code owner} rule reads {@code tenant_id}). Instances are immutable and thread-safe.
 */
public final class Policy {
    private static final Logger LOG = LoggerFactory.getLogger(Policy.class);

    /** oslo.policy's {@code policy_default_rule}: used for rule names that are not defined. */
    public static final String DEFAULT_RULE = "default";
    /** Neutron's key listing the attributes an update sets (neutron_lib.constants.ATTRIBUTES_TO_UPDATE). */
    public static final String ATTRIBUTES_TO_UPDATE = "attributes_to_update";

    private final boolean enforceScope;
    private final boolean enforceNewDefaults;
    private final ParentResolver parentResolver;
    private final AttributeMap attributes;
    private final List<RuleDefault> defaults;
    private final List<RuleDefault> extraDefaults;
    private final Map<String, RuleDefault> registered;
    private final Map<String, Object> fileRules;
    private final Map<String, Check> rules;
    private final Map<String, String> effective;

    private Policy(Builder b, Map<String, Object> fileRules, String source) {
        this.enforceScope = b.enforceScope;
        this.enforceNewDefaults = b.enforceNewDefaults;
        this.parentResolver = b.parentResolver;
        this.attributes = AttributeMap.builtin();
        this.extraDefaults = List.copyOf(b.extraDefaults);
        List<RuleDefault> all = new ArrayList<>(RuleDefault.neutronDefaults());
        Map<String, RuleDefault> reg = new LinkedHashMap<>();
        for (RuleDefault d : all) reg.put(d.name(), d);
        for (RuleDefault d : extraDefaults) {
            RuleDefault known = reg.get(d.name());
            if (known == null) {
                reg.put(d.name(), d);
                all.add(d);
            } else if (!known.equals(d)) {
                throw new IllegalArgumentException("policy default " + d.name() + " is declared twice, differently");
            }
        }
        this.defaults = List.copyOf(all);
        this.registered = Collections.unmodifiableMap(reg);
        this.fileRules = Collections.unmodifiableMap(new LinkedHashMap<>(fileRules));

        CheckParser parser = new CheckParser(attributes);
        List<String> problems = new ArrayList<>();
        Map<String, Check> table = new LinkedHashMap<>();
        Map<String, String> eff = new LinkedHashMap<>();
        Map<String, Check> fileChecks = new LinkedHashMap<>();
        for (var e : fileRules.entrySet()) {
            CheckParser.Result r = parseRaw(parser, e.getValue());
            for (String p : r.problems()) problems.add("rule \"" + e.getKey() + "\": " + p);
            if (e.getValue() == null) {
                LOG.warn("policy {}: rule \"{}\" has no value; oslo.policy treats that as always allowed",
                        source, e.getKey());
            }
            fileChecks.put(e.getKey(), r.check());
            table.put(e.getKey(), r.check());
            eff.put(e.getKey(), rawString(e.getValue()));
        }
        for (RuleDefault d : defaults) {
            if (table.containsKey(d.name())) continue;
            Check check = parseDefault(parser, d.name(), d.checkStr());
            String str = d.checkStr();
            RuleDefault.DeprecatedRule dep = d.deprecatedRule();
            if (dep != null) {
                // oslo.policy Enforcer._handle_deprecated_rule
                if (!dep.name().equals(d.name()) && fileRules.containsKey(dep.name())
                        && !fileChecks.get(dep.name()).toString().equals("rule:" + d.name())) {
                    check = fileChecks.get(dep.name());
                    str = rawString(fileRules.get(dep.name()));
                } else if (!enforceNewDefaults && !dep.checkStr().equals(d.checkStr())) {
                    check = new Check.Or(List.of(check, parseDefault(parser, d.name(), dep.checkStr())));
                    str = "(" + nonEmpty(d.checkStr()) + ") or (" + nonEmpty(dep.checkStr()) + ")";
                }
            }
            table.put(d.name(), check);
            eff.put(d.name(), str);
        }
        this.rules = Collections.unmodifiableMap(table);
        this.effective = Collections.unmodifiableMap(eff);

        // oslo.policy Enforcer.check_rules, but fatal
        for (var e : table.entrySet()) {
            Set<String> undefined = new LinkedHashSet<>();
            undefined(e.getValue(), undefined);
            for (String u : undefined) {
                problems.add("rule \"" + e.getKey() + "\" references rule:" + u + ", which is not defined");
            }
            if (cycle(e.getValue(), new HashSet<>())) {
                problems.add("rule \"" + e.getKey() + "\" is part of a cyclical reference (rule:A -> ... -> rule:A)");
            }
        }
        if (!problems.isEmpty()) throw new PolicyFileException(source, problems);
    }

    private static String nonEmpty(String s) {
        return s.isEmpty() ? "@" : s;
    }

    private static String rawString(Object raw) {
        if (raw == null) return "";
        if (raw instanceof String s) return s;
        if (raw instanceof List<?> outer) {
            // the legacy list-of-lists form as an equivalent check string
            if (outer.isEmpty()) return "";
            List<String> ors = new ArrayList<>();
            for (Object inner : outer) {
                List<?> and = inner instanceof List<?> l ? l : List.of(inner);
                if (and.isEmpty()) continue;
                List<String> parts = and.stream().map(PyValues::str).toList();
                ors.add(parts.size() == 1 ? parts.get(0) : "(" + String.join(" and ", parts) + ")");
            }
            return ors.isEmpty() ? "!" : String.join(" or ", ors);
        }
        return PyValues.repr(raw);
    }

    private static CheckParser.Result parseRaw(CheckParser parser, Object raw) {
        if (raw == null) return new CheckParser.Result(Check.True.INSTANCE, List.of());
        if (raw instanceof List<?> l) return parser.parseList(l);
        return parser.parse((String) raw);
    }

    private static Check parseDefault(CheckParser parser, String name, String checkStr) {
        CheckParser.Result r = parser.parse(checkStr);
        if (!r.ok()) throw new IllegalStateException("built-in default " + name + " does not parse: " + r.problems());
        return r.check();
    }

    private void undefined(Check c, Set<String> out) {
        if (c instanceof Check.RuleRef r && !rules.containsKey(r.match)) out.add(r.match);
        if (c instanceof Check.And a) for (Check x : a.rules) undefined(x, out);
        if (c instanceof Check.Or o) for (Check x : o.rules) undefined(x, out);
    }

    /** oslo {@code _cycle_check} (which, like this, does not look inside "not"). */
    private boolean cycle(Check c, Set<String> seen) {
        if (c instanceof Check.RuleRef r) {
            if (!seen.add(r.match)) return true;
            Check target = rules.get(r.match);
            if (target != null && cycle(target, seen)) return true;
        }
        List<Check> children = c instanceof Check.And a ? a.rules : c instanceof Check.Or o ? o.rules : null;
        if (children != null) {
            for (Check x : children) if (cycle(x, new HashSet<>(seen))) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ construction

    /**
     * Neutron Zed's defaults overridden by a policy file.
     *
     * @param policyFileOrNull a policy.yaml (or legacy policy.json); null for the defaults only
     * @param enforceScope oslo.policy {@code [oslo_policy] enforce_scope} (Zed default false)
     * @param enforceNewDefaults oslo.policy {@code [oslo_policy] enforce_new_defaults} (Zed default false)
     * @throws PolicyFileException if the file cannot be read or contains an invalid rule
     */
    public static Policy load(Path policyFileOrNull, boolean enforceScope, boolean enforceNewDefaults) {
        return builder().policyFile(policyFileOrNull).enforceScope(enforceScope)
                .enforceNewDefaults(enforceNewDefaults).build();
    }

    /** Neutron Zed's defaults with Zed's default options (no scope enforcement, deprecated rules honoured). */
    public static Policy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for a {@link Policy}. */
    public static final class Builder {
        private Path policyFile;
        private String policyText;
        private String policyTextSource;
        private boolean enforceScope;
        private boolean enforceNewDefaults;
        private ParentResolver parentResolver;
        private final List<RuleDefault> extraDefaults = new ArrayList<>();

        private Builder() {}

        /**
         * Defaults beside Neutron Zed's, as extensions declare them for rules Zed lacks (a policy
         * file overrides them like any default). One already registered identically is ignored; one
         * that differs is an error.
         */
        public Builder defaults(java.util.Collection<RuleDefault> more) {
            extraDefaults.addAll(more);
            return this;
        }

        /** A policy.yaml / policy.json whose rules replace the defaults of the same name; null for none. */
        public Builder policyFile(Path file) {
            this.policyFile = file;
            return this;
        }

        /** Policy file content given directly (YAML or JSON); applied like a file. */
        public Builder policyText(String text) {
            this.policyText = text;
            this.policyTextSource = "text";
            return this;
        }

        public Builder enforceScope(boolean v) {
            this.enforceScope = v;
            return this;
        }

        public Builder enforceNewDefaults(boolean v) {
            this.enforceNewDefaults = v;
            return this;
        }

        /** How to look up parent resources (see {@link ParentResolver}); without one such checks fail. */
        public Builder parentResolver(ParentResolver r) {
            this.parentResolver = r;
            return this;
        }

        /** @throws PolicyFileException if the policy file cannot be read or contains an invalid rule */
        public Policy build() {
            if (policyFile != null && policyText != null) {
                throw new IllegalStateException("give either a policy file or policy text, not both");
            }
            Map<String, Object> file = Map.of();
            String source = "defaults";
            if (policyFile != null) {
                source = "file " + policyFile;
                String text;
                try {
                    text = Files.readString(policyFile, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new PolicyFileException(source, "cannot read: " + e, e);
                }
                file = PolicyFileReader.read(text, source);
            } else if (policyText != null) {
                source = policyTextSource;
                file = PolicyFileReader.read(policyText, source);
            }
            return new Policy(this, file, source);
        }
    }

    /** A copy with another parent resolver. */
    public Policy withParentResolver(ParentResolver resolver) {
        Builder b = copy();
        b.parentResolver = resolver;
        return new Policy(b, fileRules, "copy");
    }

    /** A copy with more defaults (see {@link Builder#defaults}); the file's rules still override them. */
    public Policy withDefaults(java.util.Collection<RuleDefault> more) {
        Builder b = copy();
        b.extraDefaults.addAll(more);
        return new Policy(b, fileRules, "copy");
    }

    private Builder copy() {
        Builder b = new Builder();
        b.enforceScope = enforceScope;
        b.enforceNewDefaults = enforceNewDefaults;
        b.parentResolver = parentResolver;
        b.extraDefaults.addAll(extraDefaults);
        return b;
    }

    // ------------------------------------------------------------------ introspection

    public boolean enforceScope() {
        return enforceScope;
    }

    public boolean enforceNewDefaults() {
        return enforceNewDefaults;
    }

    ParentResolver parentResolver() {
        return parentResolver;
    }

    /** Neutron's registered defaults, in registration order. */
    public List<RuleDefault> registeredDefaults() {
        return defaults;
    }

    /** Every rule in force: the file's rules and all registered defaults. */
    public Set<String> ruleNames() {
        return rules.keySet();
    }

    /** Whether a rule of that name is in force (defined by the file or a default). */
    public boolean hasRule(String name) {
        return rules.containsKey(name);
    }

    /** Whether the policy file overrides (or adds) the rule. */
    public boolean isOverridden(String name) {
        return fileRules.containsKey(name);
    }

    /**
     * The check string in force for a rule: the policy file's string when it overrides the
     * rule, the default's, or {@code (new) or (deprecated)} when the deprecated fallback is
     * active. Null when no rule of that name exists (the {@code default} rule would apply).
     * Re-parsing the result gives the same decisions.
     */
    public String effectiveCheck(String name) {
        return effective.get(name);
    }

    /** oslo's canonical rendering of the parsed rule in force ({@code str(check)}), or null. */
    public String parsedCheck(String name) {
        Check c = rules.get(name);
        return c == null ? null : c.toString();
    }

    Check lookupRule(String name) {
        Check c = rules.get(name);
        if (c == null && !name.equals(DEFAULT_RULE)) c = rules.get(DEFAULT_RULE);
        return c;
    }

    /**
     * The sample policy file {@code oslopolicy-sample-generator --namespace neutron} writes for
     * Zed, byte for byte: every default commented out ({@code #"name": "check"}) with its
     * description, operations, intended scopes and deprecation notes. It shows the defaults,
     * not this instance's overrides; see {@link #generateEffective()} for those.
     */
    public String generateSample() {
        return SampleWriter.sample(defaults);
    }

    /**
     * Every rule in force, uncommented, one {@code "name": "check"} line each, with the
     * check string of {@link #effectiveCheck} (file overrides applied; deprecated fallbacks
     * written out as {@code (new) or (old)} when active). Registered defaults come first in
     * registration order, then rules only the file defines. Loading this text as a policy
     * file reproduces this policy's decisions. (Unlike {@code oslopolicy-policy-generator},
     * which prints only the new default check strings.)
     */
    public String generateEffective() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Effective Neutron policy (enforce_scope=").append(enforceScope ? "True" : "False")
                .append(", enforce_new_defaults=").append(enforceNewDefaults ? "True" : "False").append(")\n");
        for (String name : effective.keySet()) {
            if (registered.containsKey(name)) sb.append(SampleWriter.yamlEntry(name, effective.get(name)));
        }
        for (String name : effective.keySet()) {
            if (!registered.containsKey(name)) sb.append(SampleWriter.yamlEntry(name, effective.get(name)));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ oslo-level enforcement

    /**
     * oslo {@code Enforcer.enforce(rule, target, creds)} without raising: whether the named
     * rule allows the request. An unknown rule name uses the {@code default} rule. With
     * {@code enforce_scope}, a token whose scope is not in the rule's scope_types is refused.
     *
     * @throws PolicyCheckException if a check cannot be evaluated (see there)
     */
    public boolean check(String rule, Map<String, ?> target, Credentials creds) {
        return enforceNamed(rule, target, creds, false);
    }

    /**
     * oslo {@code Enforcer.enforce(rule, target, creds, do_raise=True)}.
     *
     * @throws InvalidScope if scope enforcement is on and the token's scope does not fit
     * @throws PolicyNotAuthorized ({@code "RULE is disallowed by policy"}) if the rule refuses
     * @throws PolicyCheckException if a check cannot be evaluated
     */
    public void enforce(String rule, Map<String, ?> target, Credentials creds) {
        enforceNamed(rule, target, creds, true);
    }

    private boolean enforceNamed(String rule, Map<String, ?> target, Credentials creds, boolean raise) {
        Map<String, Object> credMap = policyValues(creds);
        Check toCheck = lookupRule(rule);
        boolean result;
        if (toCheck == null) {
            result = false;
        } else {
            RuleDefault reg = registered.get(rule);
            if (reg != null && reg.scopeTypes() != null && !reg.scopeTypes().isEmpty()
                    && !scopeValid(credMap, reg.toString(), reg.scopeTypes(), raise)) {
                return false;
            }
            result = toCheck.eval(new Evaluation(this, copy(target), credMap));
        }
        if (raise && !result) throw new PolicyNotAuthorized(rule);
        return result;
    }

    private boolean scopeValid(Map<String, Object> creds, String ruleStr, List<String> scopeTypes, boolean raise) {
        String tokenScope;
        if (PyValues.truthy(creds.get("system"))) tokenScope = "system";
        else if (PyValues.truthy(creds.get("domain_id"))) tokenScope = "domain";
        else tokenScope = "project";
        if (scopeTypes.contains(tokenScope)) return true;
        if (enforceScope) {
            if (raise) throw new InvalidScope(ruleStr, scopeTypes, tokenScope);
            return false;
        }
        LOG.debug("Policy {} failed scope check. The token used to make the request was {} scoped but the "
                + "policy requires {} scope.", ruleStr, tokenScope, scopeTypes);
        return true;
    }

    /**
     * The credentials dict a Neutron request context hands oslo.policy: {@link
     * Credentials#toPolicyValues()} with {@code is_admin} derived from {@code context_is_admin}
     * when unset, and {@code system} mirrored from {@code system_scope}.
     */
    Map<String, Object> policyValues(Credentials creds) {
        Map<String, Object> m = creds.toPolicyValues();
        if (creds.isAdmin() == null) m.put("is_admin", isAdmin(creds));
        if (PyValues.truthy(m.get("system_scope"))) m.put("system", m.get("system_scope"));
        return m;
    }

    /**
     * Whether Neutron considers the context an admin: {@code Credentials.isAdmin()} if set,
     * otherwise the {@code context_is_admin} rule evaluated with the credentials as target
     * ({@code neutron_lib.policy.check_is_admin}).
     */
    public boolean isAdmin(Credentials creds) {
        if (creds.isAdmin() != null) return creds.isAdmin();
        Map<String, Object> m = creds.toPolicyValues();
        if (PyValues.truthy(m.get("system_scope"))) m.put("system", m.get("system_scope"));
        Check c = rules.get("context_is_admin");
        if (c == null) return false;
        return c.eval(new Evaluation(this, new LinkedHashMap<>(m), m));
    }

    private static Map<String, Object> copy(Map<String, ?> target) {
        return target == null ? new LinkedHashMap<>() : new LinkedHashMap<>(target);
    }

    // ------------------------------------------------------------------ Neutron-level enforcement

    /**
     * Neutron's {@code policy.check(context, action, target)}: true when allowed. For create and
     * update actions the attribute rules of every explicitly set, policy-enforced attribute of
     * the target are AND-ed in ({@link #actionRules}). An admin is always allowed unless
     * {@code enforce_new_defaults}. A scope mismatch under {@code enforce_scope} is false.
     *
     * @param action e.g. {@code create_port}, {@code get_network}, {@code update_router}
     * @param target the request body merged into the resource (for updates, see
     *        {@link #updateTarget}); for get/delete the resource itself
     */
    public boolean checkAction(Credentials creds, String action, Map<String, ?> target) {
        return neutronEnforce(creds, action, target, null, false, false);
    }

    /** {@link #checkAction(Credentials, String, Map)} with an explicit collection name (Neutron's {@code pluralized}). */
    public boolean checkAction(Credentials creds, String action, Map<String, ?> target, String collection) {
        return neutronEnforce(creds, action, target, collection, false, false);
    }

    /**
     * Neutron's {@code policy.enforce(context, action, target)}.
     *
     * @throws PolicyNotAuthorized with Neutron's message, e.g.
     *         {@code "(rule:create_network and rule:create_network:shared) is disallowed by policy"}
     * @throws InvalidScope when scope enforcement refuses the token (only for bare action rules,
     *         as in Neutron: an attribute match rule carries no scope_types)
     */
    public void enforceAction(Credentials creds, String action, Map<String, ?> target) {
        neutronEnforce(creds, action, target, null, false, true);
    }

    /** {@link #enforceAction(Credentials, String, Map)} with an explicit collection name. */
    public void enforceAction(Credentials creds, String action, Map<String, ?> target, String collection) {
        neutronEnforce(creds, action, target, collection, false, true);
    }

    private boolean neutronEnforce(Credentials creds, String action, Map<String, ?> target, String collection,
                                   boolean mightNotExist, boolean raise) {
        Map<String, Object> credMap = policyValues(creds);
        if (!enforceNewDefaults && PyValues.truthy(credMap.get("is_admin"))) return true;
        if (mightNotExist && !rules.containsKey(action)) return true;
        Map<String, Object> t = copy(target);
        Check match = buildMatchRule(action, t, collection);
        if (match instanceof Check.RuleRef r && r.scopeTypes != null && !r.scopeTypes.isEmpty()
                && !scopeValid(credMap, r.toString(), r.scopeTypes, raise)) {
            return false;
        }
        boolean result = match.eval(new Evaluation(this, t, credMap));
        if (raise && !result) {
            if (LOG.isDebugEnabled()) LOG.debug("Failed policy enforce for '{}': rules {}", action, flatten(match));
            throw new PolicyNotAuthorized(match.toString());
        }
        return result;
    }

    /**
     * The rules Neutron checks for an action on a target, in order: the action itself, then
     * {@code ACTION:ATTR} for each explicitly set attribute with {@code enforce_policy} in the
     * resource's attribute map, followed by its sub-attribute rules
     * ({@code ACTION:ATTR:KEY} for the keys of a dict-typed attribute, and for the keys of each
     * dict in a list value, e.g. {@code create_port:fixed_ips:ip_address}). Get and delete
     * actions check only the action rule. A listed rule that is not defined is evaluated as
     * the {@code default} rule.
     *
     * @param collection the resource's collection name, or null to derive it from the action
     *        ({@code create_port} gives {@code ports})
     */
    public List<String> actionRules(String action, Map<String, ?> target, String collection) {
        return flatten(buildMatchRule(action, copy(target), collection));
    }

    private static List<String> flatten(Check match) {
        List<String> out = new ArrayList<>();
        flatten(match, out);
        return out;
    }

    private static void flatten(Check c, List<String> out) {
        if (c instanceof Check.RuleRef r) out.add(r.match);
        else if (c instanceof Check.And a) for (Check x : a.rules) flatten(x, out);
    }

    /** neutron/policy.py {@code _build_match_rule}. */
    Check buildMatchRule(String action, Map<String, Object> target, String collection) {
        RuleDefault reg = registered.get(action);
        Check match = new Check.RuleRef(action, reg != null ? reg.scopeTypes() : null);
        String head = action.split(":", 2)[0];
        String[] data = head.split("_", 2);
        String resource = collection != null ? collection : data[data.length - 1] + "s";
        boolean attrBased = !data[0].equals("get") && !data[0].equals("delete");
        if (!attrBased) return match;
        Map<String, AttributeMap.Attr> attrs = attributes.collection(resource);
        if (attrs == null) return match;
        for (var e : attrs.entrySet()) {
            String name = e.getKey();
            AttributeMap.Attr attr = e.getValue();
            if (!explicitlySet(name, attr, target) || !attr.enforcePolicy()) continue;
            Check attrRule = new Check.RuleRef(action + ":" + name);
            Object value = target.get(name);
            if (attr.validateDict() && (value instanceof Map || value instanceof List || value instanceof String)
                    && attr.dictKeys() != null) {
                List<Check> sub = new ArrayList<>();
                for (String key : attr.dictKeys()) {
                    if (PyValues.contains(value, key)) sub.add(new Check.RuleRef(action + ":" + name + ":" + key));
                }
                attrRule = new Check.And(List.of(attrRule, new Check.And(sub)));
            }
            if (value instanceof List<?> list) {
                List<Check> sub = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m) {
                        for (Object k : m.keySet()) sub.add(new Check.RuleRef(action + ":" + name + ":" + k));
                    }
                }
                if (!sub.isEmpty()) attrRule = new Check.And(List.of(attrRule, new Check.And(sub)));
            }
            match = new Check.And(List.of(match, attrRule));
        }
        return match;
    }

    /** neutron/policy.py {@code _is_attribute_explicitly_set}. */
    private static boolean explicitlySet(String name, AttributeMap.Attr attr, Map<String, Object> target) {
        Object toUpdate = target.get(ATTRIBUTES_TO_UPDATE);
        if (PyValues.truthy(toUpdate)) {
            return PyValues.contains(toUpdate, name) && target.containsKey(name);
        }
        boolean present = target.containsKey(name);
        if (present && attr.hasDefault()) {
            if (attr.defaultNotSpecified()) return true;
            return !PyValues.eq(target.get(name), attr.defaultValue());
        }
        return present;
    }

    /**
     * The attributes of a resource shown to a GET caller, as Neutron's policy hook filters
     * responses: an attribute is removed when {@code get_RESOURCE:ATTR} exists and refuses the
     * caller (e.g. {@code get_port:binding:host_id} for a non-admin), or when Neutron's
     * attribute map does not list it as visible. {@code project_id} follows {@code tenant_id}.
     * Collections the attribute map does not know are filtered by policy only.
     *
     * @param resource the singular resource name ("port", "network")
     * @param item the resource as returned by the plugin
     */
    public Map<String, Object> filterAttributes(Credentials creds, String resource, Map<String, ?> item) {
        Set<String> hidden = hiddenAttributes(creds, resource, item, null);
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : item.entrySet()) if (!hidden.contains(e.getKey())) out.put(e.getKey(), e.getValue());
        return out;
    }

    /** The attribute names {@link #filterAttributes} removes (Neutron's {@code _exclude_attributes_by_policy}). */
    public Set<String> hiddenAttributes(Credentials creds, String resource, Map<String, ?> item, String collection) {
        String coll = collection != null ? collection : resource + "s";
        Map<String, AttributeMap.Attr> attrs = attributes.collection(coll);
        Set<String> exclude = new LinkedHashSet<>();
        for (String attrName : item.keySet()) {
            if (attrName.equals("project_id")) continue;
            boolean visible = attrs == null || (attrs.get(attrName) != null && attrs.get(attrName).isVisible());
            if (visible && neutronEnforce(creds, "get_" + resource + ":" + attrName, item, coll, true, false)) {
                continue;
            }
            exclude.add(attrName);
            if (attrName.equals("tenant_id")) exclude.add("project_id");
        }
        return exclude;
    }

    /**
     * The target Neutron checks an update against: the stored resource overlaid with the
     * request's changes, plus {@link #ATTRIBUTES_TO_UPDATE} naming the changed attributes (so
     * only those attract attribute rules).
     */
    public static Map<String, Object> updateTarget(Map<String, ?> original, Map<String, ?> changes) {
        Map<String, Object> t = new LinkedHashMap<>(original);
        t.putAll(changes);
        t.put(ATTRIBUTES_TO_UPDATE, new ArrayList<>(changes.keySet()));
        return t;
    }
}
