package dev.neutrino.api.handlers;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.neutrino.api.ResourceHooks;
import dev.neutrino.api.Tx;
import dev.neutrino.common.NeutronException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Networks: default MTU, status, the wildcard RBAC entries behind {@code shared} and
 * {@code router:external}, visibility through RBAC, and the in-use check on delete.
 */
public final class NetworkHooks implements ResourceHooks {
    /** Ports a network owns itself; they do not keep it from being deleted. */
    static final List<String> NETWORK_OWNED = List.of("network:dhcp", "network:distributed");

    static final String TYPE = "provider:network_type";
    static final String PHYSNET = "provider:physical_network";
    static final String SEGMENTATION_ID = "provider:segmentation_id";
    private static final String PENDING_SEGMENT = "__segment__";

    private final TypeDrivers types;

    public NetworkHooks(TypeDrivers types) {
        this.types = types;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> net) {
        if ((net.containsKey(TYPE) || net.containsKey(PHYSNET) || net.containsKey(SEGMENTATION_ID))
                && !tx.ctx().isAdmin()) {
            throw new NeutronException(403, "PolicyNotAuthorized",
                    "(rule:create_network:provider:network_type) is disallowed by policy");
        }
        TypeDrivers.Segment segment = types.choose(tx, (String) net.remove(TYPE), (String) net.remove(PHYSNET),
                (Integer) net.remove(SEGMENTATION_ID));
        net.put(PENDING_SEGMENT, segment);
        int maxMtu = types.maxMtu(segment);
        if (!net.containsKey("mtu")) {
            net.put("mtu", maxMtu);
        } else if ((Integer) net.get("mtu") > maxMtu) {
            throw NeutronException.invalidInputGeneric("Requested MTU is too big, maximum is " + maxMtu);
        } else if ((Integer) net.get("mtu") < 68) {
            throw NeutronException.invalidInputGeneric("Requested MTU is too small, minimum is 68");
        }
        net.put("status", "ACTIVE");
    }

    @Override
    public void afterCreate(Tx tx, Map<String, Object> net) {
        String id = (String) net.get("id");
        String owner = (String) net.get("project_id");
        types.record(tx, id, owner, (TypeDrivers.Segment) net.remove(PENDING_SEGMENT));
        if (Boolean.TRUE.equals(net.get("shared"))) Rbac.insert(tx.dsl(), id, owner, "access_as_shared", "*");
        if (Boolean.TRUE.equals(net.get("router:external"))) {
            Rbac.insert(tx.dsl(), id, owner, "access_as_external", "*");
        }
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        String id = (String) current.get("id");
        String owner = (String) current.get("project_id");
        for (String attr : List.of(TYPE, PHYSNET, SEGMENTATION_ID)) {
            if (changes.containsKey(attr) && !java.util.Objects.equals(changes.get(attr), current.get(attr))) {
                throw NeutronException.invalidInputGeneric("Plugin does not support updating the following provider "
                        + "network attributes: ['" + attr + "']");
            }
            changes.remove(attr);
        }
        if (changes.containsKey("mtu")) {
            int mtu = (Integer) changes.get("mtu");
            TypeDrivers.Segment segment = types.load(tx, List.of(id)).get(id);
            int max = segment == null ? 65535 : types.maxMtu(segment);
            if (mtu > max || mtu < 68) {
                throw NeutronException.invalidInputGeneric("Requested MTU is out of range [68, " + max + "]");
            }
        }
        if (changes.containsKey("shared") && !changes.get("shared").equals(current.get("shared"))) {
            if (Boolean.TRUE.equals(changes.get("shared"))) {
                Rbac.insert(tx.dsl(), id, owner, "access_as_shared", "*");
            } else {
                ensureNotUsedByOthers(tx.dsl(), id, owner);
                Rbac.delete(tx.dsl(), id, "access_as_shared", "*");
            }
        }
        if (changes.containsKey("router:external")
                && !changes.get("router:external").equals(current.get("router:external"))) {
            if (Boolean.TRUE.equals(changes.get("router:external"))) {
                Rbac.insert(tx.dsl(), id, owner, "access_as_external", "*");
            } else {
                Rbac.delete(tx.dsl(), id, "access_as_external", "*");
            }
        }
    }

