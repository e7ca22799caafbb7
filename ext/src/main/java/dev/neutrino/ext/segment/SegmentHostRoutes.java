package dev.neutrino.ext.segment;

import dev.neutrino.common.Cidr;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * segments-peer-subnet-host-routes, as Zed's SegmentHostRoutes (neutron/services/segments/plugin.py):
 * a subnet on a segment of a routed network gets a host route to each peer subnet of the network (same
 * IP version, another segment) through its own gateway, unless a route already covers that peer;
 * when a subnet on a segment is created or deleted, the network's other subnets follow (an update of
 * each whose routes change: its revision, its DHCP options in OVN). A changed gateway moves the
 * routes to the new one.
 */
final class SegmentHostRoutes implements ResourceHooks {
    private final ResourceService subnets;

    SegmentHostRoutes(ResourceService subnets) {
        this.subnets = subnets;
    }

    /**
     * _calculate_routed_network_host_routes: {@code routes} with a route to each peer subnet through
     * {@code gateway} appended (not the subnet itself, not its segment's, not the other IP version's;
     * not one a route already covers); routes to a deleted peer or through an old gateway removed.
     */
    static List<Map<String, Object>> calculate(List<Map<String, Object>> peers, int version, String subnetId,
                                               String segmentId, List<Map<String, Object>> routes, String gateway,
                                               String oldGateway, String deletedCidr) {
        List<Map<String, Object>> out = new ArrayList<>(routes);
        List<Cidr> destinations = new ArrayList<>();
        for (Map<String, Object> r : out) destinations.add(Cidr.parse((String) r.get("destination")));
        if (deletedCidr != null) out.remove(route(deletedCidr, gateway));
        for (Map<String, Object> peer : peers) {
            if (Objects.equals(peer.get("id"), subnetId) || Objects.equals(peer.get("segment_id"), segmentId)
                    || ((Number) peer.get("ip_version")).intValue() != version) {
                continue;
            }
            String cidr = (String) peer.get("cidr");
            Cidr net = Cidr.parse(cidr);
            if (oldGateway != null && out.remove(route(cidr, oldGateway))) destinations.remove(net);
            if (gateway != null && destinations.stream().noneMatch(d -> covers(d, net))) {
                out.add(route(cidr, gateway));
                destinations.add(net);
            }
        }
        return out;
    }

    private static boolean covers(Cidr outer, Cidr inner) {
        return outer.version() == inner.version() && outer.prefixLength() <= inner.prefixLength()
                && outer.contains(inner.network());
    }

    private static Map<String, Object> route(String destination, String nexthop) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("destination", destination);
        r.put("nexthop", nexthop);
        return r;
    }

    /** _host_routes_need_update: the routes differ as sets of (destination, nexthop). */
    static boolean differ(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        return !pairs(a).equals(pairs(b));
    }

    private static Set<List<Object>> pairs(List<Map<String, Object>> routes) {
        Set<List<Object>> out = new HashSet<>();
        for (Map<String, Object> r : routes) out.add(List.of(r.get("destination"), r.get("nexthop")));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> routes(Object v) {
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private List<Map<String, Object>> peers(Tx tx, Object networkId) {
        return subnets.findStored(tx, Map.of("network_id", networkId));
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> subnet) {
        Object segment = subnet.get("segment_id");
        Object gateway = subnet.get("gateway_ip");
        if (segment == null || gateway == null) return;
        List<Map<String, Object>> given = routes(subnet.get("host_routes"));
        List<Map<String, Object>> calc = calculate(peers(tx, subnet.get("network_id")),
                Cidr.parse((String) subnet.get("cidr")).version(), null, (String) segment, given, (String) gateway,
                null, null);
        if (given.isEmpty() || differ(given, calc)) subnet.put("host_routes", calc);
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        Object segment = changes.containsKey("segment_id") ? changes.get("segment_id") : current.get("segment_id");
        Object oldGateway = current.get("gateway_ip");
        Object gateway = changes.containsKey("gateway_ip") ? changes.get("gateway_ip") : oldGateway;
        List<Map<String, Object>> old = routes(current.get("host_routes"));
        List<Map<String, Object>> given = changes.containsKey("host_routes") ? routes(changes.get("host_routes")) : old;
        if (segment == null || (!differ(given, old) && Objects.equals(gateway, oldGateway))) return;
        List<Map<String, Object>> calc = calculate(peers(tx, current.get("network_id")),
                Cidr.parse((String) current.get("cidr")).version(), (String) current.get("id"), (String) segment,
                given, (String) gateway, Objects.equals(gateway, oldGateway) ? null : (String) oldGateway, null);
        if (differ(given, calc)) changes.put("host_routes", calc);
    }

    @Override
    public void afterCreate(Tx tx, Map<String, Object> subnet) {
        if (subnet.get("segment_id") != null) updatePeers(tx, subnet.get("network_id"), null);
    }

    @Override
    public void afterDelete(Tx tx, Map<String, Object> subnet) {
        if (subnet.get("segment_id") != null) updatePeers(tx, subnet.get("network_id"), (String) subnet.get("cidr"));
    }

    /** _update_routed_network_host_routes: each subnet of the network whose routes change is updated. */
    private void updatePeers(Tx tx, Object networkId, String deletedCidr) {
        List<Map<String, Object>> all = peers(tx, networkId);
        if (deletedCidr == null && all.size() < 2) return;
        for (Map<String, Object> s : all) {
            List<Map<String, Object>> have = routes(s.get("host_routes"));
            List<Map<String, Object>> calc = calculate(all, ((Number) s.get("ip_version")).intValue(),
                    (String) s.get("id"), (String) s.get("segment_id"), have, (String) s.get("gateway_ip"), null,
                    deletedCidr);
            if (differ(have, calc)) {
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("host_routes", calc);
                subnets.updateIn(tx, s, changes);
            }
        }
    }
}
