package dev.neutrino.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource as neutron-lib declares it: a singular name ({@code network}), a collection
 * ({@code networks}) and its attribute map. Extensions add attributes with {@link #with}.
 */
public final class ResourceDef {
    private final String singular;
    private final String collection;
    private final String table;
    private final String path;
    private final Map<String, Attribute> attributes;
    private final boolean standardAttributes;

    private ResourceDef(String singular, String collection, String table, String path,
                        Map<String, Attribute> attributes, boolean standardAttributes) {
        this.singular = singular;
        this.collection = collection;
        this.table = table;
        this.path = path;
        this.attributes = Collections.unmodifiableMap(attributes);
        this.standardAttributes = standardAttributes;
    }

    public static Builder builder(String singular, String collection) {
        return new Builder(singular, collection);
    }

    /** A copy with more attributes, as an extension's RESOURCE_ATTRIBUTE_MAP adds them. */
    public ResourceDef with(List<Attribute> more) {
        Map<String, Attribute> all = new LinkedHashMap<>(attributes);
        for (Attribute a : more) {
            all.put(a.name(), a);
        }
        return new ResourceDef(singular, collection, table, path, all, standardAttributes);
    }

    /** A copy without the attributes {@code drop} selects (an extension that is not loaded). */
    public ResourceDef without(java.util.function.Predicate<Attribute> drop) {
        Map<String, Attribute> kept = new LinkedHashMap<>();
        for (Attribute a : attributes.values()) {
            if (!drop.test(a)) kept.put(a.name(), a);
        }
        if (kept.size() == attributes.size()) return this;
        return new ResourceDef(singular, collection, table, path, kept, standardAttributes);
    }

    public String singular() { return singular; }
    public String collection() { return collection; }
    public String table() { return table; }
    /** The URL segment: Neutron writes some collections with dashes ({@code security-groups}). */
    public String path() { return path; }
    public Collection<Attribute> attributes() { return attributes.values(); }
    public Attribute attribute(String name) { return attributes.get(name); }
    public boolean has(String name) { return attributes.containsKey(name); }
    public boolean hasStandardAttributes() { return standardAttributes; }

    public List<Attribute> columns() {
        List<Attribute> out = new ArrayList<>();
        for (Attribute a : attributes.values()) {
            if (a.storage() != Storage.NONE) out.add(a);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ResourceDef[" + singular + "]";
    }

    public static final class Builder {
        private final String singular;
        private final String collection;
        private String table;
        private String path;
        private final Map<String, Attribute> attributes = new LinkedHashMap<>();
        private boolean standard;

        private Builder(String singular, String collection) {
            this.singular = singular;
            this.collection = collection;
            this.table = collection;
            this.path = collection;
            attributes.put("id", Attribute.string("id").convert(Converters.STRING).validate(Validators.UUID).query());
        }

        public Builder table(String name) {
            this.table = name;
            return this;
        }

        public Builder path(String urlSegment) {
            this.path = urlSegment;
            return this;
        }

        /** project_id/tenant_id as Neutron has them: given on create (admins only for someone else's). */
        public Builder project() {
            add(Attribute.string("project_id").post(Attribute.COMPUTED).validate(Validators.string(255)).query());
            add(Attribute.string("tenant_id").post(Attribute.COMPUTED).validate(Validators.string(255)).query()
                    .computed());
            return this;
        }

        public Builder name() {
            return add(Attribute.string("name").post("").put().validate(Validators.string(255)).query());
        }

        /** The standard attributes every Neutron resource has: description, timestamps, revision, tags. */
        public Builder standard() {
            standardWithoutTags();
            add(Attribute.list("tags").computed().extension("standard-attr-tag"));
            return this;
        }

        /** Standard attributes of a resource that standard-attr-tag does not cover (e.g. segments). */
        public Builder standardWithoutTags() {
            standard = true;
            add(Attribute.string("description").post("").put().validate(Validators.string(255)).query()
                    .extension("standard-attr-description"));
            add(Attribute.of("created_at", ValueType.TIMESTAMP).convert(Converters.TIMESTAMP).query()
                    .extension("standard-attr-timestamp"));
            add(Attribute.of("updated_at", ValueType.TIMESTAMP).convert(Converters.TIMESTAMP).query()
                    .extension("standard-attr-timestamp"));
            add(Attribute.integer("revision_number").query().extension("standard-attr-revisions"));
            return this;
        }

        public Builder add(Attribute a) {
            attributes.put(a.name(), a);
            return this;
        }

        public ResourceDef build() {
            return new ResourceDef(singular, collection, table, path, new LinkedHashMap<>(attributes), standard);
        }
    }
}
