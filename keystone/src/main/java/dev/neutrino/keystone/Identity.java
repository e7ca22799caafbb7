package dev.neutrino.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who a validated Keystone token speaks for: the body of {@code GET /v3/auth/tokens}, reduced to what
 * keystonemiddleware passes on in its {@code X-*} headers. Immutable.
 *
 * <p>Role names are kept as Keystone spells them (keystonemiddleware does the same);
 * {@link #hasRole(String)} compares case-insensitively, as oslo.policy's {@code role:} check does.
 *
 * @param projectId         null unless the token is project-scoped
 * @param domainId          null unless the token is domain-scoped
 * @param systemScope       {@code "all"} for a system-scoped token, else null
 * @param isAdminProject    Keystone's {@code is_admin_project}; true when Keystone does not say (as
 *                          keystonemiddleware's {@code X-Is-Admin-Project} defaults)
 */
public record Identity(
        String userId,
        String userName,
        String userDomainId,
        String userDomainName,
        String projectId,
        String projectName,
        String projectDomainId,
        String projectDomainName,
        String domainId,
        String domainName,
        List<String> roles,
        List<String> roleIds,
        String systemScope,
        boolean isAdminProject,
        Instant issuedAt,
        Instant expiresAt,
        List<String> auditIds) {

    public Identity {
        roles = List.copyOf(roles);
        roleIds = List.copyOf(roleIds);
        auditIds = List.copyOf(auditIds);
    }

    /** oslo.policy's {@code role:NAME} check: case-insensitive. */
    public boolean hasRole(String role) {
        for (String r : roles) {
            if (r.equalsIgnoreCase(role)) return true;
        }
        return false;
    }

    /** Role names in lower case (what oslo.policy compares). */
    public List<String> rolesLowercase() {
        return roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean isProjectScoped() {
        return projectId != null;
    }

    public boolean isDomainScoped() {
        return domainId != null;
    }

    public boolean isSystemScoped() {
        return systemScope != null;
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * The headers keystonemiddleware adds to an authenticated request ({@code X-Identity-Status},
     * {@code X-User-Id}, {@code X-Project-Id}, {@code X-Roles}, ...), for code written against them.
     * Absent values are left out.
     */
    public Map<String, String> keystoneHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Identity-Status", "Confirmed");
        put(h, "X-User-Id", userId);
        put(h, "X-User-Name", userName);
        put(h, "X-User-Domain-Id", userDomainId);
        put(h, "X-User-Domain-Name", userDomainName);
        put(h, "X-Project-Id", projectId);
        put(h, "X-Project-Name", projectName);
        put(h, "X-Project-Domain-Id", projectDomainId);
        put(h, "X-Project-Domain-Name", projectDomainName);
        put(h, "X-Domain-Id", domainId);
        put(h, "X-Domain-Name", domainName);
        put(h, "X-System-Scope", systemScope);
        h.put("X-Roles", String.join(",", roles));
        h.put("X-Is-Admin-Project", isAdminProject ? "True" : "False");
        return h;
    }

    private static void put(Map<String, String> h, String key, String value) {
        if (value != null) h.put(key, value);
    }

    /**
     * Parses a token body: {@code {"token": {"user": ..., "project": ..., "roles": [...], ...}}}.
     *
     * @throws IllegalArgumentException when the body has no token or the token no user
     */
    public static Identity fromTokenBody(JsonNode body) {
        JsonNode token = body.path("token");
        if (!token.isObject()) throw new IllegalArgumentException("no 'token' object in Keystone's answer");
        JsonNode user = token.path("user");
        if (!user.isObject() || text(user, "id") == null) {
            throw new IllegalArgumentException("token without user.id");
        }
        JsonNode project = token.path("project");
        JsonNode domain = token.path("domain");
        List<String> roles = new ArrayList<>();
        List<String> roleIds = new ArrayList<>();
        for (JsonNode role : token.path("roles")) {
            String name = text(role, "name");
            if (name != null) roles.add(name);
            String id = text(role, "id");
            if (id != null) roleIds.add(id);
        }
        String system = null;
        JsonNode sys = token.path("system");
        if (sys.isObject()) {
            system = sys.path("all").asBoolean(false) ? "all" : null;
            if (system == null && sys.size() > 0) system = String.join(",", iterable(sys.fieldNames()));
        }
        List<String> auditIds = new ArrayList<>();
        for (JsonNode a : token.path("audit_ids")) auditIds.add(a.asText());
        JsonNode adminProject = token.get("is_admin_project");
        return new Identity(
                text(user, "id"),
                text(user, "name"),
                text(user.path("domain"), "id"),
                text(user.path("domain"), "name"),
                project.isObject() ? text(project, "id") : null,
                project.isObject() ? text(project, "name") : null,
                project.isObject() ? text(project.path("domain"), "id") : null,
                project.isObject() ? text(project.path("domain"), "name") : null,
                domain.isObject() ? text(domain, "id") : null,
                domain.isObject() ? text(domain, "name") : null,
                roles,
                roleIds,
                system,
                adminProject == null || adminProject.isNull() || adminProject.asBoolean(true),
                parseTime(text(token, "issued_at")),
                parseTime(text(token, "expires_at")),
                auditIds);
    }

    /** Keystone's timestamps: {@code 2026-11-25T18:55:58.000000Z}; an offset-less one is UTC. */
    static Instant parseTime(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
