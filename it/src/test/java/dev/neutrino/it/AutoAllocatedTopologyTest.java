package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * auto-allocated-topology (neutron/services/auto_allocate): the default external network and a
 * project's topology built on first GET. There is one default external network per server, so this
 * class has one test that walks through it all and puts things back.
 */
class AutoAllocatedTopologyTest extends ApiTest {
    JsonNode topology(Client c, String project) {
        return c.get("/v2.0/auto-allocated-topology/" + project).expect(200).at("/auto_allocated_topology");
    }

    long named(String collection, String name) {
        return api.get("/v2.0/" + collection + "?name=" + name).expect(200).at("/" + collection).size();
    }

    @Test
    void theDefaultExternalNetworkAndAProjectsTopology() {
        String path = "/v2.0/auto-allocated-topology/" + project;
        // nothing to connect to yet
        Resp none = api.get(path);
        none.expectError(409, "AutoAllocationFailure");
        assertThat(none.errorMessage()).isEqualTo("Deployment error: No default router:external network.");

        // is_default: on external networks only, one at a time
        JsonNode internal = createNetwork("internal");
        assertThat(internal.has("is_default")).isFalse();
        JsonNode ext = api.post("/v2.0/networks", obj("network", obj("name", "public", "router:external", true,
                "is_default", true))).expect(201).at("/network");
        String extId = ext.path("id").asText();
        assertThat(ext.path("is_default").asBoolean()).isTrue();
        api.post("/v2.0/subnets", obj("subnet", obj("network_id", extId, "ip_version", 4, "cidr", "172.30.0.0/24",
                "enable_dhcp", false))).expect(201);
        Resp second = api.post("/v2.0/networks", obj("network", obj("router:external", true, "is_default", true)));
        second.expectError(409, "DefaultExternalNetworkExists");
        assertThat(second.errorMessage()).isEqualTo("A default external network already exists: " + extId + ".");
        String otherExt = api.post("/v2.0/networks", obj("network", obj("router:external", true))).expect(201)
                .text("/network/id");
        api.put("/v2.0/networks/" + otherExt, obj("network", obj("is_default", true)))
                .expectError(409, "DefaultExternalNetworkExists");
        // an update that does not mention it keeps it; the filter finds it
        api.put("/v2.0/networks/" + extId, obj("network", obj("description", "gman"))).expect(200);
        assertThat(ids(api.get("/v2.0/networks?is_default=True").expect(200).at("/networks"))).containsExactly(extId);
        // the default external network stays shared with everyone (neutron-tempest-plugin's RBAC test)
        String wildcard = api.get("/v2.0/rbac-policies?object_id=" + extId + "&action=access_as_external&target_tenant=*")
                .expect(200).text("/rbac_policies/0/id");
        Resp inUse = api.delete("/v2.0/rbac-policies/" + wildcard);
        inUse.expectError(409, "RbacPolicyInUse");
        assertThat(inUse.errorMessage()).contains("Default external networks must be shared to everyone.");

        // no default subnet pool yet: dry-run says so
        Resp dry = api.get(path + "?fields=dry-run");
        dry.expectError(409, "AutoAllocationFailure");
        assertThat(dry.errorMessage()).isEqualTo("Deployment error: No default subnetpools defined.");
        String pool = api.post("/v2.0/subnetpools", obj("subnetpool", obj("name", "default-v4", "is_default", true,
                "shared", true, "prefixes", arr("10.240.0.0/16"), "default_prefixlen", 26))).expect(201)
                .text("/subnetpool/id");
        assertThat(api.get(path + "?fields=dry-run").expect(200).at("/auto_allocated_topology/id").asText())
                .isEqualTo("dry-run=pass");
        api.get(path + "?fields=name").expectError(400, "BadRequest");

        // the first GET builds it, the next ones answer with it
        JsonNode topology = topology(api, project);
        String netId = topology.path("id").asText();
        assertThat(topology.path("tenant_id").asText()).isEqualTo(project);
        JsonNode net = api.get("/v2.0/networks/" + netId).expect(200).at("/network");
        assertThat(net.path("name").asText()).isEqualTo("auto_allocated_network");
        assertThat(net.path("admin_state_up").asBoolean()).isTrue();
        JsonNode subnets = api.get("/v2.0/subnets?network_id=" + netId).expect(200).at("/subnets");
        assertThat(values(subnets, "name")).containsExactly("auto_allocated_subnet_v4");
        assertThat(subnets.get(0).path("subnetpool_id").asText()).isEqualTo(pool);
        assertThat(subnets.get(0).path("cidr").asText()).endsWith("/26");
        JsonNode router = api.get("/v2.0/routers?name=auto_allocated_router").expect(200).at("/routers/0");
        assertThat(router.at("/external_gateway_info/network_id").asText()).isEqualTo(extId);
        assertThat(api.get("/v2.0/ports?device_owner=network:router_interface&device_id=" + router.path("id").asText())
                .expect(200).at("/ports/0/network_id").asText()).isEqualTo(netId);
        assertThat(topology(api, project).path("id").asText()).isEqualTo(netId);
        assertThat(topology(api, "None").path("id").asText()).as("'None' is the caller's project").isEqualTo(netId);
        assertThat(named("networks", "auto_allocated_network")).isEqualTo(1);

        // DELETE takes it all; the next GET builds a new one
        api.delete(path).expect(204);
        assertThat(named("networks", "auto_allocated_network")).isZero();
        assertThat(named("routers", "auto_allocated_router")).isZero();
        assertThat(named("subnets", "auto_allocated_subnet_v4")).isZero();
        api.delete(path).expect(204);
        String again = topology(api, project).path("id").asText();
        assertThat(again).isNotEqualTo(netId);
        api.delete(path).expect(204);

        // put the server back: no default network, no default pool
        api.put("/v2.0/networks/" + extId, obj("network", obj("is_default", false))).expect(200);
        api.put("/v2.0/subnetpools/" + pool, obj("subnetpool", obj("is_default", false))).expect(200);
        assertThat(api.get("/v2.0/networks/" + extId).expect(200).at("/network/is_default").asBoolean()).isFalse();
    }
}
