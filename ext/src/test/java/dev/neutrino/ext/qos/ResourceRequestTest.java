package dev.neutrino.ext.qos;

import static dev.neutrino.ext.qos.QosApiTest.ADMIN;
import static dev.neutrino.ext.qos.QosApiTest.ALICE;
import static dev.neutrino.ext.qos.QosApiTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * port-resource-request(-groups): a port's {@code resource_request} as Zed's QoS plugin computes it.
 * The shape (one minimum bandwidth group with CUSTOM_PHYSNET_/CUSTOM_VNIC_TYPE_ traits, the group id
 * uuid5 of the port over the rule ids in direction order, same_subtree; null on a network without a
 * physical network or without minimum rules; not a filter) was compared with the real Zed server.
 */
class ResourceRequestTest extends QosHarness {
    @Test
    void theGroupIdIsPythonsUuid5OfThePortOverTheRuleIds() {
        // python3: uuid.uuid5(uuid.UUID('1111…5555'), 'aaaaaaaa-…-01:aaaaaaaa-…-02')
        assertThat(ResourceRequests.groupId("11111111-2222-3333-4444-555555555555",
                List.of("aaaaaaaa-0000-0000-0000-000000000001", "aaaaaaaa-0000-0000-0000-000000000002")))
                .isEqualTo(UUID.fromString("8c5ebeb1-9e2f-5abe-8ecd-2261f29682b7"));
        // seen on the real server: port e748…, egress rule e3d3… before ingress rule 20a7…
        assertThat(ResourceRequests.groupId("e74878df-0c72-42df-bb05-4f2b764a98ed",
                List.of("e3d3b1b4-733a-4167-9e4d-5342b3677351", "20a79d40-57ee-48bc-8b94-46b142a58340")))
                .isEqualTo(UUID.fromString("ee011216-ad22-510e-851f-b2c3195782fd"));
        assertThat(ResourceRequests.trait("CUSTOM_PHYSNET_", "phys-net.1")).isEqualTo("CUSTOM_PHYSNET_PHYS_NET_1");
        assertThat(ResourceRequests.trait("CUSTOM_VNIC_TYPE_", "direct-physical"))
                .isEqualTo("CUSTOM_VNIC_TYPE_DIRECT_PHYSICAL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPortOnAPhysicalNetworkRequestsItsPolicysMinimumBandwidth() {
        String p = policy("name", "min", "project_id", "project-a");
        String ingress = rule(p, "minimum_bandwidth_rules", "min_kbps", 2000, "direction", "ingress");
        String egress = rule(p, "minimum_bandwidth_rules", "min_kbps", 1000, "direction", "egress");
        rule(p, "bandwidth_limit_rules", "max_kbps", 5000);
        String phys = id(admin("POST", "/v2.0/networks", body("network", "name", "phys", "project_id", "project-a",
                "provider:network_type", "flat", "provider:physical_network", "physnet1")), "network");
        String port = id(admin("POST", "/v2.0/ports", body("port", "network_id", phys, "project_id", "project-a",
                "qos_policy_id", p)), "port");
        Map<String, Object> rr = (Map<String, Object>) admin("GET", "/v2.0/ports/" + port, null).get("port")
                .get("resource_request");
        String group = ResourceRequests.groupId(port, List.of(egress, ingress)).toString();
        assertThat(rr).isEqualTo(Map.of(
                "request_groups", List.of(Map.of("id", group,
                        "required", List.of("CUSTOM_PHYSNET_PHYSNET1", "CUSTOM_VNIC_TYPE_NORMAL"),
                        "resources", Map.of("NET_BW_EGR_KILOBIT_PER_SEC", 1000L, "NET_BW_IGR_KILOBIT_PER_SEC", 2000L))),
                "same_subtree", List.of(group)));
        // the list says the same; a port without a policy, or on a network without a physnet, requests nothing
        String plain = id(admin("POST", "/v2.0/ports", body("port", "network_id", phys, "project_id", "project-a")),
                "port");
        String geneve = id(admin("POST", "/v2.0/networks", body("network", "name", "g", "project_id", "project-a",
                "qos_policy_id", p)), "network");
        String onGeneve = id(admin("POST", "/v2.0/ports", body("port", "network_id", geneve, "project_id", "project-a")),
                "port");
        List<Map<String, Object>> listed = h.call(ADMIN, "GET", "/v2.0/ports", Map.of("fields",
                List.of("id", "resource_request"), "id", List.of(port, plain, onGeneve)), null).list("ports");
        // (a list is streamed as JSON: its numbers come back as ints)
        assertThat(listed).contains(Map.of("id", port, "resource_request",
                dev.neutrino.common.Json.read(dev.neutrino.common.Json.write(rr))));
        assertThat(listed).filteredOn(x -> !x.get("id").equals(port)).extracting(x -> x.get("resource_request"))
                .containsExactly(null, null);
        // the network's policy counts for a port without its own
        admin("PUT", "/v2.0/networks/" + phys, body("network", "qos_policy_id", p));
        Map<String, Object> viaNetwork = (Map<String, Object>) admin("GET", "/v2.0/ports/" + plain, null).get("port")
                .get("resource_request");
        assertThat(viaNetwork).containsEntry("same_subtree",
                List.of(ResourceRequests.groupId(plain, List.of(egress, ingress)).toString()));
        // admins only (get_port:resource_request), and no filter
        assertThat(h.call(ALICE, "GET", "/v2.0/ports/" + port, null).get("port")).doesNotContainKey("resource_request");
        ApiHarness.Result filtered = h.call(ADMIN, "GET", "/v2.0/ports", Map.of("resource_request", List.of("x")), null);
        assertThat(filtered.status()).isEqualTo(400);
        assertThat(filtered.body().toString()).contains("['resource_request'] is invalid attribute for filtering");
    }

    @Test
    void minimumPacketRateRulesMakeASecondGroupWithTheVnicTraitOnly() {
        // ML2/OVN's driver refuses such a policy on a port; the computation is Zed's all the same
        String port = "e74878df-0c72-42df-bb05-4f2b764a98ed";
        var bw = new ResourceRequests.MinRule("b0000000-0000-0000-0000-000000000001", "minimum_bandwidth", "egress", 10);
        var any = new ResourceRequests.MinRule("a0000000-0000-0000-0000-000000000002", "minimum_packet_rate", "any", 5);
        var in = new ResourceRequests.MinRule("a0000000-0000-0000-0000-000000000001", "minimum_packet_rate", "ingress", 7);
        Map<String, Object> rr = ResourceRequests.request(port, List.of(any, bw, in), "direct", "physnet1");
        String bwGroup = ResourceRequests.groupId(port, List.of(bw.id())).toString();
        String ppsGroup = ResourceRequests.groupId(port, List.of(any.id(), in.id())).toString();
        assertThat(rr).isEqualTo(Map.of("request_groups", List.of(
                Map.of("id", bwGroup, "required", List.of("CUSTOM_PHYSNET_PHYSNET1", "CUSTOM_VNIC_TYPE_DIRECT"),
                        "resources", Map.of("NET_BW_EGR_KILOBIT_PER_SEC", 10L)),
                Map.of("id", ppsGroup, "required", List.of("CUSTOM_VNIC_TYPE_DIRECT"),
                        "resources", Map.of("NET_PACKET_RATE_KILOPACKET_PER_SEC", 5L,
                                "NET_PACKET_RATE_IGR_KILOPACKET_PER_SEC", 7L))),
                "same_subtree", List.of(bwGroup, ppsGroup)));
        // without a physical network only the packet rate group is left; without minimum rules, null
        assertThat(ResourceRequests.request(port, List.of(bw, any), "normal", null))
                .containsEntry("same_subtree", List.of(ResourceRequests.groupId(port, List.of(any.id())).toString()));
        assertThat(ResourceRequests.request(port, List.of(bw), "normal", null)).isNull();
        assertThat(ResourceRequests.request(port, List.of(), "normal", "physnet1")).isNull();
    }

    String rule(String policy, String collection, Object... kv) {
        String key = collection.substring(0, collection.length() - 1);
        ApiHarness.Result r = admin("POST", "/v2.0/qos/policies/" + policy + "/" + collection, body(key, kv));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get(key).get("id");
    }

    static String id(ApiHarness.Result r, String key) {
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get(key).get("id");
    }
}
