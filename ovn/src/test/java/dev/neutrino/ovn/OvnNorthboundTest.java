package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.NeutronApi;
import dev.neutrino.ext.Neutrino;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.common.Config;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.OvsdbServerProcess;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Mutate;
import dev.neutrino.ovsdb.txn.Mutation;
import dev.neutrino.ovsdb.value.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The northbound sync against a real ovsdb-server with OVN's schema: rows appear as ML2/OVN writes
 * them, a second pass changes nothing, deleted resources leave no orphans, and rows that drifted
 * (removed, altered or added behind our back) are repaired by the next pass.
 */
class OvnNorthboundTest {
    Path dir;
    OvsdbServerProcess server;
    OvsdbClient nb;
    Database db;
    Neutrino app;
    NeutronApi api;
    OvnNorthbound sync;
    final RequestContext admin = RequestContext.admin("p1");

    @BeforeEach
    void start() throws Exception {
        OvsdbServerProcess.requireTools();
        dir = Files.createTempDirectory("ovn-nb-it");
        server = OvsdbServerProcess.create(dir, false).start();
        nb = OvsdbClient.connect(server.remote()).awaitConnected(Duration.ofSeconds(10));
        db = new Database(new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                SQLDialect.H2), 4);
        new Schema(db).upgradeAll();
        app = new Neutrino(Config.defaults(NeutrinoOptions.ALL)
                .with(Ml2Options.VLAN_RANGES, List.of("physnet2:100:199")), db);
        api = new NeutronApi(app.engine());
        sync = new OvnNorthbound(app, db, nb, "fa:16:3e:00:00:00", Duration.ofHours(1))
                .chassis(() -> List.of(GatewayChassis.Chassis.gateway("gw-a", "physnet1"),
                        GatewayChassis.Chassis.gateway("gw-b", "physnet1", "physnet2"),
                        GatewayChassis.Chassis.gateway("gw-c", "physnet2"),
                        new GatewayChassis.Chassis("compute-1", false, java.util.Set.of("physnet1"))));
    }

    @AfterEach
    void stop() throws Exception {
        sync.close();
        nb.close();
        server.close();
        db.close();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String path, String key, Map<String, Object> body) {
        ApiResponse r = api.handle(new ApiRequest("POST", path, Map.of(), Map.of(key, body), null, admin, "http://t"));
        return (Map<String, Object>) ((Map<String, Object>) r.body()).get(key);
    }

    void delete(String path) {
        api.handle(new ApiRequest("DELETE", path, Map.of(), null, null, admin, "http://t"));
    }

    Replica replica() {
        List<MonitorRequest> tables = new java.util.ArrayList<>();
        for (String t : NbState.TABLES) tables.add(MonitorRequest.table(t));
        return nb.monitor("OVN_Northbound", tables).join().replica();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> put(String path, Map<String, Object> body) {
        ApiResponse r = api.handle(new ApiRequest("PUT", path, Map.of(), body, null, admin, "http://t"));
        return (Map<String, Object>) r.body();
    }

    @Test
    void routersBecomeLogicalRoutersWithPortsRoutesSnatAndFloatingIps() {
        var ext = post("/v2.0/networks", "network", Map.of("name", "public", "router:external", true,
                "provider:network_type", "flat", "provider:physical_network", "physnet1"));
        var extSub = post("/v2.0/subnets", "subnet", Map.of("network_id", ext.get("id"), "cidr", "172.24.4.0/24",
                "ip_version", 4));
        var net = post("/v2.0/networks", "network", Map.of("name", "private"));
        var sub = post("/v2.0/subnets", "subnet", Map.of("network_id", net.get("id"), "cidr", "10.1.0.0/24",
                "ip_version", 4));
        var router = post("/v2.0/routers", "router", Map.of("name", "r1", "external_gateway_info",
                Map.of("network_id", ext.get("id"))));
        String routerId = (String) router.get("id");
        put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("subnet_id", sub.get("id")));
        var port = post("/v2.0/ports", "port", Map.of("network_id", net.get("id")));
        var fip = post("/v2.0/floatingips", "floatingip", Map.of("floating_network_id", ext.get("id"),
                "port_id", port.get("id")));

        sync.syncOnce();
        assertThat(sync.syncOnce().isEmpty()).isTrue();
        Replica r = replica();
        Row lr = r.table("Logical_Router").findFirst(x -> x.getString("name").equals("neutron-" + routerId))
                .orElseThrow();
        assertThat(lr.getUuidSet("ports")).hasSize(2);
        assertThat(lr.getStringMap("external_ids")).containsEntry("neutron:router_name", "r1")
                .containsEntry("neutron:gw_network_id", (String) ext.get("id"));
        List<String> networks = new java.util.ArrayList<>();
        List<String> chassis = new java.util.ArrayList<>();
        for (var u : lr.getUuidSet("ports")) {
            Row lrp = r.table("Logical_Router_Port").row(u).orElseThrow();
            networks.addAll(lrp.getStringSet("networks"));
            for (var g : lrp.getUuidSet("gateway_chassis")) {
                Row gc = r.table("Gateway_Chassis").row(g).orElseThrow();
                chassis.add(gc.getString("chassis_name") + ":" + gc.getInteger("priority"));
            }
        }
        assertThat(chassis).as("the gateway port is scheduled on the gateway chassis bridged to physnet1")
                .hasSize(2).anyMatch(c -> c.startsWith("gw-a:")).anyMatch(c -> c.startsWith("gw-b:"))
                .anyMatch(c -> c.endsWith(":2")).anyMatch(c -> c.endsWith(":1"));
        assertThat(networks).contains("10.1.0.1/24").anyMatch(n -> n.startsWith("172.24.4.") && n.endsWith("/24"));
        List<Row> nats = new java.util.ArrayList<>();
        for (var u : lr.getUuidSet("nat")) nats.add(r.table("NAT").row(u).orElseThrow());
        assertThat(nats).extracting(n -> n.getString("type") + " " + n.getString("logical_ip"))
                .containsExactlyInAnyOrder("snat 10.1.0.0/24", "dnat_and_snat " + fip.get("fixed_ip_address"));
        Row fipNat = nats.stream().filter(n -> n.getString("type").equals("dnat_and_snat")).findFirst().orElseThrow();
        assertThat(fipNat.getString("external_ip")).isEqualTo(fip.get("floating_ip_address"));
        assertThat(fipNat.getStringSet("logical_port")).as("centralized: logical_port set, no external_mac")
                .containsExactly((String) port.get("id"));
        assertThat(fipNat.getStringSet("external_mac")).isEmpty();
        assertThat(fipNat.getStringMap("external_ids")).containsEntry("neutron:fip_port_id", (String) port.get("id"))
                .containsKey("neutron:fip_external_mac");
        var route = r.table("Logical_Router_Static_Route").row(lr.getUuidSet("static_routes").iterator().next())
                .orElseThrow();
        assertThat(route.getString("ip_prefix")).isEqualTo("0.0.0.0/0");
        assertThat(route.getString("nexthop")).isEqualTo("172.24.4.1");
        assertThat(route.getStringMap("external_ids")).containsEntry("neutron:is_ext_gw", "true")
                .containsEntry("neutron:subnet_id", (String) extSub.get("id"));
        Row lsp = r.table("Logical_Switch_Port").findFirst(x -> x.getString("type").equals("router")
                && x.getStringMap("options").get("router-port") != null).orElseThrow();
        assertThat(lsp.getStringSet("addresses")).containsExactly("router");
        Row gwLsp = r.table("Logical_Switch_Port").findFirst(x -> "network:router_gateway".equals(
                x.getStringMap("external_ids").get("neutron:device_owner"))).orElseThrow();
        assertThat(gwLsp.getStringMap("options")).containsEntry("nat-addresses", "router")
                .containsEntry("router-port", "lrp-" + gwLsp.getString("name"));
        Row extSwitch = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + ext.get("id")))
                .orElseThrow();
        List<String> extPorts = new java.util.ArrayList<>();
        for (var u : extSwitch.getUuidSet("ports")) {
            Row p = r.table("Logical_Switch_Port").row(u).orElseThrow();
            extPorts.add(p.getString("type") + ":" + p.getStringMap("options").getOrDefault("network_name", ""));
        }
        assertThat(extPorts).as("the external switch: a localnet port and the gateway's router port, no switch "
                + "port for the floating IP").containsExactlyInAnyOrder("localnet:physnet1", "router:");

        put("/v2.0/floatingips/" + fip.get("id"), Map.of("floatingip", java.util.Collections.singletonMap("port_id",
                null)));
        sync.syncOnce();
        Replica after = replica();
        Row lr2 = after.table("Logical_Router").findFirst(x -> x.getString("name").equals("neutron-" + routerId))
                .orElseThrow();
        assertThat(lr2.getUuidSet("nat")).as("the floating IP's NAT is gone once disassociated").hasSize(1);
    }

    @Test
    void eachPhysicalSegmentOfANetworkIsALocalnetPort() {
        var net = post("/v2.0/networks", "network", Map.of("name", "multi", "segments", List.of(
                Map.of("provider:network_type", "flat", "provider:physical_network", "physnet1"),
                Map.of("provider:network_type", "vlan", "provider:physical_network", "physnet2",
                        "provider:segmentation_id", 120),
                Map.of("provider:network_type", "geneve"))));
        String netId = (String) net.get("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> segments = app.engine().service(dev.neutrino.ext.segment.Segments.DEF).list(admin,
                dev.neutrino.engine.ListQuery.parse(Map.of("network_id", List.of(netId)))).items();
        Map<String, String> byPhysnet = new java.util.HashMap<>();
        for (Map<String, Object> s : segments) {
            if (s.get("physical_network") != null) byPhysnet.put((String) s.get("physical_network"), (String) s.get("id"));
        }
        assertThat(byPhysnet).hasSize(2);

        sync.syncOnce();
        assertThat(sync.syncOnce().isEmpty()).isTrue();
        Replica r = replica();
        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + netId))
                .orElseThrow();
        List<Row> localnets = r.table("Logical_Switch_Port").rows().stream()
                .filter(x -> x.getString("type").equals("localnet")).toList();
        assertThat(localnets).extracting(x -> x.getString("name")).containsExactlyInAnyOrder(
                "provnet-" + byPhysnet.get("physnet1"), "provnet-" + byPhysnet.get("physnet2"));
        for (Row lsp : localnets) assertThat(ls.getUuidSet("ports")).contains(lsp.uuid().orElseThrow());
        Row flat = localnets.stream().filter(x -> x.getString("name").endsWith(byPhysnet.get("physnet1")))
                .findFirst().orElseThrow();
        assertThat(flat.getStringMap("options")).containsEntry("network_name", "physnet1");
        assertThat(flat.getIntegerSet("tag")).isEmpty();
        Row vlan = localnets.stream().filter(x -> x.getString("name").endsWith(byPhysnet.get("physnet2")))
                .findFirst().orElseThrow();
        assertThat(vlan.getStringMap("options")).containsEntry("network_name", "physnet2");
        assertThat(vlan.getIntegerSet("tag")).containsExactly(120L);
        assertThat(vlan.getStringSet("addresses")).containsExactly("unknown");

        // a segment added and one removed through /v2.0/segments: their localnet ports follow
        var added = post("/v2.0/segments", "segment", Map.of("network_id", netId, "network_type", "flat",
                "physical_network", "physnet3"));
        delete("/v2.0/segments/" + byPhysnet.get("physnet2"));
        sync.syncOnce();
        Replica after = replica();
        assertThat(after.table("Logical_Switch_Port").rows().stream().filter(x -> x.getString("type")
                .equals("localnet")).map(x -> x.getString("name")).toList())
                .containsExactlyInAnyOrder("provnet-" + byPhysnet.get("physnet1"), "provnet-" + added.get("id"));

        delete("/v2.0/networks/" + netId);
        sync.syncOnce();
        assertThat(replica().table("Logical_Switch_Port").rows()).isEmpty();
    }

    @Test
    void networksPortsAndSecurityGroupsBecomeNorthboundRowsAndStayInStep() {
        var net = post("/v2.0/networks", "network", Map.of("name", "n1"));
        String netId = (String) net.get("id");
        var subnet = post("/v2.0/subnets", "subnet", Map.of("network_id", netId, "cidr", "10.0.0.0/24",
                "ip_version", 4));
        var port = post("/v2.0/ports", "port", Map.of("network_id", netId, "name", "vm1"));
        String portId = (String) port.get("id");

        NbDiff first = sync.syncOnce();
        assertThat(first.inserts()).isNotEmpty();
        assertThat(sync.syncOnce().isEmpty()).as("a second pass finds nothing to do").isTrue();

        Replica r = replica();
        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + netId))
                .orElseThrow();
        assertThat(ls.getStringMap("external_ids")).containsEntry("neutron:network_name", "n1")
                .containsEntry("neutron:mtu", "1442");
        Row lsp = r.table("Logical_Switch_Port").findFirst(x -> x.getString("name").equals(portId)).orElseThrow();
        assertThat(ls.getUuidSet("ports")).contains(lsp.uuid().orElseThrow());
        @SuppressWarnings("unchecked")
        String ip = (String) ((List<Map<String, Object>>) port.get("fixed_ips")).get(0).get("ip_address");
        assertThat(lsp.getStringSet("addresses")).containsExactly(port.get("mac_address") + " " + ip);
        assertThat(lsp.getStringSet("port_security")).containsExactly(port.get("mac_address") + " " + ip);
        assertThat(lsp.getStringMap("external_ids")).containsEntry("neutron:cidrs", ip + "/24");
        Row dhcp = r.table("DHCP_Options").findFirst(x -> subnet.get("id").equals(
                x.getStringMap("external_ids").get("subnet_id"))).orElseThrow();
        assertThat(lsp.getUuidSet("dhcpv4_options")).containsExactly(dhcp.uuid().orElseThrow());
        @SuppressWarnings("unchecked")
        String sg = ((List<String>) port.get("security_groups")).get(0);
        Row pg = r.table("Port_Group").findFirst(x -> x.getString("name").equals(NbNames.portGroup(sg)))
                .orElseThrow();
        assertThat(pg.getUuidSet("ports")).containsExactly(lsp.uuid().orElseThrow());
        assertThat(pg.getUuidSet("acls")).hasSize(4);
        Row drop = r.table("Port_Group").findFirst(x -> x.getString("name").equals("neutron_pg_drop")).orElseThrow();
        assertThat(drop.getUuidSet("ports")).containsExactly(lsp.uuid().orElseThrow());

        // drift: a port removed behind our back, a switch's external_ids altered, a stray switch added
        nb.transact("OVN_Northbound",
                Mutate.table("Logical_Switch").where(Condition.uuidIs(ls.uuid().orElseThrow()))
                        .mutate(Mutation.delete("ports", lsp.uuid().orElseThrow())),
                dev.neutrino.ovsdb.txn.Update.table("Logical_Switch").where(Condition.uuidIs(ls.uuid().orElseThrow()))
                        .set("external_ids", Map.of("neutron:mtu", "9000")),
                dev.neutrino.ovsdb.txn.Insert.into("Logical_Switch").set("name", "neutron-orphan")).join();
        NbDiff repair = sync.syncOnce();
        assertThat(repair.deletes()).extracting(NbDiff.Delete::key).containsExactly("neutron-orphan");
        assertThat(repair.inserts()).extracting(i -> i.row().key()).contains(portId);
        assertThat(repair.updates()).extracting(u -> u.row().key()).contains("neutron-" + netId);
        assertThat(sync.syncOnce().isEmpty()).isTrue();

        delete("/v2.0/ports/" + portId);
        delete("/v2.0/subnets/" + subnet.get("id"));
        delete("/v2.0/networks/" + netId);
        sync.syncOnce();
        Replica after = replica();
        assertThat(after.table("Logical_Switch").rows()).isEmpty();
        assertThat(after.table("Logical_Switch_Port").rows()).isEmpty();
        assertThat(after.table("DHCP_Options").rows()).isEmpty();
        assertThat(after.table("Port_Group").rows()).extracting(x -> x.getString("name"))
                .containsExactlyInAnyOrder("neutron_pg_drop", NbNames.portGroup(sg));
    }

    /** The gateway port's Gateway_Chassis as "chassis:priority", highest priority first. */
    static List<String> gateways(Replica r, String lrpName) {
        Row lrp = r.table("Logical_Router_Port").findFirst(x -> x.getString("name").equals(lrpName)).orElseThrow();
        List<Row> gcs = new java.util.ArrayList<>();
        for (var g : lrp.getUuidSet("gateway_chassis")) gcs.add(r.table("Gateway_Chassis").row(g).orElseThrow());
        gcs.sort(java.util.Comparator.comparingLong((Row g) -> g.getInteger("priority")).reversed());
        for (Row g : gcs) {
            assertThat(g.getString("name")).as("named as ML2/OVN names it")
                    .isEqualTo(lrpName + "_" + g.getString("chassis_name"));
        }
        return gcs.stream().map(g -> g.getString("chassis_name") + ":" + g.getInteger("priority")).toList();
    }

    @Test
    void gatewaysKeepTheirPrimaryWhenChassisComeAndGoAsMl2OvnReschedules() throws Exception {
        var a = GatewayChassis.Chassis.gateway("gw-a", "physnet1");
        var b = GatewayChassis.Chassis.gateway("gw-b", "physnet1");
        var chassis = new java.util.concurrent.atomic.AtomicReference<>(List.of(a, b));
        sync.chassis(chassis::get);
        var ext = post("/v2.0/networks", "network", Map.of("name", "public", "router:external", true,
                "provider:network_type", "flat", "provider:physical_network", "physnet1"));
        post("/v2.0/subnets", "subnet", Map.of("network_id", ext.get("id"), "cidr", "172.24.4.0/24", "ip_version", 4));
        var router = post("/v2.0/routers", "router", Map.of("name", "r1", "external_gateway_info",
                Map.of("network_id", ext.get("id"))));
        String gwPort = (String) app.read("ports", Map.of("device_id", List.of((String) router.get("id")),
                "device_owner", List.of("network:router_gateway"))).get(0).get("id");
        String lrp = NbNames.routerPort(gwPort);
        sync.syncOnce();
        List<String> first = gateways(replica(), lrp);
        assertThat(first).as("both gateway chassis, priorities 2 and 1").hasSize(2)
                .containsAnyOf("gw-a:2", "gw-b:2").containsAnyOf("gw-a:1", "gw-b:1");
        String primary = first.get(0).split(":")[0];
        String secondary = first.get(1).split(":")[0];

        // a chassis comes that the hash alone would put first: it is added last, the primary stays
        String newcomer = null;
        for (int i = 0; newcomer == null; i++) {
            String n = "gw-new-" + i;
            if (GatewayChassis.weight(lrp, n) > GatewayChassis.weight(lrp, primary)
                    && GatewayChassis.weight(lrp, n) > GatewayChassis.weight(lrp, secondary)) newcomer = n;
        }
        assertThat(GatewayChassis.schedule(List.of(a, b, GatewayChassis.Chassis.gateway(newcomer, "physnet1")),
                "physnet1", List.of(), lrp).get(0)).as("the hash alone would move the gateway").isEqualTo(newcomer);
        chassis.set(List.of(a, b, GatewayChassis.Chassis.gateway(newcomer, "physnet1")));
        sync.syncOnce();
        assertThat(gateways(replica(), lrp)).as("the newcomer at the lowest priority")
                .containsExactly(primary + ":3", secondary + ":2", newcomer + ":1");

        // the primary's chassis deleted: its row goes, the others move up in their order
        chassis.set(List.of(secondary.equals("gw-a") ? a : b, GatewayChassis.Chassis.gateway(newcomer, "physnet1")));
        sync.syncOnce();
        assertThat(gateways(replica(), lrp)).containsExactly(secondary + ":2", newcomer + ":1");

        // back again: at the end, no flap back (ML2/OVN keeps the chassis that host the gateway first)
        chassis.set(List.of(a, b, GatewayChassis.Chassis.gateway(newcomer, "physnet1")));
        sync.syncOnce();
        List<String> back = gateways(replica(), lrp);
        assertThat(back).containsExactly(secondary + ":3", newcomer + ":2", primary + ":1");
        assertThat(sync.syncOnce().isEmpty()).as("a second pass changes nothing").isTrue();

        // the write path of a router change (not a full pass) keeps that order too: its write
        // carries the router's Gateway_Chassis, computed again
        sync.start();
        assertThat(within(Duration.ofSeconds(10), () -> sync.passes() >= 1)).as("the first pass").isTrue();
        long writes = sync.writes();
        long passes = sync.passes();
        put("/v2.0/routers/" + router.get("id"), Map.of("router", Map.of("name", "r1-renamed")));
        assertThat(within(Duration.ofSeconds(10), () -> sync.writes() > writes)).as("the change written").isTrue();
        assertThat(sync.passes()).as("by the write path, no full pass between").isEqualTo(passes);
        Replica r = replica();
        assertThat(r.table("Logical_Router").findFirst(lr -> "r1-renamed".equals(
                lr.getStringMap("external_ids").get("neutron:router_name")))).isPresent();
        assertThat(gateways(r, lrp)).as("after an incremental write").isEqualTo(back);
    }

    @Test
    void theLoopFollowsCommittedChanges() throws Exception {
        sync.start();
        var net = post("/v2.0/networks", "network", Map.of("name", "live"));
        Replica r = replica();
        assertThat(r.awaitUntil(x -> x.table("Logical_Switch").findFirst(ls -> ls.getString("name")
                .equals("neutron-" + net.get("id"))).isPresent(), Duration.ofSeconds(10))).isTrue();
        delete("/v2.0/networks/" + net.get("id"));
        assertThat(r.awaitUntil(x -> x.table("Logical_Switch").rows().isEmpty(), Duration.ofSeconds(10))).isTrue();
    }


    @Test
    void changesCommittedJustBeforeTheStopStillReachOvn() throws Exception {
        sync.start();
        Object first = post("/v2.0/networks", "network", Map.of("name", "first")).get("id");
        Replica r = replica();
        assertThat(r.awaitUntil(x -> x.table("Logical_Switch").findFirst(ls -> ls.getString("name")
                .equals("neutron-" + first)).isPresent(), Duration.ofSeconds(10))).isTrue();
        // the northbound freezes: the write path waits on one transaction while more changes are committed
        server.pause();
        List<Object> ids = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) ids.add(post("/v2.0/networks", "network", Map.of("name", "late-" + i)).get("id"));
            Thread.sleep(200);
        } finally {
            server.resume();
        }
        sync.close(); // what a stopping server does once its API has stopped
        assertThat(ids).allSatisfy(id -> assertThat(r.awaitUntil(x -> x.table("Logical_Switch").findFirst(ls -> ls
                .getString("name").equals("neutron-" + id)).isPresent(), Duration.ofSeconds(2)))
                .as("switch of network %s", id).isTrue());
    }

    @SuppressWarnings("unchecked")
    String status(Object portId) {
        ApiResponse r = api.handle(new ApiRequest("GET", "/v2.0/ports/" + portId, Map.of(), null, null, admin, "http://t"));
        return (String) ((Map<String, Object>) ((Map<String, Object>) r.body()).get("port")).get("status");
    }

    void setUp(Object portId, boolean up) {
        nb.transact("OVN_Northbound", dev.neutrino.ovsdb.txn.Update.table("Logical_Switch_Port")
                .where(Condition.equal("name", portId)).set("up", up)).join();
    }

    static boolean within(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    @Test
    void portStatusFollowsOvnUpButOvnDbSyncWritesNothing() throws Exception {
        var net = post("/v2.0/networks", "network", Map.of("name", "status"));
        var port = post("/v2.0/ports", "port", Map.of("network_id", net.get("id")));
        sync.syncOnce();
        setUp(port.get("id"), true);
        assertThat(within(Duration.ofSeconds(10), () -> "ACTIVE".equals(status(port.get("id"))))).isTrue();
        setUp(port.get("id"), false);
        assertThat(within(Duration.ofSeconds(10), () -> "DOWN".equals(status(port.get("id"))))).isTrue();

        // the offline tool (ovn-db-sync) only compares: OVN saying up does not reach the database
        sync.syncOnce(); // (status changes bumped the port's revision)
        sync.close();
        setUp(port.get("id"), true);
        try (OvnNorthbound offline = new OvnNorthbound(app, db, nb, "fa:16:3e:00:00:00", Duration.ofHours(1))
                .recordPortStatus(false)) {
            NbDiff found = offline.compare();
            assertThat(found.isEmpty()).as(found.toString() + found.updates()).isTrue();
            assertThat(within(Duration.ofSeconds(1), () -> !"DOWN".equals(status(port.get("id"))))).isFalse();
        }
        sync = new OvnNorthbound(app, db, nb, "fa:16:3e:00:00:00", Duration.ofHours(1));
    }

    /**
     * A port that OVN reported up just before the northbound connection dropped (a clustered
     * database's leader dying) still turns ACTIVE: its status is taken from the replica, which had
     * the change, not asked of a server that is gone (the answer was lost, and with resumed
     * monitors nothing reports that port again).
     */
    @Test
    void aPortReportedUpJustBeforeTheConnectionDropsStillTurnsActive() throws Exception {
        var net = post("/v2.0/networks", "network", Map.of("name", "drop"));
        String first = (String) post("/v2.0/ports", "port", Map.of("network_id", net.get("id"))).get("id");
        String second = (String) post("/v2.0/ports", "port", Map.of("network_id", net.get("id"))).get("id");
        // the status worker is held on the first port while the second one's report waits behind it
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        dev.neutrino.ml2.CorePlugin held = new dev.neutrino.ml2.CorePlugin() {
            @Override public List<Map<String, Object>> readAll(String collection) { return app.readAll(collection); }

            @Override public List<Map<String, Object>> read(String collection, Map<String, List<String>> filters) {
                return app.read(collection, filters);
            }

            @Override public boolean updatePortStatus(String portId, String status) {
                if (portId.equals(first)) {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return app.updatePortStatus(portId, status);
            }

            @Override public void onCommitted(Runnable listener) { app.onCommitted(listener); }

            @Override public void onChange(java.util.function.Consumer<dev.neutrino.ml2.CommittedChange> listener) {
                app.onChange(listener);
            }

            @Override public void onPortStatus(java.util.function.Consumer<dev.neutrino.ml2.PortStatusChange> listener) {
                app.onPortStatus(listener);
            }

            @Override public Map<String, Object> createPort(Map<String, Object> port) { return app.createPort(port); }

            @Override public Map<String, Object> updatePort(String id, Map<String, Object> changes, Long revision) {
                return app.updatePort(id, changes, revision);
            }
        };
        try (OvsdbClient own = OvsdbClient.connect(dev.neutrino.ovsdb.OvsdbClientOptions.of(server.remote())
                .withAwaitConnection(Duration.ofSeconds(1)));
             OvnNorthbound s = new OvnNorthbound(held, db, own, "fa:16:3e:00:00:00", Duration.ofHours(1))) {
            s.syncOnce();
            setUp(first, true);
            assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            setUp(second, true);
            Replica seen = own.monitors().getFirst().replica();
            assertThat(seen.awaitUntil(r -> r.table("Logical_Switch_Port").findFirst(p -> p.getString("name")
                    .equals(second) && p.getOptionalBoolean("up").orElse(false)).isPresent(), Duration.ofSeconds(10)))
                    .isTrue();
            server.kill(); // the northbound server goes away with the second report still queued
            assertThat(within(Duration.ofSeconds(10), () -> !own.isConnected())).isTrue();
            release.countDown();
            assertThat(within(Duration.ofSeconds(5), () -> "ACTIVE".equals(status(second)))).isTrue();
            assertThat(status(first)).isEqualTo("ACTIVE");
        }
    }

    @Test
    void onlyTheHolderOfTheRepairLockRunsThePeriodicPassAndAnotherServerTakesOverWhenItGoes() throws Exception {
        // two servers' sync loops on one database and one northbound, with a 100 ms repair interval
        OvsdbClient nbA = OvsdbClient.connect(server.remote()).awaitConnected(Duration.ofSeconds(10));
        OvsdbClient nbB = OvsdbClient.connect(server.remote()).awaitConnected(Duration.ofSeconds(10));
        OvnNorthbound a = new OvnNorthbound(app, db, nbA, "fa:16:3e:00:00:00", Duration.ofMillis(100))
                .repairLock(nbA.lock(OvnNorthbound.REPAIR_LOCK)).start();
        waitFor(() -> a.passes() >= 2);
        OvnNorthbound b = new OvnNorthbound(app, db, nbB, "fa:16:3e:00:00:00", Duration.ofMillis(100))
                .repairLock(nbB.lock(OvnNorthbound.REPAIR_LOCK)).start();
        try {
            long aBefore = a.passes();
            Thread.sleep(1000);
            assertThat(a.passes() - aBefore).as("the holder repairs every 100 ms").isGreaterThanOrEqualTo(3);
            assertThat(b.passes()).as("the other server does not, not even at start").isZero();

            // a write goes through every server's write path (here both hear it), holder or not
            post("/v2.0/networks", "network", Map.of("name", "written"));
            waitFor(() -> b.batches() >= 1);
            assertThat(b.passes()).isZero();

            a.close();
            nbA.close(); // the holder's process goes: its connection, and with it the lock
            waitFor(() -> b.passes() >= 3);
        } finally {
            a.close();
            b.close();
            nbA.close();
            nbB.close();
        }
    }

    /**
     * The repair worker's period counts from its last pass, not from the last change: a server
     * busy with writes still repairs (what a crashed server left, or a repair pass that raced a
     * write) every interval, not only once the writes pause.
     */
    @Test
    void theHolderRepairsEveryIntervalEvenWhileChangesKeepComing() throws Exception {
        OvsdbClient nbA = OvsdbClient.connect(server.remote()).awaitConnected(Duration.ofSeconds(10));
        OvnNorthbound a = new OvnNorthbound(app, db, nbA, "fa:16:3e:00:00:00", Duration.ofMillis(400))
                .repairLock(nbA.lock(OvnNorthbound.REPAIR_LOCK)).start();
        try {
            waitFor(() -> a.passes() >= 1); // the pass on getting the lock
            long before = a.passes();
            long end = System.nanoTime() + Duration.ofMillis(2500).toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                post("/v2.0/networks", "network", Map.of("name", "busy-" + i));
                Thread.sleep(50);
            }
            assertThat(a.batches()).as("the writes went through the write path").isGreaterThanOrEqualTo(10);
            assertThat(a.passes() - before).as("repair passes in 2.5 s of writes, every 400 ms")
                    .isGreaterThanOrEqualTo(3);
        } finally {
            a.close();
            nbA.close();
        }
    }

    /**
     * A repair pass compares the database with the replica: a switch another server wrote after the
     * pass had read the networks, but before it looked at the replica, is not an orphan. The pass
     * reads the replica first, so whatever it finds there, the database it reads next already has.
     */
    @Test
    void aRepairPassLeavesWhatAnotherServerWroteWhileItReadTheDatabase() throws Exception {
        OvsdbClient nbB = OvsdbClient.connect(server.remote()).awaitConnected(Duration.ofSeconds(10));
        OvnNorthbound other = new OvnNorthbound(app, db, nbB, "fa:16:3e:00:00:00", Duration.ofHours(1)).start();
        waitFor(() -> other.passes() >= 1); // its first pass (no lock: at once) wrote neutron_pg_drop
        Replica seen = replica();
        java.util.concurrent.atomic.AtomicReference<String> late = new java.util.concurrent.atomic.AtomicReference<>();
        dev.neutrino.ml2.CorePlugin racing = new dev.neutrino.ml2.CorePlugin() {
            @Override public List<Map<String, Object>> readAll(String collection) {
                List<Map<String, Object>> rows = app.readAll(collection);
                if (collection.equals("routers") && late.get() == null) {
                    // between this pass's read of the networks and its look at OVN, another server
                    // creates a network and writes its switch
                    late.set((String) post("/v2.0/networks", "network", Map.of("name", "late")).get("id"));
                    try {
                        seen.awaitUntil(r -> r.table("Logical_Switch").findFirst(ls -> ls.getString("name")
                                .equals("neutron-" + late.get())).isPresent(), Duration.ofSeconds(10));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return rows;
            }

            @Override public List<Map<String, Object>> read(String collection, Map<String, List<String>> filters) {
                return app.read(collection, filters);
            }

            @Override public boolean updatePortStatus(String portId, String status) {
                return app.updatePortStatus(portId, status);
            }

            @Override public void onCommitted(Runnable listener) { app.onCommitted(listener); }

            @Override public void onChange(java.util.function.Consumer<dev.neutrino.ml2.CommittedChange> listener) {
                app.onChange(listener);
            }

            @Override public void onPortStatus(java.util.function.Consumer<dev.neutrino.ml2.PortStatusChange> listener) {
                app.onPortStatus(listener);
            }

            @Override public Map<String, Object> createPort(Map<String, Object> port) { return app.createPort(port); }

            @Override public Map<String, Object> updatePort(String id, Map<String, Object> changes, Long revision) {
                return app.updatePort(id, changes, revision);
            }
        };
        try (OvnNorthbound repair = new OvnNorthbound(racing, db, nb, "fa:16:3e:00:00:00", Duration.ofHours(1))) {
            repair.syncOnce();
            assertThat(late.get()).isNotNull();
            assertThat(seen.table("Logical_Switch").findFirst(ls -> ls.getString("name").equals("neutron-" + late.get())))
                    .as("the late network's switch").isPresent();
        } finally {
            other.close();
            nbB.close();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within 15 s");
            Thread.sleep(20);
        }
    }

    @Test
    void aRowIsWrittenOnlyWithARevisionAtLeastItsOwn() {
        var net = post("/v2.0/networks", "network", Map.of("name", "first"));
        String ls = "neutron-" + net.get("id");
        sync.syncOnce();
        java.util.function.Function<Replica, Map<String, String>> ext = r -> r.table("Logical_Switch")
                .findFirst(x -> x.getString("name").equals(ls)).orElseThrow().getStringMap("external_ids");
        assertThat(ext.apply(replica())).containsEntry(NbNames.EXT_REVISION, "1")
                .containsEntry(NbNames.EXT_NETWORK_NAME, "first");

        // an update is guarded by the revision it read (the transaction waits for it): it goes through
        put("/v2.0/networks/" + net.get("id"), Map.of("network", Map.of("name", "second")));
        sync.syncOnce();
        assertThat(ext.apply(replica())).containsEntry(NbNames.EXT_REVISION, "2")
                .containsEntry(NbNames.EXT_NETWORK_NAME, "second");

        // another server wrote a newer revision than this one read: it is not overwritten
        UUID uuid = replica().table("Logical_Switch").findFirst(x -> x.getString("name").equals(ls)).orElseThrow()
                .uuid().orElseThrow();
        nb.transact("OVN_Northbound", dev.neutrino.ovsdb.txn.Update.table("Logical_Switch")
                .where(Condition.uuidIs(uuid)).set("external_ids", Map.of(NbNames.EXT_REVISION, "7",
                        NbNames.EXT_NETWORK_NAME, "from-the-future"))).join();
        put("/v2.0/networks/" + net.get("id"), Map.of("network", Map.of("name", "third")));
        sync.syncOnce();
        assertThat(ext.apply(replica())).containsEntry(NbNames.EXT_REVISION, "7")
                .containsEntry(NbNames.EXT_NETWORK_NAME, "from-the-future");
    }

    /** Waits until OVN equals the database (the full comparison finds nothing). */
    void converged(OvnNorthbound s) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        NbDiff d;
        while (!(d = s.compare()).isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("OVN still differs from the database: " + d + " inserts " + d.inserts()
                        + " updates " + d.updates() + " deletes " + d.deletes());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void committedChangesReachNorthboundChangeByChangeWithoutAFullPass() throws Exception {
        sync.start();
        waitFor(() -> sync.passes() >= 1); // the start-up pass (no repair lock here: every server repairs)
        long passes = sync.passes();

        var ext = post("/v2.0/networks", "network", Map.of("name", "public", "router:external", true,
                "provider:network_type", "flat", "provider:physical_network", "physnet1"));
        post("/v2.0/subnets", "subnet", Map.of("network_id", ext.get("id"), "cidr", "172.24.4.0/24", "ip_version", 4));
        var net = post("/v2.0/networks", "network", Map.of("name", "private"));
        var sub = post("/v2.0/subnets", "subnet", Map.of("network_id", net.get("id"), "cidr", "10.1.0.0/24",
                "ip_version", 4));
        var vm1 = post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "name", "vm1"));
        var vm2 = post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "name", "vm2",
                "port_security_enabled", false));
        converged(sync);
        Replica r = replica();
        Row lsp = r.table("Logical_Switch_Port").findFirst(x -> x.getString("name").equals(vm1.get("id")))
                .orElseThrow();
        Row dhcp = r.table("DHCP_Options").findFirst(x -> sub.get("id").equals(
                x.getStringMap("external_ids").get("subnet_id"))).orElseThrow();
        assertThat(lsp.getUuidSet("dhcpv4_options")).containsExactly(dhcp.uuid().orElseThrow());

        // a group with a rule; vm1 moves into it (out of default); a rule is added and one removed
        var web = post("/v2.0/security-groups", "security_group", Map.of("name", "web"));
        var rule = post("/v2.0/security-group-rules", "security_group_rule", Map.of("security_group_id",
                web.get("id"), "direction", "ingress", "protocol", "tcp", "port_range_min", 80, "port_range_max", 80));
        put("/v2.0/ports/" + vm1.get("id"), Map.of("port", Map.of("security_groups", List.of(web.get("id")))));
        post("/v2.0/security-group-rules", "security_group_rule", Map.of("security_group_id", web.get("id"),
                "direction", "ingress", "protocol", "icmp"));
        delete("/v2.0/security-group-rules/" + rule.get("id"));
        put("/v2.0/ports/" + vm2.get("id"), Map.of("port", Map.of("name", "renamed")));
        converged(sync);
        Row pg = replica().table("Port_Group").findFirst(x -> x.getString("name")
                .equals(NbNames.portGroup((String) web.get("id")))).orElseThrow();
        assertThat(pg.getUuidSet("ports")).containsExactly(lsp.uuid().orElseThrow());

        // a router: gateway, interface, a floating IP, then the floating IP moved away and the router taken apart
        var router = post("/v2.0/routers", "router", Map.of("name", "r1", "external_gateway_info",
                Map.of("network_id", ext.get("id"))));
        String routerId = (String) router.get("id");
        put("/v2.0/routers/" + routerId + "/add_router_interface", Map.of("subnet_id", sub.get("id")));
        var fip = post("/v2.0/floatingips", "floatingip", Map.of("floating_network_id", ext.get("id"),
                "port_id", vm1.get("id")));
        converged(sync);
        put("/v2.0/floatingips/" + fip.get("id"), Map.of("floatingip", java.util.Collections.singletonMap("port_id",
                null)));
        converged(sync);
        delete("/v2.0/floatingips/" + fip.get("id"));
        put("/v2.0/routers/" + routerId + "/remove_router_interface", Map.of("subnet_id", sub.get("id")));
        put("/v2.0/routers/" + routerId, Map.of("router", Map.of("external_gateway_info", Map.of())));
        delete("/v2.0/routers/" + routerId);
        delete("/v2.0/ports/" + vm2.get("id"));
        delete("/v2.0/ports/" + vm1.get("id"));
        delete("/v2.0/security-groups/" + web.get("id"));
        delete("/v2.0/subnets/" + sub.get("id"));
        delete("/v2.0/networks/" + net.get("id"));
        converged(sync);
        Replica after = replica();
        assertThat(after.table("Logical_Router").rows()).isEmpty();
        assertThat(after.table("Logical_Switch").rows()).extracting(x -> x.getString("name"))
                .containsExactly("neutron-" + ext.get("id"));
        assertThat(after.table("DHCP_Options").rows()).hasSize(1);

        assertThat(sync.passes()).as("every change was written by the write path, none by a full pass")
                .isEqualTo(passes);
        assertThat(sync.writes()).isGreaterThan(5);
    }

    @Test
    void vlanTransparentAndQinqNetworksPassTagsThroughAndQinqTagsWith8021ad() throws Exception {
        sync.start();
        waitFor(() -> sync.passes() >= 1);
        long passes = sync.passes();
        var plain = post("/v2.0/networks", "network", Map.of("name", "plain"));
        var transparent = post("/v2.0/networks", "network", Map.of("name", "t", "vlan_transparent", true));
        var qinq = post("/v2.0/networks", "network", Map.of("name", "q", "qinq", true,
                "provider:network_type", "vlan", "provider:physical_network", "physnet2",
                "provider:segmentation_id", 150));
        assertThat(transparent).containsEntry("vlan_transparent", true).containsEntry("qinq", false);
        assertThat(qinq).containsEntry("qinq", true).containsEntry("vlan_transparent", false);
        converged(sync);
        Replica r = replica();
        java.util.function.Function<Object, String> passthru = id -> r.table("Logical_Switch")
                .findFirst(x -> x.getString("name").equals("neutron-" + id)).orElseThrow()
                .getStringMap("other_config").get("vlan-passthru");
        assertThat(passthru.apply(plain.get("id"))).isEqualTo("false");
        assertThat(passthru.apply(transparent.get("id"))).isEqualTo("true");
        assertThat(passthru.apply(qinq.get("id"))).isEqualTo("true");
        Row localnet = r.table("Logical_Switch_Port").findFirst(x -> x.getString("type").equals("localnet"))
                .orElseThrow();
        assertThat(localnet.getStringMap("options")).containsEntry("ethtype", "802.11ad")
                .containsEntry("network_name", "physnet2");
        assertThat(localnet.getIntegerSet("tag")).containsExactly(150L);
        assertThat(sync.passes()).as("written by the write path").isEqualTo(passes);
        assertThat(sync.syncOnce().isEmpty()).as("the repair pass agrees").isTrue();
    }

    @Test
    void anAddressGroupIsTwoAddressSetsThatItsRulesMatchOnThroughTheWritePath() throws Exception {
        sync.start();
        waitFor(() -> sync.passes() >= 1);
        long passes = sync.passes();
        var ag = post("/v2.0/address-groups", "address_group", Map.of("name", "ag",
                "addresses", List.of("10.0.0.5/24", "192.168.1.1/32", "2001:db8::1/64")));
        String agId = (String) ag.get("id");
        var sg = post("/v2.0/security-groups", "security_group", Map.of("name", "web"));
        var rule = post("/v2.0/security-group-rules", "security_group_rule", Map.of("security_group_id", sg.get("id"),
                "direction", "ingress", "protocol", "tcp", "port_range_min", 22, "port_range_max", 22,
                "remote_address_group_id", agId));
        converged(sync);
        String v4 = "ag_" + agId.replace('-', '_') + "_ip4";
        String v6 = "ag_" + agId.replace('-', '_') + "_ip6";
        java.util.function.Function<String, Row> set = name -> replica().table("Address_Set")
                .findFirst(x -> x.getString("name").equals(name)).orElse(null);
        assertThat(set.apply(v4).getStringSet("addresses")).containsExactlyInAnyOrder("10.0.0.0/24", "192.168.1.1/32");
        assertThat(set.apply(v6).getStringSet("addresses")).containsExactly("2001:db8::/64");
        assertThat(set.apply(v4).getStringMap("external_ids")).containsEntry("neutron:address_group_id", agId)
                .containsKey("neutron:revision_number");
        Row acl = replica().table("ACL").findFirst(x -> rule.get("id").equals(
                x.getStringMap("external_ids").get("neutron:security_group_rule_id"))).orElseThrow();
        assertThat(acl.getString("match")).contains("ip4.src == $" + v4).contains("tcp.dst == 22");

        put("/v2.0/address-groups/" + agId + "/add_addresses", Map.of("addresses", List.of("172.16.0.1/32")));
        put("/v2.0/address-groups/" + agId + "/remove_addresses", Map.of("addresses", List.of("10.0.0.0/24")));
        converged(sync);
        assertThat(set.apply(v4).getStringSet("addresses")).containsExactlyInAnyOrder("192.168.1.1/32",
                "172.16.0.1/32");
        assertThat(sync.passes()).as("written by the write path").isEqualTo(passes);
        assertThat(sync.syncOnce().isEmpty()).as("the repair pass agrees").isTrue();

        delete("/v2.0/security-group-rules/" + rule.get("id"));
        delete("/v2.0/address-groups/" + agId);
        converged(sync);
        assertThat(set.apply(v4)).isNull();
        assertThat(set.apply(v6)).isNull();
    }

    /** The ACLs of a port group, by their action and direction, as "log name severity meter". */
    Map<String, String> aclLogs(String portGroup) {
        Replica r = replica();
        Row pg = r.table("Port_Group").findFirst(x -> x.getString("name").equals(portGroup)).orElseThrow();
        Map<String, String> out = new java.util.TreeMap<>();
        for (var u : pg.getUuidSet("acls")) {
            Row acl = r.table("ACL").row(u).orElseThrow();
            out.put(acl.getString("direction") + " " + acl.getString("match"), acl.getBoolean("log") + " "
                    + acl.getOptionalString("name").orElse("-") + " " + acl.getOptionalString("severity").orElse("-")
                    + " " + acl.getOptionalString("meter").orElse("-"));
        }
        return out;
    }

    @Test
    void aLogObjectMarksItsGroupsAndTheDropGroupsAclsAndMetersThemThroughTheWritePath() throws Exception {
        var net = post("/v2.0/networks", "network", Map.of("name", "n"));
        var sg = post("/v2.0/security-groups", "security_group", Map.of("name", "web"));
        var other = post("/v2.0/security-groups", "security_group", Map.of("name", "other"));
        String pg = "pg_" + ((String) sg.get("id")).replace('-', '_');
        String otherPg = "pg_" + ((String) other.get("id")).replace('-', '_');
        post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "security_groups", List.of(sg.get("id"))));
        sync.start();
        waitFor(() -> sync.passes() >= 1);
        converged(sync);
        long passes = sync.passes();
        assertThat(aclLogs(pg).values()).allMatch(v -> v.equals("false - - -"));

        var log = post("/v2.0/log/logs", "log", Map.of("resource_type", "security_group", "resource_id", sg.get("id"),
                "event", "ALL"));
        String name = "neutron-" + log.get("id");
        converged(sync);
        assertThat(aclLogs(pg).values()).hasSize(2).allMatch(v -> v.equals("true " + name + " info acl_log_meter"));
        assertThat(aclLogs("neutron_pg_drop").values()).hasSize(2)
                .allMatch(v -> v.equals("true " + name + " info acl_log_meter"));
        assertThat(aclLogs(otherPg).values()).allMatch(v -> v.equals("false - - -"));
        Replica r = replica();
        Row meter = r.table("Meter").findFirst(x -> x.getString("name").equals("acl_log_meter")).orElseThrow();
        assertThat(meter.getString("unit")).isEqualTo("pktps");
        assertThat(meter.getOptionalBoolean("fair")).contains(true);
        assertThat(meter.getStringMap("external_ids")).containsEntry("neutron:device_owner", "logging-plugin");
        Row band = r.table("Meter_Band").row(meter.getUuidSet("bands").iterator().next()).orElseThrow();
        assertThat(band.getString("action")).isEqualTo("drop");
        assertThat(band.getInteger("rate")).isEqualTo(100);
        assertThat(band.getInteger("burst_size")).isEqualTo(25);

        // disabled: the ACLs keep the log's name but log nothing (Zed's _set_acls_log with no actions)
        put("/v2.0/log/logs/" + log.get("id"), Map.of("log", Map.of("enabled", false)));
        converged(sync);
        assertThat(aclLogs(pg).values()).allMatch(v -> v.equals("false " + name + " info acl_log_meter"));

        // a log of every group, accepts only: every group's ACLs, not the drop group's
        var accept = post("/v2.0/log/logs", "log", Map.of("resource_type", "security_group", "event", "ACCEPT"));
        String acceptName = "neutron-" + accept.get("id");
        converged(sync);
        assertThat(aclLogs(pg).values()).as("the enabled log that logs the ACL wins")
                .allMatch(v -> v.equals("true " + acceptName + " info acl_log_meter"));
        assertThat(aclLogs(otherPg).values()).allMatch(v -> v.equals("true " + acceptName + " info acl_log_meter"));
        assertThat(aclLogs("neutron_pg_drop").values()).allMatch(v -> v.equals("false " + name + " info acl_log_meter"));
        // a rule added later is logged too
        post("/v2.0/security-group-rules", "security_group_rule", Map.of("security_group_id", other.get("id"),
                "direction", "ingress", "protocol", "tcp", "port_range_min", 22, "port_range_max", 22));
        converged(sync);
        assertThat(aclLogs(otherPg).values()).hasSize(3).allMatch(v -> v.startsWith("true " + acceptName));
        assertThat(sync.passes()).as("written by the write path").isEqualTo(passes);
        assertThat(sync.syncOnce().isEmpty()).as("the repair pass agrees").isTrue();

        delete("/v2.0/log/logs/" + accept.get("id"));
        delete("/v2.0/log/logs/" + log.get("id"));
        converged(sync);
        assertThat(aclLogs(pg).values()).allMatch(v -> v.equals("false - - -"));
        assertThat(aclLogs("neutron_pg_drop").values()).allMatch(v -> v.equals("false - - -"));
        assertThat(replica().table("Meter").rows()).as("the meter goes with the last log").isEmpty();
        assertThat(sync.passes()).isEqualTo(passes);
    }

    @Test
    void aLogOfAPortFollowsThePortsGroupsThroughTheWritePath() throws Exception {
        var net = post("/v2.0/networks", "network", Map.of("name", "n"));
        var a = post("/v2.0/security-groups", "security_group", Map.of("name", "a"));
        var b = post("/v2.0/security-groups", "security_group", Map.of("name", "b"));
        String pgA = "pg_" + ((String) a.get("id")).replace('-', '_');
        String pgB = "pg_" + ((String) b.get("id")).replace('-', '_');
        var port = post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "security_groups",
                List.of(a.get("id"))));
        post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "security_groups", List.of(b.get("id"))));
        sync.start();
        waitFor(() -> sync.passes() >= 1);
        converged(sync);
        long passes = sync.passes();
        var log = post("/v2.0/log/logs", "log", Map.of("resource_type", "security_group", "target_id", port.get("id"),
                "event", "ACCEPT"));
        String logged = "true neutron-" + log.get("id") + " info acl_log_meter";
        converged(sync);
        assertThat(aclLogs(pgA).values()).allMatch(logged::equals);
        assertThat(aclLogs(pgB).values()).allMatch("false - - -"::equals);
        assertThat(aclLogs("neutron_pg_drop").values()).as("ACCEPT only").allMatch("false - - -"::equals);

        put("/v2.0/ports/" + port.get("id"), Map.of("port", Map.of("security_groups", List.of(b.get("id")))));
        converged(sync);
        assertThat(aclLogs(pgA).values()).allMatch("false - - -"::equals);
        assertThat(aclLogs(pgB).values()).allMatch(logged::equals);
        assertThat(sync.passes()).as("written by the write path").isEqualTo(passes);
        assertThat(sync.syncOnce().isEmpty()).as("the repair pass agrees").isTrue();
    }

    @Test
    void theRepairPassRestoresTheLogMeterAndTheAclsLogColumns() throws Exception {
        var net = post("/v2.0/networks", "network", Map.of("name", "n"));
        var sg = post("/v2.0/security-groups", "security_group", Map.of("name", "web"));
        post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "security_groups", List.of(sg.get("id"))));
        var log = post("/v2.0/log/logs", "log", Map.of("resource_type", "security_group", "event", "DROP"));
        sync.syncOnce();
        String pg = "pg_" + ((String) sg.get("id")).replace('-', '_');
        assertThat(aclLogs("neutron_pg_drop").values()).allMatch(v -> v.equals("true neutron-" + log.get("id")
                + " info acl_log_meter"));
        assertThat(aclLogs(pg).values()).as("a DROP log leaves the groups' allow ACLs alone")
                .allMatch(v -> v.equals("false - - -"));
        Replica r = replica();
        Row meter = r.table("Meter").findFirst(x -> x.getString("name").equals("acl_log_meter")).orElseThrow();
        UUID band = meter.getUuidSet("bands").iterator().next();
        Row drop = r.table("Port_Group").findFirst(x -> x.getString("name").equals("neutron_pg_drop")).orElseThrow();
        UUID acl = drop.getUuidSet("acls").iterator().next();
        nb.transact("OVN_Northbound",
                dev.neutrino.ovsdb.txn.Update.table("Meter_Band").where(Condition.uuidIs(band)).set("rate",
                        dev.neutrino.ovsdb.value.Atom.of(7L)),
                dev.neutrino.ovsdb.txn.Update.table("ACL").where(Condition.uuidIs(acl)).set("log",
                        dev.neutrino.ovsdb.value.Atom.of(false)),
                dev.neutrino.ovsdb.txn.Insert.into("Meter").set("name", "someone_elses").set("unit", "pktps")
                        .set("bands", dev.neutrino.ovsdb.value.Atom.namedUuid("b")),
                dev.neutrino.ovsdb.txn.Insert.into("Meter_Band").uuidName("b").set("action", "drop")
                        .set("rate", dev.neutrino.ovsdb.value.Atom.of(1L))).join();
        assertThat(sync.syncOnce().isEmpty()).as("the drift is found").isFalse();
        assertThat(sync.syncOnce().isEmpty()).isTrue();
        r = replica();
        assertThat(r.table("Meter_Band").row(band).orElseThrow().getInteger("rate")).isEqualTo(100);
        assertThat(aclLogs("neutron_pg_drop").values()).allMatch(v -> v.startsWith("true "));
        assertThat(r.table("Meter").rows()).extracting(x -> x.getString("name"))
                .containsExactlyInAnyOrder("acl_log_meter", "someone_elses");
    }

    @Test
    void theRepairPassRestoresAnAddressGroupsSetsAndLeavesOtherAddressSetsAlone() throws Exception {
        var ag = post("/v2.0/address-groups", "address_group", Map.of("name", "ag", "addresses",
                List.of("10.1.0.0/16")));
        String v4 = "ag_" + ((String) ag.get("id")).replace('-', '_') + "_ip4";
        sync.syncOnce();
        Row ours = replica().table("Address_Set").findFirst(x -> x.getString("name").equals(v4)).orElseThrow();
        nb.transact("OVN_Northbound",
                dev.neutrino.ovsdb.txn.Delete.from("Address_Set").where(Condition.uuidIs(ours.uuid().orElseThrow())),
                dev.neutrino.ovsdb.txn.Insert.into("Address_Set").set("name", "someone_elses")).join();
        assertThat(sync.syncOnce().isEmpty()).as("the missing set is found").isFalse();
        Replica r = replica();
        assertThat(r.table("Address_Set").rows()).extracting(x -> x.getString("name"))
                .containsExactlyInAnyOrder(v4, "ag_" + ((String) ag.get("id")).replace('-', '_') + "_ip6", "someone_elses");
    }

    @Test
    void aLiveMigrationRequestsBothChassisThenTheActivatedOneThroughTheWritePath() throws Exception {
        app.mechanisms().register(new dev.neutrino.ml2.MechanismDriver() {
            @Override public String name() { return "binds-all"; }
            @Override public Binding bindPort(Map<String, Object> port) { return new Binding("ovs", Map.of()); }
        });
        sync.start();
        waitFor(() -> sync.passes() >= 1);
        long passes = sync.passes();
        var net = post("/v2.0/networks", "network", Map.of("name", "private"));
        var vm = post("/v2.0/ports", "port", Map.of("network_id", net.get("id"), "device_owner", "compute:nova",
                "binding:host_id", "compute-1"));
        String ports = "/v2.0/ports/" + vm.get("id");
        java.util.function.Supplier<Map<String, String>> options = () -> replica().table("Logical_Switch_Port")
                .findFirst(x -> x.getString("name").equals(vm.get("id"))).orElseThrow().getStringMap("options");
        converged(sync);
        assertThat(options.get()).containsEntry("requested-chassis", "compute-1").doesNotContainKey("activation-strategy");

        // Nova: a binding on the destination, migrating_to on the port, then the destination's binding activated
        post(ports + "/bindings", "binding", Map.of("host", "compute-2"));
        put(ports, Map.of("port", Map.of("binding:profile", Map.of("migrating_to", "compute-2"))));
        converged(sync);
        assertThat(options.get()).containsEntry("requested-chassis", "compute-1,compute-2")
                .containsEntry("activation-strategy", "rarp");
        put(ports + "/bindings/compute-2/activate", null);
        converged(sync);
        assertThat(options.get()).containsEntry("requested-chassis", "compute-2").doesNotContainKey("activation-strategy");
        assertThat(sync.passes()).as("written by the write path, not a full pass").isEqualTo(passes);
    }

    @Test
    void aTrunksSubportsAreChildPortsOfItsParentThroughTheWritePathAndTheRepairPass() throws Exception {
        app.mechanisms().register(new dev.neutrino.ml2.MechanismDriver() {
            @Override public String name() { return "ovn"; } // the trunk driver is loaded with it
            @Override public Binding bindPort(Map<String, Object> port) { return new Binding("ovs", Map.of()); }
        });
        sync.start();
        waitFor(() -> sync.passes() >= 1);
        long passes = sync.passes();
        var net1 = post("/v2.0/networks", "network", Map.of("name", "one"));
        var net2 = post("/v2.0/networks", "network", Map.of("name", "two"));
        post("/v2.0/subnets", "subnet", Map.of("network_id", net2.get("id"), "cidr", "10.2.0.0/24", "ip_version", 4));
        var parent = post("/v2.0/ports", "port", Map.of("network_id", net1.get("id"), "device_owner", "compute:nova",
                "binding:host_id", "compute-1"));
        var sub = post("/v2.0/ports", "port", Map.of("network_id", net2.get("id")));
        String subId = (String) sub.get("id");
        java.util.function.Supplier<Row> lsp = () -> replica().table("Logical_Switch_Port")
                .findFirst(x -> x.getString("name").equals(subId)).orElseThrow();
        var trunk = post("/v2.0/trunks", "trunk", Map.of("port_id", parent.get("id"), "sub_ports",
                List.of(Map.of("port_id", subId, "segmentation_type", "vlan", "segmentation_id", 101))));
        assertThat(trunk).containsEntry("status", "ACTIVE");
        converged(sync);
        assertThat(lsp.get().getOptionalString("parent_name")).contains((String) parent.get("id"));
        assertThat(lsp.get().getOptionalInteger("tag")).contains(101L);
        assertThat(lsp.get().getStringMap("external_ids")).containsEntry(NbNames.EXT_DEVICE_OWNER, "trunk:subport");

        String trunkPath = "/v2.0/trunks/" + trunk.get("id");
        put(trunkPath + "/remove_subports", Map.of("sub_ports", List.of(Map.of("port_id", subId))));
        converged(sync);
        assertThat(lsp.get().getOptionalString("parent_name")).isEmpty();
        assertThat(lsp.get().getOptionalInteger("tag")).isEmpty();
        put(trunkPath + "/add_subports", Map.of("sub_ports", List.of(Map.of("port_id", subId,
                "segmentation_type", "vlan", "segmentation_id", 102))));
        converged(sync);
        assertThat(lsp.get().getOptionalInteger("tag")).contains(102L);
        assertThat(sync.passes()).as("written by the write path, not a full pass").isEqualTo(passes);

        // changed behind our back: the repair pass puts the child port back under its parent
        nb.transact("OVN_Northbound", dev.neutrino.ovsdb.txn.Update.table("Logical_Switch_Port")
                .where(Condition.uuidIs(lsp.get().uuid().orElseThrow())).set("tag", java.util.Set.of())
                .set("parent_name", java.util.Set.of())).join();
        assertThat(sync.compare().describe(10)).containsExactly("stale Logical_Switch_Port " + subId
                + " [parent_name, tag]");
        sync.syncOnce();
        assertThat(lsp.get().getOptionalInteger("tag")).contains(102L);

        delete(trunkPath);
        converged(sync);
        assertThat(lsp.get().getOptionalString("parent_name")).isEmpty();
    }

    @Test
    void theWritePathReadsOnlyWhatTheChangeTouches() throws Exception {
        var net = post("/v2.0/networks", "network", Map.of("name", "big"));
        post("/v2.0/subnets", "subnet", Map.of("network_id", net.get("id"), "cidr", "10.9.0.0/16", "ip_version", 4));
        for (int i = 0; i < 50; i++) post("/v2.0/ports", "port", Map.of("network_id", net.get("id")));
        sync.syncOnce();
        IncrementalSync inc = new IncrementalSync(app, db, replica(), "fa:16:3e:00:00:00",
                () -> new IncrementalSync.Settings(false, false, List.of()));
        var port = post("/v2.0/ports", "port", Map.of("network_id", net.get("id")));
        NbWriter.Plan plan = inc.plan(List.of(new IncrementalSync.Scope(IncrementalSync.Kind.PORT,
                (String) port.get("id"))));
        // the new port: waits for its absence, is inserted, joins its switch, its group and the drop group
        assertThat(plan.ops()).extracting(dev.neutrino.ovsdb.txn.Operation::op)
                .containsExactly("wait", "insert", "mutate", "mutate", "mutate");
        assertThat(plan.ops().get(1).describe()).contains("Logical_Switch_Port");
    }

    @Test
    void twoServersWritingTheSameChangesCreateEachRowOnce() throws Exception {
        OvsdbClient nbB = OvsdbClient.connect(server.remote()).awaitConnected(Duration.ofSeconds(10));
        OvnNorthbound b = new OvnNorthbound(app, db, nbB, "fa:16:3e:00:00:00", Duration.ofHours(1));
        try {
            sync.start();
            b.start();
            waitFor(() -> sync.passes() >= 1 && b.passes() >= 1);
            for (int i = 0; i < 5; i++) {
                var net = post("/v2.0/networks", "network", Map.of("name", "n" + i));
                post("/v2.0/subnets", "subnet", Map.of("network_id", net.get("id"), "cidr", "10." + i + ".0.0/24",
                        "ip_version", 4));
                post("/v2.0/ports", "port", Map.of("network_id", net.get("id")));
            }
            converged(sync);
            converged(b);
            Replica r = replica();
            assertThat(r.table("Logical_Switch").rows()).hasSize(5);
            assertThat(r.table("DHCP_Options").rows()).hasSize(5);
            assertThat(r.table("Logical_Switch_Port").rows()).hasSize(5);
            assertThat(sync.passes()).isEqualTo(1);
            assertThat(b.passes()).isEqualTo(1);
        } finally {
            b.close();
            nbB.close();
        }
    }

    @Test
    void thePeriodicPassRepairsOnlyWhatThePreviousPassFoundToo() {
        var net = post("/v2.0/networks", "network", Map.of("name", "drift"));
        sync.syncOnce();
        // a difference that goes away by itself (a write in flight, here: written by hand in between)
        post("/v2.0/networks", "network", Map.of("name", "in-flight"));
        assertThat(sync.repairConfirmed().isEmpty()).as("seen once: left to the write path").isTrue();
        sync.syncOnce(); // the "write path" catches up
        assertThat(sync.repairConfirmed().isEmpty()).isTrue();
        assertThat(sync.compare().isEmpty()).isTrue();

        // drift: the switch deleted behind our back stays missing over two passes, then is repaired
        nb.transact("OVN_Northbound", dev.neutrino.ovsdb.txn.Delete.from("Logical_Switch")
                .where(Condition.equal("name", "neutron-" + net.get("id")))).join();
        NbDiff first = sync.repairConfirmed();
        assertThat(first.isEmpty()).isTrue();
        assertThat(sync.compare().inserts()).extracting(x -> x.row().key()).contains("neutron-" + net.get("id"));
        NbDiff second = sync.repairConfirmed();
        assertThat(second.inserts()).extracting(x -> x.row().key()).containsExactly("neutron-" + net.get("id"));
        assertThat(sync.compare().isEmpty()).isTrue();
    }
}
