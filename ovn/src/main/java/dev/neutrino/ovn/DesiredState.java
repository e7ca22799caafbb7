package dev.neutrino.ovn;

import dev.neutrino.ovn.NbRow.Ref;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * All the northbound rows Neutrino wants for a set of Neutron resources, with their references
 * (switch → ports, port group → ports and ACLs, port → DHCP options) resolved by key.
 */
public final class DesiredState {
    private final Map<String, Map<String, NbRow>> byTable = new TreeMap<>();
    /** The port forwarding load balancers of the routers each network is an interface of. */
    private final Map<String, List<Ref>> switchLbs = new HashMap<>();

    /** The Neutron side, as the API shows it (admin view, so provider and binding attributes are there). */
    public record Input(List<Map<String, Object>> networks, Map<String, List<Translator.Segment>> segments,
                        List<Map<String, Object>> subnets, List<Map<String, Object>> ports,
                        List<Map<String, Object>> securityGroups, List<Map<String, Object>> routers,
                        List<Map<String, Object>> floatingIps, boolean distributedFloatingIps,
                        boolean emitNeedToFrag, List<GatewayChassis.Chassis> chassis, String baseMac,
                        Map<String, List<Translator.QosRule>> qosRules, List<Map<String, Object>> addressGroups,
                        String dnsDomain) {
        /** With Neutron's default {@code [DEFAULT] dns_domain}, openstacklocal (no DHCP domain_name). */
        public Input(List<Map<String, Object>> networks, Map<String, List<Translator.Segment>> segments,
                     List<Map<String, Object>> subnets, List<Map<String, Object>> ports,
                     List<Map<String, Object>> securityGroups, List<Map<String, Object>> routers,
                     List<Map<String, Object>> floatingIps, boolean distributedFloatingIps,
                     boolean emitNeedToFrag, List<GatewayChassis.Chassis> chassis, String baseMac,
                     Map<String, List<Translator.QosRule>> qosRules, List<Map<String, Object>> addressGroups) {
            this(networks, segments, subnets, ports, securityGroups, routers, floatingIps, distributedFloatingIps,
                    emitNeedToFrag, chassis, baseMac, qosRules, addressGroups, null);
        }

        /** Without address groups. */
        public Input(List<Map<String, Object>> networks, Map<String, List<Translator.Segment>> segments,
                     List<Map<String, Object>> subnets, List<Map<String, Object>> ports,
                     List<Map<String, Object>> securityGroups, List<Map<String, Object>> routers,
                     List<Map<String, Object>> floatingIps, boolean distributedFloatingIps,
                     boolean emitNeedToFrag, List<GatewayChassis.Chassis> chassis, String baseMac,
                     Map<String, List<Translator.QosRule>> qosRules) {
            this(networks, segments, subnets, ports, securityGroups, routers, floatingIps, distributedFloatingIps,
                    emitNeedToFrag, chassis, baseMac, qosRules, List.of());
        }

        /** Without QoS rules (no policy has any, or the qos extension driver is not loaded). */
        public Input(List<Map<String, Object>> networks, Map<String, List<Translator.Segment>> segments,
                     List<Map<String, Object>> subnets, List<Map<String, Object>> ports,
                     List<Map<String, Object>> securityGroups, List<Map<String, Object>> routers,
                     List<Map<String, Object>> floatingIps, boolean distributedFloatingIps,
                     boolean emitNeedToFrag, List<GatewayChassis.Chassis> chassis, String baseMac) {
            this(networks, segments, subnets, ports, securityGroups, routers, floatingIps, distributedFloatingIps,
                    emitNeedToFrag, chassis, baseMac, Map.of());
        }

        public Input(List<Map<String, Object>> networks, Map<String, List<Translator.Segment>> segments,
                     List<Map<String, Object>> subnets, List<Map<String, Object>> ports,
                     List<Map<String, Object>> securityGroups, String baseMac) {
            this(networks, segments, subnets, ports, securityGroups, List.of(), List.of(), false, false, List.of(),
                    baseMac);
        }
    }

    /** A desired state made of given rows (the incremental path computes them resource by resource). */
    static DesiredState ofRows(Map<String, Map<String, NbRow>> rows) {
        DesiredState s = new DesiredState();
        for (Map<String, NbRow> table : rows.values()) for (NbRow r : table.values()) s.put(r);
        return s;
    }

    public static DesiredState of(Input in) {
        return of(in, Map.of());
    }

