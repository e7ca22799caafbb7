package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.NeutronApi;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.Neutrino;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.OvsdbServerProcess;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.txn.Condition;
import dev.neutrino.ovsdb.txn.Mutate;
import dev.neutrino.ovsdb.txn.Mutation;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.OvsdbSet;
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

/** QoS policies reach OVN's QoS table as ML2/OVN writes it, against a real ovsdb-server with OVN's schema. */
class OvnQosTest {
    Path dir;
    OvsdbServerProcess server;
    OvsdbClient nb;
    Database db;
    NeutronApi api;
    OvnNorthbound sync;
    final RequestContext admin = RequestContext.admin("p1");

    @BeforeEach
    void start() throws Exception {
        OvsdbServerProcess.requireTools();
        dir = Files.createTempDirectory("ovn-qos-it");
        server = OvsdbServerProcess.create(dir, false).start();
        nb = OvsdbClient.connect(server.remote()).awaitConnected(Duration.ofSeconds(10));
        db = new Database(new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                SQLDialect.H2), 4);
        new Schema(db).upgradeAll();
        Neutrino app = new Neutrino(Config.defaults(NeutrinoOptions.ALL)
                .with(Ml2Options.EXTENSION_DRIVERS, List.of("port_security", "qos")), db);
        api = new NeutronApi(app.engine());
        sync = new OvnNorthbound(app, db, nb, "fa:16:3e:00:00:00", Duration.ofHours(1));
    }

    @AfterEach
    void stop() throws Exception {
        sync.close();
        nb.close();
        server.close();
        db.close();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, String path, String key, Map<String, Object> body) {
        ApiResponse r = api.handle(new ApiRequest(method, path, Map.of(), body == null ? null : Map.of(key, body),
                null, admin, "http://t"));
        return r.body() == null ? Map.of() : (Map<String, Object>) ((Map<String, Object>) r.body()).get(key);
    }

    Replica replica() {
        List<MonitorRequest> tables = new java.util.ArrayList<>();
        for (String t : NbState.TABLES) tables.add(MonitorRequest.table(t));
        return nb.monitor("OVN_Northbound", tables).join().replica();
    }

    void converged() throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        NbDiff d;
        while (!(d = sync.compare()).isEmpty()) {
            if (System.nanoTime() > end) throw new AssertionError("OVN still differs: " + d.keys());
            Thread.sleep(20);
        }
    }

    static Map<String, Row> qosRows(Replica r) {
        Map<String, Row> out = new java.util.TreeMap<>();
        for (Row q : r.table("QoS").rows()) out.put(NbState.qosKey(q), q);
        return out;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met in time");
            Thread.sleep(20);
        }
    }

    @Test
    void policiesAndRulesReachTheQosTableThroughTheWritePath() throws Exception {
        sync.start();
        waitFor(() -> sync.passes() >= 1);
        long passes = sync.passes();

        String policy = (String) call("POST", "/v2.0/qos/policies", "policy", Map.of("name", "gold")).get("id");
        String rules = "/v2.0/qos/policies/" + policy;
        String bw = (String) call("POST", rules + "/bandwidth_limit_rules", "bandwidth_limit_rule",
                Map.of("max_kbps", 10000, "max_burst_kbps", 1000)).get("id");
        call("POST", rules + "/dscp_marking_rules", "dscp_marking_rule", Map.of("dscp_mark", 26));
        var net = call("POST", "/v2.0/networks", "network", Map.of("name", "n", "qos_policy_id", policy));
        var vm = call("POST", "/v2.0/ports", "port", Map.of("network_id", net.get("id"), "name", "vm"));
        var dhcp = call("POST", "/v2.0/ports", "port", Map.of("network_id", net.get("id"),
                "device_owner", "network:dhcp"));
        String port = (String) vm.get("id");
        converged();

        Replica r = replica();
        Map<String, Row> qos = qosRows(r);
        assertThat(qos).as("the network's policy, on its ports that are no network device")
                .containsOnlyKeys(port + "/from-lport");
        Row egress = qos.get(port + "/from-lport");
        assertThat(egress.getString("match")).isEqualTo("inport == \"" + port + "\"");
        assertThat(egress.value("priority").orElseThrow().toString()).contains("2002");
        assertThat(NbState.convert(r, "QoS", "k", egress, u -> null).columns())
                .containsEntry("bandwidth", Map.of("rate", 10000L, "burst", 1000L))
                .containsEntry("action", Map.of("dscp", 26L))
                .containsEntry("external_ids", Map.of("neutron:port_id", port));
        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + net.get("id")))
                .orElseThrow();
        assertThat(ls.getUuidSet("qos_rules")).containsExactly(egress.uuid().orElseThrow());
        assertThat(dhcp.get("id")).isNotNull();

        // an ingress rule (a change of the policy: its revision), then a new rate
        call("POST", rules + "/bandwidth_limit_rules", "bandwidth_limit_rule",
                Map.of("max_kbps", 5000, "direction", "ingress"));
        call("PUT", rules + "/bandwidth_limit_rules/" + bw, "bandwidth_limit_rule", Map.of("max_kbps", 2000));
        converged();
        r = replica();
        qos = qosRows(r);
        assertThat(qos).containsOnlyKeys(port + "/from-lport", port + "/to-lport");
        assertThat(NbState.convert(r, "QoS", "k", qos.get(port + "/from-lport"), u -> null).columns())
                .containsEntry("bandwidth", Map.of("rate", 2000L, "burst", 1000L));
        assertThat(qos.get(port + "/to-lport").getString("match")).isEqualTo("outport == \"" + port + "\"");

        // the port's own policy (DSCP only) wins over the network's; then none on the network either
        String own = (String) call("POST", "/v2.0/qos/policies", "policy", Map.of("name", "own")).get("id");
        call("POST", "/v2.0/qos/policies/" + own + "/dscp_marking_rules", "dscp_marking_rule", Map.of("dscp_mark", 8));
        call("PUT", "/v2.0/ports/" + port, "port", Map.of("qos_policy_id", own));
        converged();
        r = replica();
        assertThat(qosRows(r)).containsOnlyKeys(port + "/from-lport");
        assertThat(NbState.convert(r, "QoS", "k", qosRows(r).get(port + "/from-lport"), u -> null).columns())
                .containsEntry("action", Map.of("dscp", 8L)).containsEntry("bandwidth", Map.of());
        call("PUT", "/v2.0/ports/" + port, "port", java.util.Collections.singletonMap("qos_policy_id", null));
        converged();
        assertThat(qosRows(replica())).hasSize(2);
        call("PUT", "/v2.0/networks/" + net.get("id"), "network",
                java.util.Collections.singletonMap("qos_policy_id", null));
        converged();
        assertThat(qosRows(replica())).isEmpty();

        // back on the network's policy, then the port goes: its rows go with it
        call("PUT", "/v2.0/networks/" + net.get("id"), "network", Map.of("qos_policy_id", policy));
        converged();
        assertThat(qosRows(replica())).hasSize(2);
        call("DELETE", "/v2.0/ports/" + port, "port", null);
        converged();
        assertThat(qosRows(replica())).isEmpty();

        assertThat(sync.passes()).as("every change was written by the write path, none by a full pass")
                .isEqualTo(passes);
    }

    @Test
    void theRepairPassRestoresQosRowsTakenOffTheSwitch() throws Exception {
        String policy = (String) call("POST", "/v2.0/qos/policies", "policy", Map.of("name", "gold")).get("id");
        call("POST", "/v2.0/qos/policies/" + policy + "/bandwidth_limit_rules", "bandwidth_limit_rule",
                Map.of("max_kbps", 10000));
        var net = call("POST", "/v2.0/networks", "network", Map.of("name", "n"));
        var vm = call("POST", "/v2.0/ports", "port", Map.of("network_id", net.get("id"), "qos_policy_id", policy));
        sync.syncOnce();
        Replica r = replica();
        assertThat(qosRows(r)).containsOnlyKeys(vm.get("id") + "/from-lport");
        Row ls = r.table("Logical_Switch").findFirst(x -> x.getString("name").equals("neutron-" + net.get("id")))
                .orElseThrow();
        UUID qosUuid = ls.getUuidSet("qos_rules").iterator().next();
        nb.transact("OVN_Northbound", List.of(Mutate.table("Logical_Switch")
                .where(Condition.uuidIs(ls.uuid().orElseThrow()))
                .mutate(Mutation.delete("qos_rules", OvsdbSet.of(Atom.of(qosUuid)))))).join();
        waitFor(() -> replica().table("QoS").rows().isEmpty());
        assertThat(sync.compare().keys()).contains("insert QoS " + vm.get("id") + "/from-lport");
        sync.syncOnce();
        assertThat(sync.compare().isEmpty()).isTrue();
        assertThat(qosRows(replica())).containsOnlyKeys(vm.get("id") + "/from-lport");
    }
}
