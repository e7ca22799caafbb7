package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.neutrino.engine.ApiRequest;
import dev.neutrino.engine.ApiResponse;
import dev.neutrino.engine.RequestContext;

/** ?fields= on a port list: exactly the asked attributes, computed ones included when asked for. */
class ListFieldsTest {
    ApiHarness h;
    final RequestContext admin = RequestContext.admin("p");
    final RequestContext member = RequestContext.member("u", "p");

    @BeforeEach
    void start() {
        h = new ApiHarness();
        String net = (String) h.call(admin, "POST", "/v2.0/networks", body("network", "name", "n"))
                .get("network").get("id");
        h.call(admin, "POST", "/v2.0/subnets", body("subnet", "network_id", net, "cidr", "10.0.0.0/24",
                "ip_version", 4));
        for (int i = 0; i < 3; i++) {
            assertThat(h.call(member, "POST", "/v2.0/ports", body("port", "network_id", net, "name", "p" + i))
                    .status()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> ports(RequestContext ctx, String... fields) {
        ApiResponse r = h.api.handle(new ApiRequest("GET", "/v2.0/ports", Map.of("fields", List.of(fields)), null,
                null, ctx, "http://test"));
        assertThat(r.status()).isEqualTo(200);
        return (List<Map<String, Object>>) ((Map<String, Object>) ApiHarness.materialize(r.body())).get("ports");
    }

    @Test
    void onlyTheAskedFields() {
        for (RequestContext ctx : List.of(admin, member)) {
            List<Map<String, Object>> ports = ports(ctx, "id", "name");
            assertThat(ports).hasSize(3).allSatisfy(p -> assertThat(p).containsOnlyKeys("id", "name"));
        }
    }

    @Test
    void computedFieldsAreLoadedWhenAskedFor() {
        for (RequestContext ctx : List.of(admin, member)) {
            List<Map<String, Object>> ports = ports(ctx, "id", "fixed_ips", "security_groups", "tags");
            assertThat(ports).hasSize(3).allSatisfy(p -> {
                assertThat(p).containsOnlyKeys("id", "fixed_ips", "security_groups", "tags");
                assertThat((List<?>) p.get("fixed_ips")).hasSize(1);
                assertThat((List<?>) p.get("security_groups")).hasSize(1);
            });
        }
    }
}
