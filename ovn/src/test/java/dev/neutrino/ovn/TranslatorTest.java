package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslatorTest {
    static final String SG = "4b3a5c1e-0000-4000-8000-000000000001";
    static final String NET = "11111111-2222-3333-4444-555555555555";
    static final String SUBNET = "aaaaaaaa-2222-3333-4444-555555555555";

    static Map<String, Object> rule(String direction, String ethertype, String protocol, Integer min, Integer max,
                                    String prefix, String remoteGroup) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", "r-" + direction + protocol + min);
        r.put("security_group_id", SG);
        r.put("direction", direction);
        r.put("ethertype", ethertype);
        r.put("protocol", protocol);
        r.put("port_range_min", min);
        r.put("port_range_max", max);
        r.put("remote_ip_prefix", prefix);
        r.put("remote_group_id", remoteGroup);
        return r;
    }

    @Test
    void aclMatchesAreWrittenAsNeutronWritesThem() {
        String pg = "pg_4b3a5c1e_0000_4000_8000_000000000001";
        assertThat(Translator.ruleAcl(rule("ingress", "IPv4", "tcp", 22, 22, "10.0.0.0/24", null), true)
                .columns().get("match"))
                .isEqualTo("outport == @" + pg + " && ip4 && ip4.src == 10.0.0.0/24 && tcp && tcp.dst == 22");
        assertThat(Translator.ruleAcl(rule("egress", "IPv6", null, null, null, null, null), true).columns())
                .containsEntry("match", "inport == @" + pg + " && ip6")
                .containsEntry("direction", "from-lport")
                .containsEntry("action", "allow-related")
                .containsEntry("priority", 1002L);
        assertThat(Translator.ruleAcl(rule("ingress", "IPv4", "icmp", 8, 0, null, SG), false).columns())
                .containsEntry("match", "outport == @" + pg + " && ip4 && ip4.src == $" + pg
                        + "_ip4 && icmp4 && icmp4.type == 8 && icmp4.code == 0")
                .containsEntry("action", "allow-stateless")
                .containsEntry("direction", "to-lport");
        assertThat(Translator.ruleAcl(rule("ingress", "IPv4", "17", 1000, 2000, null, null), true)
                .columns().get("match")).isEqualTo("outport == @" + pg + " && ip4 && udp && udp.dst >= 1000 "
                + "&& udp.dst <= 2000");
        assertThat(Translator.ruleAcl(rule("ingress", "IPv4", "gre", null, null, null, null), true)
                .columns().get("match")).isEqualTo("outport == @" + pg + " && ip4 && ip.proto == 47");
    }

    @Test
    void switchPortCarriesAddressesPortSecurityAndDhcp() {
        Map<String, Object> subnet = Map.of("id", SUBNET, "cidr", "10.0.0.0/24", "ip_version", 4,
                "enable_dhcp", true, "gateway_ip", "10.0.0.1", "network_id", NET);
        Map<String, Object> port = new HashMap<>();
        port.put("id", "p1");
        port.put("network_id", NET);
        port.put("mac_address", "fa:16:3e:00:00:01");
        port.put("fixed_ips", List.of(Map.of("subnet_id", SUBNET, "ip_address", "10.0.0.5")));
        port.put("port_security_enabled", true);
        port.put("allowed_address_pairs", List.of(Map.of("ip_address", "10.0.0.100",
                "mac_address", "fa:16:3e:00:00:01")));
        port.put("security_groups", List.of(SG));
        port.put("admin_state_up", true);
        port.put("device_owner", "compute:nova");
        port.put("binding:host_id", "host1");
        port.put("revision_number", 3);
        NbRow lsp = Translator.logicalSwitchPort(port, Map.of(SUBNET, subnet), Map.of(SUBNET, SUBNET));
        assertThat(lsp.columns().get("addresses")).isEqualTo(List.of("fa:16:3e:00:00:01 10.0.0.5"));
        assertThat(lsp.columns().get("port_security")).isEqualTo(List.of("fa:16:3e:00:00:01 10.0.0.5 10.0.0.100"));
        assertThat(lsp.columns().get("dhcpv4_options")).isEqualTo(List.of(new NbRow.Ref("DHCP_Options", SUBNET)));
        @SuppressWarnings("unchecked")
        Map<String, Object> ext = (Map<String, Object>) lsp.columns().get("external_ids");
        assertThat(ext).containsEntry("neutron:cidrs", "10.0.0.5/24")
                .containsEntry("neutron:network_name", "neutron-" + NET)
                .containsEntry("neutron:security_group_ids", SG)
                .containsEntry("neutron:revision_number", "3");
        assertThat(lsp.columns().get("options")).isEqualTo(Map.of("requested-chassis", "host1",
                "mcast_flood_reports", "true"));

        port.put("port_security_enabled", false);
        port.put("allowed_address_pairs", List.of());
        NbRow open = Translator.logicalSwitchPort(port, Map.of(SUBNET, subnet), Map.of());
        assertThat(open.columns().get("addresses")).isEqualTo(List.of("fa:16:3e:00:00:01 10.0.0.5", "unknown"));
        assertThat(open.columns().get("port_security")).isEqualTo(List.of());
    }

    @Test
    void aTrunkSubportIsAChildPortOfItsParentWithItsTag() {
        Map<String, Object> port = new HashMap<>();
        port.put("id", "sub");
        port.put("network_id", NET);
        port.put("mac_address", "fa:16:3e:00:00:02");
        port.put("fixed_ips", List.of());
        port.put("port_security_enabled", true);
        port.put("admin_state_up", true);
        port.put("device_owner", "trunk:subport");
        port.put("binding:profile", Map.of("parent_name", "parent", "tag", 101));
        NbRow child = Translator.logicalSwitchPort(port, Map.of(), Map.of());
        assertThat(child.columns()).containsEntry("parent_name", List.of("parent")).containsEntry("tag", List.of(101L));

        // both keys or none, a tag OVN takes (ML2/OVN's binding profile validation)
        for (Map<String, Object> profile : List.<Map<String, Object>>of(Map.of(), Map.of("parent_name", "parent"),
                Map.of("tag", 5), Map.of("parent_name", "parent", "tag", 4096))) {
            port.put("binding:profile", profile);
            assertThat(Translator.logicalSwitchPort(port, Map.of(), Map.of()).columns())
                    .containsEntry("parent_name", List.of()).containsEntry("tag", List.of());
        }
    }

    @Test
    void aTrunkChangeScopesTheSubportsItHasAndHad() {
        var change = new dev.neutrino.ml2.CommittedChange(dev.neutrino.ml2.CommittedChange.Kind.UPDATE, "trunk", "t1",
                Map.of("id", "t1", "sub_ports", List.of(Map.of("port_id", "a", "segmentation_id", 1))),
                Map.of("id", "t1", "sub_ports", List.of(Map.of("port_id", "b", "segmentation_id", 2))));
        assertThat(IncrementalSync.scopesOf(change)).containsExactlyInAnyOrder(
                new IncrementalSync.Scope(IncrementalSync.Kind.PORT, "a"),
                new IncrementalSync.Scope(IncrementalSync.Kind.PORT, "b"));
    }

    @Test
    void aNamedPortsNetworkDnsRowIsReplannedOnlyWhenItsRecordsMayChange() {
        Map<String, Object> before = Map.of("id", "p1", "network_id", "n1", "dns_name", "vm", "device_id", "s1",
                "status", "DOWN");
        Map<String, Object> up = new HashMap<>(before);
        up.put("status", "ACTIVE");
        var status = new dev.neutrino.ml2.CommittedChange(dev.neutrino.ml2.CommittedChange.Kind.UPDATE, "port", "p1",
                up, before);
        assertThat(IncrementalSync.scopesOf(status)).as("a status change")
                .containsExactly(new IncrementalSync.Scope(IncrementalSync.Kind.PORT, "p1"));
        Map<String, Object> renamed = new HashMap<>(before);
        renamed.put("dns_name", "web");
        var rename = new dev.neutrino.ml2.CommittedChange(dev.neutrino.ml2.CommittedChange.Kind.UPDATE, "port", "p1",
                renamed, before);
        assertThat(IncrementalSync.scopesOf(rename)).contains(new IncrementalSync.Scope(IncrementalSync.Kind.NETWORK_DNS, "n1"));
        var created = new dev.neutrino.ml2.CommittedChange(dev.neutrino.ml2.CommittedChange.Kind.CREATE, "port", "p1",
                before, null);
        assertThat(IncrementalSync.scopesOf(created)).contains(new IncrementalSync.Scope(IncrementalSync.Kind.NETWORK_DNS, "n1"));
    }

    @Test
    void aMigratingPortIsRequestedOnBothChassisAndActivatedByRarp() {
        Map<String, Object> port = new HashMap<>();
        port.put("id", "p1");
        port.put("network_id", NET);
        port.put("mac_address", "fa:16:3e:00:00:01");
        port.put("fixed_ips", List.of());
        port.put("port_security_enabled", true);
        port.put("admin_state_up", true);
        port.put("device_owner", "compute:nova");
        port.put("binding:host_id", "src");
        port.put("binding:profile", Map.of("migrating_to", "dst"));
        assertThat(Translator.logicalSwitchPort(port, Map.of(), Map.of()).columns().get("options"))
                .isEqualTo(Map.of("requested-chassis", "src,dst", "activation-strategy", "rarp",
                        "mcast_flood_reports", "true"));

        // once activated on the destination Nova drops migrating_to: one chassis again, no strategy
        port.put("binding:host_id", "dst");
        port.put("binding:profile", Map.of());
        assertThat(Translator.logicalSwitchPort(port, Map.of(), Map.of()).columns().get("options"))
                .isEqualTo(Map.of("requested-chassis", "dst", "mcast_flood_reports", "true"));

        // as ovn_client: no host, no chassis (migrating_to alone does not request one); an empty
        // migrating_to is no migration
        port.put("binding:host_id", "");
        port.put("binding:profile", Map.of("migrating_to", "dst"));
        assertThat(Translator.logicalSwitchPort(port, Map.of(), Map.of()).columns().get("options"))
                .isEqualTo(Map.of("requested-chassis", "", "mcast_flood_reports", "true"));
        port.put("binding:host_id", "src");
        port.put("binding:profile", Map.of("migrating_to", ""));
        assertThat(Translator.logicalSwitchPort(port, Map.of(), Map.of()).columns().get("options"))
                .isEqualTo(Map.of("requested-chassis", "src", "mcast_flood_reports", "true"));
    }

    @Test
    void desiredStateLinksSwitchesGroupsAndTheDropGroup() {
        Map<String, Object> net = Map.of("id", NET, "name", "n", "mtu", 1442, "revision_number", 1);
        Map<String, Object> subnet = Map.of("id", SUBNET, "cidr", "10.0.0.0/24", "ip_version", 4,
                "enable_dhcp", true, "gateway_ip", "10.0.0.1", "network_id", NET, "dns_nameservers", List.of(),
                "host_routes", List.of(), "revision_number", 1);
        Map<String, Object> port = new HashMap<>(Map.of("id", "p1", "network_id", NET, "mac_address",
                "fa:16:3e:00:00:01", "fixed_ips", List.of(Map.of("subnet_id", SUBNET, "ip_address", "10.0.0.5")),
                "port_security_enabled", true, "security_groups", List.of(SG), "admin_state_up", true,
                "device_owner", "compute:nova"));
        Map<String, Object> sg = Map.of("id", SG, "stateful", true, "security_group_rules",
                List.of(rule("egress", "IPv4", null, null, null, null, null)));
        DesiredState d = DesiredState.of(new DesiredState.Input(List.of(net), Map.of(), List.of(subnet),
                List.of(port), List.of(sg), "fa:16:3e:00:00:00"));
        assertThat(d.table("Logical_Switch").get("neutron-" + NET).columns().get("ports"))
                .isEqualTo(List.of(new NbRow.Ref("Logical_Switch_Port", "p1")));
        assertThat(d.table("Port_Group").get(NbNames.portGroup(SG)).columns().get("ports"))
                .isEqualTo(List.of(new NbRow.Ref("Logical_Switch_Port", "p1")));
        assertThat(d.table("Port_Group").get("neutron_pg_drop").columns().get("ports"))
                .isEqualTo(List.of(new NbRow.Ref("Logical_Switch_Port", "p1")));
        assertThat(d.table("ACL")).hasSize(3);
        NbRow dhcp = d.table("DHCP_Options").get(SUBNET);
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) dhcp.columns().get("options");
        assertThat(options).containsEntry("router", "10.0.0.1").containsEntry("mtu", "1442")
                .containsEntry("lease_time", "43200");
        assertThat((String) options.get("server_mac")).startsWith("fa:16:3e:");
    }

    @Test
    void diffFindsMissingStaleAndOrphanedRows() {
        Map<String, Object> net = Map.of("id", NET, "name", "n", "mtu", 1442, "revision_number", 2);
        DesiredState d = DesiredState.of(new DesiredState.Input(List.of(net), Map.of(), List.of(), List.of(),
                List.of(), "fa:16:3e:00:00:00"));
        NbDiff empty = NbDiff.between(d, Map.of());
        assertThat(empty.inserts()).extracting(i -> i.row().key())
                .contains("neutron-" + NET, "neutron_pg_drop");

        NbRow ls = d.table("Logical_Switch").get("neutron-" + NET);
        Map<String, Object> staleCols = new HashMap<>(ls.columns());
        staleCols.put("external_ids", Map.of("neutron:revision_number", "1"));
        NbRow stale = new NbRow("Logical_Switch", ls.key(), staleCols);
        NbRow orphan = new NbRow("Logical_Switch", "neutron-gone", Map.of("name", "neutron-gone"));
        Map<String, Map<String, NbRow>> actual = new HashMap<>();
        actual.put("Logical_Switch", Map.of(stale.key(), stale, orphan.key(), orphan));
        actual.put("Port_Group", Map.of("neutron_pg_drop", d.table("Port_Group").get("neutron_pg_drop")));
        actual.put("ACL", d.table("ACL"));
        NbDiff diff = NbDiff.between(d, actual);
        assertThat(diff.inserts()).isEmpty();
        assertThat(diff.updates()).singleElement().satisfies(u -> assertThat(u.changed()).containsOnlyKeys(
                "external_ids"));
        assertThat(diff.deletes()).containsExactly(new NbDiff.Delete("Logical_Switch", "neutron-gone"));
        assertThat(NbDiff.between(d, actualOf(d)).isEmpty()).isTrue();
    }

    @Test
    void scheduledChassisKeepTheirPlacesAsMl2OvnReschedules() {
        List<GatewayChassis.Chassis> all = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) all.add(GatewayChassis.Chassis.gateway("gw" + i, "public"));
        List<String> fresh = GatewayChassis.schedule(all, "public", List.of(), "lrp-1");
        // what the port has now comes first, in its order; the others after it, up to five
        assertThat(GatewayChassis.schedule(all, "public", List.of(), "lrp-1", List.of("gw6", "gw5")))
                .hasSize(5).startsWith("gw6", "gw5");
        assertThat(GatewayChassis.schedule(all, "public", List.of(), "lrp-1", List.of("gw6", "gw5")).subList(2, 5))
                .isEqualTo(fresh.stream().filter(c -> !c.equals("gw6") && !c.equals("gw5")).limit(3).toList());
        // a chassis gone, or no longer a candidate (physical network, zone), drops out; the rest move up
        var other = GatewayChassis.Chassis.gateway("gw1", "elsewhere");
        assertThat(GatewayChassis.schedule(List.of(all.get(0), other, all.get(2)), "public", List.of(), "lrp-1",
                List.of("gw1", "gw9", "gw2", "gw0"))).containsExactly("gw2", "gw0");
        // five already: a newcomer waits, whatever its hash
        List<String> five = List.of("gw0", "gw1", "gw2", "gw3", "gw4");
        assertThat(GatewayChassis.schedule(all, "public", List.of(), "lrp-1", five)).isEqualTo(five);
        // a chassis listed twice counts once
        assertThat(GatewayChassis.schedule(all.subList(0, 2), "public", List.of(), "lrp-1", List.of("gw1", "gw1")))
                .containsExactly("gw1", "gw0");
    }

    @Test
    void gatewayCandidatesFollowMl2OvnScheduling() {
        var a = GatewayChassis.Chassis.gateway("a", "public");
        var b = GatewayChassis.Chassis.gateway("b");
        var c = new GatewayChassis.Chassis("c", false, java.util.Set.of("public"));
        assertThat(GatewayChassis.schedule(List.of(a, b, c), "public", List.of(), "lrp-1")).as("gateway and bridged")
                .containsExactly("a");
        assertThat(GatewayChassis.schedule(List.of(b, c), "public", List.of(), "lrp-1")).as("bridged only")
                .containsExactly("c");
        assertThat(GatewayChassis.schedule(List.of(a, b, c), null, List.of(), "lrp-1")).as("overlay external network")
                .containsExactlyInAnyOrder("a", "b");
        assertThat(GatewayChassis.schedule(List.of(b, c), "other", List.of(), "lrp-1")).containsExactly("b");

        var az1 = new GatewayChassis.Chassis("z1", true, java.util.Set.of("public"), java.util.Set.of("az1"));
        var az2 = new GatewayChassis.Chassis("z2", true, java.util.Set.of("public"), java.util.Set.of("az2", "az3"));
        assertThat(GatewayChassis.schedule(List.of(az1, az2), "public", List.of("az3"), "lrp-1")).containsExactly("z2");
        assertThat(GatewayChassis.schedule(List.of(az1, az2), "public", List.of("az9"), "lrp-1")).isEmpty();

        List<GatewayChassis.Chassis> many = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) many.add(GatewayChassis.Chassis.gateway("gw" + i, "public"));
        assertThat(GatewayChassis.schedule(many, "public", List.of(), "lrp-1")).hasSize(5)
                .isEqualTo(GatewayChassis.schedule(many.reversed(), "public", List.of(), "lrp-1"));
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int r = 0; r < 70; r++) {
            first.merge(GatewayChassis.schedule(many, "public", List.of(), "lrp-" + r).get(0), 1, Integer::sum);
        }
        assertThat(first).as("routers spread over the gateway chassis").hasSizeGreaterThan(3);
        // a chassis leaving moves only the gateways it held first
        for (int r = 0; r < 70; r++) {
            List<String> before = GatewayChassis.schedule(many, "public", List.of(), "lrp-" + r);
            List<String> after = GatewayChassis.schedule(many.subList(1, 7), "public", List.of(), "lrp-" + r);
            if (!before.get(0).equals("gw0")) assertThat(after.get(0)).isEqualTo(before.get(0));
        }

        assertThat(GatewayChassis.of("x", Map.of("ovn-cms-options",
                "foo,enable-chassis-as-gw,availability-zones=az1:az2", "ovn-bridge-mappings",
                "public:br-ex,datacentre:br-dc"), Map.of()))
                .isEqualTo(new GatewayChassis.Chassis("x", true, java.util.Set.of("public", "datacentre"),
                        java.util.Set.of("az1", "az2")));
        assertThat(GatewayChassis.of("y", Map.of(), Map.of("ovn-cms-options", "enable-chassis-as-gw")).gateway())
                .as("older OVN: external_ids").isTrue();
    }

    @Test
    void routerPortsOnVlanNetworksResideOnTheGatewayChassis() {
        Map<String, Object> subnet = Map.of("id", SUBNET, "cidr", "10.0.0.0/24", "ip_version", 4);
        Map<String, Object> port = Map.of("id", "rp", "mac_address", "fa:16:3e:00:00:02", "network_id", NET,
                "device_id", "r1", "device_owner", "network:router_interface",
                "fixed_ips", List.of(Map.of("subnet_id", SUBNET, "ip_address", "10.0.0.1")));
        NbRow vlan = Translator.routerPort(port, Map.of(SUBNET, subnet), Map.of("provider:network_type", "vlan"), false);
        assertThat(vlan.columns()).containsEntry("options", Map.of("reside-on-redirect-chassis", "true"))
                .containsEntry("networks", List.of("10.0.0.1/24")).containsEntry("name", "lrp-rp");
        assertThat(Translator.routerPort(port, Map.of(SUBNET, subnet), Map.of("provider:network_type", "vlan"), true)
                .columns()).containsEntry("options", Map.of("reside-on-redirect-chassis", "false"));
        assertThat(Translator.routerPort(port, Map.of(SUBNET, subnet), Map.of("provider:network_type", "geneve"), false)
                .columns()).containsEntry("options", Map.of());
    }

    @Test
    void routerPortsOnIpv6SubnetsSendRouterAdvertisements() {
        String v6 = "bbbbbbbb-2222-3333-4444-555555555555";
        Map<String, Object> v4Subnet = Map.of("id", SUBNET, "cidr", "10.0.0.0/24", "ip_version", 4);
        Map<String, Object> slaac = new HashMap<>(Map.of("id", v6, "cidr", "2001:db8::/64", "ip_version", 6,
                "ipv6_address_mode", "dhcpv6-stateless", "ipv6_ra_mode", "dhcpv6-stateless"));
        Map<String, Object> port = Map.of("id", "rp", "mac_address", "fa:16:3e:00:00:02", "network_id", NET,
                "device_id", "r1", "device_owner", "network:router_interface",
                "fixed_ips", List.of(Map.of("subnet_id", SUBNET, "ip_address", "10.0.0.1"),
                        Map.of("subnet_id", v6, "ip_address", "2001:db8::1")));
        NbRow lrp = Translator.routerPort(port, Map.of(SUBNET, v4Subnet, v6, slaac), Map.of("mtu", 1442), false);
        assertThat(lrp.columns()).containsEntry("networks", List.of("10.0.0.1/24", "2001:db8::1/64"))
                .containsEntry("ipv6_ra_configs", Map.of("address_mode", "dhcpv6_stateless", "send_periodic", "true",
                        "mtu", "1442"));
        // a gateway port on an external network keeps the tenants' advertisements off it
        Map<String, Object> gw = new HashMap<>(port);
        gw.put("device_owner", "network:router_gateway");
        assertThat(Translator.routerPort(gw, Map.of(SUBNET, v4Subnet, v6, slaac),
                Map.of("mtu", 1500, "router:external", true), false).columns().get("ipv6_ra_configs"))
                .isEqualTo(Map.of("address_mode", "dhcpv6_stateless", "send_periodic", "false", "mtu", "1500"));
        // no address mode, no advertisements (an empty column, so that a removed subnet clears it)
        slaac.remove("ipv6_address_mode");
        assertThat(Translator.routerPort(port, Map.of(SUBNET, v4Subnet, v6, slaac), Map.of("mtu", 1442), false)
                .columns()).containsEntry("ipv6_ra_configs", Map.of());
    }

    @Test
    void gatewayPortsGetGatewayMtuWhenAnotherNetworkIsLargerAndFragEmitIsOn() {
        String ext = "eeeeeeee-2222-3333-4444-555555555555";
        String extSubnet = "cccccccc-2222-3333-4444-555555555555";
        List<Map<String, Object>> nets = List.of(Map.of("id", NET, "mtu", 1500), Map.of("id", ext, "mtu", 1400,
                "router:external", true));
        List<Map<String, Object>> subnets = List.of(
                Map.of("id", SUBNET, "network_id", NET, "cidr", "10.0.0.0/24", "ip_version", 4, "enable_dhcp", false),
                Map.of("id", extSubnet, "network_id", ext, "cidr", "172.24.4.0/24", "ip_version", 4,
                        "enable_dhcp", false));
        List<Map<String, Object>> ports = List.of(
                Map.of("id", "rif", "mac_address", "fa:16:3e:00:00:02", "network_id", NET, "device_id", "r1",
                        "device_owner", "network:router_interface", "revision_number", 1,
                        "fixed_ips", List.of(Map.of("subnet_id", SUBNET, "ip_address", "10.0.0.1"))),
                Map.of("id", "rgw", "mac_address", "fa:16:3e:00:00:03", "network_id", ext, "device_id", "r1",
                        "device_owner", "network:router_gateway", "revision_number", 1,
                        "fixed_ips", List.of(Map.of("subnet_id", extSubnet, "ip_address", "172.24.4.5"))));
        Map<String, Object> router = Map.of("id", "r1", "name", "r", "admin_state_up", true, "revision_number", 1,
                "external_gateway_info", Map.of("network_id", ext, "enable_snat", true, "external_fixed_ips",
                        List.of(Map.of("subnet_id", extSubnet, "ip_address", "172.24.4.5"))));
        for (boolean emit : List.of(true, false)) {
            DesiredState d = DesiredState.of(new DesiredState.Input(nets, Map.of(), subnets, ports, List.of(),
                    List.of(router), List.of(), false, emit, List.of(), "fa:16:3e:00:00:00"));
            assertThat(d.table("Logical_Router_Port").get("lrp-rgw").columns().get("options"))
                    .isEqualTo(emit ? Map.of("gateway_mtu", "1400") : Map.of());
            assertThat(d.table("Logical_Router_Port").get("lrp-rif").columns().get("options")).isEqualTo(Map.of());
        }
    }

    @Test
    void floatingIpIsCentralizedUntilDistributedAndThePortIsUp() {
        Map<String, Object> fip = Map.of("id", "f1", "port_id", "p1", "floating_network_id", NET, "router_id", "r1",
                "fixed_ip_address", "10.0.0.5", "floating_ip_address", "172.24.4.10", "revision_number", 2);
        Map<String, Object> fipPort = Map.of("id", "fp", "mac_address", "fa:16:3e:00:00:99");
        Map<String, Object> down = Map.of("id", "p1", "status", "DOWN");
        Map<String, Object> up = Map.of("id", "p1", "status", "ACTIVE");
        NbRow central = Translator.floatingIp(fip, fipPort, up, false);
        assertThat(central.columns()).containsEntry("logical_port", List.of("p1"))
                .containsEntry("external_mac", List.of()).containsEntry("type", "dnat_and_snat")
                .containsEntry("logical_ip", "10.0.0.5").containsEntry("external_ip", "172.24.4.10");
        assertThat(Translator.floatingIp(fip, fipPort, down, true).columns()).containsEntry("external_mac", List.of());
        assertThat(Translator.floatingIp(fip, fipPort, up, true).columns())
                .containsEntry("external_mac", List.of("fa:16:3e:00:00:99"));
    }

    @Test
    void floatingIpPortsGetNoSwitchPort() {
        assertThat(Translator.isIgnored(Map.of("device_owner", "network:floatingip"))).isTrue();
        assertThat(Translator.isIgnored(Map.of("device_owner", "network:router_gateway"))).isFalse();
    }

    private static Map<String, Map<String, NbRow>> actualOf(DesiredState d) {
        Map<String, Map<String, NbRow>> out = new HashMap<>();
        for (String t : d.tables()) out.put(t, d.table(t));
        return out;
    }
}
