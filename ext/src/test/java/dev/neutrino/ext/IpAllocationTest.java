package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.common.IpAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.NeutronApi;
import dev.neutrino.engine.RequestContext;

/**
 * Automatic fixed IPs through the engine: distinct addresses from the pools, exhaustion, reuse of
 * released addresses (also when another server process, sharing the database, released them).
 */
class IpAllocationTest {
    @AutoClose
    final ApiHarness h = new ApiHarness();
    final RequestContext admin = RequestContext.admin("p");

    private String network() {
        return (String) h.call(admin, "POST", "/v2.0/networks", body("network", "name", "n")).get("network").get("id");
    }

    private String subnet(String net, String cidr, Object pools) {
        var b = pools == null
                ? body("subnet", "network_id", net, "cidr", cidr, "ip_version", 4)
                : body("subnet", "network_id", net, "cidr", cidr, "ip_version", 4, "allocation_pools", pools);
        var r = h.call(admin, "POST", "/v2.0/subnets", b);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("subnet").get("id");
    }

    private ApiHarness.Result port(NeutronApi api, String net) {
        try {
            ApiResponse r = api.handle(new ApiRequest("POST", "/v2.0/ports", Map.of(),
                    body("port", "network_id", net), null, admin, "http://test"));
            @SuppressWarnings("unchecked")
            Map<String, Object> b = (Map<String, Object>) dev.neutrino.ext.Bodies.materialize(r.body());
            return new ApiHarness.Result(r.status(), b);
        } catch (dev.neutrino.common.NeutronException e) {
            return new ApiHarness.Result(e.status(), Map.of("NeutronError", Map.of("type", e.type())));
        }
    }

    @SuppressWarnings("unchecked")
    private static String ip(ApiHarness.Result port) {
        var fixed = (List<Map<String, Object>>) port.get("port").get("fixed_ips");
        assertThat(fixed).hasSize(1);
        return (String) fixed.get(0).get("ip_address");
    }

    private static String id(ApiHarness.Result port) {
        return (String) port.get("port").get("id");
    }

    @Test
    void hundredsOfPortsGetDistinctAddressesFromThePool() {
        String net = network();
        subnet(net, "10.0.0.0/23", null);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 450; i++) { // the default port quota is 500
            var p = port(h.api, net);
            assertThat(p.status()).isEqualTo(201);
            IpAddress a = IpAddress.parse(ip(p));
            assertThat(seen.add(a.toString())).as("%s handed out twice", a).isTrue();
            assertThat(a.compareTo(IpAddress.parse("10.0.0.2"))).isGreaterThanOrEqualTo(0);
            assertThat(a.compareTo(IpAddress.parse("10.0.1.254"))).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void aFullSubnetFailsAndAReleasedAddressIsFoundAgain() {
        String net = network();
        subnet(net, "10.1.0.0/29", null); // pool .2 - .6
        List<String> ports = new ArrayList<>();
        Set<String> ips = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            var p = port(h.api, net);
            assertThat(p.status()).isEqualTo(201);
            ports.add(id(p));
            ips.add(ip(p));
        }
        assertThat(ips).containsExactlyInAnyOrder("10.1.0.2", "10.1.0.3", "10.1.0.4", "10.1.0.5", "10.1.0.6");
        var full = port(h.api, net);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.errorType()).isEqualTo("IpAddressGenerationFailure");

        var gone = h.call(admin, "GET", "/v2.0/ports/" + ports.get(0), null);
        String freed = ip(gone);
        assertThat(h.call(admin, "DELETE", "/v2.0/ports/" + ports.get(0), null).status()).isEqualTo(204);
        var again = port(h.api, net);
        assertThat(again.status()).isEqualTo(201);
        assertThat(ip(again)).isEqualTo(freed);
    }

    @Test
    void anAddressReleasedByAnotherServerProcessIsFoundWhenTheRestIsFull() {
        // a second engine on the same database stands for a second server process
        NeutronApi other = new NeutronApi(new Neutrino(Config.defaults(NeutrinoOptions.ALL), h.db).engine());
        String net = network();
        subnet(net, "10.2.0.0/29", null);
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < 5; i++) ports.add(id(port(h.api, net)));
        // the lowest address goes away through the other process; this one's floor is above it
        String lowest = null;
        String lowestPort = null;
        for (String p : ports) {
            String a = ip(h.call(admin, "GET", "/v2.0/ports/" + p, null));
            if (lowest == null || IpAddress.parse(a).compareTo(IpAddress.parse(lowest)) < 0) {
                lowest = a;
                lowestPort = p;
            }
        }
        var del = other.handle(new ApiRequest("DELETE", "/v2.0/ports/" + lowestPort, Map.of(), null, null, admin,
                "http://test"));
        assertThat(del.status()).isEqualTo(204);
        var p = port(h.api, net);
        assertThat(p.status()).isEqualTo(201);
        assertThat(ip(p)).isEqualTo(lowest);
    }

    @Test
    void twoProcessesNeverHandOutOneAddressTwice() {
        NeutronApi other = new NeutronApi(new Neutrino(Config.defaults(NeutrinoOptions.ALL), h.db).engine());
        String net = network();
        subnet(net, "10.3.0.0/24", List.of(Map.of("start", "10.3.0.10", "end", "10.3.0.70")));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 61; i++) {
            var p = port(i % 2 == 0 ? h.api : other, net);
            assertThat(p.status()).isEqualTo(201);
            assertThat(seen.add(ip(p))).isTrue();
        }
        assertThat(port(h.api, net).status()).isEqualTo(409);
        assertThat(port(other, net).status()).isEqualTo(409);
    }

    @Test
    void newPoolsAreUsedRightAwayAndRequestedAddressesAreNotPickedAgain() {
        String net = network();
        String sub = subnet(net, "10.4.0.0/24", List.of(Map.of("start", "10.4.0.100", "end", "10.4.0.101")));
        var explicit = h.call(admin, "POST", "/v2.0/ports", body("port", "network_id", net, "fixed_ips",
                List.of(Map.of("ip_address", "10.4.0.100"))));
        assertThat(explicit.status()).isEqualTo(201);
        assertThat(ip(port(h.api, net))).isEqualTo("10.4.0.101");
        assertThat(port(h.api, net).status()).isEqualTo(409);

        var upd = h.call(admin, "PUT", "/v2.0/subnets/" + sub, body("subnet", "allocation_pools",
                List.of(Map.of("start", "10.4.0.20", "end", "10.4.0.20"), Map.of("start", "10.4.0.100",
                        "end", "10.4.0.101"))));
        assertThat(upd.status()).as("%s", upd.body()).isEqualTo(200);
        assertThat(ip(port(h.api, net))).isEqualTo("10.4.0.20");
    }
}