    /**
     * @param scheduled where gateway ports are scheduled now (router port name → chassis, highest
     *     priority first; {@link GatewayChassis#scheduled}): those chassis keep their places
     */
    public static DesiredState of(Input in, Map<String, List<String>> scheduled) {
        DesiredState s = new DesiredState();
        Map<String, Map<String, Object>> subnets = new HashMap<>();
        Map<String, Map<String, Object>> nets = new HashMap<>();
        for (Map<String, Object> n : in.networks()) nets.put((String) n.get("id"), n);
        Map<String, String> dhcp = new HashMap<>();
        Map<String, String> metadataIps = Translator.metadataIps(in.ports());
        for (Map<String, Object> sub : in.subnets()) {
            subnets.put((String) sub.get("id"), sub);
            Map<String, Object> net = nets.get((String) sub.get("network_id"));
            if (net == null) continue;
            NbRow opts = Translator.dhcpOptions(sub, net, serverMac(in.baseMac(), (String) sub.get("id")),
                    metadataIps.get((String) sub.get("id")), in.dnsDomain());
            if (opts != null) {
                s.put(opts);
                dhcp.put((String) sub.get("id"), opts.key());
            }
        }
        Map<String, List<Ref>> switchPorts = new LinkedHashMap<>();
        for (Map<String, Object> n : in.networks()) {
            List<Ref> ports = new ArrayList<>();
            for (Translator.Segment segment : in.segments().getOrDefault((String) n.get("id"), List.of())) {
                NbRow provnet = Translator.providerPort(segment, n);
                if (provnet != null) {
                    s.put(provnet);
                    ports.add(provnet.ref());
                }
            }
            switchPorts.put((String) n.get("id"), ports);
        }
        Map<String, List<Ref>> groupPorts = new HashMap<>();
        Map<String, List<Ref>> switchQos = new HashMap<>();
        List<Ref> filtered = new ArrayList<>();
        for (Map<String, Object> p : in.ports()) {
            List<Ref> owner = switchPorts.get((String) p.get("network_id"));
            if (owner == null || Translator.isIgnored(p)) continue;
            NbRow lsp = Translator.withQosOptions(Translator.logicalSwitchPort(p, subnets, dhcp),
                    Translator.lspQosOptions(p, nets.get((String) p.get("network_id")), in.qosRules()));
            s.put(lsp);
            owner.add(lsp.ref());
            String networkId = (String) p.get("network_id");
            for (NbRow q : Translator.qos(p, nets.get(networkId), in.qosRules())) {
                s.put(q);
                switchQos.computeIfAbsent(networkId, k -> new ArrayList<>()).add(q.ref());
            }
            if (Translator.isFiltered(p)) {
                filtered.add(lsp.ref());
                for (String sg : Translator.strings(p.get("security_groups"))) {
                    groupPorts.computeIfAbsent(sg, k -> new ArrayList<>()).add(lsp.ref());
                }
            }
        }
        for (SwitchQos q : gatewayQos(in, nets)) {
            s.put(q.row());
            switchQos.computeIfAbsent(q.networkId(), k -> new ArrayList<>()).add(q.row().ref());
        }
        Map<String, List<Map<String, Object>>> named = new HashMap<>();
        for (Map<String, Object> p : in.ports()) {
            if (Translator.hasDnsRecords(p) && !Translator.isIgnored(p)) {
                named.computeIfAbsent((String) p.get("network_id"), k -> new ArrayList<>()).add(p);
            }
        }
        for (Map<String, Object> n : in.networks()) {
            NbRow ls = Translator.logicalSwitch(n);
            Map<String, Object> cols = new LinkedHashMap<>(ls.columns());
            cols.put("ports", switchPorts.get((String) n.get("id")));
            cols.put("qos_rules", switchQos.getOrDefault((String) n.get("id"), List.of()));
            NbRow dns = Translator.dns(n, named.getOrDefault((String) n.get("id"), List.of()));
            if (dns != null) s.put(dns);
            cols.put("dns_records", dns == null ? List.of() : List.of(dns.ref()));
            s.put(new NbRow(ls.table(), ls.key(), cols));
        }
        for (Map<String, Object> group : in.addressGroups()) {
            for (NbRow set : Translator.addressSets(group)) s.put(set);
        }
        for (Map<String, Object> sg : in.securityGroups()) {
            boolean stateful = !Boolean.FALSE.equals(sg.get("stateful"));
            List<Ref> acls = new ArrayList<>();
            for (Map<String, Object> rule : Translator.maps(sg.get("security_group_rules"))) {
                NbRow acl = Translator.ruleAcl(rule, stateful);
                s.put(acl);
                acls.add(acl.ref());
            }
            s.put(Translator.portGroup(sg, groupPorts.getOrDefault((String) sg.get("id"), List.of()), acls));
        }
        for (NbRow r : Translator.dropPortGroup(filtered)) s.put(r);
        s.routers(in, subnets, nets, scheduled);
        // ML2/OVN puts a router's port forwarding load balancers on the switches of its interfaces too
        for (Map<String, Object> n : in.networks()) {
            NbRow ls = s.get(new Ref("Logical_Switch", NbNames.ovnName((String) n.get("id"))));
            if (ls == null) continue;
            Map<String, Object> cols = new LinkedHashMap<>(ls.columns());
            cols.put("load_balancer", s.switchLbs.getOrDefault((String) n.get("id"), List.of()));
            s.put(new NbRow(ls.table(), ls.key(), cols));
        }
        return s;
    }

