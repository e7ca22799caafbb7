package dev.neutrino.it;

import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two server processes on one PostgreSQL or MariaDB database, hit in parallel: IP and MAC allocation and
 * the per-project default security group must hold across processes (the database decides, not a lock
 * in one JVM).
 */
@ParameterizedClass(name = "[{0}]", allowZeroInvocations = true)
@MethodSource("dev.neutrino.it.TestDatabases#servers")
class ConcurrentPortsTest {
    static final int REQUESTS = 100;

    @Parameter
    TestDatabases.TestDatabase database;

    private static TestDatabases.Fresh fresh;
    private static Path dir;
    private static final List<ServerProcess> servers = new ArrayList<>();
    private static HttpClient http;

    @BeforeParameterizedClassInvocation
    static void startServers(TestDatabases.TestDatabase db) throws Exception {
        fresh = db.create();
        dir = Files.createDirectories(Path.of("target", "concurrency", fresh.name()));
        // the first one creates the schema on the empty database, the second one finds it
        servers.add(ServerProcess.start(fresh.jdbcUrl(), dir, "server-a"));
        servers.add(ServerProcess.start(fresh.jdbcUrl(), dir, "server-b"));
        http = ServerUnderTest.newHttpClient();
    }

    @AfterParameterizedClassInvocation
    static void stopServers() throws Exception {
        if (http != null) http.shutdownNow();
        for (ServerProcess s : servers) s.close();
        servers.clear();
        if (fresh != null) fresh.close();
        fresh = null;
    }

    private static Client client(int server, String project) {
        return new Client(http, servers.get(server).baseUri(), project);
    }

