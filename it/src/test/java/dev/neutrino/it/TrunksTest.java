package dev.neutrino.it;

import static dev.neutrino.it.J.arr;
import static dev.neutrino.it.J.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * trunk and trunk-details over HTTP on each database (neutron-lib trunk.py, trunk_details.py; Zed's
 * trunk plugin). The server here runs no mechanism driver, so trunks stay DOWN and subports unwired
 * (the OVN side is in the ovn module's tests and scenario/trunk.sh).
 */
class TrunksTest extends ApiTest {
    String port(String network) {
        return api.post("/v2.0/ports", obj("port", obj("network_id", network))).expect(201).text("/port/id");
    }

    @Test
    void trunksWithSubportsAreStoredListedChangedAndDeleted() {
        String net = createNetworkId("trunks");
        String parent = port(net);
        String sub = port(net);
        JsonNode trunk = api.post("/v2.0/trunks", obj("trunk", obj("name", "t1", "port_id", parent, "sub_ports",
                arr(obj("port_id", sub, "segmentation_type", "vlan", "segmentation_id", 100))))).expect(201).at("/trunk");
        String id = trunk.path("id").asText();
        assertThat(trunk.path("status").asText()).isEqualTo("DOWN");
        assertThat(trunk.path("sub_ports").get(0).path("segmentation_id").asInt()).isEqualTo(100);
        assertThat(api.get("/v2.0/trunks/" + id).expect(200).at("/trunk")).isEqualTo(trunk);

        String other = api.post("/v2.0/trunks", obj("trunk", obj("name", "t2", "port_id", port(net))))
                .expect(201).text("/trunk/id");
        assertThat(ids(api.get("/v2.0/trunks?port_id=" + parent).expect(200).at("/trunks"))).containsExactly(id);
        assertThat(ids(api.get("/v2.0/trunks?sort_key=name&sort_dir=desc").expect(200).at("/trunks")))
                .containsExactly(other, id);
        assertThat(api.get("/v2.0/trunks?limit=1").expect(200).at("/trunks").size()).isEqualTo(1);

        JsonNode details = api.get("/v2.0/ports/" + parent).expect(200).at("/port/trunk_details");
        assertThat(details.path("trunk_id").asText()).isEqualTo(id);
        assertThat(details.path("sub_ports").get(0).path("port_id").asText()).isEqualTo(sub);

        String sub2 = port(net);
        api.put("/v2.0/trunks/" + id + "/add_subports", obj("sub_ports", arr(obj("port_id", sub2,
                "segmentation_type", "vlan", "segmentation_id", 100)))).expectError(409, "DuplicateSubPort");
        api.put("/v2.0/trunks/" + other + "/add_subports", obj("sub_ports", arr(obj("port_id", sub,
                "segmentation_type", "vlan", "segmentation_id", 5)))).expectError(409, "TrunkPortInUse");
        JsonNode added = api.put("/v2.0/trunks/" + id + "/add_subports", obj("sub_ports", arr(obj("port_id", sub2,
                "segmentation_type", "vlan", "segmentation_id", 101)))).expect(200).json();
        assertThat(added.path("sub_ports").size()).isEqualTo(2);
        assertThat(api.get("/v2.0/trunks/" + id + "/get_subports").expect(200).at("/sub_ports").size()).isEqualTo(2);
        api.put("/v2.0/trunks/" + id + "/remove_subports", obj("sub_ports", arr(obj("port_id", sub))))
                .expect(200);

        api.delete("/v2.0/ports/" + parent).expectError(409, "PortInUseAsTrunkParent");
        api.delete("/v2.0/ports/" + sub2).expectError(409, "PortInUseAsSubPort");
        api.delete("/v2.0/trunks/" + id).expect(204);
        api.delete("/v2.0/ports/" + sub2).expect(204);
        api.delete("/v2.0/ports/" + parent).expect(204);
        api.get("/v2.0/trunks/" + id).expectError(404, "TrunkNotFound");
    }
}