    /** Routers: their ports (interfaces and gateway), SNAT, floating IPs, routes and port forwardings' load balancers. */
    private void routers(Input in, Map<String, Map<String, Object>> subnets, Map<String, Map<String, Object>> nets,
                         Map<String, List<String>> scheduled) {
        Map<String, Map<String, Object>> portsById = new HashMap<>();
        Map<String, List<Map<String, Object>>> routerPorts = new HashMap<>();
        for (Map<String, Object> p : in.ports()) {
            portsById.put((String) p.get("id"), p);
            String owner = Translator.str(p.get("device_owner"));
            if (owner.equals("network:router_interface") || owner.equals("network:router_gateway")) {
                routerPorts.computeIfAbsent((String) p.get("device_id"), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, List<Map<String, Object>>> fips = new HashMap<>();
        Map<String, List<NbRow>> forwardings = new HashMap<>();
        for (Map<String, Object> f : in.floatingIps()) {
            if (f.get("router_id") != null && f.get("fixed_ip_address") != null) {
                fips.computeIfAbsent((String) f.get("router_id"), k -> new ArrayList<>()).add(f);
            }
            if (f.get("router_id") != null && f.get(PortForwardingLbs.KEY) != null) {
                forwardings.computeIfAbsent((String) f.get("router_id"), k -> new ArrayList<>())
                        .addAll(PortForwardingLbs.of(f));
            }
        }
        for (Map<String, Object> router : in.routers()) {
            String id = (String) router.get("id");
            List<Ref> lrps = new ArrayList<>();
            List<Ref> nats = new ArrayList<>();
            List<Ref> routes = new ArrayList<>();
            Map<String, Object> gateway = null;
            List<String> interfaceCidrs = new ArrayList<>();
            int largestMtu = 0;
            for (Map<String, Object> p : routerPorts.getOrDefault(id, List.of())) {
                if (nets.getOrDefault((String) p.get("network_id"), Map.of()).get("mtu") instanceof Integer mtu) {
                    largestMtu = Math.max(largestMtu, mtu);
                }
            }
            for (Map<String, Object> p : routerPorts.getOrDefault(id, List.of())) {
                Map<String, Object> portNet = nets.getOrDefault((String) p.get("network_id"), Map.of());
                // ML2/OVN's gateway_mtu: the gateway network's MTU when another of the router's is larger
                Integer gatewayMtu = in.emitNeedToFrag() && portNet.get("mtu") instanceof Integer mtu
                        && largestMtu > mtu ? mtu : null;
                NbRow lrp = Translator.routerPort(p, subnets, portNet, in.distributedFloatingIps(), gatewayMtu);
                if ("network:router_gateway".equals(p.get("device_owner"))) {
                    // the gateway port is scheduled on the gateway chassis that reach its physical
                    // network (L3 HA by priority, the first one highest)
                    Map<String, Object> extNet = nets.getOrDefault((String) p.get("network_id"), Map.of());
                    String lrpName = NbNames.routerPort((String) p.get("id"));
                    List<String> candidates = GatewayChassis.schedule(in.chassis(),
                            (String) extNet.get("provider:physical_network"),
                            Translator.strings(router.get("availability_zone_hints")),
                            lrpName, scheduled.getOrDefault(lrpName, List.of()));
                    List<Ref> gcs = new ArrayList<>();
                    long priority = candidates.size();
                    for (String chassis : candidates) {
                        NbRow gc = Translator.gatewayChassis((String) p.get("id"), chassis, priority--);
                        put(gc);
                        gcs.add(gc.ref());
                    }
                    Map<String, Object> cols = new LinkedHashMap<>(lrp.columns());
                    cols.put("gateway_chassis", gcs);
                    lrp = new NbRow(lrp.table(), lrp.key(), cols);
                }
                put(lrp);
                lrps.add(lrp.ref());
                if ("network:router_gateway".equals(p.get("device_owner"))) {
                    gateway = p;
                } else {
                    for (Map<String, Object> ip : Translator.fixedIps(p)) {
                        Map<String, Object> sub = subnets.get((String) ip.get("subnet_id"));
                        if (sub != null && Objects.equals(sub.get("ip_version"), 4)) {
                            interfaceCidrs.add((String) sub.get("cidr"));
                        }
                    }
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> gwInfo = (Map<String, Object>) router.get("external_gateway_info");
            if (gateway != null) {
                for (Map<String, Object> ip : Translator.fixedIps(gateway)) {
                    Map<String, Object> sub = subnets.get((String) ip.get("subnet_id"));
                    if (sub == null || !Objects.equals(sub.get("ip_version"), 4)) continue;
                    if (sub.get("gateway_ip") != null) {
                        NbRow r = Translator.gatewayRoute(id, "0.0.0.0/0", (String) sub.get("gateway_ip"),
                                (String) sub.get("id"));
                        put(r);
                        routes.add(r.ref());
                    }
                    boolean snat = gwInfo == null || !Boolean.FALSE.equals(gwInfo.get("enable_snat"));
                    if (snat) {
                        for (String cidr : interfaceCidrs) {
                            NbRow n = Translator.snat(id, cidr, (String) ip.get("ip_address"));
                            put(n);
                            nats.add(n.ref());
                        }
                    }
                    break;
                }
            }
            for (Map<String, Object> f : fips.getOrDefault(id, List.of())) {
                NbRow n = Translator.floatingIp(f, portsById.get((String) f.get("floating_port_id")),
                        portsById.get((String) f.get("port_id")), in.distributedFloatingIps());
                put(n);
                nats.add(n.ref());
            }
            for (Map<String, Object> r : Translator.maps(router.get("routes"))) {
                NbRow route = Translator.staticRoute(id, (String) r.get("destination"), (String) r.get("nexthop"));
                put(route);
                routes.add(route.ref());
            }
            NbRow lr = Translator.logicalRouter(router, gateway == null ? null : (String) gateway.get("id"));
            Map<String, Object> cols = new LinkedHashMap<>(lr.columns());
            cols.put("ports", lrps);
            cols.put("nat", nats);
            cols.put("static_routes", routes);
            List<Ref> lbs = new ArrayList<>();
            for (NbRow lb : forwardings.getOrDefault(id, List.of())) {
                put(lb);
                lbs.add(lb.ref());
            }
            cols.put("load_balancer", lbs);
            put(new NbRow(lr.table(), lr.key(), cols));
            if (!lbs.isEmpty()) {
                for (Map<String, Object> p : routerPorts.getOrDefault(id, List.of())) {
                    if (!"network:router_interface".equals(p.get("device_owner"))) continue;
                    List<Ref> onSwitch = switchLbs.computeIfAbsent((String) p.get("network_id"), k -> new ArrayList<>());
                    for (Ref lb : lbs) if (!onSwitch.contains(lb)) onSwitch.add(lb);
                }
            }
        }
    }

    /**
     * A stable server MAC per subnet for OVN's DHCP responder: base_mac's prefix and bytes taken
     * from the subnet id, so every server and every sync computes the same one.
     */
    static String serverMac(String baseMac, String subnetId) {
        String[] base = baseMac.split(":");
        int h = subnetId.hashCode();
        return String.format("%s:%s:%s:%02x:%02x:%02x", base[0], base[1], base[2], (h >>> 16) & 0xff,
                (h >>> 8) & 0xff, h & 0xff);
    }

    /** A QoS row and the network whose switch holds it. */
    record SwitchQos(String networkId, NbRow row) {}

    /**
     * The QoS rows of router gateways and of their associated floating IPs (qos-gateway-ip, qos-fip),
     * each with the network whose switch holds it (the gateway's; the floating IP's floating network,
     * as ML2/OVN puts it).
     */
    static List<SwitchQos> gatewayQos(Input in, Map<String, Map<String, Object>> nets) {
        List<SwitchQos> out = new ArrayList<>();
        if (in.qosRules().isEmpty()) return out;
        Map<String, Map<String, Object>> gatewayOf = new HashMap<>();
        for (Map<String, Object> p : in.ports()) {
            if ("network:router_gateway".equals(p.get("device_owner"))) gatewayOf.put((String) p.get("device_id"), p);
        }
        Map<String, Map<String, Object>> routers = new HashMap<>();
        for (Map<String, Object> r : in.routers()) routers.put((String) r.get("id"), r);
        for (Map<String, Object> r : in.routers()) {
            Map<String, Object> gw = gatewayOf.get((String) r.get("id"));
            if (gw == null) continue;
            String policy = gatewayPolicy(r, nets.get((String) gw.get("network_id")));
            for (NbRow q : Translator.gatewayQos((String) r.get("id"), (String) gw.get("id"),
                    in.qosRules().getOrDefault(policy, List.of()))) {
                out.add(new SwitchQos((String) gw.get("network_id"), q));
            }
        }
        for (Map<String, Object> f : in.floatingIps()) {
            Map<String, Object> gw = gatewayOf.get(Translator.str(f.get("router_id")));
            if (gw == null || !routers.containsKey((String) f.get("router_id"))) continue;
            String net = (String) f.get("floating_network_id");
            String policy = floatingIpPolicy(f, nets.get(net));
            for (NbRow q : Translator.floatingIpQos(f, (String) gw.get("id"), in.distributedFloatingIps(),
                    in.qosRules().getOrDefault(policy, List.of()))) {
                out.add(new SwitchQos(net, q));
            }
        }
        return out;
    }

    /**
     * The same rows, where a router's or a switch's {@code load_balancer} keeps the load balancers
     * that are not Neutrino's ({@code actual} has them as UUID text, not as keys): only port
     * forwardings' are Neutrino's to add and remove.
     */
    DesiredState keepingForeignLoadBalancers(Map<String, Map<String, NbRow>> actual) {
        DesiredState out = new DesiredState();
        out.switchLbs.putAll(switchLbs);
        for (Map<String, NbRow> t : byTable.values()) {
            for (NbRow r : t.values()) {
                NbRow have = actual.getOrDefault(r.table(), Map.of()).get(r.key());
                if (!(r.table().equals("Logical_Router") || r.table().equals("Logical_Switch")) || have == null
                        || !(r.columns().get("load_balancer") instanceof List<?> want)
                        || !(have.columns().get("load_balancer") instanceof List<?> had)) {
                    out.put(r);
                    continue;
                }
                List<Object> lbs = new ArrayList<>(want);
                for (Object o : had) if (o instanceof String uuid) lbs.add(java.util.UUID.fromString(uuid));
                Map<String, Object> cols = new LinkedHashMap<>(r.columns());
                cols.put("load_balancer", lbs);
                out.put(new NbRow(r.table(), r.key(), cols));
            }
        }
        return out;
    }

    /** A router gateway's policy: its own (external_gateway_info.qos_policy_id), else its gateway network's. */
    static String gatewayPolicy(Map<String, Object> router, Map<String, Object> gatewayNetwork) {
        if (router.get("external_gateway_info") instanceof Map<?, ?> gw && gw.get("qos_policy_id") instanceof String p) {
            return p;
        }
        return gatewayNetwork != null && gatewayNetwork.get("qos_policy_id") instanceof String p ? p : null;
    }

    /** A floating IP's policy: its own, else its floating network's; none while not associated. */
    static String floatingIpPolicy(Map<String, Object> fip, Map<String, Object> floatingNetwork) {
        if (fip.get("router_id") == null) return null;
        if (fip.get("qos_policy_id") instanceof String p) return p;
        return floatingNetwork != null && floatingNetwork.get("qos_policy_id") instanceof String p ? p : null;
    }

    /** The port groups' ACLs annotated for the security group logs ({@link AclLogging}), and their meter. */
    DesiredState logging(AclLogging logging) {
        logging.annotate(byTable);
        for (NbRow r : logging.meterRows()) put(r);
        return this;
    }

    private void put(NbRow row) {
        byTable.computeIfAbsent(row.table(), k -> new TreeMap<>()).put(row.key(), row);
    }

    public Map<String, NbRow> table(String name) {
        return byTable.getOrDefault(name, Map.of());
    }

    public Collection<String> tables() {
        return byTable.keySet();
    }

    public NbRow get(Ref ref) {
        return table(ref.table()).get(ref.key());
    }

    public int size() {
        int n = 0;
        for (Map<String, NbRow> t : byTable.values()) n += t.size();
        return n;
    }
}
