package dev.neutrino.ovn;

import dev.neutrino.common.Config;
import dev.neutrino.db.Database;
import dev.neutrino.db.DatabaseUrl;
import dev.neutrino.db.Schema;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.NeutronApi;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.Neutrino;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.OvsdbServerProcess;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.monitor.Replica;
import dev.neutrino.ovsdb.value.Row;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jooq.SQLDialect;

/**
 * What the OVN tests share: a real ovsdb-server with OVN's northbound schema, Neutrino on an
 * in-memory H2 database, its API as an admin of project p1, and the {@link OvnNorthbound} between
 * them (not started: a test starts it when its story needs the write path).
 */
final class OvnHarness implements AutoCloseable {
    final OvsdbServerProcess server;
    final OvsdbClient nb;
    final Database db;
    final Neutrino app;
    final NeutronApi api;
    final OvnNorthbound sync;
    final RequestContext admin = RequestContext.admin("p1");

    OvnHarness(Config config) throws Exception {
        this(config, app -> { }, sync -> sync);
    }

    /**
     * @param wire what to do with the application before the sync is made (register mechanism drivers)
     * @param configure the sync's options (chassis, metadata, the DNS domain)
     */
    OvnHarness(Config config, Consumer<Neutrino> wire, UnaryOperator<OvnNorthbound> configure) throws Exception {
        OvsdbServerProcess.requireTools();
        server = OvsdbServerProcess.create(Files.createTempDirectory("ovn-it"), false).start();
        nb = OvsdbClient.connect(server.remote()).awaitConnected(Duration.ofSeconds(10));
        db = new Database(new DatabaseUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                SQLDialect.H2), 4);
        new Schema(db).upgradeAll();
        app = new Neutrino(config, db);
        wire.accept(app);
        api = new NeutronApi(app.engine());
        sync = configure.apply(new OvnNorthbound(app, db, nb, "fa:16:3e:00:00:00", Duration.ofHours(1)));
    }

    /** The API's answer to a request with {@code body} (null: none). */
    ApiResponse request(String method, String path, Object body) {
        return api.handle(new ApiRequest(method, path, Map.of(), body, null, admin, "http://t"));
    }

    /** The resource {@code key} of the answer to a request with {@code {key: body}} (empty when none). */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, String path, String key, Map<String, Object> body) {
        ApiResponse r = request(method, path, body == null ? null : Map.of(key, body));
        return r.body() == null ? Map.of() : (Map<String, Object>) ((Map<String, Object>) r.body()).get(key);
    }

    /** {@link #call}, failing the test unless the request succeeds. */
    @SuppressWarnings("unchecked")
    Map<String, Object> succeed(String method, String path, String key, Map<String, Object> body) {
        ApiResponse r = request(method, path, body == null ? null : Map.of(key, body));
        if (r.status() >= 300) throw new AssertionError(method + " " + path + ": " + r.status() + " " + r.body());
        return r.body() == null ? Map.of() : (Map<String, Object>) ((Map<String, Object>) r.body()).get(key);
    }

    /** A fresh replica of every northbound table Neutrino owns rows in. */
    Replica replica() {
        List<MonitorRequest> tables = new ArrayList<>();
        for (String t : NbState.TABLES) tables.add(MonitorRequest.table(t));
        return nb.monitor("OVN_Northbound", tables).join().replica();
    }

    /** Waits until the northbound rows are what the database says (the repair pass would change nothing). */
    void converged() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        NbDiff d;
        while (!(d = sync.compare()).isEmpty()) {
            if (System.nanoTime() > end) throw new AssertionError("OVN still differs: " + d.keys() + " " + d.updates());
            Thread.sleep(20);
        }
    }

    /** The QoS rows by their key ({@link NbState#qosKey}). */
    static Map<String, Row> qosRows(Replica r) {
        Map<String, Row> out = new TreeMap<>();
        for (Row q : r.table("QoS").rows()) out.put(NbState.qosKey(q), q);
        return out;
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met in time");
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        sync.close();
        nb.close();
        server.close();
        db.close();
    }
}
