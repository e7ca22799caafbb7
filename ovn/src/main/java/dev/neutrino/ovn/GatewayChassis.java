package dev.neutrino.ovn;

import dev.neutrino.ovsdb.Monitor;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.RowListener;
import dev.neutrino.ovsdb.value.Row;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** One chassis: its name, the gateway flag and the physical networks it is bridged to. */
    public record Chassis(String name, boolean gateway, Set<String> physnets) {
        public Chassis {
            physnets = Set.copyOf(physnets);
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
        for (Row c : monitor.replica().table("Chassis").rows()) {
            out.add(of(c.getString("name"), c.getStringMap("other_config"), c.getStringMap("external_ids")));
        }
        out.sort(java.util.Comparator.comparing(Chassis::name));
        return out;
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
        return new Chassis(name, List.of(cms.split(",")).contains("enable-chassis-as-gw"), physnets);
    }

    /**
     * ML2/OVN's get_candidates_for_scheduling: the gateway chassis bridged to the gateway network's
     * physical network; else any chassis bridged to it; else (no physical network, or nobody bridged
     * to it) every gateway chassis. Highest priority first, at most {@link #MAX_GATEWAY_CHASSIS}.
     */
    public static List<String> candidates(List<Chassis> chassis, String physnet) {
        List<String> gatewayBridged = new ArrayList<>();
        List<String> bridged = new ArrayList<>();
        List<String> gateways = new ArrayList<>();
        for (Chassis c : chassis) {
            if (c.gateway()) gateways.add(c.name());
            if (physnet != null && c.physnets().contains(physnet)) (c.gateway() ? gatewayBridged : bridged).add(c.name());
        }
        List<String> out = !gatewayBridged.isEmpty() ? gatewayBridged : !bridged.isEmpty() ? bridged : gateways;
        return out.size() > MAX_GATEWAY_CHASSIS ? out.subList(0, MAX_GATEWAY_CHASSIS) : out;
    }
}