    /** Neutron refuses to unshare a network on which other projects have ports. */
    static void ensureNotUsedByOthers(DSLContext dsl, String networkId, String owner) {
        boolean used = dsl.fetchExists(table(name("ports")), field(name("network_id")).eq(networkId)
                .and(field(name("project_id")).ne(owner))
                .and(field(name("device_owner")).notIn(NETWORK_OWNED)));
        if (used) {
            throw NeutronException.conflict("InvalidSharedSetting", "Unable to reconfigure sharing settings for "
                    + "network " + networkId + ". Multiple tenants are using it.");
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> net) {
        String id = (String) net.get("id");
        DSLContext dsl = tx.dsl();
        boolean inUse = dsl.fetchExists(table(name("ports")), field(name("network_id")).eq(id)
                .and(field(name("device_owner")).notIn(NETWORK_OWNED)));
        if (inUse) {
            throw NeutronException.conflict("NetworkInUse", "Unable to complete operation on network " + id
                    + ". There are one or more ports still in use on the network.");
        }
        List<String> ports = dsl.select(field(name("id"), String.class)).from(table(name("ports")))
                .where(field(name("network_id")).eq(id)).fetch(field(name("id"), String.class));
        for (String p : ports) {
            dsl.deleteFrom(table(name("tags"))).where(field(name("resource_id")).eq(p)).execute();
        }
        dsl.deleteFrom(table(name("ports"))).where(field(name("network_id")).eq(id)).execute();
        List<String> subnets = dsl.select(field(name("id"), String.class)).from(table(name("subnets")))
                .where(field(name("network_id")).eq(id)).fetch(field(name("id"), String.class));
        for (String s : subnets) {
            dsl.deleteFrom(table(name("tags"))).where(field(name("resource_id")).eq(s)).execute();
        }
        dsl.deleteFrom(table(name("subnets"))).where(field(name("network_id")).eq(id)).execute();
        for (String r : dsl.select(field(name("id"), String.class)).from(table(name("rbac_policies")))
                .where(field(name("object_id")).eq(id)).fetch(field(name("id"), String.class))) {
            dsl.deleteFrom(table(name("tags"))).where(field(name("resource_id")).eq(r)).execute();
        }
        dsl.deleteFrom(table(name("rbac_policies"))).where(field(name("object_id")).eq(id)).execute();
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> nets) {
        Map<String, List<String>> subnets = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> n : nets) {
            ids.add((String) n.get("id"));
            subnets.put((String) n.get("id"), new ArrayList<>());
        }
        for (Record r : tx.dsl().select(field(name("id")), field(name("network_id"))).from(table(name("subnets")))
                .where(field(name("network_id")).in(ids)).orderBy(field(name("id"))).fetch()) {
            subnets.get((String) r.get(1)).add((String) r.get(0));
        }
        Map<String, TypeDrivers.Segment> segments = types.load(tx, ids);
        java.util.Set<String> sharedWithCaller = tx.ctx().isAdmin() || tx.ctx().projectId() == null
                ? java.util.Set.of()
                : new java.util.HashSet<>(tx.dsl().select(field(name("object_id"), String.class))
                        .from(table(name("rbac_policies"))).where(field(name("object_id")).in(ids)
                                .and(field(name("action")).eq("access_as_shared"))
                                .and(field(name("target_tenant")).eq(tx.ctx().projectId())))
                        .fetch(field(name("object_id"), String.class)));
        for (Map<String, Object> n : nets) {
            TypeDrivers.Segment seg = segments.get((String) n.get("id"));
            n.put(TYPE, seg == null ? null : seg.networkType());
            n.put(PHYSNET, seg == null ? null : seg.physicalNetwork());
            n.put(SEGMENTATION_ID, seg == null ? null : seg.segmentationId());
            n.put("subnets", subnets.get((String) n.get("id")));
            // as Neutron shows it: shared for a project an RBAC entry shares the network with
            if (sharedWithCaller.contains(n.get("id")) && !java.util.Objects.equals(n.get("project_id"),
                    tx.ctx().projectId())) {
                n.put("shared", true);
            }
            n.put("availability_zones", List.of());
            n.put("ipv4_address_scope", null);
            n.put("ipv6_address_scope", null);
            n.put("l2_adjacency", true);
        }
    }

    /** Puts network:tenant_id and network:shared into the policy target of a port or subnet. */
    static void addNetworkFields(Tx tx, Map<String, Object> target) {
        addNetworkFields(tx, List.of(target));
    }

