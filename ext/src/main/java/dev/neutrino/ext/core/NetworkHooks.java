package dev.neutrino.ext.core;

import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.NETWORK_SEGMENTS;
import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.RBAC_POLICIES;
import static dev.neutrino.schema.Tables.SUBNETS;
import static dev.neutrino.schema.Tables.TAGS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.ml2.ExtensionManager;
import dev.neutrino.common.NeutronException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import dev.neutrino.ml2.TypeDrivers;

/**
 * Networks: default MTU, status, the wildcard RBAC entries behind {@code shared} and
 * {@code router:external}, visibility through RBAC, and the in-use check on delete.
 */
final class NetworkHooks implements ResourceHooks {
    static final List<String> NETWORK_OWNED = Networks.NETWORK_OWNED;

    static final String TYPE = "provider:network_type";
    static final String PHYSNET = "provider:physical_network";
    static final String SEGMENTATION_ID = "provider:segmentation_id";
    static final String SEGMENTS = "segments";
    private static final String PENDING_SEGMENTS = "__segments__";

    private final TypeDrivers types;
    private final ExtensionManager extensions;

    public NetworkHooks(TypeDrivers types, ExtensionManager extensions) {
        this.types = types;
        this.extensions = extensions;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> net) {
        // who may give provider attributes or segments is the policy's call (create_network:segments etc.)
        boolean provider = net.get(TYPE) != null || net.get(PHYSNET) != null || net.get(SEGMENTATION_ID) != null;
        Object multi = net.remove(SEGMENTS);
        List<TypeDrivers.Segment> segments;
        if (multi != null) {
            // as ML2's TypeManager._process_provider_create
            if (provider) {
                throw new NeutronException(400, "SegmentsSetInConjunctionWithProviders",
                        "Segments and provider values cannot both be set.");
            }
            segments = types.chooseAll(tx, parseSegments(multi));
            net.remove(TYPE);
            net.remove(PHYSNET);
            net.remove(SEGMENTATION_ID);
        } else {
            segments = List.of(types.choose(tx, (String) net.remove(TYPE), (String) net.remove(PHYSNET),
                    (Integer) net.remove(SEGMENTATION_ID)));
        }
        net.put(PENDING_SEGMENTS, segments);
        int maxMtu = types.maxMtu(segments);
        if (!net.containsKey("mtu")) {
            net.put("mtu", maxMtu);
        } else if ((Integer) net.get("mtu") > maxMtu) {
            throw NeutronException.invalidInputGeneric("Requested MTU is too big, maximum is " + maxMtu);
        } else if ((Integer) net.get("mtu") < 68) {
            throw NeutronException.invalidInputGeneric("Requested MTU is too small, minimum is 68");
        }
        net.put("status", "ACTIVE");
        extensions.processCreateNetwork(tx, net);
    }

