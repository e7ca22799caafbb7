package dev.neutrino.engine;

import dev.neutrino.model.ExtensionDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extensions the engine itself provides for every resource: pagination, sorting, filter
 * validation, If-Match, project_id, the standard attributes (description, revision, tags,
 * timestamps) and quotas. Every other extension is declared in its own package.
 */
public final class EngineExtensions {
    private EngineExtensions() {}

    public static final ExtensionDef FILTER_VALIDATION = ExtensionDef.builder("filter-validation",
            "Filter parameters validation", "Provides validation on filter parameters.",
            "2018-03-21T10:00:00-00:00").build();
    public static final ExtensionDef PAGINATION = ExtensionDef.builder("pagination", "Pagination support",
            "Extension that indicates that pagination is enabled.", "2016-06-12T00:00:00-00:00").build();
    public static final ExtensionDef PROJECT_ID = ExtensionDef.builder("project-id", "project_id field enabled",
            "Extension that indicates that project_id field is enabled.", "2016-09-09T09:09:09-09:09").build();
    public static final ExtensionDef QUOTA_DETAILS = ExtensionDef.builder("quota_details",
            "Quota details management support", "Expose functions for quotas usage statistics per project",
            "2017-02-10T10:00:00-00:00").build();
    /** {@code check_limit} in a quota update: a limit below the usage is 400 ({@link Quotas#update}). */
    public static final ExtensionDef QUOTA_CHECK_LIMIT = ExtensionDef.builder("quota-check-limit",
            "Quota engine limit check", "Support for checking the resource usage before applying a new quota limit",
            "2021-09-08T16:00:00-00:00").build();
    public static final ExtensionDef QUOTAS = ExtensionDef.builder("quotas", "Quota management support",
            "Expose functions for quotas management per project", "2012-07-29T10:00:00-00:00").build();
    public static final ExtensionDef REVISION_IF_MATCH = ExtensionDef.builder("revision-if-match",
            "If-Match constraints based on revision_number",
            "Extension indicating that If-Match based on revision_number is supported.",
            "2016-12-11T00:00:00-00:00").requires("standard-attr-revisions").build();
    public static final ExtensionDef SORTING = ExtensionDef.builder("sorting", "Sorting support",
            "Extension that indicates that sorting is enabled.", "2016-06-12T00:00:00-00:00").build();
    public static final ExtensionDef STANDARD_ATTR_DESCRIPTION = ExtensionDef.builder("standard-attr-description",
            "standard-attr-description", "Extension to add descriptions to standard attributes",
            "2016-02-10T10:00:00-00:00").build();
    public static final ExtensionDef STANDARD_ATTR_REVISIONS = ExtensionDef.builder("standard-attr-revisions",
            "Resource revision numbers", "This extension will display the revision number of neutron resources.",
            "2016-04-11T10:00:00-00:00").build();
    public static final ExtensionDef STANDARD_ATTR_TAG = ExtensionDef.builder("standard-attr-tag",
            "Tag support for resources with standard attribute: subnet, trunk, network_segment_range, router, "
                    + "network, policy, subnetpool, port, security_group, floatingip",
            "Enables to set tag on resources with standard attribute.", "2017-01-01T00:00:00-00:00").build();
    public static final ExtensionDef STANDARD_ATTR_TIMESTAMP = ExtensionDef.builder("standard-attr-timestamp",
            "Resource timestamps",
            "Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes.",
            "2016-09-12T10:00:00-00:00").build();

    public static final List<ExtensionDef> ALL = List.of(FILTER_VALIDATION, PAGINATION, PROJECT_ID, QUOTA_CHECK_LIMIT,
            QUOTA_DETAILS, QUOTAS, REVISION_IF_MATCH, SORTING, STANDARD_ATTR_DESCRIPTION, STANDARD_ATTR_REVISIONS, STANDARD_ATTR_TAG,
            STANDARD_ATTR_TIMESTAMP);

    /** An extension as {@code GET /v2.0/extensions} shows it. */
    static Map<String, Object> view(ExtensionDef e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("alias", e.alias());
        m.put("description", e.description());
        m.put("updated", e.updated());
        m.put("links", List.of());
        return m;
    }
}