    /** Runs {@code call(i)} for i in [0, n) all at once on virtual threads, alternating the two servers. */
    private static List<Resp> parallel(int n, Function<Integer, Resp> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Resp>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(k);
                }));
            }
            go.countDown();
            List<Resp> out = new ArrayList<>();
            for (Future<Resp> f : futures) out.add(f.get());
            return out;
        }
    }

    @Test
    void logsDoNotShowTheDatabasePassword() throws Exception {
        String password = System.getProperty(TestDatabases.PASSWORD);
        Assumptions.assumeTrue(password != null && !password.isEmpty(), "no password configured");
        for (ServerProcess s : servers) {
            assertThat(s.log()).contains("Neutrino listening on").doesNotContain("password=" + password);
        }
    }

    @Test
    void parallelPortCreatesNeverShareAnAddressOrMac() throws Exception {
        String project = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Client a = client(0, project);
        String net = a.post("/v2.0/networks", obj("network", obj("name", "race"))).expect(201).text("/network/id");
        String subnet = client(1, project).post("/v2.0/subnets", obj("subnet", obj("network_id", net,
                "ip_version", 4, "cidr", "10.77.0.0/26"))).expect(201).text("/subnet/id");
        int poolSize = 61; // 10.77.0.2 - 10.77.0.62
        // the project's default security group exists before the race (its own race is tested below)
        a.get("/v2.0/security-groups").expect(200);

        List<Resp> results = parallel(REQUESTS, i -> client(i % 2, project).post("/v2.0/ports",
                obj("port", obj("network_id", net, "name", "p" + i))));

        Map<Integer, Integer> statuses = new HashMap<>();
        Set<String> ips = new HashSet<>();
        Set<String> macs = new HashSet<>();
        int created = 0;
        for (Resp r : results) {
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() == 201) {
                created++;
                JsonNode port = r.at("/port");
                assertThat(port.path("fixed_ips").size()).as(r.body()).isEqualTo(1);
                String ip = port.path("fixed_ips").get(0).path("ip_address").asText();
                assertThat(port.path("fixed_ips").get(0).path("subnet_id").asText()).isEqualTo(subnet);
                BigInteger n = new BigInteger(1, InetAddress.getByName(ip).getAddress());
                assertThat(n).as(ip).isBetween(new BigInteger(1, InetAddress.getByName("10.77.0.2").getAddress()),
                        new BigInteger(1, InetAddress.getByName("10.77.0.62").getAddress()));
                assertThat(ips.add(ip)).as("IP %s given twice", ip).isTrue();
                String mac = port.path("mac_address").asText();
                assertThat(mac).matches(PortsTest.MAC);
                assertThat(macs.add(mac)).as("MAC %s given twice", mac).isTrue();
            } else {
                assertThat(r.status()).as("%s", r.body()).isEqualTo(409);
                r.expectError(409, "IpAddressGenerationFailure");
            }
        }
        assertThat(created).as("statuses %s", statuses).isEqualTo(Math.min(REQUESTS, poolSize));
        JsonNode listed = a.get("/v2.0/ports?network_id=" + net).expect(200).at("/ports");
        assertThat(listed.size()).isEqualTo(created);
        JsonNode viaOther = client(1, project).get("/v2.0/ports?network_id=" + net).expect(200).at("/ports");
        Set<String> listedIps = new HashSet<>();
        for (JsonNode p : viaOther) listedIps.add(p.path("fixed_ips").get(0).path("ip_address").asText());
        assertThat(listedIps).isEqualTo(ips);
        JsonNode usage = a.get("/v2.0/quotas/" + project + "/details").expect(200).at("/quota/port/used");
        assertThat(usage.asInt()).isEqualTo(created);
    }

    @Test
    void parallelFirstUseCreatesOneDefaultSecurityGroup() throws Exception {
        String project = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<Resp> results = parallel(20, i -> client(i % 2, project).get("/v2.0/security-groups?project_id="
                + project));
        for (Resp r : results) r.expect(200);
        JsonNode groups = client(0, project).get("/v2.0/security-groups?project_id=" + project).expect(200)
                .at("/security_groups");
        assertThat(groups.size()).isEqualTo(1);
        assertThat(groups.get(0).path("name").asText()).isEqualTo("default");
        assertThat(groups.get(0).path("security_group_rules").size()).isEqualTo(4);
        for (Resp r : results) {
            assertThat(r.at("/security_groups").size()).as(r.body()).isEqualTo(1);
        }
    }

    @Test
    void parallelCreatesOverTwoServersStopExactlyAtTheQuota() throws Exception {
        String project = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        client(0, project).put("/v2.0/quotas/" + project, obj("quota", obj("network", 10))).expect(200);
        for (int round = 0; round < 3; round++) {
            int already = client(0, project).get("/v2.0/networks?project_id=" + project).expect(200)
                    .at("/networks").size();
            int r0 = round;
            List<Resp> results = parallel(30, i -> client(i % 2, project).post("/v2.0/networks",
                    obj("network", obj("name", "q" + r0 + "-" + i))));
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Resp r : results) {
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() != 201) r.expectError(409, "OverQuota");
            }
            assertThat(statuses.getOrDefault(201, 0)).as("round %d: %s", round, statuses).isEqualTo(10 - already);
            JsonNode listed = client(1, project).get("/v2.0/networks?project_id=" + project).expect(200)
                    .at("/networks");
            assertThat(listed.size()).as("never over the quota").isEqualTo(10);
            // free some room for the next round
            for (int k = 0; k < 3 + round; k++) {
                client(k % 2, project).delete("/v2.0/networks/" + listed.get(k).path("id").asText()).expect(204);
            }
        }
    }

    @Test
    void parallelCreatesUpToTheQuotaAreAllAccepted() throws Exception {
        String project = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        client(1, project).put("/v2.0/quotas/" + project, obj("quota", obj("network", 24))).expect(200);
        List<Resp> results = parallel(24, i -> client(i % 2, project).post("/v2.0/networks",
                obj("network", obj("name", "n" + i))));
        for (Resp r : results) r.expect(201);
        client(0, project).post("/v2.0/networks", obj("network", obj("name", "one more")))
                .expectError(409, "OverQuota");
        JsonNode used = client(0, project).get("/v2.0/quotas/" + project + "/details").expect(200)
                .at("/quota/network/used");
        assertThat(used.asInt()).isEqualTo(24);
    }
}
