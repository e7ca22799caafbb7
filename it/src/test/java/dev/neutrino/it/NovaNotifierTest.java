package dev.neutrino.it;

import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.neutrino.common.Json;
import dev.neutrino.nova.NovaOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server with a {@code [nova]} section tells a (fake) Keystone-catalogued Nova what Neutron tells
 * it: {@code network-changed} when a compute port is updated or a floating IP reaches or leaves it,
 * {@code network-vif-deleted} when it is deleted, nothing for other ports; and a Nova that answers
 * 503 for a while gets the events afterwards.
 */
class NovaNotifierTest {
    static final String VM = "8d3f2c1e-7b6a-4f5e-9d8c-1a2b3c4d5e6f";
    static HttpServer cloud;
    static ServerUnderTest server;
    static final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    static final AtomicInteger unavailable = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        cloud = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + cloud.getAddress().getPort();
        cloud.createContext("/identity/v3/auth/tokens", x -> {
            x.getResponseHeaders().add("X-Subject-Token", "nova-token");
            reply(x, 201, "{\"token\": {\"expires_at\": \"" + Instant.now().plus(Duration.ofHours(1))
                    + "\", \"catalog\": [{\"type\": \"compute\", \"endpoints\": [{\"interface\": \"public\", "
                    + "\"region_id\": \"RegionOne\", \"url\": \"" + base + "/compute/v2.1\"}]}]}}");
        });
        cloud.createContext("/compute/v2.1/os-server-external-events", x -> {
            JsonNode body = Json.MAPPER.readTree(x.getRequestBody());
            if (!"nova-token".equals(x.getRequestHeaders().getFirst("X-Auth-Token"))) {
                reply(x, 401, "{}");
            } else if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(x, 503, "{}");
            } else {
                for (JsonNode e : body.path("events")) events.add(e);
                reply(x, 200, body.toString());
            }
        });
        cloud.start();
        server = ServerUnderTest.start(TestDatabases.all().get(0), c -> c
                .with(NovaOptions.AUTH_URL, base + "/identity")
                .with(NovaOptions.AUTH_TYPE, "password")
                .with(NovaOptions.USERNAME, "nova")
                .with(NovaOptions.PASSWORD, "secret")
                .with(NovaOptions.PROJECT_NAME, "service")
                .with(NovaOptions.REGION_NAME, "RegionOne")
                .with(NovaOptions.SEND_EVENTS_INTERVAL, 0));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (cloud != null) cloud.stop(0);
    }

    static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    /** The next event Nova received, as "name server tag". */
    static String next() throws InterruptedException {
        JsonNode e = events.poll(15, TimeUnit.SECONDS);
        assertThat(e).as("an event reached Nova").isNotNull();
        return e.path("name").asText() + " " + e.path("server_uuid").asText() + " " + e.path("tag").asText();
    }

    @Test
    void novaHearsOfItsPortsAndOnlyOfThem() throws Exception {
        Client admin = server.as("nova-it");
        String ext = admin.post("/v2.0/networks", obj("network", obj("name", "ext", "router:external", true)))
                .expect(201).text("/network/id");
        admin.post("/v2.0/subnets", obj("subnet", obj("network_id", ext, "cidr", "172.24.4.0/24", "ip_version", 4)))
                .expect(201);
        String net = admin.post("/v2.0/networks", obj("network", obj("name", "n"))).expect(201).text("/network/id");
        String subnet = admin.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "cidr", "10.0.0.0/24",
                "ip_version", 4))).expect(201).text("/subnet/id");
        String router = admin.post("/v2.0/routers", obj("router", obj("name", "r", "external_gateway_info",
                obj("network_id", ext)))).expect(201).text("/router/id");
        admin.put("/v2.0/routers/" + router + "/add_router_interface", obj("subnet_id", subnet)).expect(200);

        String vmPort = admin.post("/v2.0/ports", obj("port", obj("network_id", net, "device_id", VM,
                "device_owner", "compute:nova"))).expect(201).text("/port/id");
        String other = admin.post("/v2.0/ports", obj("port", obj("network_id", net, "device_id", "dhcp-x",
                "device_owner", "network:dhcp"))).expect(201).text("/port/id");
        admin.put("/v2.0/ports/" + other, obj("port", obj("name", "not nova's"))).expect(200);
        admin.put("/v2.0/ports/" + vmPort, obj("port", obj("name", "eth0"))).expect(200);
        assertThat(next()).as("creates and other ports tell Nova nothing").isEqualTo("network-changed " + VM + " " + vmPort);

        String fip = admin.post("/v2.0/floatingips", obj("floatingip", obj("floating_network_id", ext,
                "port_id", vmPort))).expect(201).text("/floatingip/id");
        assertThat(next()).isEqualTo("network-changed " + VM + " " + vmPort);
        admin.put("/v2.0/floatingips/" + fip, obj("floatingip", obj("port_id", null))).expect(200);
        assertThat(next()).isEqualTo("network-changed " + VM + " " + vmPort);

        unavailable.set(2); // Nova answers 503 twice, then takes the event
        admin.delete("/v2.0/ports/" + vmPort).expect(204);
        assertThat(next()).isEqualTo("network-vif-deleted " + VM + " " + vmPort);
        assertThat(unavailable).hasValue(0);
        admin.delete("/v2.0/ports/" + other).expect(204);
        assertThat(events.poll(3, TimeUnit.SECONDS)).as("nothing else").isNull();
        assertThat(server.client().get("/metrics").body()).contains("neutrino_nova_events_sent_total 4.0");
    }
}
