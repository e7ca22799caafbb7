package dev.neutrino.ovn;

import static dev.neutrino.ovn.NbNames.DROP_PORT_GROUP;

import dev.neutrino.ovn.NbRow.Ref;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Neutron resources (as the API shows them, maps keyed by Neutron's attribute names) to the OVN
 * northbound rows ML2/OVN writes for them. Pure: no I/O, so the server and {@code ovn-db-sync} use
 * the same mapping to create, compare and repair.
 */
public final class Translator {
    static final long ACL_PRIORITY_ALLOW = 1002;
    static final long ACL_PRIORITY_DROP = 1001;
    static final String DHCP_LEASE_TIME = "43200";

    private Translator() {}

    // ------------------------------------------------------------------ networks

    /** The logical switch of a network (its ports column is filled by {@link DesiredState}). */
    public static NbRow logicalSwitch(Map<String, Object> net) {
        Map<String, Object> ext = new TreeMap<>();
        ext.put(NbNames.EXT_NETWORK_NAME, str(net.get("name")));
        ext.put(NbNames.EXT_MTU, str(net.get("mtu")));
        ext.put(NbNames.EXT_REVISION, str(net.get("revision_number")));
        ext.put(NbNames.EXT_AZ_HINTS, String.join(",", strings(net.get("availability_zone_hints"))));
        Map<String, Object> other = new TreeMap<>();
        other.put("mcast_snoop", "false");
        other.put("mcast_flood_unregistered", "false");
        // VLAN transparent and QinQ networks let the VMs' own tags through (_get_vlan_passthru)
        other.put("vlan-passthru", String.valueOf(Boolean.TRUE.equals(net.get("vlan_transparent"))
                || Boolean.TRUE.equals(net.get("qinq"))));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", NbNames.ovnName((String) net.get("id")));
        cols.put("external_ids", ext);
        cols.put("other_config", other);
        return new NbRow("Logical_Switch", NbNames.ovnName((String) net.get("id")), cols);
    }

    /**
     * Whether a port has DNS records (ML2/OVN's is_dns_required_for_port): a {@code dns_name}, a
     * {@code dns_assignment} and a {@code device_id}.
     */
    public static boolean hasDnsRecords(Map<String, Object> port) {
        return !str(port.get("dns_name")).isEmpty() && !maps(port.get("dns_assignment")).isEmpty()
                && !str(port.get("device_id")).isEmpty();
    }

    /**
     * The DNS row of a network's switch, keyed by the switch's name (its external_ids ls_name), with
     * the records of its ports that have them (ML2/OVN's get_port_dns_records, merged in port id
     * order): per address, the hostname, the fqdn without its dot, the hostname under the network's
     * {@code dns_domain} when that differs, each to the port's addresses space-separated, and each
     * address's PTR name to the fqdn. Null when no port has records (no row, as before the first).
     */
    public static NbRow dns(Map<String, Object> net, List<Map<String, Object>> ports) {
        String netDomain = str(net.get("dns_domain"));
        if (netDomain.endsWith(".")) netDomain = netDomain.substring(0, netDomain.length() - 1);
        Map<String, Object> records = new TreeMap<>();
        List<Map<String, Object>> sorted = new ArrayList<>(ports);
        sorted.sort(java.util.Comparator.comparing(p -> str(p.get("id"))));
        for (Map<String, Object> port : sorted) {
            if (!hasDnsRecords(port)) continue;
            Map<String, String> own = new LinkedHashMap<>();
            for (Map<String, Object> a : maps(port.get("dns_assignment"))) {
                String hostname = str(a.get("hostname"));
                String fqdn = str(a.get("fqdn"));
                if (fqdn.endsWith(".")) fqdn = fqdn.substring(0, fqdn.length() - 1);
                String ip = str(a.get("ip_address"));
                String netFqdn = hostname + "." + netDomain;
                boolean underNet = !netDomain.isEmpty() && !netFqdn.equals(fqdn);
                own.merge(hostname, ip, (x, y) -> x + " " + y);
                if (underNet) own.merge(netFqdn, ip, (x, y) -> x + " " + y);
                own.merge(fqdn, ip, (x, y) -> x + " " + y);
                for (String each : own.get(fqdn).split(" ")) own.put(reverseDns(each), fqdn);
            }
            records.putAll(own);
        }
        if (records.isEmpty()) return null;
        String name = NbNames.ovnName((String) net.get("id"));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("records", records);
        cols.put("external_ids", new TreeMap<>(Map.of(NbNames.EXT_DNS_LS_NAME, name)));
        return new NbRow("DNS", name, cols);
    }

    /** netaddr's reverse_dns without its trailing dot: 4.3.2.1.in-addr.arpa, or IPv6's nibbles under ip6.arpa. */
    static String reverseDns(String ip) {
        dev.neutrino.common.IpAddress a = dev.neutrino.common.IpAddress.parse(ip);
        StringBuilder out = new StringBuilder();
        if (a.version() == 4) {
            for (int i = 0; i < 4; i++) out.append(a.value().shiftRight(8 * i).intValue() & 0xff).append('.');
            return out.append("in-addr.arpa").toString();
        }
        for (int i = 0; i < 32; i++) {
            out.append(Character.forDigit(a.value().shiftRight(4 * i).intValue() & 0xf, 16)).append('.');
        }
        return out.append("ip6.arpa").toString();
    }

    /** One segment of a network, as network_segments holds it. */
    public record Segment(String id, String networkType, String physicalNetwork, Integer segmentationId) {}

    /**
     * The localnet port of a segment on a physical network (flat or VLAN), named provnet-&lt;segment
     * id&gt; as ML2/OVN's create_provnet_port names it; null for overlay segments. A network with
     * several physical segments has one such port per segment. A QinQ network's port tags with
     * 802.1ad.
     */
    public static NbRow providerPort(Segment segment, Map<String, Object> network) {
        if (segment.physicalNetwork() == null) return null;
        String name = NbNames.providerPort(segment.id());
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", name);
        cols.put("type", "localnet");
        cols.put("addresses", List.of("unknown"));
        Map<String, Object> options = new TreeMap<>();
        options.put("network_name", segment.physicalNetwork());
        options.put("mcast_flood", "false");
        options.put("mcast_flood_reports", "true");
        // a QinQ network's outer tag is 802.1ad (create_provnet_port, 2025.1; OVN spells it 802.11ad)
        if (Boolean.TRUE.equals(network.get("qinq"))) options.put("ethtype", "802.11ad");
        cols.put("options", options);
        Integer vlan = segment.segmentationId();
        cols.put("tag", vlan == null || !"vlan".equals(segment.networkType()) ? List.of() : List.of(vlan.longValue()));
        cols.put("external_ids", Map.of());
        return new NbRow("Logical_Switch_Port", name, cols);
    }

    // ------------------------------------------------------------------ ports

    /**
     * The logical switch port of a Neutron port: addresses "MAC IP…", port security with allowed
     * address pairs, "unknown" when port security is off, DHCP options of its IPv4 subnet,
     * requested-chassis from the binding host, and Neutron's external_ids.
     *
     * @param subnets the port's subnets by id (cidr, enable_dhcp, ip_version needed)
     * @param dhcpOptions the DHCP_Options key of each subnet with DHCP, by subnet id
     */
    public static NbRow logicalSwitchPort(Map<String, Object> port, Map<String, Map<String, Object>> subnets,
                                          Map<String, String> dhcpOptions) {
        String mac = (String) port.get("mac_address");
        StringBuilder address = new StringBuilder(mac);
        StringBuilder cidrs = new StringBuilder();
        Ref dhcpv4 = null;
        for (Map<String, Object> ip : fixedIps(port)) {
            String addr = (String) ip.get("ip_address");
            address.append(' ').append(addr);
            Map<String, Object> subnet = subnets.get((String) ip.get("subnet_id"));
            if (subnet == null) continue;
            String cidr = (String) subnet.get("cidr");
            if (cidrs.length() > 0) cidrs.append(' ');
            cidrs.append(addr).append('/').append(cidr.substring(cidr.indexOf('/') + 1));
            String opts = dhcpOptions.get((String) subnet.get("id"));
            if (dhcpv4 == null && opts != null && Objects.equals(subnet.get("ip_version"), 4)) {
                dhcpv4 = new Ref("DHCP_Options", opts);
            }
        }
        String owner = str(port.get("device_owner"));
        boolean routerPort = owner.equals("network:router_interface") || owner.equals("network:router_gateway")
                || owner.equals("network:router_interface_distributed") || owner.equals("network:ha_router_replicated_interface");
        boolean portSecurity = Boolean.TRUE.equals(port.get("port_security_enabled")) && !routerPort;
        String type = routerPort ? "router" : owner.equals(DISTRIBUTED) ? "localport" : "";
        List<String> addresses = new ArrayList<>();
        List<String> security = new ArrayList<>();
        if (routerPort) {
            addresses.add("router");
        } else {
            addresses.add(address.toString());
            if (portSecurity) {
                security.add(address.toString());
                for (Map<String, Object> pair : maps(port.get("allowed_address_pairs"))) {
                    String pairMac = str(pair.get("mac_address"));
                    String pairIp = str(pair.get("ip_address"));
                    if (pairMac.equals(mac)) {
                        security.set(0, security.get(0) + " " + pairIp);
                    } else {
                        security.add(pairMac + " " + pairIp);
                        addresses.add(pairMac);
                    }
                }
            } else {
                addresses.add("unknown");
            }
        }
        Map<String, Object> options = new TreeMap<>();
        if (routerPort) {
            options.put("router-port", NbNames.routerPort((String) port.get("id")));
            if (owner.equals("network:router_gateway")) {
                // the gateway chassis announces the router's NAT addresses (GARPs) on the external network
                options.put("nat-addresses", "router");
                options.put("exclude-lb-vips-from-garp", "true");
            }
        } else {
            options.put("requested-chassis", requestedChassis(port, options));
            if (!type.equals("localport")) options.put("mcast_flood_reports", "true");
        }
        Map<String, Object> ext = new TreeMap<>();
        ext.put(NbNames.EXT_PORT_NAME, str(port.get("name")));
        ext.put(NbNames.EXT_DEVICE_ID, str(port.get("device_id")));
        ext.put(NbNames.EXT_PROJECT_ID, str(port.get("project_id")));
        ext.put(NbNames.EXT_CIDRS, cidrs.toString());
        ext.put(NbNames.EXT_DEVICE_OWNER, owner);
        ext.put(NbNames.EXT_NETWORK_NAME, NbNames.ovnName((String) port.get("network_id")));
        ext.put(NbNames.EXT_SG_IDS, String.join(" ", portSecurity ? strings(port.get("security_groups"))
                : List.of()));
        ext.put(NbNames.EXT_REVISION, str(port.get("revision_number")));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", port.get("id"));
        cols.put("type", type);
        cols.put("addresses", addresses);
        cols.put("port_security", security);
        cols.put("enabled", List.of(Boolean.TRUE.equals(port.get("admin_state_up"))));
        cols.put("options", options);
        cols.put("external_ids", ext);
        cols.put("dhcpv4_options", dhcpv4 == null ? List.of() : List.of(dhcpv4));
        Object[] child = parentAndTag(port);
        cols.put("parent_name", child == null ? List.of() : List.of(child[0]));
        cols.put("tag", child == null ? List.of() : List.of(child[1]));
        return new NbRow("Logical_Switch_Port", (String) port.get("id"), cols);
    }

    /**
     * ovn_client._get_port_options' parent_name and tag, from the port's binding:profile
     * (validate_and_get_data_from_binding_profile): a trunk's subport, which the trunk driver gives
     * the parent port's id and its segmentation id, is a child port of its parent's
     * Logical_Switch_Port, its frames those with that VLAN tag on the parent's interface. Null unless
     * the profile has both, the tag an integer 0-4095.
     */
    static Object[] parentAndTag(Map<String, Object> port) {
        if (!(port.get("binding:profile") instanceof Map<?, ?> profile)) return null;
        if (!(profile.get("parent_name") instanceof String parent) || parent.isEmpty()) return null;
        if (!(profile.get("tag") instanceof Number tag) || tag.longValue() < 0 || tag.longValue() > 4095) return null;
        return new Object[] {parent, tag.longValue()};
    }

    /**
     * ovn_client._get_port_options: the binding host; while Nova live-migrates the port
     * ({@code binding:profile} {@code migrating_to}), also the destination ("src,dst"), so that OVN
     * binds it on both chassis (Port_Binding additional_chassis), with {@code activation-strategy}
     * {@code rarp}: the destination passes no traffic until the guest's RARP announces it there.
     * Zed checks that the southbound Port_Binding has additional_chassis (OVN 22.06 and later);
     * Neutrino assumes it.
     */
    static String requestedChassis(Map<String, Object> port, Map<String, Object> options) {
        String chassis = str(port.get("binding:host_id"));
        if (chassis.isEmpty()) return chassis;
        Object destination = port.get("binding:profile") instanceof Map<?, ?> profile ? profile.get("migrating_to")
                : null;
        if (destination == null || str(destination).isEmpty()) return chassis;
        options.put("activation-strategy", "rarp");
        return chassis + "," + str(destination);
    }

    /**
     * Ports ML2/OVN keeps out of OVN (utils.is_lsp_ignored): a floating IP's port is bound nowhere, so
     * a switch port for it would swallow the traffic the router's NAT should answer.
     */
    public static boolean isIgnored(Map<String, Object> port) {
        return "network:floatingip".equals(port.get("device_owner"));
    }

    /** Ports whose traffic ACLs govern: port security on, not owned by the network or a router. */
    public static boolean isFiltered(Map<String, Object> port) {
        String owner = str(port.get("device_owner"));
        return Boolean.TRUE.equals(port.get("port_security_enabled")) && !owner.startsWith("network:");
    }

    // ------------------------------------------------------------------ QoS

    /** ML2/OVN's OVN_QOS_DEFAULT_RULE_PRIORITY. */
    static final long QOS_PRIORITY = 2002;

    /** A QoS rule as the qos_rules table holds it (the parameters of other types null). */
    public record QosRule(String type, String direction, Long maxKbps, Long maxBurstKbps, Integer dscpMark,
                          Long minKbps) {
        /** A rule without a minimum (every type but minimum_bandwidth). */
        public QosRule(String type, String direction, Long maxKbps, Long maxBurstKbps, Integer dscpMark) {
            this(type, direction, maxKbps, maxBurstKbps, dscpMark, null);
        }
    }

    /** TYPE_PHYSICAL: the network types whose ports leave through a physical network. */
    static final java.util.Set<String> PHYSICAL_TYPES = java.util.Set.of("flat", "vlan");

    /**
     * Whether a port's egress QoS goes into its Logical_Switch_Port's options (ML2/OVN after Zed,
     * _add_port_qos_rules): its network is flat or VLAN and the rules have an egress minimum bandwidth,
     * which OVN enforces only there (qos_min_rate, with the limit as qos_max_rate and qos_burst).
     */
    private static boolean egressInLspOptions(Map<String, Object> network, List<QosRule> rules) {
        if (network == null || !PHYSICAL_TYPES.contains(str(network.get("provider:network_type")))) return false;
        for (QosRule r : rules) {
            if (r.type().equals("minimum_bandwidth") && "egress".equals(r.direction()) && r.minKbps() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The QoS options of a port's Logical_Switch_Port (_ovn_lsp_rule): on a flat or VLAN network with
     * an egress minimum bandwidth, {@code qos_min_rate}, and for an egress limit {@code qos_max_rate}
     * and {@code qos_burst}, in bit/s and bits (the rules' kbps × 1000); otherwise none. (Zed wrote
     * qos_min_rate and took it away in the same transaction, so that it never stayed.)
     */
    public static Map<String, String> lspQosOptions(Map<String, Object> port, Map<String, Object> network,
                                                    Map<String, List<QosRule>> rulesByPolicy) {
        String policy = effectiveQosPolicy(port, network);
        if (policy == null) return Map.of();
        List<QosRule> rules = rulesByPolicy.getOrDefault(policy, List.of());
        if (!egressInLspOptions(network, rules)) return Map.of();
        Map<String, String> out = new TreeMap<>();
        for (QosRule r : rules) {
            if (!"egress".equals(r.direction())) continue;
            if (r.type().equals("minimum_bandwidth") && r.minKbps() != null) {
                out.put("qos_min_rate", String.valueOf(r.minKbps() * 1000));
            } else if (r.type().equals("bandwidth_limit") && r.maxKbps() != null) {
                out.put("qos_max_rate", String.valueOf(r.maxKbps() * 1000));
                if (r.maxBurstKbps() != null && r.maxBurstKbps() != 0) {
                    out.put("qos_burst", String.valueOf(r.maxBurstKbps() * 1000));
                }
            }
        }
        return out;
    }

    /** {@code lsp} with {@code qosOptions} added to its options. */
    @SuppressWarnings("unchecked")
    public static NbRow withQosOptions(NbRow lsp, Map<String, String> qosOptions) {
        if (qosOptions.isEmpty()) return lsp;
        Map<String, Object> cols = new LinkedHashMap<>(lsp.columns());
        Map<String, Object> options = new TreeMap<>((Map<String, Object>) cols.getOrDefault("options", Map.of()));
        options.putAll(qosOptions);
        cols.put("options", options);
        return new NbRow(lsp.table(), lsp.key(), cols);
    }

    /**
     * ML2/OVN's port_effective_qos_policy_id: the port's own policy, else its network's; none for a
     * network device (device_owner network:*, router ports and DHCP among them).
     */
    public static String effectiveQosPolicy(Map<String, Object> port, Map<String, Object> network) {
        if (str(port.get("device_owner")).startsWith("network:")) return null;
        if (port.get("qos_policy_id") instanceof String own) return own;
        return network != null && network.get("qos_policy_id") instanceof String net ? net : null;
    }

    /**
     * The QoS rows OVNClientQosExtension writes for a port on its network's switch: one per direction
     * with rules, egress as from-lport ({@code inport == "<port>"}), ingress as to-lport
     * ({@code outport == "<port>"}), external_ids neutron:port_id ({@link #qosRows}).
     */
    public static List<NbRow> qos(Map<String, Object> port, Map<String, Object> network,
                                  Map<String, List<QosRule>> rulesByPolicy) {
        String policy = effectiveQosPolicy(port, network);
        if (policy == null) return List.of();
        String id = (String) port.get("id");
        List<QosRule> rules = rulesByPolicy.getOrDefault(policy, List.of());
        if (egressInLspOptions(network, rules)) {
            // the egress limit is in the port's options (lspQosOptions): only DSCP stays a QoS row
            rules = rules.stream().filter(r -> !("bandwidth_limit".equals(r.type()) && "egress".equals(r.direction())))
                    .toList();
        }
        return qosRows(id, NbNames.EXT_PORT_ID, id, "inport == \"" + id + "\"", "outport == \"" + id + "\"", rules);
    }

    /**
     * The QoS rows OVNClientQosExtension.update_router writes for a router's gateway IP (qos-gateway-ip)
     * on the gateway network's switch: its policy, else the gateway network's; egress from-lport
     * {@code inport == "<gateway port>"}, ingress to-lport {@code outport == "<gateway port>"},
     * external_ids neutron:router_id.
     */
    public static List<NbRow> gatewayQos(String routerId, String gatewayPortId, List<QosRule> rules) {
        return qosRows(NbNames.qosOwnerRouter(routerId), NbNames.EXT_ROUTER_ID, routerId,
                "inport == \"" + gatewayPortId + "\"", "outport == \"" + gatewayPortId + "\"", rules);
    }

    /**
     * The QoS rows OVNClientQosExtension.update_floatingip writes for an associated floating IP
     * (qos-fip) on the floating network's switch: its policy, else the floating network's; the
     * router's gateway port with the floating address, where the NAT happens
     * ({@code inport == "<gateway port>" && ip4.src == <fip> && is_chassis_resident("cr-lrp-<gateway port>")}
     * egress, {@code outport}/{@code ip4.dst} ingress; with distributed floating IPs the resident port
     * is the associated port), external_ids neutron:fip_id.
     */
    public static List<NbRow> floatingIpQos(Map<String, Object> fip, String gatewayPortId,
                                            boolean distributedFloatingIps, List<QosRule> rules) {
        String id = (String) fip.get("id");
        String resident = distributedFloatingIps ? str(fip.get("port_id")) : "cr-lrp-" + gatewayPortId;
        String address = str(fip.get("floating_ip_address"));
        String tail = " && is_chassis_resident(\"" + resident + "\")";
        return qosRows(NbNames.qosOwnerFloatingIp(id), NbNames.EXT_FIP_ID, id,
                "inport == \"" + gatewayPortId + "\" && ip4.src == " + address + tail,
                "outport == \"" + gatewayPortId + "\" && ip4.dst == " + address + tail, rules);
    }

    /**
     * One row per direction with rules, priority 2002; a bandwidth limit as bandwidth rate (and burst
     * when not 0), DSCP marking (egress only) as action dscp. Minimum bandwidth rules are no QoS row
     * (a port's options, {@link #lspQosOptions}).
     */
    private static List<NbRow> qosRows(String owner, String extKey, String extValue, String egressMatch,
                                       String ingressMatch, List<QosRule> rules) {
        Map<String, Map<String, Object>> bandwidth = new LinkedHashMap<>();
        Map<String, Map<String, Object>> action = new LinkedHashMap<>();
        for (String d : List.of("egress", "ingress")) {
            bandwidth.put(d, new TreeMap<>());
            action.put(d, new TreeMap<>());
        }
        for (QosRule r : rules) {
            switch (r.type()) {
                case "bandwidth_limit" -> {
                    Map<String, Object> bw = bandwidth.get(r.direction());
                    // OVN's schema takes rates from 1: a limit of 0 would fail the whole transaction
                    if (bw == null || r.maxKbps() == null || r.maxKbps() < 1) continue;
                    bw.put("rate", r.maxKbps());
                    if (r.maxBurstKbps() != null && r.maxBurstKbps() != 0) bw.put("burst", r.maxBurstKbps());
                }
                case "dscp_marking" -> action.get("egress").put("dscp", (long) r.dscpMark());
                default -> { }
            }
        }
        List<NbRow> out = new ArrayList<>();
        for (String d : List.of("egress", "ingress")) {
            if (bandwidth.get(d).isEmpty() && action.get(d).isEmpty()) continue;
            boolean egress = d.equals("egress");
            String direction = egress ? "from-lport" : "to-lport";
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("priority", QOS_PRIORITY);
            cols.put("direction", direction);
            cols.put("match", egress ? egressMatch : ingressMatch);
            cols.put("action", action.get(d));
            cols.put("bandwidth", bandwidth.get(d));
            cols.put("external_ids", new TreeMap<>(Map.of(extKey, extValue)));
            out.add(new NbRow("QoS", NbNames.qosKey(owner, direction), cols));
        }
        return out;
    }

    // ------------------------------------------------------------------ address groups

    /**
     * An address group's two address sets, as ML2/OVN's create_address_group writes them: one per IP
     * version, named {@link NbNames#addressGroupAddressSet}, the addresses without host bits, the
     * group's id and revision in external_ids. Rules with the group as remote match on them.
     */
    public static List<NbRow> addressSets(Map<String, Object> group) {
        String id = (String) group.get("id");
        Map<String, List<String>> byVersion = new TreeMap<>(Map.of("ip4", new ArrayList<>(), "ip6", new ArrayList<>()));
        for (String a : strings(group.get("addresses"))) {
            dev.neutrino.common.Cidr c = dev.neutrino.common.Cidr.parse(a).canonical();
            byVersion.get(c.version() == 4 ? "ip4" : "ip6").add(c.toString());
        }
        List<NbRow> out = new ArrayList<>();
        for (var e : byVersion.entrySet()) {
            String name = NbNames.addressGroupAddressSet(id, e.getKey());
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("name", name);
            cols.put("addresses", e.getValue());
            cols.put("external_ids", new TreeMap<>(Map.of(NbNames.EXT_ADDRESS_GROUP_ID, id,
                    NbNames.EXT_REVISION, str(group.get("revision_number")))));
            out.add(new NbRow("Address_Set", name, cols));
        }
        return out;
    }

    // ------------------------------------------------------------------ security groups

    /** The port group of a security group; ports and ACLs are filled by {@link DesiredState}. */
    public static NbRow portGroup(Map<String, Object> sg, List<Ref> ports, List<Ref> acls) {
        String name = NbNames.portGroup((String) sg.get("id"));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", name);
        cols.put("external_ids", Map.of(NbNames.EXT_SG_ID, sg.get("id")));
        cols.put("ports", ports);
        cols.put("acls", acls);
        return new NbRow("Port_Group", name, cols);
    }

    /** The ACL of one security group rule (priority 1002, allow-related or allow-stateless). */
    public static NbRow ruleAcl(Map<String, Object> rule, boolean stateful) {
        String sgId = (String) rule.get("security_group_id");
        boolean ingress = "ingress".equals(rule.get("direction"));
        String pg = NbNames.portGroup(sgId);
        StringBuilder match = new StringBuilder(ingress ? "outport == @" : "inport == @").append(pg);
        boolean v4 = "IPv4".equals(rule.get("ethertype"));
        String ip = v4 ? "ip4" : "ip6";
        String icmp = v4 ? "icmp4" : "icmp6";
        match.append(" && ").append(ip);
        String dir = ingress ? "src" : "dst";
        if (rule.get("remote_ip_prefix") != null) {
            match.append(" && ").append(ip).append('.').append(dir).append(" == ")
                    .append(dev.neutrino.common.Cidr.parse(rule.get("remote_ip_prefix").toString()).canonical());
        }
        if (rule.get("remote_group_id") != null) {
            match.append(" && ").append(ip).append('.').append(dir).append(" == $")
                    .append(NbNames.portGroupAddressSet((String) rule.get("remote_group_id"), ip));
        }
        // acl_remote_address_group_id (Neutron after Zed: Zed's ACLs left it out and let everyone in)
        if (rule.get("remote_address_group_id") != null) {
            match.append(" && ").append(ip).append('.').append(dir).append(" == $")
                    .append(NbNames.addressGroupAddressSet((String) rule.get("remote_address_group_id"), ip));
        }
        match.append(protocolMatch(rule, icmp));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("priority", ACL_PRIORITY_ALLOW);
        cols.put("action", stateful ? "allow-related" : "allow-stateless");
        cols.put("direction", ingress ? "to-lport" : "from-lport");
        cols.put("match", match.toString());
        cols.put("log", false);
        cols.put("name", List.of());
        cols.put("severity", List.of());
        cols.put("meter", List.of());
        cols.put("external_ids", Map.of(NbNames.EXT_SG_RULE_ID, rule.get("id")));
        return new NbRow("ACL", (String) rule.get("id"), cols);
    }

    static String protocolMatch(Map<String, Object> rule, String icmp) {
        Object p = rule.get("protocol");
        if (p == null) return "";
        String proto = ProtocolNumbers.number(p.toString());
        Integer min = (Integer) rule.get("port_range_min");
        Integer max = (Integer) rule.get("port_range_max");
        StringBuilder m = new StringBuilder();
        String transport = switch (proto) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "132" -> "sctp";
            default -> null;
        };
        if (transport != null) {
            m.append(" && ").append(transport);
            if (min != null && min.equals(max)) {
                m.append(" && ").append(transport).append(".dst == ").append(min);
            } else {
                if (min != null) m.append(" && ").append(transport).append(".dst >= ").append(min);
                if (max != null) m.append(" && ").append(transport).append(".dst <= ").append(max);
            }
        } else if (proto.equals("1") || proto.equals("58")) {
            m.append(" && ").append(icmp);
            if (min != null) m.append(" && ").append(icmp).append(".type == ").append(min);
            if (max != null) m.append(" && ").append(icmp).append(".code == ").append(max);
        } else {
            m.append(" && ip.proto == ").append(proto);
        }
        return m.toString();
    }

    /** neutron_pg_drop: every filtered port is in it; its two ACLs drop IP traffic not allowed. */
    public static List<NbRow> dropPortGroup(List<Ref> ports) {
        List<NbRow> rows = new ArrayList<>();
        List<Ref> acls = new ArrayList<>();
        for (String[] d : new String[][] {{"from-lport", "inport"}, {"to-lport", "outport"}}) {
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("priority", ACL_PRIORITY_DROP);
            cols.put("action", "drop");
            cols.put("direction", d[0]);
            cols.put("match", d[1] + " == @" + DROP_PORT_GROUP + " && ip");
            cols.put("log", false);
            cols.put("name", List.of());
            cols.put("severity", List.of());
            cols.put("meter", List.of());
            cols.put("external_ids", Map.of());
            NbRow acl = new NbRow("ACL", DROP_PORT_GROUP + "/" + d[0], cols);
            rows.add(acl);
            acls.add(acl.ref());
        }
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", DROP_PORT_GROUP);
        cols.put("external_ids", Map.of());
        cols.put("ports", ports);
        cols.put("acls", acls);
        rows.add(new NbRow("Port_Group", DROP_PORT_GROUP, cols));
        return rows;
    }

    // ------------------------------------------------------------------ subnets

    /**
     * DHCP_Options of an IPv4 subnet with DHCP enabled (null otherwise), with OVN's native DHCP
     * options: server_id and router from the gateway, lease_time, mtu, dns_server, routes.
     */
    public static NbRow dhcpOptions(Map<String, Object> subnet, Map<String, Object> net, String serverMac) {
        return dhcpOptions(subnet, net, serverMac, null, null);
    }

    /**
     * As ML2/OVN's {@code _get_ovn_dhcpv4_opts}: with the address {@code metadataIp} of the
     * network's metadata port on this subnet (null when there is none), the options route
     * 169.254.169.254 to it, and a subnet without a gateway still gets DHCP, served from it. With a
     * {@code [DEFAULT] dns_domain} other than openstacklocal ({@code dnsDomain}; null: none), the
     * option domain_name gives it to the VMs.
     */
    public static NbRow dhcpOptions(Map<String, Object> subnet, Map<String, Object> net, String serverMac,
                                    String metadataIp, String dnsDomain) {
        if (!hasDhcpOptions(subnet, metadataIp)) return null;
        Object gateway = subnet.get("gateway_ip");
        Map<String, Object> options = new TreeMap<>();
        options.put("server_id", gateway != null ? gateway : metadataIp);
        options.put("lease_time", DHCP_LEASE_TIME);
        options.put("mtu", str(net.get("mtu")));
        // a string option is quoted, else OVN reads it as a variable
        if (dnsDomain != null && !dnsDomain.isEmpty() && !dnsDomain.equals("openstacklocal")) {
            options.put("domain_name", "\"" + dnsDomain + "\"");
        }
        if (gateway != null) options.put("router", gateway);
        options.put("server_mac", serverMac);
        List<String> dns = strings(subnet.get("dns_nameservers"));
        if (!dns.isEmpty()) options.put("dns_server", "{" + String.join(", ", dns) + "}");
        List<String> routes = new ArrayList<>();
        if (metadataIp != null) routes.add(METADATA_V4_CIDR + "," + metadataIp);
        for (Map<String, Object> r : maps(subnet.get("host_routes"))) {
            routes.add(r.get("destination") + "," + r.get("nexthop"));
        }
        if (!routes.isEmpty()) {
            // RFC 3442: a client with option 121 ignores option 3, so the default route goes in too
            if (gateway != null) routes.add("0.0.0.0/0," + gateway);
            options.put("classless_static_route", "{" + String.join(", ", routes) + "}");
        }
        Map<String, Object> ext = new TreeMap<>();
        ext.put(NbNames.EXT_SUBNET_ID, subnet.get("id"));
        ext.put(NbNames.EXT_REVISION, str(subnet.get("revision_number")));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("cidr", subnet.get("cidr"));
        cols.put("options", options);
        cols.put("external_ids", ext);
        return new NbRow("DHCP_Options", (String) subnet.get("id"), cols);
    }

    /** Whether a subnet has DHCP_Options: DHCP on, IPv4, and a gateway or a metadata port address to serve from. */
    public static boolean hasDhcpOptions(Map<String, Object> subnet, String metadataIp) {
        return Boolean.TRUE.equals(subnet.get("enable_dhcp")) && Objects.equals(subnet.get("ip_version"), 4)
                && (subnet.get("gateway_ip") != null || metadataIp != null);
    }

    /** neutron-lib's {@code METADATA_V4_CIDR}. */
    public static final String METADATA_V4_CIDR = "169.254.169.254/32";
    /** The device owner of ML2/OVN's metadata port (an OVN {@code localport}). */
    public static final String DISTRIBUTED = "network:distributed";

    /** The address of each subnet on the metadata ports among {@code ports}, by subnet id. */
    public static Map<String, String> metadataIps(List<Map<String, Object>> ports) {
        Map<String, String> out = new HashMap<>();
        for (Map<String, Object> p : ports) {
            if (!DISTRIBUTED.equals(p.get("device_owner"))) continue;
            for (Map<String, Object> ip : fixedIps(p)) {
                out.putIfAbsent((String) ip.get("subnet_id"), (String) ip.get("ip_address"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ routers

    /**
     * The logical router of a Neutron router (ports, NAT and static routes are filled by
     * {@link DesiredState}).
     */
    public static NbRow logicalRouter(Map<String, Object> router, String gwPortId) {
        Map<String, Object> ext = new TreeMap<>();
        ext.put("neutron:router_name", str(router.get("name")));
        ext.put(NbNames.EXT_REVISION, str(router.get("revision_number")));
        ext.put("neutron:gw_port_id", str(gwPortId));
        @SuppressWarnings("unchecked")
        Map<String, Object> gwInfo = (Map<String, Object>) router.get("external_gateway_info");
        ext.put("neutron:gw_network_id", gwInfo == null ? "" : str(gwInfo.get("network_id")));
        ext.put(NbNames.EXT_AZ_HINTS, String.join(",", strings(router.get("availability_zone_hints"))));
        Map<String, Object> options = new TreeMap<>();
        options.put("always_learn_from_arp_request", "false");
        options.put("dynamic_neigh_routers", "true");
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", NbNames.ovnName((String) router.get("id")));
        cols.put("enabled", List.of(Boolean.TRUE.equals(router.get("admin_state_up"))));
        cols.put("external_ids", ext);
        cols.put("options", options);
        return new NbRow("Logical_Router", NbNames.ovnName((String) router.get("id")), cols);
    }

    /**
     * lrp-&lt;port id&gt;: a router's interface or gateway port, with the cidrs of its fixed IPs. On a
     * VLAN network the port's routing is centralized on the gateway chassis
     * ({@code reside-on-redirect-chassis}) unless floating IPs are distributed, as ML2/OVN does.
     */
    public static NbRow routerPort(Map<String, Object> port, Map<String, Map<String, Object>> subnets,
                                   Map<String, Object> network, boolean distributedFloatingIps) {
        return routerPort(port, subnets, network, distributedFloatingIps, null);
    }

    /**
     * As above; {@code gatewayMtu}, when not null, is set as the port's {@code gateway_mtu} option
     * (ML2/OVN does so for a gateway port whose network's MTU is smaller than one of the router's
     * other networks', with {@code [ovn] ovn_emit_need_to_frag}, so OVN answers "need to frag").
     * A port on an IPv6 subnet with an address mode gets {@code ipv6_ra_configs} (OVN sends the
     * router advertisements): ML2/OVN's _get_nets_and_ipv6_ra_confs_for_router_port.
     */
    public static NbRow routerPort(Map<String, Object> port, Map<String, Map<String, Object>> subnets,
                                   Map<String, Object> network, boolean distributedFloatingIps, Integer gatewayMtu) {
        List<String> networks = new ArrayList<>();
        List<String> subnetIds = new ArrayList<>();
        boolean gatewayPort = "network:router_gateway".equals(port.get("device_owner"));
        Map<String, Object> raConfigs = new TreeMap<>();
        for (Map<String, Object> ip : fixedIps(port)) {
            Map<String, Object> subnet = subnets.get((String) ip.get("subnet_id"));
            if (subnet == null) continue;
            String cidr = (String) subnet.get("cidr");
            networks.add(ip.get("ip_address") + cidr.substring(cidr.indexOf('/')));
            subnetIds.add((String) subnet.get("id"));
            if (subnet.get("ipv6_address_mode") instanceof String mode && raConfigs.isEmpty()) {
                raConfigs.put("address_mode", mode.replace('-', '_'));
                // a gateway port on an external network does not leak the tenants' RAs onto it
                raConfigs.put("send_periodic", String.valueOf(
                        !(gatewayPort && Boolean.TRUE.equals(network.get("router:external")))));
                raConfigs.put("mtu", str(network.get("mtu")));
            }
        }
        Map<String, Object> ext = new TreeMap<>();
        ext.put(NbNames.EXT_REVISION, str(port.get("revision_number")));
        ext.put("neutron:router_name", str(port.get("device_id")));
        ext.put(NbNames.EXT_NETWORK_NAME, NbNames.ovnName((String) port.get("network_id")));
        ext.put("neutron:subnet_ids", String.join(" ", subnetIds));
        ext.put("neutron:is_ext_gw", String.valueOf("network:router_gateway".equals(port.get("device_owner"))));
        String name = NbNames.routerPort((String) port.get("id"));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", name);
        cols.put("mac", port.get("mac_address"));
        cols.put("networks", networks);
        cols.put("external_ids", ext);
        Map<String, Object> options = new TreeMap<>();
        if ("vlan".equals(network.get("provider:network_type"))) {
            options.put("reside-on-redirect-chassis", String.valueOf(!distributedFloatingIps));
        }
        if (gatewayPort && gatewayMtu != null) options.put("gateway_mtu", String.valueOf(gatewayMtu));
        cols.put("options", options);
        cols.put("ipv6_ra_configs", raConfigs);
        return new NbRow("Logical_Router_Port", name, cols);
    }

    /** Where a router's gateway port is scheduled: one row per gateway chassis, highest priority first. */
    public static NbRow gatewayChassis(String gwPortId, String chassis, long priority) {
        String name = NbNames.routerPort(gwPortId) + "_" + chassis;
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("name", name);
        cols.put("chassis_name", chassis);
        cols.put("priority", priority);
        return new NbRow("Gateway_Chassis", name, cols);
    }

    /** SNAT of an interface subnet to the gateway address (enable_snat). */
    public static NbRow snat(String routerId, String cidr, String externalIp) {
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("type", "snat");
        cols.put("logical_ip", cidr);
        cols.put("external_ip", externalIp);
        cols.put("external_ids", Map.of("neutron:router_name", NbNames.ovnName(routerId)));
        return new NbRow("NAT", snatKey(routerId, cidr), cols);
    }

    /**
     * A floating IP (ML2/OVN's _create_or_update_floatingip): dnat_and_snat from its address to the
     * fixed IP, logical_port the associated port. Without external_mac OVN NATs on the gateway
     * chassis; with distributed floating IPs, once the associated port is up, external_mac (the
     * floating IP port's MAC) moves the NAT to the chassis of the port.
     *
     * @param floatingPort the floating IP's own port on the external network (its MAC)
     * @param port the associated port (its status), or null
     */
    public static NbRow floatingIp(Map<String, Object> fip, Map<String, Object> floatingPort,
                                   Map<String, Object> port, boolean distributed) {
        String mac = floatingPort == null ? null : (String) floatingPort.get("mac_address");
        Map<String, Object> ext = new TreeMap<>();
        ext.put("neutron:fip_id", fip.get("id"));
        ext.put("neutron:fip_port_id", str(fip.get("port_id")));
        ext.put("neutron:fip_network_id", str(fip.get("floating_network_id")));
        ext.put("neutron:fip_external_mac", str(mac));
        ext.put("neutron:router_name", NbNames.ovnName((String) fip.get("router_id")));
        ext.put(NbNames.EXT_REVISION, str(fip.get("revision_number")));
        boolean portUp = port != null && "ACTIVE".equals(port.get("status"));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("type", "dnat_and_snat");
        cols.put("logical_ip", fip.get("fixed_ip_address"));
        cols.put("external_ip", fip.get("floating_ip_address"));
        cols.put("external_ids", ext);
        cols.put("logical_port", List.of(fip.get("port_id")));
        cols.put("external_mac", distributed && portUp && mac != null ? List.of(mac) : List.of());
        return new NbRow("NAT", fipKey((String) fip.get("id")), cols);
    }

    /** The default route of a router through its gateway subnet's gateway IP. */
    public static NbRow gatewayRoute(String routerId, String prefix, String nexthop, String subnetId) {
        return route(routerId, prefix, nexthop, Map.of("neutron:is_ext_gw", "true", "neutron:subnet_id", subnetId));
    }

    /** An extra route of a router (extraroute). */
    public static NbRow staticRoute(String routerId, String prefix, String nexthop) {
        return route(routerId, prefix, nexthop, Map.of());
    }

    private static NbRow route(String routerId, String prefix, String nexthop, Map<String, Object> ext) {
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("ip_prefix", prefix);
        cols.put("nexthop", nexthop);
        cols.put("external_ids", ext);
        return new NbRow("Logical_Router_Static_Route", routeKey(routerId, prefix, nexthop), cols);
    }

    // ------------------------------------------------------------------ keys of rows without a name

    static String snatKey(String routerId, String cidr) {
        return "snat/" + routerId + "/" + cidr;
    }

    static String fipKey(String fipId) {
        return "fip/" + fipId;
    }

    static String routeKey(String routerId, String prefix, String nexthop) {
        return "route/" + routerId + "/" + prefix + "/" + nexthop;
    }

    // ------------------------------------------------------------------ helpers

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static List<Map<String, Object>> fixedIps(Map<String, Object> port) {
        return maps(port.get("fixed_ips"));
    }

    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) for (Object x : l) out.add(String.valueOf(x));
        return out;
    }
}