    /** The multi-provider {@code segments} list, checked as neutron-lib's convert_and_validate_segments. */
    static List<TypeDrivers.Segment> parseSegments(Object value) {
        if (!(value instanceof List<?> list)) {
            throw NeutronException.invalidInput(SEGMENTS, "'" + value + "' is not a list");
        }
        List<TypeDrivers.Segment> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)) {
                throw NeutronException.invalidInput(SEGMENTS, "'" + item + "' is not a dictionary");
            }
            List<String> unknown = new ArrayList<>();
            for (Object k : m.keySet()) if (!List.of(TYPE, PHYSNET, SEGMENTATION_ID).contains(k)) unknown.add(k + "");
            if (!unknown.isEmpty()) {
                throw NeutronException.badRequest("Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
            }
            Object type = m.get(TYPE);
            Object physnet = m.get(PHYSNET);
            Object segId = m.get(SEGMENTATION_ID);
            Integer id;
            try {
                id = segId == null || segId.equals("") || segId.equals(0) ? null
                        : (Integer) dev.neutrino.model.Converters.INTEGER.convert(segId);
            } catch (IllegalArgumentException e) {
                throw NeutronException.badRequest("Invalid input for operation: " + e.getMessage() + ".");
            }
            if (type != null && !(type instanceof String) || physnet != null && !(physnet instanceof String)) {
                throw NeutronException.invalidInput(SEGMENTS, "'" + item + "' is not a valid segment");
            }
            out.add(new TypeDrivers.Segment((String) type, (String) physnet, id));
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterCreate(Tx tx, Map<String, Object> net) {
        String id = (String) net.get("id");
        String owner = (String) net.get("project_id");
        int index = 0;
        for (TypeDrivers.Segment segment : (List<TypeDrivers.Segment>) net.remove(PENDING_SEGMENTS)) {
            types.checkNotOnNetwork(tx, id, segment);
            types.record(tx, id, owner, segment, index++);
        }
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
        // as ML2 (the base plugin keeps only the network's own columns): segments are not updated
        changes.remove(SEGMENTS);
        extensions.processUpdateNetwork(tx, current, changes);
        if (changes.containsKey("mtu")) {
            int mtu = (Integer) changes.get("mtu");
            List<TypeDrivers.Stored> stored = types.load(tx, List.of(id)).getOrDefault(id, List.of());
            int max = stored.isEmpty() ? 65535 : types.maxMtu(TypeDrivers.segmentsOf(stored));
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
                // as Neutron's _process_l3_update: not while routers have gateways on it; then every
                // access_as_external entry goes, targeted ones too
                if (tx.dsl().fetchExists(PORTS, PORTS.NETWORK_ID.eq(id)
                        .and(PORTS.DEVICE_OWNER.eq("network:router_gateway")))) {
                    throw NeutronException.conflict("ExternalNetworkInUse", "External network " + id
                            + " cannot be updated to be made non-external, since it has existing gateway ports.");
                }
                Condition external = RBAC_POLICIES.OBJECT_ID.eq(id).and(RBAC_POLICIES.ACTION.eq("access_as_external"));
                tx.dsl().deleteFrom(TAGS).where(TAGS.RESOURCE_ID.in(
                        DSL.select(RBAC_POLICIES.ID).from(RBAC_POLICIES).where(external))).execute();
                tx.dsl().deleteFrom(RBAC_POLICIES).where(external).execute();
            }
        }
    }

    /** Neutron refuses to unshare a network on which other projects have ports. */
    static void ensureNotUsedByOthers(DSLContext dsl, String networkId, String owner) {
        boolean used = dsl.fetchExists(PORTS, PORTS.NETWORK_ID.eq(networkId)
                .and(PORTS.PROJECT_ID.ne(owner))
                .and(PORTS.DEVICE_OWNER.notIn(NETWORK_OWNED)));
        if (used) {
            throw NeutronException.conflict("InvalidSharedSetting", "Unable to reconfigure sharing settings for "
                    + "network " + networkId + ". Multiple tenants are using it.");
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> net) {
        String id = (String) net.get("id");
        DSLContext dsl = tx.dsl();
        boolean inUse = dsl.fetchExists(PORTS, PORTS.NETWORK_ID.eq(id)
                .and(PORTS.DEVICE_OWNER.notIn(NETWORK_OWNED)));
        if (inUse) {
            throw NeutronException.conflict("NetworkInUse", "Unable to complete operation on network " + id
                    + ". There are one or more ports still in use on the network.");
        }
        List<String> ports = dsl.select(PORTS.ID).from(PORTS)
                .where(PORTS.NETWORK_ID.eq(id)).fetch(PORTS.ID);
        for (String p : ports) {
            dsl.deleteFrom(TAGS).where(TAGS.RESOURCE_ID.eq(p)).execute();
        }
        dsl.deleteFrom(PORTS).where(PORTS.NETWORK_ID.eq(id)).execute();
        List<String> subnets = dsl.select(SUBNETS.ID).from(SUBNETS)
                .where(SUBNETS.NETWORK_ID.eq(id)).fetch(SUBNETS.ID);
        for (String s : subnets) {
            dsl.deleteFrom(TAGS).where(TAGS.RESOURCE_ID.eq(s)).execute();
        }
        dsl.deleteFrom(SUBNETS).where(SUBNETS.NETWORK_ID.eq(id)).execute();
        for (String r : dsl.select(RBAC_POLICIES.ID).from(RBAC_POLICIES)
                .where(RBAC_POLICIES.OBJECT_ID.eq(id)).fetch(RBAC_POLICIES.ID)) {
            dsl.deleteFrom(TAGS).where(TAGS.RESOURCE_ID.eq(r)).execute();
        }
        dsl.deleteFrom(RBAC_POLICIES).where(RBAC_POLICIES.OBJECT_ID.eq(id)).execute();
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> nets) {
        extensions.extendNetworks(nets);
        Map<String, List<String>> subnets = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> n : nets) {
            ids.add((String) n.get("id"));
            subnets.put((String) n.get("id"), new ArrayList<>());
        }
        java.util.Set<String> routed = new java.util.HashSet<>();
        for (Record r : tx.dsl().select(SUBNETS.ID, SUBNETS.NETWORK_ID, SUBNETS.SEGMENT_ID)
                .from(SUBNETS).where(SUBNETS.NETWORK_ID.in(ids)).orderBy(SUBNETS.ID)
                .fetch()) {
            subnets.get((String) r.get(1)).add((String) r.get(0));
            if (r.get(2) != null) routed.add((String) r.get(1));
        }
        Map<String, List<TypeDrivers.Stored>> segments = types.load(tx, ids);
        java.util.Set<String> sharedWithCaller = tx.ctx().isAdmin() || tx.ctx().projectId() == null
                ? java.util.Set.of()
                : new java.util.HashSet<>(tx.dsl().select(RBAC_POLICIES.OBJECT_ID)
                        .from(RBAC_POLICIES).where(RBAC_POLICIES.OBJECT_ID.in(ids)
                                .and(RBAC_POLICIES.ACTION.eq("access_as_shared"))
                                .and(RBAC_POLICIES.TARGET_TENANT.eq(tx.ctx().projectId())))
                        .fetch(RBAC_POLICIES.OBJECT_ID));
        for (Map<String, Object> n : nets) {
            showSegments(n, TypeDrivers.segmentsOf(segments.getOrDefault((String) n.get("id"), List.of())));
            n.put("subnets", subnets.get((String) n.get("id")));
            // as Neutron shows it: shared for a project an RBAC entry shares the network with
            if (sharedWithCaller.contains(n.get("id")) && !java.util.Objects.equals(n.get("project_id"),
                    tx.ctx().projectId())) {
                n.put("shared", true);
            }
            n.put("availability_zones", List.of());
            n.put("ipv4_address_scope", null);
            n.put("ipv6_address_scope", null);
            // as the segments plugin: not adjacent once its subnets are bound to segments (routed network)
            n.put("l2_adjacency", !routed.contains((String) n.get("id")));
        }
    }

    /**
     * ML2's extend_network_with_provider_segments: one segment shows as provider:*, several as
     * {@code segments} (and no provider:* at all), none as provider:* of null.
     */
    static void showSegments(Map<String, Object> n, List<TypeDrivers.Segment> segments) {
        n.remove(SEGMENTS);
        if (segments.size() > 1) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (TypeDrivers.Segment s : segments) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put(TYPE, s.networkType());
                m.put(PHYSNET, s.physicalNetwork());
                m.put(SEGMENTATION_ID, s.segmentationId());
                list.add(m);
            }
            n.put(SEGMENTS, list);
            n.remove(TYPE);
            n.remove(PHYSNET);
            n.remove(SEGMENTATION_ID);
            return;
        }
        TypeDrivers.Segment seg = segments.isEmpty() ? null : segments.get(0);
        n.put(TYPE, seg == null ? null : seg.networkType());
        n.put(PHYSNET, seg == null ? null : seg.physicalNetwork());
        n.put(SEGMENTATION_ID, seg == null ? null : seg.segmentationId());
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
            for (Record r : tx.dsl().select(NETWORKS.ID, NETWORKS.PROJECT_ID, NETWORKS.SHARED)
                    .from(NETWORKS).where(NETWORKS.ID.in(chunk)).fetch()) {
                owners.put((String) r.get(0), r.get(1));
                Object stored = r.get(2);
                if (Boolean.TRUE.equals(stored instanceof Number n ? n.intValue() != 0 : stored)) {
                    shared.add((String) r.get(0));
                }
            }
            if (project != null) {
                shared.addAll(tx.dsl().select(RBAC_POLICIES.OBJECT_ID)
                        .from(RBAC_POLICIES).where(RBAC_POLICIES.OBJECT_ID.in(chunk)
                                .and(RBAC_POLICIES.ACTION.eq("access_as_shared"))
                                .and(RBAC_POLICIES.TARGET_TENANT.in(project, "*")))
                        .fetch(RBAC_POLICIES.OBJECT_ID));
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
        return project != null && tx.dsl().fetchExists(RBAC_POLICIES, RBAC_POLICIES.OBJECT_ID
                .eq(networkId).and(RBAC_POLICIES.ACTION.eq("access_as_shared"))
                .and(RBAC_POLICIES.TARGET_TENANT.in(project, "*")));
    }

    /** provider:* filters, answered from the segments table. */
    @Override
    public Condition filter(Tx tx, dev.neutrino.model.Attribute attribute, List<String> values) {
        if (attribute.name().equals("shared")) return sharedFilter(tx, NETWORKS.ID, values);
        Field<?> column = switch (attribute.name()) {
            case TYPE -> NETWORK_SEGMENTS.NETWORK_TYPE;
            case PHYSNET -> NETWORK_SEGMENTS.PHYSICAL_NETWORK;
            case SEGMENTATION_ID -> NETWORK_SEGMENTS.SEGMENTATION_ID;
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
        // as ML2's network_matches_filters: any segment matches, and a network without segments matches
        Field<String> networkId = NETWORKS.ID;
        return DSL.exists(DSL.selectOne().from(NETWORK_SEGMENTS)
                .where(NETWORK_SEGMENTS.NETWORK_ID.eq(networkId)
                        .and(column.in(converted))))
                .or(DSL.notExists(DSL.selectOne().from(NETWORK_SEGMENTS)
                        .where(NETWORK_SEGMENTS.NETWORK_ID.eq(networkId))));
    }

    @Override
    public Condition visibleTo(Tx tx) {
        return visibleNetwork(tx);
    }

    /**
     * The {@code shared} filter as Neutron's RBAC query hook has it (for networks and for subnets, by
     * their network): shared means an access_as_shared entry for everyone or for the caller's project.
     */
    static Condition sharedFilter(Tx tx, Field<String> networkId, List<String> values) {
        Condition shared = DSL.exists(DSL.selectOne().from(RBAC_POLICIES)
                .where(RBAC_POLICIES.OBJECT_ID.eq(networkId)
                        .and(RBAC_POLICIES.ACTION.eq("access_as_shared"))
                        .and(RBAC_POLICIES.TARGET_TENANT.in("*", String.valueOf(tx.ctx().projectId())))));
        Condition any = DSL.falseCondition();
        for (String v : values) {
            Object b;
            try {
                b = dev.neutrino.model.Converters.BOOLEAN.convert(v);
            } catch (IllegalArgumentException e) {
                throw NeutronException.badRequest("Invalid input for operation: " + e.getMessage() + ".");
            }
            any = any.or(Boolean.TRUE.equals(b) ? shared : DSL.not(shared));
        }
        return any;
    }

    /**
     * Networks the caller may see: own, or with an RBAC entry for everyone or for its project (shared
     * or external; shared=true and router:external=true are wildcard entries).
     */
    static Condition visibleNetwork(Tx tx) {
        String project = tx.ctx().projectId();
        return NETWORKS.PROJECT_ID.eq(project)
                .or(NETWORKS.SHARED.isTrue())
                .or(DSL.exists(DSL.selectOne().from(RBAC_POLICIES)
                        .where(RBAC_POLICIES.OBJECT_ID.eq(NETWORKS.ID)
                                .and(RBAC_POLICIES.TARGET_TENANT.in(project, "*")))));
    }

    /** The wildcard RBAC rows that stand for shared=true and router:external=true. */
    static final class Rbac {
        private Rbac() {}

        static void insert(DSLContext dsl, String networkId, String owner, String action, String target) {
            boolean exists = dsl.fetchExists(RBAC_POLICIES, RBAC_POLICIES.OBJECT_ID.eq(networkId)
                    .and(RBAC_POLICIES.ACTION.eq(action)).and(RBAC_POLICIES.TARGET_TENANT.eq(target)));
            if (exists) return;
            dsl.insertInto(RBAC_POLICIES)
                    .set(RBAC_POLICIES.ID, UUID.randomUUID().toString())
                    .set(RBAC_POLICIES.PROJECT_ID, owner)
                    .set(RBAC_POLICIES.OBJECT_TYPE, "network")
                    .set(RBAC_POLICIES.OBJECT_ID, networkId)
                    .set(RBAC_POLICIES.TARGET_TENANT, target)
                    .set(RBAC_POLICIES.ACTION, action)
                    .set(RBAC_POLICIES.REVISION_NUMBER, 0L)
                    .execute();
        }

        static void delete(DSLContext dsl, String networkId, String action, String target) {
            dsl.deleteFrom(RBAC_POLICIES).where(RBAC_POLICIES.OBJECT_ID.eq(networkId)
                    .and(RBAC_POLICIES.ACTION.eq(action)).and(RBAC_POLICIES.TARGET_TENANT.eq(target))).execute();
        }
    }
}
