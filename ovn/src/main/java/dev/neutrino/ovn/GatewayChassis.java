package dev.neutrino.ovn;

import dev.neutrino.ovsdb.Monitor;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.monitor.RowListener;
import dev.neutrino.ovsdb.value.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The chassis of the southbound Chassis table as router gateway scheduling needs them: whether they
 * advertise {@code enable-chassis-as-gw} in {@code ovn-cms-options} and which physical networks
 * their {@code ovn-bridge-mappings} reach (read from other_config, or external_ids on older OVN, as
 * ML2/OVN reads them), sorted by name.
 */
public final class GatewayChassis implements Supplier<List<GatewayChassis.Chassis>> {
    /** ML2/OVN's MAX_GW_CHASSIS: a gateway port is scheduled on at most this many chassis. */
    static final int MAX_GATEWAY_CHASSIS = 5;

    /**
     * One chassis: its name, the gateway flag, the physical networks it is bridged to and its
     * availability zones ({@code availability-zones=az1:az2} in ovn-cms-options).
     */
    public record Chassis(String name, boolean gateway, Set<String> physnets, Set<String> zones) {
        public Chassis {
            physnets = Set.copyOf(physnets);
            zones = Set.copyOf(zones);
        }

        public Chassis(String name, boolean gateway, Set<String> physnets) {
            this(name, gateway, physnets, Set.of());
        }

        public static Chassis gateway(String name, String... physnets) {
            return new Chassis(name, true, Set.of(physnets));
        }
    }

    private final Monitor monitor;

    public GatewayChassis(OvsdbClient sb) {
        this(sb, () -> {});
    }

    /** @param onChange told when a chassis comes, goes or changes its gateway flag or bridge mappings */
    public GatewayChassis(OvsdbClient sb, Runnable onChange) {
        RowListener listener = new RowListener() {
            @Override
            public void onInsert(String table, Row row) {
                onChange.run();
            }

            @Override
            public void onUpdate(String table, Row oldRow, Row newRow) {
                onChange.run();
            }

            @Override
            public void onDelete(String table, Row row) {
                onChange.run();
            }
        };
        this.monitor = sb.monitor("OVN_Southbound", List.of(MonitorRequest.table("Chassis")
                .columns("name", "hostname", "other_config", "external_ids")), listener).join();
    }

    @Override
    public List<Chassis> get() {
        List<Chassis> out = new ArrayList<>();
        for (Row c : rows()) out.add(of(c));
        out.sort(java.util.Comparator.comparing(Chassis::name));
        return out;
    }

    /** The monitored southbound Chassis rows (name, hostname, other_config, external_ids). */
    public List<Row> rows() {
        return monitor.replica().table("Chassis").rows();
    }

    static Chassis of(Row chassis) {
        return of(chassis.getString("name"), chassis.getStringMap("other_config"), chassis.getStringMap("external_ids"));
    }

    static Chassis of(String name, Map<String, String> otherConfig, Map<String, String> externalIds) {
        String cms = otherConfig.getOrDefault("ovn-cms-options", externalIds.getOrDefault("ovn-cms-options", ""));
        String mappings = otherConfig.getOrDefault("ovn-bridge-mappings",
                externalIds.getOrDefault("ovn-bridge-mappings", ""));
        Set<String> physnets = new LinkedHashSet<>();
        for (String m : mappings.split(",")) {
            int colon = m.indexOf(':');
            if (colon > 0) physnets.add(m.substring(0, colon).trim());
        }
        boolean gateway = false;
        Set<String> zones = new LinkedHashSet<>();
        for (String opt : cms.split(",")) {
            opt = opt.trim();
            if (opt.equals("enable-chassis-as-gw")) gateway = true;
            if (opt.startsWith("availability-zones=") && zones.isEmpty()) {
                for (String az : opt.substring("availability-zones=".length()).split(":")) {
                    if (!az.isBlank()) zones.add(az.trim());
                }
            }
        }
        return new Chassis(name, gateway, physnets, zones);
    }

    /**
     * Where one new gateway port goes, highest priority first, at most {@link #MAX_GATEWAY_CHASSIS}
     * (nothing scheduled yet: {@link #schedule(List, String, List, String, List)} with no current chassis).
     */
    public static List<String> schedule(List<Chassis> chassis, String physnet, List<String> zoneHints,
                                        String gatewayPort) {
        return schedule(chassis, physnet, zoneHints, gatewayPort, List.of());
    }

