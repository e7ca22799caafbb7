package dev.neutrino.ml2;

import dev.neutrino.engine.Tx;
import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.NeutronException;
import dev.neutrino.db.ResourceStore;
import dev.neutrino.db.Retryable;
import dev.neutrino.db.SqlErrors;
import dev.neutrino.schema.Tables;
import dev.neutrino.schema.tables.NetworkSegments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.Field;
import org.jooq.Record;

/**
 * ML2's type drivers (local, flat, vlan, geneve, vxlan): checking provider requests, allocating
 * project network segments from the configured ranges, and the MTU each type leaves. A segment's
 * {@code allocation_key} is unique in the database, which is what keeps two networks off one VLAN
 * or VNI; a pick that loses a race to another server retries its transaction.
 */
public final class TypeDrivers {
    public static final NetworkSegments SEGMENTS = Tables.NETWORK_SEGMENTS;
    public static final Field<String> NETWORK_ID = SEGMENTS.NETWORK_ID;
    static final Field<String> KEY = SEGMENTS.ALLOCATION_KEY;
    static final int MAX_VLAN = 4094;
    static final int MAX_VNI = (1 << 24) - 1;
    static final int IPV4_HEADER = 20;
    static final int VXLAN_OVERHEAD = 30;

    /** One segment of a network, as the provider attributes show it. */
    public record Segment(String networkType, String physicalNetwork, Integer segmentationId) {
        public String allocationKey() {
            return switch (networkType) {
                case "local" -> null;
                case "flat" -> "flat:" + physicalNetwork;
                case "vlan" -> "vlan:" + physicalNetwork + ":" + segmentationId;
                default -> networkType + ":" + segmentationId;
            };
        }
    }

    record Range(int min, int max) {
        boolean contains(int v) {
            return v >= min && v <= max;
        }
    }

    private final Set<String> types;
    private final List<String> tenantTypes;
    private final List<String> flatNetworks;
    private final Map<String, List<Range>> vlanRanges = new LinkedHashMap<>();
    private final Map<String, List<Range>> tunnelRanges = new HashMap<>();
    private final Map<String, Integer> physnetMtus = new HashMap<>();
    private final int globalMtu;
    private final int pathMtu;
    private final int geneveHeader;

    public TypeDrivers(Config config) {
        this.types = new HashSet<>(config.get(Ml2Options.TYPE_DRIVERS));
        this.tenantTypes = config.get(Ml2Options.TENANT_NETWORK_TYPES);
        for (String t : tenantTypes) {
            if (!types.contains(t)) {
                throw new ConfigException("[ml2] tenant_network_types: '" + t + "' is not in type_drivers");
            }
        }
        this.flatNetworks = config.get(Ml2Options.FLAT_NETWORKS);
        for (String entry : config.get(Ml2Options.VLAN_RANGES)) {
            String[] p = entry.split(":");
            List<Range> ranges = vlanRanges.computeIfAbsent(p[0], k -> new ArrayList<>());
            if (p.length == 3) {
                // a physnet listed alone already has every VLAN (parse_network_vlan_ranges)
                if (!ranges.equals(List.of(new Range(1, MAX_VLAN)))) {
                    ranges.add(range(p[1], p[2], 1, MAX_VLAN, "[ml2_type_vlan] network_vlan_ranges"));
                }
            } else if (p.length == 1) {
                // neutron-lib's parse_network_vlan_ranges: a physnet without a range has them all (1-4094)
                ranges.clear();
                ranges.add(new Range(1, MAX_VLAN));
            } else {
                throw new ConfigException("[ml2_type_vlan] network_vlan_ranges: malformed entry '" + entry + "'");
            }
        }
        tunnelRanges.put("geneve", ranges(config.get(Ml2Options.GENEVE_VNI_RANGES), "[ml2_type_geneve] vni_ranges"));
        tunnelRanges.put("vxlan", ranges(config.get(Ml2Options.VXLAN_VNI_RANGES), "[ml2_type_vxlan] vni_ranges"));
        for (String entry : config.get(Ml2Options.PHYSICAL_NETWORK_MTUS)) {
            String[] p = entry.split(":");
            try {
                physnetMtus.put(p[0], Integer.parseInt(p[1]));
            } catch (RuntimeException e) {
                throw new ConfigException("[ml2] physical_network_mtus: malformed entry '" + entry + "'");
            }
        }
        this.globalMtu = config.get(Ml2Options.GLOBAL_PHYSNET_MTU);
        this.pathMtu = config.get(Ml2Options.PATH_MTU);
        this.geneveHeader = config.get(Ml2Options.GENEVE_MAX_HEADER_SIZE);
    }

