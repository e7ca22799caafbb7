package dev.neutrino.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A node of a parsed check string: the Java twin of oslo.policy's {@code _checks} classes
 * plus Neutron's {@code OwnerCheck} ({@code tenant_id:...}) and {@code FieldCheck}
 * ({@code field:...}). {@link #toString()} reproduces oslo's {@code str(check)} exactly
 * (this string appears in Neutron's 403 messages).
 */
abstract sealed class Check {

    /** Evaluates the check; {@code ev} carries target, credentials and the rule table. */
    abstract boolean eval(Evaluation ev);

    @Override
    public abstract String toString();

    /** {@code !}: always false. */
    static final class False extends Check {
        static final False INSTANCE = new False();

        @Override
        boolean eval(Evaluation ev) {
            return false;
        }

        @Override
        public String toString() {
            return "!";
        }
    }

    /** {@code @} or the empty rule: always true. */
    static final class True extends Check {
        static final True INSTANCE = new True();

        @Override
        boolean eval(Evaluation ev) {
            return true;
        }

        @Override
        public String toString() {
            return "@";
        }
    }

    static final class Not extends Check {
        final Check rule;

        Not(Check rule) {
            this.rule = rule;
        }

        @Override
        boolean eval(Evaluation ev) {
            return !rule.eval(ev);
        }

        @Override
        public String toString() {
            return "not " + rule;
        }
    }

    static final class And extends Check {
        final List<Check> rules;

        And(List<Check> rules) {
            this.rules = new ArrayList<>(rules);
        }

        And add(Check c) {
            rules.add(c);
            return this;
        }

        @Override
        boolean eval(Evaluation ev) {
            for (Check c : rules) if (!c.eval(ev)) return false;
            return true;
        }

        @Override
        public String toString() {
            return "(" + String.join(" and ", rules.stream().map(Object::toString).toList()) + ")";
        }
    }

    static final class Or extends Check {
        final List<Check> rules;

        Or(List<Check> rules) {
            this.rules = new ArrayList<>(rules);
        }

        Or add(Check c) {
            rules.add(c);
            return this;
        }

        Check pop() {
            return rules.remove(rules.size() - 1);
        }

        @Override
        boolean eval(Evaluation ev) {
            for (Check c : rules) if (c.eval(ev)) return true;
            return false;
        }

        @Override
        public String toString() {
            return "(" + String.join(" or ", rules.stream().map(Object::toString).toList()) + ")";
        }
    }

    /** A {@code kind:match} leaf. */
    abstract static sealed class Leaf extends Check {
        final String kind;
        final String match;

        Leaf(String kind, String match) {
            this.kind = kind;
            this.match = match;
        }

        @Override
        public String toString() {
            return kind + ":" + match;
        }
    }

    /** {@code rule:NAME}: evaluates another rule; an unknown rule falls back to the default rule. */
    static final class RuleRef extends Leaf {
        /** Only set on the match rules Neutron builds (neutron/policy.py _build_match_rule). */
        final List<String> scopeTypes;

        RuleRef(String match) {
            this(match, null);
        }

        RuleRef(String match, List<String> scopeTypes) {
            super("rule", match);
            this.scopeTypes = scopeTypes;
        }

        @Override
        boolean eval(Evaluation ev) {
            Check rule = ev.lookup(match);
            if (rule == null) return false;
            try {
                return rule.eval(ev);
            } catch (PolicyKeyError e) {
                return false; // oslo RuleCheck: "except KeyError: return False"
            }
        }
    }

    /** {@code role:NAME}: case-insensitive membership in credentials' roles. */
    static final class Role extends Leaf {
        Role(String kind, String match) {
            super(kind, match);
        }

        @Override
        boolean eval(Evaluation ev) {
            String m;
            try {
                m = PyValues.format(match, ev.target);
            } catch (PyValues.MissingKey e) {
                return false;
            }
            if (!ev.creds.containsKey("roles")) return false;
            Object roles = ev.creds.get("roles");
            if (!(roles instanceof Iterable<?> it)) return false;
            String want = m.toLowerCase(Locale.ROOT);
            for (Object r : it) {
                if (want.equals(PyValues.str(r).toLowerCase(Locale.ROOT))) return true;
            }
            return false;
        }
    }

    /**
     * Any other {@code kind:match}: the left side is a literal ({@code 'x'}, {@code True}, 42)
     * or a dotted path into the credentials; the right side is formatted with the target.
     */
    static final class Generic extends Leaf {
        private final Object literal;
        private final String[] path;

        Generic(String kind, String match) {
            super(kind, match);
            this.literal = PyValues.literal(kind);
            this.path = kind.split("\\.", -1);
        }

        @Override
        boolean eval(Evaluation ev) {
            String m;
            try {
                m = PyValues.format(match, ev.target);
            } catch (PyValues.MissingKey e) {
                return false;
            }
            if (literal != PyValues.NOT_A_LITERAL) return m.equals(PyValues.str(literal));
            return findInDict(ev.creds, 0, m);
        }

        private boolean findInDict(Object value, int seg, String m) {
            if (seg == path.length) return m.equals(PyValues.str(value));
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(path[seg])) return false;
            Object next = map.get(path[seg]);
            if (next instanceof List<?> list) {
                for (Object v : list) if (findInDict(v, seg + 1, m)) return true;
                return false;
            }
            return findInDict(next, seg + 1, m);
        }
    }

    /**
     * Neutron's OwnerCheck, registered for the {@code tenant_id} kind: compares
     * {@code creds['tenant_id']} with {@code target[field]}; when the field is absent and is
     * of the form {@code parent:field}, the parent resource's field is fetched through the
     * {@link ParentResolver} (the parent's id being {@code target['network_id']} etc.).
     */
    static final class Owner extends Leaf {
        private static final Pattern FIELD = Pattern.compile("^%\\((.*)\\)s$", Pattern.DOTALL);
        /** neutron/policy.py _RESOURCE_FOREIGN_KEYS */
        private static final Map<String, String> FOREIGN_KEYS = Map.of(
                "networks", "network_id", "security_groups", "security_group_id");
        /** neutron_lib.services.constants.EXT_PARENT_RESOURCE_MAPPING, in its order */
        private static final List<String> EXT_PARENT_RESOURCES = List.of("floatingip", "router", "local_ip");

        final String targetField;

        Owner(String kind, String match) {
            super(kind, match);
            var m = FIELD.matcher(match);
            if (!m.find()) {
                throw new IllegalArgumentException("Unable to identify a target field from:" + match
                        + ". Match should be in the form %(<field_name>)s");
            }
            this.targetField = m.group(1);
        }

        @Override
        boolean eval(Evaluation ev) {
            if (!ev.target.containsKey(targetField)) {
                String parentRes;
                String parentField;
                int sep = targetField.indexOf(':');
                if (sep < 0) sep = targetField.indexOf('_');
                if (sep < 0) {
                    throw new PolicyCheckException(kind + ":" + match,
                            "Unable to find resource name in " + targetField);
                }
                parentRes = targetField.substring(0, sep);
                parentField = targetField.substring(sep + 1);
                String foreignKey = FOREIGN_KEYS.get(parentRes + "s");
                if (parentRes.equals("ext_parent")) {
                    for (String res : EXT_PARENT_RESOURCES) {
                        String key = "ext_parent_" + res + "_id";
                        if (ev.target.containsKey(key)) {
                            foreignKey = key;
                            parentRes = res;
                            break;
                        }
                    }
                }
                if (foreignKey == null) {
                    throw new PolicyCheckException(kind + ":" + match, "Unable to verify match:" + match
                            + " as the parent resource: " + parentRes + " was not found");
                }
                if (!ev.target.containsKey(foreignKey)) {
                    throw new PolicyKeyError(kind + ":" + match,
                            "the target has no '" + foreignKey + "' to look up the parent " + parentRes);
                }
                Object parentId = ev.target.get(foreignKey);
                ev.target.put(targetField, ev.resolve(kind + ":" + match, parentRes, parentId, parentField));
            }
            String m;
            try {
                m = PyValues.format(match, ev.target);
            } catch (PyValues.MissingKey e) {
                throw new PolicyCheckException(kind + ":" + match, "missing target key " + e.getMessage());
            }
            if (ev.creds.containsKey(kind)) return m.equals(PyValues.str(ev.creds.get(kind)));
            return false;
        }
    }

    /**
     * Neutron's FieldCheck: {@code field:RESOURCE:FIELD=VALUE} compares {@code target[FIELD]}
     * with VALUE converted by the attribute's {@code convert_to} (e.g. "True" becomes a
     * boolean for {@code networks:shared}); {@code =~REGEX} does a Python {@code re.match}.
     * For {@code networks:shared} on a target without {@code shared} (a port, a subnet) the
     * network named by {@code target['network_id']} is consulted through the resolver.
     */
    static final class Field extends Leaf {
        final String resource;
        final String field;
        final Object value;
        final Pattern regex;

        private Field(String kind, String resource, String field, String rawValue, Object value) {
            super(kind, resource + ":" + field + ":" + rawValue);
            this.resource = resource;
            this.field = field;
            this.value = value;
            this.regex = rawValue.startsWith("~") ? Pattern.compile(rawValue.substring(1)) : null;
        }

        static Field parse(String kind, String match, AttributeMap attributes) {
            int colon = match.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("field check '" + match
                    + "' is not of the form RESOURCE:FIELD=VALUE (no ':')");
            String resource = match.substring(0, colon);
            String fieldValue = match.substring(colon + 1);
            int eq = fieldValue.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("field check '" + match
                    + "' is not of the form RESOURCE:FIELD=VALUE (no '=')");
            String field = fieldValue.substring(0, eq);
            String raw = fieldValue.substring(eq + 1);
            Object converted = attributes.convert(resource, field, raw);
            return new Field(kind, resource, field, raw, converted);
        }

        @Override
        boolean eval(Evaluation ev) {
            Object targetValue = targetValue(ev);
            if (targetValue == null) return false;
            if (regex != null) return targetValue instanceof String s && regex.matcher(s).lookingAt();
            return PyValues.eq(targetValue, value);
        }

        private Object targetValue(Evaluation ev) {
            if (ev.target.containsKey(field)) return ev.target.get(field);
            if (resource.equals("networks") && field.equals("shared")) {
                Object networkId = ev.target.get("network_id");
                if (!PyValues.truthy(networkId)) return null;
                return ev.resolve(toString(), "network", networkId, field);
            }
            return null;
        }
    }

    /** The oslo {@code http:}/{@code https:} external checks: not supported here. */
    static final Set<String> UNSUPPORTED_KINDS = Set.of("http", "https");
}