    /**
     * Where one gateway port goes, highest priority first, at most {@link #MAX_GATEWAY_CHASSIS}.
     * The candidates are ML2/OVN's (get_candidates_for_scheduling): the gateway chassis bridged to
     * the gateway network's physical network; else any chassis bridged to it; else (no physical
     * network, or nobody bridged to it) every gateway chassis; then only those in one of the
     * router's availability zone hints, if it has any.
     *
     * <p>As ML2/OVN's schedule_unhosted_gateways, the chassis the port is scheduled on now
     * ({@code current}, highest priority first) keep their places as long as they are still
     * candidates: a chassis that went away (or lost the physical network, the gateway flag or the
     * zone) drops out and the others move up; a chassis that comes (or comes back) is added after
     * them, at the lowest priority. So the primary never moves because a chassis appeared, and a
     * gateway does not flap back when a deleted chassis registers again. New places are filled in
     * rendezvous-hash order of the port and chassis names: ML2/OVN fills them by the chassis'
     * current load, which a full recomputation cannot see; the hash spreads routers too and gives
     * every pass the same answer.
     */
    public static List<String> schedule(List<Chassis> chassis, String physnet, List<String> zoneHints,
                                        String gatewayPort, List<String> current) {
        List<Chassis> gatewayBridged = new ArrayList<>();
        List<Chassis> bridged = new ArrayList<>();
        List<Chassis> gateways = new ArrayList<>();
        for (Chassis c : chassis) {
            if (c.gateway()) gateways.add(c);
            if (physnet != null && c.physnets().contains(physnet)) (c.gateway() ? gatewayBridged : bridged).add(c);
        }
        List<Chassis> found = !gatewayBridged.isEmpty() ? gatewayBridged : !bridged.isEmpty() ? bridged : gateways;
        List<String> candidates = new ArrayList<>();
        for (Chassis c : found) {
            if (zoneHints.isEmpty() || zoneHints.stream().anyMatch(c.zones()::contains)) candidates.add(c.name());
        }
        candidates.sort(java.util.Comparator.comparingLong((String c) -> weight(gatewayPort, c)).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        List<String> out = new ArrayList<>();
        for (String c : current) {
            if (candidates.contains(c) && !out.contains(c) && out.size() < MAX_GATEWAY_CHASSIS) out.add(c);
        }
        for (String c : candidates) {
            if (!out.contains(c) && out.size() < MAX_GATEWAY_CHASSIS) out.add(c);
        }
        return List.copyOf(out);
    }

    /**
     * Where the gateway ports among {@code routerPorts} (Logical_Router_Port rows of the northbound
     * replica) are scheduled now: each port's name to its Gateway_Chassis' chassis, highest
     * priority first (ML2/OVN's get_gateway_chassis_binding). Ports without any are left out.
     */
    static Map<String, List<String>> scheduled(Replica replica, Collection<UUID> routerPorts) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (UUID u : routerPorts) replica.row("Logical_Router_Port", u).ifPresent(lrp -> scheduled(replica, lrp, out));
        return out;
    }

    /** {@link #scheduled(Replica, Collection)} of every router port of the replica. */
    static Map<String, List<String>> scheduled(Replica replica) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (Row lrp : replica.table("Logical_Router_Port").rows()) scheduled(replica, lrp, out);
        return out;
    }

    private static void scheduled(Replica replica, Row lrp, Map<String, List<String>> out) {
        List<Row> gcs = new ArrayList<>();
        for (UUID g : lrp.getUuidSet("gateway_chassis")) replica.row("Gateway_Chassis", g).ifPresent(gcs::add);
        if (gcs.isEmpty()) return;
        gcs.sort(java.util.Comparator.comparingLong((Row g) -> g.getInteger("priority")).reversed()
                .thenComparing(g -> g.getString("chassis_name")));
        out.put(lrp.getString("name"), gcs.stream().map(g -> g.getString("chassis_name")).toList());
    }

    /** The rendezvous weight of a chassis for a port: the first 8 bytes of SHA-256(port / chassis). */
    static long weight(String port, String chassis) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((port + "/" + chassis).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(h).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
