package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.neutrino.engine.RequestContext;

/** GET /v2.0/network-ip-availabilities (neutron's network_ip_availability_db): admins only. */
class IpAvailabilityTest extends HarnessTest {
    Map<String, Object> show(RequestContext ctx, String net, String... fields) {
        return h.call(ctx, "GET", "/v2.0/network-ip-availabilities/" + net,
                fields.length == 0 ? Map.of() : Map.of("fields", List.of(fields)), null).get("network_ip_availability");
    }

    @Test
    void countsPoolsAndAllocationsPerSubnetAndNetwork() {
        String net = create(alice, "networks", "network", "name", "n1");
        Map<String, Object> empty = show(admin, net);
        assertThat(empty).containsEntry("network_name", "n1").containsEntry("project_id", "project-a")
                .containsEntry("used_ips", 0L).containsEntry("total_ips", BigInteger.ZERO)
                .containsEntry("subnet_ip_availability", List.of());

        String v4 = create(alice, "subnets", "subnet", "network_id", net, "ip_version", 4, "cidr", "10.0.0.0/24",
                "allocation_pools", List.of(Map.of("start", "10.0.0.10", "end", "10.0.0.19"),
                        Map.of("start", "10.0.0.100", "end", "10.0.0.104")));
        String v6 = create(alice, "subnets", "subnet", "network_id", net, "ip_version", 6, "cidr", "2001:db8::/64",
                "ipv6_ra_mode", "slaac", "ipv6_address_mode", "slaac");
        create(alice, "ports", "port", "network_id", net);
        create(alice, "ports", "port", "network_id", net);

        Map<String, Object> a = show(admin, net);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> subnets = (List<Map<String, Object>>) a.get("subnet_ip_availability");
        Map<String, Object> s4 = subnets.stream().filter(s -> s.get("subnet_id").equals(v4)).findFirst().orElseThrow();
        Map<String, Object> s6 = subnets.stream().filter(s -> s.get("subnet_id").equals(v6)).findFirst().orElseThrow();
        assertThat(s4).containsEntry("total_ips", BigInteger.valueOf(15)).containsEntry("used_ips", 2L)
                .containsEntry("ip_version", 4).containsEntry("cidr", "10.0.0.0/24");
        // the default IPv6 pool: every address but the subnet-router anycast one
        assertThat(s6).containsEntry("total_ips", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
                .containsEntry("used_ips", 2L);
        assertThat(a).containsEntry("used_ips", 4L)
                .containsEntry("total_ips", BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(14)));
        assertThat(show(admin, net, "used_ips")).containsOnlyKeys("used_ips");

        // filters: ip_version keeps networks with subnets of that version, and only those subnets
        String other = create(alice, "networks", "network", "name", "n2");
        List<Map<String, Object>> all = h.call(admin, "GET", "/v2.0/network-ip-availabilities", null)
                .list("network_ip_availabilities");
        assertThat(all).extracting(n -> n.get("network_id")).contains(net, other);
        List<Map<String, Object>> onlyV6 = h.call(admin, "GET", "/v2.0/network-ip-availabilities",
                Map.of("ip_version", List.of("6")), null).list("network_ip_availabilities");
        assertThat(onlyV6).extracting(n -> n.get("network_id")).containsExactly(net);
        assertThat((List<?>) onlyV6.get(0).get("subnet_ip_availability")).hasSize(1);
        assertThat(h.call(admin, "GET", "/v2.0/network-ip-availabilities", Map.of("network_name", List.of("n2")), null)
                .list("network_ip_availabilities")).extracting(n -> n.get("network_id")).containsExactly(other);
        assertThat(h.call(admin, "GET", "/v2.0/network-ip-availabilities", Map.of("status", List.of("x")), null)
                .status()).isEqualTo(400);
        assertThat(h.call(admin, "GET", "/v2.0/network-ip-availabilities/nope", null).errorType())
                .isEqualTo("NetworkNotFound");
        assertThat(h.call(admin, "POST", "/v2.0/network-ip-availabilities", Map.of()).status()).isEqualTo(405);
    }

    @Test
    void membersSeeNothing() {
        String net = create(alice, "networks", "network", "name", "mine");
        assertThat(h.call(alice, "GET", "/v2.0/network-ip-availabilities", null).list("network_ip_availabilities"))
                .isEmpty();
        assertThat(h.call(alice, "GET", "/v2.0/network-ip-availabilities/" + net, null).status()).isEqualTo(404);
    }
}
