package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.EngineOptions;
import dev.neutrino.ext.core.CoreOptions;
import dev.neutrino.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of neutron.conf, set low: {@code max_request_body_size}, {@code max_header_line},
 * {@code max_allowed_address_pair}, {@code max_dns_nameservers}, {@code max_subnet_host_routes} and
 * {@code max_fixed_ips_per_port} are each a 400 or 413 with Neutron's message, and nothing is written.
 */
class RequestLimitsTest {
    private static ServerUnderTest server;
    private static Client api;

    @BeforeAll
    static void start() throws Exception {
        server = ServerUnderTest.start(TestDatabases.all().get(0), c -> c
                .with(ServerOptions.MAX_REQUEST_BODY_SIZE, 2000)
                .with(ServerOptions.MAX_HEADER_LINE, 300)
                .with(CoreOptions.MAX_ALLOWED_ADDRESS_PAIR, 2)
                .with(CoreOptions.MAX_DNS_NAMESERVERS, 1)
                .with(CoreOptions.MAX_SUBNET_HOST_ROUTES, 1)
                .with(CoreOptions.MAX_FIXED_IPS_PER_PORT, 2)
                .with(EngineOptions.PAGINATION_MAX_LIMIT, 3));
        api = server.as("limits");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void bodiesAndHeaderLines() {
        api.post("/v2.0/networks", obj("network", obj("name", "x".repeat(1990)))).expectError(413,
                "HTTPRequestEntityTooLarge");
        api.post("/v2.0/networks", obj("network", obj("name", "x".repeat(100)))).expect(201);
        RawHttp.Answer a = RawHttp.send(server.baseUri(), "GET /v2.0/networks HTTP/1.1\r\nX-Project-Id: limits\r\n"
                + "X-Other: " + "o".repeat(300) + "\r\n", null);
        assertThat(a.status()).as("%s", a).isEqualTo(400);
        assertThat(a.errorType()).isEqualTo("HTTPBadRequest");
        assertThat(api.send("GET", "/v2.0/networks", null, java.util.Map.of("X-Other", "o".repeat(250))).status())
                .isEqualTo(200);
    }

    @Test
    void pagesAreAtMostPaginationMaxLimit() {
        Client p = server.as("paged");
        for (int i = 0; i < 5; i++) p.post("/v2.0/networks", obj("network", obj("name", "n" + i))).expect(201);
        for (String query : List.of("", "&limit=10", "&limit=0")) {
            Resp r = p.get("/v2.0/networks?project_id=paged" + query).expect(200);
            assertThat(r.at("/networks")).as(query).hasSize(3);
            assertThat(r.at("/networks_links/0/rel").asText()).as(query).isEqualTo("next");
            Resp next = p.get(r.text("/networks_links/0/href")).expect(200);
            assertThat(next.at("/networks")).as(query).hasSize(2);
        }
        assertThat(p.get("/v2.0/networks?project_id=paged&limit=2").expect(200).at("/networks")).hasSize(2);
    }

    @Test
    void listsOfAPortAndASubnet() {
        String net = api.post("/v2.0/networks", obj("network", obj("name", "lists"))).expect(201).text("/network/id");
        Resp dns = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4, "cidr",
                "10.9.0.0/24", "dns_nameservers", arr("8.8.8.8", "8.8.4.4")))).expectError(400,
                "DNSNameServersExhausted");
        assertThat(dns.errorMessage()).endsWith("The number of DNS nameservers exceeds the limit 1.");
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4, "cidr", "10.9.0.0/24",
                "host_routes", arr(obj("destination", "10.1.0.0/24", "nexthop", "10.9.0.5"),
                        obj("destination", "10.2.0.0/24", "nexthop", "10.9.0.5"))))).expectError(400,
                "HostRoutesExhausted");
        String subnet = api.post("/v2.0/subnets", obj("subnet", obj("network_id", net, "ip_version", 4, "cidr",
                "10.9.0.0/24", "dns_nameservers", arr("8.8.8.8")))).expect(201).text("/subnet/id");
        api.put("/v2.0/subnets/" + subnet, obj("subnet", obj("dns_nameservers", arr("8.8.8.8", "8.8.4.4"))))
                .expectError(400, "DNSNameServersExhausted");

        List<Object> pairs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) pairs.add(obj("ip_address", "10.9.1." + i));
        Resp p = api.post("/v2.0/ports", obj("port", obj("network_id", net, "allowed_address_pairs", pairs)))
                .expectError(400, "AllowedAddressPairExhausted");
        assertThat(p.errorMessage()).isEqualTo("The number of allowed address pair exceeds the maximum 2.");
        List<Object> ips = new ArrayList<>();
        for (int i = 10; i < 13; i++) ips.add(obj("subnet_id", subnet, "ip_address", "10.9.0." + i));
        api.post("/v2.0/ports", obj("port", obj("network_id", net, "fixed_ips", ips))).expectError(400,
                "HTTPBadRequest");
        String port = api.post("/v2.0/ports", obj("port", obj("network_id", net))).expect(201).text("/port/id");
        api.put("/v2.0/ports/" + port, obj("port", obj("fixed_ips", ips))).expectError(400, "HTTPBadRequest");
        api.put("/v2.0/ports/" + port, obj("port", obj("allowed_address_pairs", pairs)))
                .expectError(400, "AllowedAddressPairExhausted");
        assertThat(api.get("/v2.0/ports?network_id=" + net).expect(200).at("/ports")).hasSize(1);
        assertThat(api.get("/v2.0/ports/" + port).expect(200).at("/port/fixed_ips")).hasSize(1);
        assertThat(api.get("/v2.0/subnets?network_id=" + net).expect(200).at("/subnets")).hasSize(1);
        // a body of many fixed IPs is refused by its count, before any is resolved
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) many.add(obj("subnet_id", subnet));
        String text = dev.neutrino.common.Json.write(obj("port", obj("network_id", net, "fixed_ips", many)));
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(2000);
        api.post("/v2.0/ports", text).expectError(400, "HTTPBadRequest");
    }
}
