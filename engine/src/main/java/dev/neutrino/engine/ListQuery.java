package dev.neutrino.engine;

import dev.neutrino.common.NeutronException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list request as Neutron reads the query string: attribute filters (a repeated key is an OR),
 * {@code fields}, {@code sort_key}/{@code sort_dir}, {@code limit}/{@code marker}/{@code page_reverse}
 * and the tag filters.
 */
public record ListQuery(Map<String, List<String>> filters, Set<String> fields, List<Sort> sorts, Integer limit,
                        String marker, boolean pageReverse, Map<String, List<String>> tagFilters) {

    public record Sort(String key, boolean ascending) {}

    static final Set<String> TAG_FILTERS = Set.of("tags", "tags-any", "not-tags", "not-tags-any");
    private static final Set<String> RESERVED = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse");

    /**
     * With {@code pagination_max_limit} applied as Neutron's get_limit_and_marker does: a page is at
     * most {@code max} items, and a list asked for without a limit gets pages of {@code max}.
     */
    public ListQuery capped(int max) {
        if (max <= 0 || limit != null && limit <= max) return this;
        return new ListQuery(filters, fields, sorts, max, marker, pageReverse, tagFilters);
    }

    public static ListQuery all() {
        return new ListQuery(Map.of(), Set.of(), List.of(), null, null, false, Map.of());
    }

    public static ListQuery parse(Map<String, List<String>> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (var e : params.entrySet()) {
            if (RESERVED.contains(e.getKey())) continue;
            if (TAG_FILTERS.contains(e.getKey())) {
                List<String> all = new ArrayList<>();
                for (String v : e.getValue()) {
                    for (String t : v.split(",")) if (!t.isEmpty()) all.add(t);
                }
                tags.put(e.getKey(), all);
            } else {
                filters.put(e.getKey(), e.getValue());
            }
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String f : params.getOrDefault("fields", List.of())) {
            for (String x : f.split(",")) if (!x.isBlank()) fields.add(x.strip());
        }
        List<String> keys = params.getOrDefault("sort_key", List.of());
        List<String> dirs = params.getOrDefault("sort_dir", List.of());
        if (!dirs.isEmpty() && keys.size() != dirs.size()) {
            throw NeutronException.badRequest("The number of sort_keys and sort_dirs must be same");
        }
        List<Sort> sorts = new ArrayList<>();
        List<String> badDirs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String dir = dirs.isEmpty() ? "asc" : dirs.get(i);
            if (!dir.equals("asc") && !dir.equals("desc")) badDirs.add("'" + dir + "'");
            sorts.add(new Sort(keys.get(i), !dir.equals("desc")));
        }
        if (!badDirs.isEmpty()) {
            throw NeutronException.badRequest(badDirs + " is invalid value for sort_dirs, valid value is 'asc' and "
                    + "'desc'");
        }
        Integer limit = null;
        List<String> limits = params.get("limit");
        if (limits != null && !limits.isEmpty()) {
            String l = limits.get(limits.size() - 1);
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw NeutronException.badRequest("Limit must be an integer 0 or greater and not '" + l + "'");
            }
            if (limit < 0) {
                throw NeutronException.badRequest("Limit must be an integer 0 or greater and not '" + l + "'");
            }
            if (limit == 0) limit = null;
        }
        String marker = last(params.get("marker"));
        String pr = last(params.get("page_reverse"));
        boolean pageReverse = pr != null && pr.equalsIgnoreCase("true");
        return new ListQuery(filters, fields, sorts, limit, marker, pageReverse, tags);
    }

    private static String last(List<String> l) {
        return l == null || l.isEmpty() ? null : l.get(l.size() - 1);
    }
}
