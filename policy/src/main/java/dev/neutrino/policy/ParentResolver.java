package dev.neutrino.policy;

/**
 * Looks up one field of a parent resource, as Neutron's policy engine does through the core
 * plugin (with an admin context) when a check references a field the target does not carry:
 * <ul>
 *   <li>{@code tenant_id:%(network:tenant_id)s} on a subnet or port without a
 *       {@code network:tenant_id} key: {@code fetch("network", target.network_id, "tenant_id")}</li>
 *   <li>{@code tenant_id:%(security_group:tenant_id)s}: {@code fetch("security_group",
 *       target.security_group_id, "tenant_id")}</li>
 *   <li>{@code tenant_id:%(ext_parent:tenant_id)s}: {@code fetch("floatingip"|"router"|"local_ip",
 *       target.ext_parent_<res>_id, "tenant_id")}</li>
 *   <li>{@code field:networks:shared=True} on a target without {@code shared}:
 *       {@code fetch("network", target.network_id, "shared")}</li>
 * </ul>
 * Callers can avoid lookups by putting the value in the target themselves
 * (e.g. {@code "network:tenant_id"}), which is what Neutron's own result cache amounts to.
 */
@FunctionalInterface
public interface ParentResolver {
    /**
     * @param resource singular resource name ("network", "security_group", "router", ...)
     * @param id the parent's id
     * @param field the field wanted ("tenant_id", "shared")
     * @return the field's value (null when the parent has no such field); throw when the
     *         parent does not exist (Neutron raises, the request fails)
     */
    Object fetch(String resource, String id, String field);
}