    private static List<Range> ranges(List<String> entries, String option) {
        List<Range> out = new ArrayList<>();
        for (String e : entries) {
            String[] p = e.split(":");
            if (p.length != 2) throw new ConfigException(option + ": malformed range '" + e + "'");
            out.add(range(p[0], p[1], 1, MAX_VNI, option));
        }
        return out;
    }

    private static Range range(String a, String b, int lo, int hi, String option) {
        try {
            int min = Integer.parseInt(a.strip());
            int max = Integer.parseInt(b.strip());
            if (min < lo || max > hi || min > max) throw new IllegalArgumentException();
            return new Range(min, max);
        } catch (RuntimeException e) {
            throw new ConfigException(option + ": invalid range '" + a + ":" + b + "' (" + lo + " to " + hi + ")");
        }
    }

    // ------------------------------------------------------------------ reserving

    /**
     * Checks a provider request (any of the three attributes may be absent) or, when there is none,
     * picks a project network segment. Nothing is written yet: see {@link #record}.
     */
    public Segment choose(Tx tx, String type, String physnet, Integer segId) {
        if (type == null && physnet == null && segId == null) return reserve(tx, null, new HashSet<>());
        return reserve(tx, validate(type, physnet, segId), new HashSet<>());
    }

    /**
     * A multi-provider request, as ML2's TypeManager takes it: every segment is checked first, two
     * fully given segments that are the same are refused (SegmentsContainDuplicateEntry), then each
     * one is reserved; partial ones (no segmentation id) get a free id not taken by the others.
     */
    public List<Segment> chooseAll(Tx tx, List<Segment> requested) {
        List<Segment> valid = new ArrayList<>();
        for (Segment s : requested) valid.add(validate(s.networkType(), s.physicalNetwork(), s.segmentationId()));
        Set<Segment> full = new HashSet<>();
        for (Segment s : valid) {
            if (!isPartial(s) && !full.add(s)) {
                throw new NeutronException(400, "SegmentsContainDuplicateEntry", "Duplicate segment entry in request.");
            }
        }
        Set<String> taken = new HashSet<>();
        List<Segment> out = new ArrayList<>();
        for (Segment s : valid) out.add(reserve(tx, s, taken));
        return out;
    }

    /** A segment added to an existing network (POST /v2.0/segments): checked, then reserved. */
    public Segment chooseOne(Tx tx, String type, String physnet, Integer segId) {
        return reserve(tx, validate(type, physnet, segId), new HashSet<>());
    }

    /** Partial: the type driver picks the segmentation id (Neutron's is_partial_segment). */
    static boolean isPartial(Segment s) {
        return switch (s.networkType()) {
            case "vlan", "geneve", "vxlan" -> s.segmentationId() == null;
            default -> false;
        };
    }

