package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.neutrino.engine.RequestContext;

/**
 * How many statements one port create sends to the database (each is a round trip, and at
 * concurrency 1 the round trips are most of a create's time). The counts are pinned so that a change
 * that adds queries shows up here; lower them when a change saves some.
 */
class PortCreateStatementsTest {
    ApiHarness h;
    final RequestContext admin = RequestContext.admin("p");
    String net;

    @BeforeEach
    void start() {
        h = new ApiHarness();
        net = (String) h.call(admin, "POST", "/v2.0/networks", body("network", "name", "n")).get("network").get("id");
        assertThat(h.call(admin, "POST", "/v2.0/subnets", body("subnet", "network_id", net, "cidr", "10.0.0.0/16",
                "ip_version", 4)).status()).isEqualTo(201);
        assertThat(create(body("port", "network_id", net)).status()).isEqualTo(201); // the default group exists
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private ApiHarness.Result create(Object body) {
        return h.call(admin, "POST", "/v2.0/ports", body);
    }

    private long statementsOf(Object body) {
        long before = h.db.statements();
        ApiHarness.Result r = create(body);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return h.db.statements() - before;
    }

    @Test
    void portWithAnAutomaticAddressAndTheDefaultGroup() {
        assertThat(statementsOf(body("port", "network_id", net, "name", "a"))).isEqualTo(EXPECTED_PLAIN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void portWithAGivenAddressAndTwoGroups() {
        ApiHarness.Result g = h.call(admin, "POST", "/v2.0/security-groups", body("security_group", "name", "g"));
        assertThat(g.status()).as("%s", g.body()).isEqualTo(201);
        String sg = (String) g.get("security_group").get("id");
        String dflt = (String) h.call(admin, "GET", "/v2.0/security-groups", Map.of("name", List.of("default")), null)
                .list("security_groups").get(0).get("id");
        long before = h.db.statements();
        ApiHarness.Result r = create(body("port", "network_id", net, "security_groups", List.of(sg, dflt),
                "fixed_ips", List.of(Map.of("ip_address", "10.0.0.77"))));
        long n = h.db.statements() - before;
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        assertThat(r.get("port").get("security_groups")).asList().containsExactlyInAnyOrder(sg, dflt);
        assertThat(r.get("port").get("fixed_ips")).isEqualTo(List.of(Map.of("subnet_id",
                ((List<Map<String, Object>>) r.get("port").get("fixed_ips")).get(0).get("subnet_id"),
                "ip_address", "10.0.0.77")));
        assertThat(n).isEqualTo(EXPECTED_GIVEN_IP_TWO_GROUPS);
    }

    @Test
    void bulkOfTenPorts() {
        List<Object> ports = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) ports.add(Map.of("network_id", net));
        long before = h.db.statements();
        assertThat(h.call(admin, "POST", "/v2.0/ports", Map.of("ports", ports)).status()).isEqualTo(201);
        assertThat(h.db.statements() - before).isEqualTo(EXPECTED_BULK10);
    }

    /*
     * Quota (limit and usage in one query), network, its subnets, the address pick, the project's
     * default group, the port with its fixed IPs and group bindings in one batch, the stored row read
     * back. Before the issue 5 work: 14, 16 and 140 (the children one insert each, the subnets' tags,
     * the created port's tags, fixed IPs and groups read back, the quota's limit and usage apart).
     * Exact quotas (issue 15) replaced the in-transaction count (1) by a reservation before the
     * transaction (the project's lock row, limit/usage/reservations in one query, the reservation:
     * 3) and its removal inside it (1): +3 for one port; a bulk reserves once for all its ports.
     */
    static final long EXPECTED_PLAIN = 10;
    /** A requested address is checked (1) and each given group looked up (2) instead of the default. */
    static final long EXPECTED_GIVEN_IP_TWO_GROUPS = 11;
    static final long EXPECTED_BULK10 = 64;
}