    /**
     * {@link #addNetworkFields(Tx, Map)} for a whole page of targets: one query for their networks
     * and one for the RBAC entries sharing them with the caller, per 1,000 networks.
     */
    static void addNetworkFields(Tx tx, List<Map<String, Object>> targets) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (Map<String, Object> t : targets) {
            if (t.get("network_id") instanceof String id) ids.add(id);
        }
        if (ids.isEmpty()) return;
        Map<String, Object> owners = new HashMap<>();
        java.util.Set<String> shared = new java.util.HashSet<>();
        List<String> all = new ArrayList<>(ids);
        String project = tx.ctx().projectId();
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            for (Record r : tx.dsl().select(field(name("id")), field(name("project_id")), field(name("shared")))
                    .from(table(name("networks"))).where(field(name("id")).in(chunk)).fetch()) {
                owners.put((String) r.get(0), r.get(1));
                Object stored = r.get(2);
                if (Boolean.TRUE.equals(stored instanceof Number n ? n.intValue() != 0 : stored)) {
                    shared.add((String) r.get(0));
                }
            }
            if (project != null) {
                shared.addAll(tx.dsl().select(field(name("object_id"), String.class))
                        .from(table(name("rbac_policies"))).where(field(name("object_id")).in(chunk)
                                .and(field(name("action")).eq("access_as_shared"))
                                .and(field(name("target_tenant")).in(project, "*")))
                        .fetch(field(name("object_id"), String.class)));
            }
        }
        for (Map<String, Object> t : targets) {
            Object networkId = t.get("network_id");
            if (!(networkId instanceof String id) || !owners.containsKey(id)) continue;
            t.put("network:tenant_id", owners.get(id));
            t.put("network:project_id", owners.get(id));
            boolean isShared = shared.contains(id);
            t.put("network:shared", isShared);
            // Neutron's field:networks:shared check on a subnet or port reads the network's value
            t.putIfAbsent("shared", isShared);
        }
    }

    /** Whether an access_as_shared RBAC entry gives the project this network. */
    static boolean sharedWith(Tx tx, String networkId, String project) {
        return project != null && tx.dsl().fetchExists(table(name("rbac_policies")), field(name("object_id"))
                .eq(networkId).and(field(name("action")).eq("access_as_shared"))
                .and(field(name("target_tenant")).in(project, "*")));
    }

    /** provider:* filters, answered from the segments table. */
    @Override
    public Condition filter(Tx tx, dev.neutrino.model.Attribute attribute, List<String> values) {
        String column = switch (attribute.name()) {
            case TYPE -> "network_type";
            case PHYSNET -> "physical_network";
            case SEGMENTATION_ID -> "segmentation_id";
            default -> null;
        };
        if (column == null) return null;
        List<Object> converted = new ArrayList<>();
        for (String v : values) {
            try {
                converted.add(attribute.name().equals(SEGMENTATION_ID) ? Integer.valueOf(v) : v);
            } catch (NumberFormatException e) {
                throw NeutronException.badRequest("Invalid input for operation: '" + v + "' is not an integer.");
            }
        }
        return DSL.exists(DSL.selectOne().from(TypeDrivers.SEGMENTS)
                .where(TypeDrivers.NETWORK_ID.eq(field(name("networks", "id"), String.class))
                        .and(field(name("network_segments", column)).in(converted))));
    }

    @Override
    public Condition visibleTo(Tx tx) {
        return visibleNetwork(tx);
    }

    /** Networks the caller may see: own, shared, external, or shared with its project through RBAC. */
    static Condition visibleNetwork(Tx tx) {
        String project = tx.ctx().projectId();
        return field(name("networks", "project_id")).eq(project)
                .or(field(name("networks", "shared")).isTrue())
                .or(field(name("networks", "router_external")).isTrue())
                .or(DSL.exists(DSL.selectOne().from(table(name("rbac_policies")))
                        .where(field(name("rbac_policies", "object_id")).eq(field(name("networks", "id")))
                                .and(field(name("rbac_policies", "target_tenant")).in(project, "*")))));
    }

    /** The wildcard RBAC rows that stand for shared=true and router:external=true. */
    static final class Rbac {
        private Rbac() {}

        static void insert(DSLContext dsl, String networkId, String owner, String action, String target) {
            boolean exists = dsl.fetchExists(table(name("rbac_policies")), field(name("object_id")).eq(networkId)
                    .and(field(name("action")).eq(action)).and(field(name("target_tenant")).eq(target)));
            if (exists) return;
            dsl.insertInto(table(name("rbac_policies")))
                    .set(field(name("id")), UUID.randomUUID().toString())
                    .set(field(name("project_id")), owner)
                    .set(field(name("object_type")), "network")
                    .set(field(name("object_id")), networkId)
                    .set(field(name("target_tenant")), target)
                    .set(field(name("action")), action)
                    .set(field(name("revision_number")), 0L)
                    .execute();
        }

        static void delete(DSLContext dsl, String networkId, String action, String target) {
            dsl.deleteFrom(table(name("rbac_policies"))).where(field(name("object_id")).eq(networkId)
                    .and(field(name("action")).eq(action)).and(field(name("target_tenant")).eq(target))).execute();
        }
    }
}
