package dev.neutrino.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.neutrino.policy.RuleDefault;

/**
 * One API extension as neutron-lib's {@code api/definitions/<extension>.py} declares it, typed: its
 * alias, name, description and updated stamp (what {@code GET /v2.0/extensions} shows), the aliases
 * it requires, the resources it brings ({@code RESOURCE_ATTRIBUTE_MAP} of new collections), the
 * attributes it adds to other resources' collections, its member actions ({@code ACTION_MAP}) and
 * the policy defaults of what it brings that Neutron Zed's defaults lack.
 * Pure data: the behaviour lives beside it, in the extension's package.
 *
 * <p>Attributes added to another collection are tagged with this alias, so an extension that is
 * not loaded (its ML2 extension driver is not configured) takes them out of the API with it.
 */
public record ExtensionDef(String alias, String name, String description, String updated,
                           List<String> requires, List<ResourceDef> resources,
                           Map<String, List<Attribute>> attributes, List<Action> actions,
                           List<RuleDefault> policies) {

    /** {@code PUT /v2.0/{collection}/{id}/{name}} (neutron-lib's ACTION_MAP entries). */
    public record Action(String collection, String name) {
        public Action {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(name, "name");
        }
    }

    public ExtensionDef {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(updated, "updated");
        requires = List.copyOf(requires);
        resources = List.copyOf(resources);
        Map<String, List<Attribute>> tagged = new LinkedHashMap<>();
        for (var e : attributes.entrySet()) {
            List<Attribute> list = new ArrayList<>();
            for (Attribute a : e.getValue()) list.add(a.extensionAlias() == null ? a.extension(alias) : a);
            tagged.put(e.getKey(), List.copyOf(list));
        }
        attributes = java.util.Collections.unmodifiableMap(tagged);
        actions = List.copyOf(actions);
        policies = List.copyOf(policies);
    }

    public static Builder builder(String alias, String name, String description, String updated) {
        return new Builder(alias, name, description, updated);
    }

    /** The attributes this extension adds to {@code collection} (empty when none). */
    public List<Attribute> attributesOf(String collection) {
        return attributes.getOrDefault(collection, List.of());
    }

    public static final class Builder {
        private final String alias;
        private final String name;
        private final String description;
        private final String updated;
        private final List<String> requires = new ArrayList<>();
        private final List<ResourceDef> resources = new ArrayList<>();
        private final Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
        private final List<Action> actions = new ArrayList<>();
        private final List<RuleDefault> policies = new ArrayList<>();

        private Builder(String alias, String name, String description, String updated) {
            this.alias = alias;
            this.name = name;
            this.description = description;
            this.updated = updated;
        }

        public Builder requires(String... aliases) {
            requires.addAll(List.of(aliases));
            return this;
        }

        public Builder resource(ResourceDef def) {
            resources.add(def);
            return this;
        }

        /** Attributes added to another resource's collection ({@code ports}, {@code networks}...). */
        public Builder attributes(String collection, Attribute... added) {
            attributes.computeIfAbsent(collection, c -> new ArrayList<>()).addAll(List.of(added));
            return this;
        }

        public Builder action(String collection, String action) {
            actions.add(new Action(collection, action));
            return this;
        }

        /**
         * A policy default for a rule Neutron Zed's defaults lack (a resource or action of an
         * extension newer than Zed): {@code get_<resource>}, {@code create_<resource>}, the action's
         * name... The engine refuses a declared resource or action that has no rule.
         */
        public Builder policy(RuleDefault rule) {
            policies.add(rule);
            return this;
        }

        public ExtensionDef build() {
            return new ExtensionDef(alias, name, description, updated, requires, resources, attributes, actions,
                    policies);
        }
    }
}
