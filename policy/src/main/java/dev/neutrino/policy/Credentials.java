package dev.neutrino.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who is making the request: the fields of a Keystone token that a Neutron request context
 * carries. {@link #toPolicyValues} produces exactly the credentials dict oslo.policy sees in
 * Neutron ({@code neutron_lib.context.Context.to_policy_values()}), absent values being
 * {@code None} (Java null).
 *
 * <p>{@code isAdmin} may be left null: Neutron then derives it from the
 * {@code context_is_admin} rule (by default {@code role:admin}); {@link Policy} does the same.
 * {@code systemScope} is {@code "all"} for a system-scoped token, null otherwise.
 */
public final class Credentials {
    private final String userId;
    private final String userDomainId;
    private final String projectId;
    private final String projectDomainId;
    private final String domainId;
    private final String systemScope;
    private final List<String> roles;
    private final Boolean isAdmin;
    private final boolean isAdminProject;
    private final String projectName;
    private final String userName;
    private final Map<String, Object> extra;

    private Credentials(Builder b) {
        this.userId = b.userId;
        this.userDomainId = b.userDomainId;
        this.projectId = b.projectId;
        this.projectDomainId = b.projectDomainId;
        this.domainId = b.domainId;
        this.systemScope = b.systemScope;
        this.roles = List.copyOf(b.roles);
        this.isAdmin = b.isAdmin;
        this.isAdminProject = b.isAdminProject;
        this.projectName = b.projectName;
        this.userName = b.userName;
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(b.extra));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A project-scoped token. */
    public static Credentials project(String userId, String projectId, String... roles) {
        return builder().userId(userId).projectId(projectId).roles(roles).build();
    }

    /** A system-scoped ({@code system_scope: all}) token. */
    public static Credentials system(String userId, String... roles) {
        return builder().userId(userId).systemScope("all").roles(roles).build();
    }

    public String userId() {
        return userId;
    }

    public String userDomainId() {
        return userDomainId;
    }

    public String projectId() {
        return projectId;
    }

    public String projectDomainId() {
        return projectDomainId;
    }

    public String domainId() {
        return domainId;
    }

    public String systemScope() {
        return systemScope;
    }

    public List<String> roles() {
        return roles;
    }

    /** Null when it should be derived from the {@code context_is_admin} rule. */
    public Boolean isAdmin() {
        return isAdmin;
    }

    public boolean isAdminProject() {
        return isAdminProject;
    }

    /** The token's scope as oslo.policy sees it: "system", "domain" or "project". */
    public String tokenScope() {
        if (systemScope != null && !systemScope.isEmpty()) return "system";
        if (domainId != null && !domainId.isEmpty()) return "domain";
        return "project";
    }

    /** A copy with {@code isAdmin} set. */
    public Credentials withIsAdmin(Boolean admin) {
        return toBuilder().isAdmin(admin).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.userId = userId;
        b.userDomainId = userDomainId;
        b.projectId = projectId;
        b.projectDomainId = projectDomainId;
        b.domainId = domainId;
        b.systemScope = systemScope;
        b.roles = new ArrayList<>(roles);
        b.isAdmin = isAdmin;
        b.isAdminProject = isAdminProject;
        b.projectName = projectName;
        b.userName = userName;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /**
     * The credentials dict of {@code neutron_lib.context.Context.to_policy_values()}
     * (oslo.context's standard keys plus Neutron's {@code tenant_id}, {@code is_admin} and
     * legacy aliases), followed by any {@link Builder#extra} entries. {@code is_admin} is
     * this object's value, possibly null.
     */
    public Map<String, Object> toPolicyValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", userId);
        m.put("user_domain_id", userDomainId);
        m.put("system_scope", systemScope);
        m.put("domain_id", domainId);
        m.put("project_id", projectId);
        m.put("project_domain_id", projectDomainId);
        m.put("roles", new ArrayList<>(roles));
        m.put("is_admin_project", isAdminProject);
        m.put("service_user_id", null);
        m.put("service_user_domain_id", null);
        m.put("service_project_id", null);
        m.put("service_project_domain_id", null);
        m.put("service_roles", new ArrayList<>());
        m.put("tenant_id", projectId);
        m.put("is_admin", isAdmin);
        m.put("user", userId);
        m.put("tenant", projectId);
        m.put("domain", domainId);
        m.put("user_domain", userDomainId);
        m.put("project_domain", projectDomainId);
        m.put("tenant_name", projectName);
        m.put("project_name", projectName);
        m.put("user_name", userName);
        m.putAll(extra);
        return m;
    }

    @Override
    public String toString() {
        return "Credentials{user=" + userId + ", project=" + projectId + ", domain=" + domainId
                + ", system=" + systemScope + ", roles=" + roles + ", isAdmin=" + isAdmin + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && toPolicyValues().equals(c.toPolicyValues());
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, projectId, domainId, systemScope, roles, isAdmin);
    }

    public static final class Builder {
        private String userId;
        private String userDomainId;
        private String projectId;
        private String projectDomainId;
        private String domainId;
        private String systemScope;
        private List<String> roles = new ArrayList<>();
        private Boolean isAdmin;
        private boolean isAdminProject = true;
        private String projectName;
        private String userName;
        private Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {}

        public Builder userId(String v) {
            userId = v;
            return this;
        }

        public Builder userDomainId(String v) {
            userDomainId = v;
            return this;
        }

        public Builder projectId(String v) {
            projectId = v;
            return this;
        }

        public Builder projectDomainId(String v) {
            projectDomainId = v;
            return this;
        }

        public Builder domainId(String v) {
            domainId = v;
            return this;
        }

        /** "all" for a system-scoped token. */
        public Builder systemScope(String v) {
            systemScope = v;
            return this;
        }

        public Builder roles(String... v) {
            roles = new ArrayList<>(List.of(v));
            return this;
        }

        public Builder roles(List<String> v) {
            roles = new ArrayList<>(v);
            return this;
        }

        /** Null (the default) derives it from the {@code context_is_admin} rule. */
        public Builder isAdmin(Boolean v) {
            isAdmin = v;
            return this;
        }

        public Builder isAdminProject(boolean v) {
            isAdminProject = v;
            return this;
        }

        public Builder projectName(String v) {
            projectName = v;
            return this;
        }

        public Builder userName(String v) {
            userName = v;
            return this;
        }

        /** Additional credential keys, usable by generic checks ({@code key:value}). */
        public Builder extra(String key, Object value) {
            extra.put(key, value);
            return this;
        }

        public Credentials build() {
            return new Credentials(this);
        }
    }
}