    /**
     * Allocates what a partial segment (or, for null, a project network) leaves open and checks
     * that nobody holds the result; {@code taken} are the keys this request already reserved.
     */
    private Segment reserve(Tx tx, Segment requested, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            Segment s = requested == null ? allocateTenant(tx)
                    : !isPartial(requested) ? requested
                    : requested.networkType().equals("vlan") ? allocateVlan(tx, requested.physicalNetwork())
                    : allocateTunnel(tx, requested.networkType());
            String key = s.allocationKey();
            if (key == null) return s;
            if (taken.contains(key)) {
                if (requested != null && !isPartial(requested)) throw inUse(s);
                if (attempt < 16) continue;
                throw new Retryable("no distinct segment for " + requested);
            }
            if (tx.dsl().fetchExists(SEGMENTS, KEY.eq(key))) throw inUse(s);
            taken.add(key);
            return s;
        }
    }

    /**
     * Writes one segment of a network and returns its id; the unique allocation_key makes a
     * concurrent twin fail, and its transaction runs again (and then sees the segment taken).
     */
    public String record(Tx tx, String networkId, String projectId, Segment s, int index) {
        String id = UUID.randomUUID().toString();
        java.time.LocalDateTime now = java.time.LocalDateTime.parse(ResourceStore.now(), ResourceStore.TIMESTAMP);
        try {
            tx.dsl().insertInto(SEGMENTS)
                    .set(SEGMENTS.ID, id)
                    .set(SEGMENTS.PROJECT_ID, projectId)
                    .set(SEGMENTS.NETWORK_ID, networkId)
                    .set(SEGMENTS.NETWORK_TYPE, s.networkType())
                    .set(SEGMENTS.PHYSICAL_NETWORK, s.physicalNetwork())
                    .set(SEGMENTS.SEGMENTATION_ID, s.segmentationId())
                    .set(SEGMENTS.SEGMENT_INDEX, index)
                    .set(SEGMENTS.IS_DYNAMIC, false)
                    .set(SEGMENTS.ALLOCATION_KEY, s.allocationKey())
                    .set(SEGMENTS.DESCRIPTION, (String) null) // as ML2 writes a network's segments
                    .set(SEGMENTS.REVISION_NUMBER, 0L)
                    .set(SEGMENTS.CREATED_AT, now)
                    .set(SEGMENTS.UPDATED_AT, now)
                    .execute();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) throw new Retryable("segment " + s + " taken concurrently");
            throw e;
        }
        return id;
    }

    /**
     * Neutron's unique (network_id, network_type, physical_network), checked before the database
     * refuses, with the answer Neutron gives (its object layer's duplicate entry, 409).
     */
    public void checkNotOnNetwork(Tx tx, String networkId, Segment s) {
        if (s.physicalNetwork() == null) return; // NULLs never collide in a unique key
        boolean exists = tx.dsl().fetchExists(SEGMENTS, NETWORK_ID.eq(networkId)
                .and(SEGMENTS.NETWORK_TYPE.eq(s.networkType()))
                .and(SEGMENTS.PHYSICAL_NETWORK.eq(s.physicalNetwork())));
        if (exists) {
            throw NeutronException.conflict("NeutronDbObjectDuplicateEntry", "Failed to create a duplicate "
                    + "NetworkSegment: for attribute(s) ['network_id', 'network_type', 'physical_network'] with "
                    + "value(s) " + networkId + "-" + s.networkType() + "-" + s.physicalNetwork());
        }
    }

    /** A provider segment checked as the type drivers' validate_provider_segment; may stay partial. */
    private Segment validate(String type, String physnet, Integer segId) {
        if (type == null) throw invalid("network_type required");
        if (!types.contains(type)) throw invalid("network_type value '" + type + "' not supported");
        switch (type) {
            case "local" -> {
                if (physnet != null || segId != null) {
                    throw invalid("provider:physical_network and provider:segmentation_id are not allowed for "
                            + "local provider network");
                }
                return new Segment("local", null, null);
            }
            case "flat" -> {
                if (physnet == null) throw invalid("physical_network required for flat provider network");
                if (segId != null) throw invalid("segmentation_id specified for flat provider network");
                if (!flatNetworks.contains("*") && !flatNetworks.contains(physnet)) {
                    throw invalid("physical_network '" + physnet + "' unknown for flat provider network");
                }
                return new Segment("flat", physnet, null);
            }
            case "vlan" -> {
                if (physnet == null) {
                    if (segId != null) throw invalid("segmentation_id requires physical_network for VLAN provider "
                            + "network");
                    return new Segment("vlan", null, null);
                }
                if (!vlanRanges.containsKey(physnet)) {
                    throw invalid("physical_network '" + physnet + "' unknown for VLAN provider network");
                }
                if (segId != null && (segId < 1 || segId > MAX_VLAN)) {
                    throw invalid("segmentation_id out of range (1 through " + MAX_VLAN + ")");
                }
                return new Segment("vlan", physnet, segId);
            }
            case "geneve", "vxlan" -> {
                if (physnet != null) throw invalid("provider:physical_network specified for " + type + " network");
                if (segId != null && (segId < 1 || segId > MAX_VNI)) {
                    throw invalid("segmentation_id out of range (1 through " + MAX_VNI + ")");
                }
                return new Segment(type, null, segId);
            }
            default -> throw invalid("network_type value '" + type + "' not supported");
        }
    }

    private Segment allocateTenant(Tx tx) {
        for (String type : tenantTypes) {
            Segment s = switch (type) {
                case "local" -> new Segment("local", null, null);
                case "vlan" -> tryAllocateVlan(tx, null);
                case "geneve", "vxlan" -> tryAllocateTunnel(tx, type);
                default -> null;
            };
            if (s != null) return s;
        }
        throw noNetworkAvailable();
    }

    private static NeutronException noNetworkAvailable() {
        return new NeutronException(503, "NoNetworkAvailable", "Unable to create the network. No tenant network is "
                + "available for allocation.");
    }

    private Segment allocateVlan(Tx tx, String physnet) {
        return orUnavailable(tryAllocateVlan(tx, physnet));
    }

    private Segment allocateTunnel(Tx tx, String type) {
        return orUnavailable(tryAllocateTunnel(tx, type));
    }

    private static Segment orUnavailable(Segment s) {
        if (s == null) throw noNetworkAvailable();
        return s;
    }

    private Segment tryAllocateVlan(Tx tx, String onlyPhysnet) {
        for (var e : vlanRanges.entrySet()) {
            if (onlyPhysnet != null && !onlyPhysnet.equals(e.getKey())) continue;
            Integer id = pickFree(tx, "vlan:" + e.getKey() + ":", e.getValue());
            if (id != null) return new Segment("vlan", e.getKey(), id);
        }
        return null;
    }

    private Segment tryAllocateTunnel(Tx tx, String type) {
        Integer id = pickFree(tx, type + ":", tunnelRanges.getOrDefault(type, List.of()));
        return id == null ? null : new Segment(type, null, id);
    }

    /**
     * A free id in the ranges: a few random probes first (cheap while ranges are sparse), then a
     * scan of the used ids. Random picks keep concurrent allocators from colliding.
     */
    private static Integer pickFree(Tx tx, String prefix, List<Range> ranges) {
        long total = 0;
        for (Range r : ranges) total += r.max() - r.min() + 1L;
        if (total == 0) return null;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int probe = 0; probe < 8; probe++) {
            long n = random.nextLong(total);
            int candidate = nth(ranges, n);
            if (!tx.dsl().fetchExists(SEGMENTS, KEY.eq(prefix + candidate))) return candidate;
        }
        Set<Integer> used = new HashSet<>();
        for (String k : tx.dsl().select(KEY).from(SEGMENTS).where(KEY.startsWith(prefix)).fetch(KEY)) {
            try {
                used.add(Integer.parseInt(k.substring(prefix.length())));
            } catch (NumberFormatException e) {
                // a key of another shape (different physnet prefix overlap): not ours
            }
        }
        List<Integer> free = new ArrayList<>();
        for (Range r : ranges) {
            for (int v = r.min(); v <= r.max() && free.size() < 1000; v++) if (!used.contains(v)) free.add(v);
        }
        return free.isEmpty() ? null : free.get(random.nextInt(free.size()));
    }

    private static int nth(List<Range> ranges, long n) {
        for (Range r : ranges) {
            long size = r.max() - r.min() + 1L;
            if (n < size) return (int) (r.min() + n);
            n -= size;
        }
        throw new IllegalStateException();
    }

    private static NeutronException invalid(String msg) {
        return NeutronException.invalidInputGeneric(msg);
    }

    static NeutronException inUse(Segment s) {
        return switch (s.networkType()) {
            case "flat" -> NeutronException.conflict("FlatNetworkInUse", "Unable to create the flat network. "
                    + "Physical network " + s.physicalNetwork() + " is in use.");
            case "vlan" -> NeutronException.conflict("VlanIdInUse", "Unable to create the network. The VLAN "
                    + s.segmentationId() + " on physical network " + s.physicalNetwork() + " is in use.");
            default -> NeutronException.conflict("TunnelIdInUse", "Unable to create the network. The tunnel ID "
                    + s.segmentationId() + " is in use.");
        };
    }

    // ------------------------------------------------------------------ reading

    /** One stored segment of a network. */
    public record Stored(String id, String networkId, int index, Segment segment) {}

    /** The segments of each network, in segment_index order (networks without any are absent). */
    public Map<String, List<Stored>> load(Tx tx, List<String> networkIds) {
        Map<String, List<Stored>> out = new HashMap<>();
        Field<Integer> index = SEGMENTS.SEGMENT_INDEX;
        for (Record r : tx.dsl().select(SEGMENTS.ID, NETWORK_ID, index,
                        SEGMENTS.NETWORK_TYPE, SEGMENTS.PHYSICAL_NETWORK, SEGMENTS.SEGMENTATION_ID)
                .from(SEGMENTS).where(NETWORK_ID.in(networkIds)).orderBy(index, SEGMENTS.ID).fetch()) {
            out.computeIfAbsent(r.get(NETWORK_ID), k -> new ArrayList<>()).add(new Stored((String) r.get(0),
                    r.get(NETWORK_ID), ((Number) r.get(2)).intValue(),
                    new Segment((String) r.get(3), (String) r.get(4), (Integer) r.get(5))));
        }
        return out;
    }

    /** The largest MTU a network of these segments can carry: the smallest of theirs (ML2's _get_network_mtu). */
    public int maxMtu(List<Segment> segments) {
        int max = Integer.MAX_VALUE;
        for (Segment s : segments) max = Math.min(max, maxMtu(s));
        return segments.isEmpty() ? globalMtu : max;
    }

    /** The largest MTU a network of this segment can carry. */
    public int maxMtu(Segment s) {
        int underlay = pathMtu > 0 ? pathMtu : globalMtu;
        return switch (s.networkType()) {
            case "geneve" -> underlay - geneveHeader - IPV4_HEADER;
            case "vxlan" -> underlay - VXLAN_OVERHEAD - IPV4_HEADER;
            case "flat", "vlan" -> Math.min(globalMtu, physnetMtus.getOrDefault(s.physicalNetwork(), globalMtu));
            default -> globalMtu;
        };
    }

    /** The segments of stored rows, in their order. */
    public static List<Segment> segmentsOf(List<Stored> stored) {
        List<Segment> out = new ArrayList<>();
        for (Stored s : stored) out.add(s.segment());
        return out;
    }
}
