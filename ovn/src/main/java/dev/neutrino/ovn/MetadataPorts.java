package dev.neutrino.ovn;

import dev.neutrino.common.NeutronException;
import dev.neutrino.ml2.CorePlugin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ML2/OVN's metadata port ({@code [ovn] ovn_metadata_enabled}): one port per network, device owner
 * {@code network:distributed} and device {@code ovnmeta-<network id>}, an OVN {@code localport} that
 * {@code neutron-ovn-metadata-agent} plugs on every chassis with a VM of the network, with an
 * address on each IPv4 subnet with DHCP; the subnets' DHCP options route 169.254.169.254 to it.
 * Created when a network is (create_network_postcommit), its addresses follow the subnets
 * (create/update_subnet_postcommit), and the repair pass ensures both for every network, as
 * ML2/OVN's {@code ovn-db-sync} does. The port is a Neutron resource: it goes through the core
 * plugin as an admin request would.
 */
public final class MetadataPorts {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataPorts.class);
    private static final int ATTEMPTS = 5;

    private final CorePlugin plugin;
    private final java.time.Duration settle;

    public MetadataPorts(CorePlugin plugin) {
        this(plugin, SETTLE);
    }

    MetadataPorts(CorePlugin plugin, java.time.Duration settle) {
        this.plugin = plugin;
        this.settle = settle;
    }

    static String deviceId(String networkId) {
        return "ovnmeta-" + networkId;
    }

    private Map<String, Object> find(String networkId) {
        List<Map<String, Object>> ports = plugin.read("ports", Map.of("network_id", List.of(networkId),
                "device_owner", List.of(Translator.DISTRIBUTED)));
        return ports.isEmpty() ? null : ports.getFirst();
    }

    /** The subnets of the network the metadata port should have an address on: IPv4 with DHCP. */
    private Set<String> servedSubnets(String networkId) {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, Object> s : plugin.read("subnets", Map.of("network_id", List.of(networkId)))) {
            if (served(s)) out.add((String) s.get("id"));
        }
        return out;
    }

    /**
     * The repair pass leaves networks younger than this to the postcommit of the server that
     * created them, so that the two do not both create a metadata port.
     */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(30);

    private static boolean isRecent(Map<String, Object> net, java.time.Instant settled) {
        try {
            return net.get("created_at") instanceof String at && java.time.Instant.parse(at).isAfter(settled);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean served(Map<String, Object> subnet) {
        return Boolean.TRUE.equals(subnet.get("enable_dhcp")) && subnet.get("ip_version") instanceof Number v
                && v.intValue() == 4;
    }

    /** {@code create_metadata_port}: the network's metadata port, when it has none. */
    public void ensure(Map<String, Object> network) {
        String id = (String) network.get("id");
        if (find(id) != null) return;
        List<Map<String, Object>> fixedIps = new ArrayList<>();
        for (String s : servedSubnets(id)) fixedIps.add(Map.of("subnet_id", s));
        Map<String, Object> port = new java.util.LinkedHashMap<>();
        port.put("network_id", id);
        port.put("project_id", network.get("project_id"));
        port.put("device_owner", Translator.DISTRIBUTED);
        port.put("device_id", deviceId(id));
        port.put("fixed_ips", fixedIps);
        Map<String, Object> created = plugin.createPort(port);
        LOG.info("Created metadata port {} of network {}", created.get("id"), id);
    }

    /**
     * {@code update_metadata_port}: an address on each IPv4 subnet with DHCP and on no other, kept
     * where it already is; a concurrent change of the port (another subnet created at the same
     * time) makes it read again and retry.
     */
    public void update(String networkId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, Object> port = find(networkId);
            if (port == null) {
                LOG.error("Metadata port couldn't be found for network {}", networkId);
                return;
            }
            Set<String> wanted = servedSubnets(networkId);
            List<Map<String, Object>> fixedIps = new ArrayList<>();
            Set<String> have = new LinkedHashSet<>();
            for (Map<String, Object> ip : Translator.fixedIps(port)) {
                String subnet = (String) ip.get("subnet_id");
                have.add(subnet);
                if (wanted.contains(subnet)) {
                    fixedIps.add(Map.of("subnet_id", subnet, "ip_address", ip.get("ip_address")));
                }
            }
            if (have.equals(wanted)) return;
            for (String s : wanted) if (!have.contains(s)) fixedIps.add(Map.of("subnet_id", s));
            try {
                plugin.updatePort((String) port.get("id"), Map.of("fixed_ips", fixedIps),
                        ((Number) port.get("revision_number")).longValue());
                return;
            } catch (NeutronException e) {
                if (e.status() != 412 || attempt == ATTEMPTS) throw e;
            }
        }
    }

    /** Both, for every network older than {@link #SETTLE} (the repair pass), from three reads. Returns how many networks needed something. */
    public int ensureAll() {
        Map<String, Set<String>> served = new java.util.HashMap<>();
        for (Map<String, Object> s : plugin.readAll("subnets")) {
            if (served(s)) served.computeIfAbsent((String) s.get("network_id"), k -> new LinkedHashSet<>())
                    .add((String) s.get("id"));
        }
        Map<String, Set<String>> have = new java.util.HashMap<>();
        for (Map<String, Object> p : plugin.read("ports", Map.of("device_owner", List.of(Translator.DISTRIBUTED)))) {
            Set<String> subnets = have.computeIfAbsent((String) p.get("network_id"), k -> new LinkedHashSet<>());
            for (Map<String, Object> ip : Translator.fixedIps(p)) subnets.add((String) ip.get("subnet_id"));
        }
        int fixed = 0;
        java.time.Instant settled = java.time.Instant.now().minus(settle);
        for (Map<String, Object> net : plugin.readAll("networks")) {
            String id = (String) net.get("id");
            if (isRecent(net, settled)) continue; // its own server's postcommit is on it
            Set<String> wanted = served.getOrDefault(id, Set.of());
            Set<String> now = have.get(id);
            if (now != null && now.equals(wanted)) continue;
            try {
                if (now == null) ensure(net);
                else update(id);
                fixed++;
            } catch (NeutronException e) {
                // the network went meanwhile, or its quota is full: the next pass tries again
                LOG.warn("Metadata port of network {}: {}", id, e.getMessage());
            }
        }
        return fixed;
    }
}
