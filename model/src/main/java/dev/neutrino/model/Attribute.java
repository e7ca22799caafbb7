package dev.neutrino.model;

import java.util.Objects;

/**
 * One attribute of a resource, as one entry of a neutron-lib attribute map: whether it may be given
 * on create (allow_post) and update (allow_put), its default, converter and validator, whether it is
 * returned (is_visible), filterable (is_filter), sortable (is_sort_key), and who may read or set it.
 * Immutable; built with the fluent methods, which return copies.
 */
public final class Attribute {
    /** Marks "no default": a POST must give the attribute. */
    public static final Object REQUIRED = new Object() {
        @Override public String toString() { return "<required>"; }
    };
    /** Marks "default computed by a handler" (ATTR_NOT_SPECIFIED in neutron-lib). */
    public static final Object COMPUTED = new Object() {
        @Override public String toString() { return "<computed>"; }
    };

    private final String name;
    private final ValueType type;
    private final boolean allowPost;
    private final boolean allowPut;
    private final Object defaultValue;
    private final Converter converter;
    private final Validator validator;
    private final boolean visible;
    private final boolean filter;
    private final boolean sortKey;
    private final boolean adminOnlyRead;
    private final boolean adminOnlyWrite;
    private final Storage storage;
    private final int maxLength;
    private final String extension;
    private final boolean text;

    private Attribute(String name, ValueType type, boolean allowPost, boolean allowPut, Object defaultValue,
                      Converter converter, Validator validator, boolean visible, boolean filter, boolean sortKey,
                      boolean adminOnlyRead, boolean adminOnlyWrite, Storage storage, int maxLength, String extension,
                      boolean text) {
        this.name = name;
        this.type = type;
        this.allowPost = allowPost;
        this.allowPut = allowPut;
        this.defaultValue = defaultValue;
        this.converter = converter;
        this.validator = validator;
        this.visible = visible;
        this.filter = filter;
        this.sortKey = sortKey;
        this.adminOnlyRead = adminOnlyRead;
        this.adminOnlyWrite = adminOnlyWrite;
        this.storage = storage;
        this.maxLength = maxLength;
        this.extension = extension;
        this.text = text;
    }

    public static Attribute of(String name, ValueType type) {
        Storage storage = switch (type) {
            case LIST, DICT -> Storage.JSON;
            default -> Storage.COLUMN;
        };
        return new Attribute(name, type, false, false, Attribute.COMPUTED, Converter.IDENTITY, Validator.NONE,
                true, false, false, false, false, storage, 255, null, false);
    }

    public static Attribute string(String name) { return of(name, ValueType.STRING); }
    public static Attribute bool(String name) { return of(name, ValueType.BOOLEAN).convert(Converters.BOOLEAN); }
    public static Attribute integer(String name) { return of(name, ValueType.INTEGER).convert(Converters.INTEGER); }
    public static Attribute list(String name) { return of(name, ValueType.LIST); }
    public static Attribute dict(String name) { return of(name, ValueType.DICT); }

    private Attribute copy(boolean allowPost, boolean allowPut, Object defaultValue, Converter converter,
                           Validator validator, boolean visible, boolean filter, boolean sortKey,
                           boolean adminOnlyRead, boolean adminOnlyWrite, Storage storage, int maxLength,
                           String extension) {
        return new Attribute(name, type, allowPost, allowPut, defaultValue, converter, validator, visible, filter,
                sortKey, adminOnlyRead, adminOnlyWrite, storage, maxLength, extension, text);
    }

    /** allow_post with a default; {@link #REQUIRED} makes it mandatory. */
    public Attribute post(Object defaultValue) {
        return copy(true, allowPut, defaultValue, converter, validator, visible, filter, sortKey, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, extension);
    }
    public Attribute required() { return post(REQUIRED); }
    public Attribute put() {
        return copy(allowPost, true, defaultValue, converter, validator, visible, filter, sortKey, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, extension);
    }
    public Attribute convert(Converter c) {
        return copy(allowPost, allowPut, defaultValue, c, validator, visible, filter, sortKey, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, extension);
    }
    public Attribute validate(Validator v) {
        return copy(allowPost, allowPut, defaultValue, converter, v, visible, filter, sortKey, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, extension);
    }
    public Attribute hidden() {
        return copy(allowPost, allowPut, defaultValue, converter, validator, false, filter, sortKey, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, extension);
    }
    public Attribute filter() {
        return copy(allowPost, allowPut, defaultValue, converter, validator, visible, true, sortKey, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, extension);
    }
    /** Filterable and sortable, the common case for scalar columns. */
    public Attribute query() {
        return copy(allowPost, allowPut, defaultValue, converter, validator, visible, true, true, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, extension);
    }
    /** Sortable but not filterable (neutron-lib's is_sort_key without is_filter). */
    public Attribute sort() {
        return copy(allowPost, allowPut, defaultValue, converter, validator, visible, filter, true, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, extension);
    }
    public Attribute adminOnly() {
        return copy(allowPost, allowPut, defaultValue, converter, validator, visible, filter, sortKey, true, true,
                storage, maxLength, extension);
    }
    public Attribute writableByAdminOnly() {
        return copy(allowPost, allowPut, defaultValue, converter, validator, visible, filter, sortKey, adminOnlyRead,
                true, storage, maxLength, extension);
    }
    public Attribute storage(Storage s) {
        return copy(allowPost, allowPut, defaultValue, converter, validator, visible, filter, sortKey, adminOnlyRead,
                adminOnlyWrite, s, maxLength, extension);
    }
    public Attribute computed() { return storage(Storage.NONE); }
    public Attribute maxLength(int n) {
        return copy(allowPost, allowPut, defaultValue, converter, validator, visible, filter, sortKey, adminOnlyRead,
                adminOnlyWrite, storage, n, extension);
    }
    /**
     * Answered as text although stored and handled as its type: Neutron's _make_subnetpool_dict
     * returns the prefix lengths as strings.
     */
    public Attribute renderedAsText() {
        return new Attribute(name, type, allowPost, allowPut, defaultValue, converter, validator, visible, filter,
                sortKey, adminOnlyRead, adminOnlyWrite, storage, maxLength, extension, true);
    }
    public Attribute extension(String alias) {
        return copy(allowPost, allowPut, defaultValue, converter, validator, visible, filter, sortKey, adminOnlyRead,
                adminOnlyWrite, storage, maxLength, alias);
    }

    public String name() { return name; }
    public ValueType type() { return type; }
    public boolean allowPost() { return allowPost; }
    public boolean allowPut() { return allowPut; }
    public Object defaultValue() { return defaultValue; }
    public boolean isRequired() { return allowPost && defaultValue == REQUIRED; }
    public boolean hasStaticDefault() { return defaultValue != REQUIRED && defaultValue != COMPUTED; }
    public Converter converter() { return converter; }
    public Validator validator() { return validator; }
    public boolean visible() { return visible; }
    public boolean isFilter() { return filter; }
    public boolean isSortKey() { return sortKey; }
    public boolean isAdminOnlyRead() { return adminOnlyRead; }
    public boolean isAdminOnlyWrite() { return adminOnlyWrite; }
    public Storage storage() { return storage; }
    public int maxLength() { return maxLength; }
    public String extensionAlias() { return extension; }
    public boolean isRenderedAsText() { return text; }

    /** The column name: the attribute's name with ':' turned into '_' (binding:host_id -> binding_host_id). */
    public String column() {
        return name.replace(':', '_');
    }

    @Override
    public String toString() {
        return "Attribute[" + name + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute a && a.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }
}
