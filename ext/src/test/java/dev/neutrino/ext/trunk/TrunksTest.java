package dev.neutrino.ext.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ml2.CommittedChange;
import dev.neutrino.ml2.MechanismDriver;
import dev.neutrino.ml2.Ml2Options;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * trunk and trunk-details as Zed's trunk plugin and ML2/OVN's trunk driver answer them, with a
 * mechanism driver named "ovn" that binds host "compute1" as vif_type ovs (and no other host).
 */
class TrunksTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");
    static final RequestContext BOB = RequestContext.member("bob", "project-b");

    /** The OVN driver as far as trunks care: its name, and ovs bindings on compute1. */
    static final class FakeOvn implements MechanismDriver {
        @Override
        public String name() {
            return "ovn";
        }

        @Override
        public Binding bindPort(Map<String, Object> port) {
            return "compute1".equals(port.get("binding:host_id")) ? new Binding("ovs", Map.of("port_filter", true)) : null;
        }
    }

    ApiHarness h;
    final List<CommittedChange> feed = new CopyOnWriteArrayList<>();
    String net1;
    String net2;

    @BeforeEach
    void start() {
        h = new ApiHarness(Config.defaults(NeutrinoOptions.ALL)
                .with(Ml2Options.VLAN_RANGES, List.of("physnet1:100:200")));
        h.app().mechanisms().register(new FakeOvn());
        h.app().onChange(feed::add);
        net1 = network(ALICE, "net1", null);
        net2 = network(ALICE, "net2", null);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    String network(RequestContext ctx, String name, Integer mtu) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        if (mtu != null) n.put("mtu", mtu);
        ApiHarness.Result r = h.call(ctx, "POST", "/v2.0/networks", Map.of("network", n));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("network").get("id");
    }

    String vlanNetwork(int vlan) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", "vlan" + vlan);
        n.put("provider:network_type", "vlan");
        n.put("provider:physical_network", "physnet1");
        n.put("provider:segmentation_id", vlan);
        ApiHarness.Result r = h.call(ADMIN, "POST", "/v2.0/networks", Map.of("network", n));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("network").get("id");
    }

    String port(RequestContext ctx, String network, Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("network_id", network);
        for (int i = 0; i < kv.length; i += 2) p.put((String) kv[i], kv[i + 1]);
        ApiHarness.Result r = h.call(ctx, "POST", "/v2.0/ports", Map.of("port", p));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("port").get("id");
    }

    static Map<String, Object> subport(String portId, Object type, Object id) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("port_id", portId);
        if (type != null) s.put("segmentation_type", type);
        if (id != null) s.put("segmentation_id", id);
        return s;
    }

    ApiHarness.Result createTrunk(RequestContext ctx, String parent, List<Map<String, Object>> subports, Object... kv) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("port_id", parent);
        if (subports != null) t.put("sub_ports", subports);
        for (int i = 0; i < kv.length; i += 2) t.put((String) kv[i], kv[i + 1]);
        return h.call(ctx, "POST", "/v2.0/trunks", Map.of("trunk", t));
    }

    String trunk(RequestContext ctx, String parent, List<Map<String, Object>> subports) {
        ApiHarness.Result r = createTrunk(ctx, parent, subports);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("trunk").get("id");
    }

    Map<String, Object> show(String path) {
        ApiHarness.Result r = h.call(ADMIN, "GET", path, null);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        return r.body();
    }

    ApiHarness.Result action(RequestContext ctx, String trunkId, String action, List<Map<String, Object>> subports) {
        return h.call(ctx, "PUT", "/v2.0/trunks/" + trunkId + "/" + action, Map.of("sub_ports", subports));
    }

    // ------------------------------------------------------------------ create, show, the driver's wiring

    @Test
    @SuppressWarnings("unchecked")
    void aTrunkWiresItsSubportsAsTheOvnTrunkDriverDoes() {
        String parent = port(ALICE, net1);
        String sub = port(ALICE, net2);
        ApiHarness.Result r = createTrunk(ALICE, parent, List.of(subport(sub, "vlan", 101)), "name", "t1");
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        Map<String, Object> t = r.get("trunk");
        assertThat(t).containsEntry("name", "t1").containsEntry("port_id", parent).containsEntry("status", "ACTIVE")
                .containsEntry("admin_state_up", true).containsEntry("project_id", "project-a")
                .containsEntry("tenant_id", "project-a").containsEntry("revision_number", 1)
                .containsEntry("description", "").containsKeys("created_at", "updated_at", "tags");
        assertThat((List<Map<String, Object>>) t.get("sub_ports")).containsExactly(
                Map.of("port_id", sub, "segmentation_type", "vlan", "segmentation_id", 101));

        Map<String, Object> subPort = (Map<String, Object>) show("/v2.0/ports/" + sub).get("port");
        assertThat(subPort).containsEntry("device_owner", "trunk:subport").containsEntry("device_id", "")
                .containsEntry("binding:vif_type", "ovs")
                .containsEntry("binding:profile", Map.of("parent_name", parent, "tag", 101));
        Map<String, Object> parentPort = (Map<String, Object>) show("/v2.0/ports/" + parent).get("port");
        assertThat(parentPort.get("trunk_details")).isEqualTo(Map.of("trunk_id", t.get("id"), "sub_ports",
                List.of(Map.of("port_id", sub, "segmentation_type", "vlan", "segmentation_id", 101,
                        "mac_address", subPort.get("mac_address")))));
        assertThat(subPort).doesNotContainKey("trunk_details");

        // the change feed carries the trunk with its subports (the OVN write path's scopes)
        assertThat(feed).anyMatch(c -> c.resource().equals("trunk") && c.current().get("sub_ports") instanceof List<?> l
                && !l.isEmpty());
        assertThat(feed).anyMatch(c -> c.resource().equals("port") && c.id().equals(sub)
                && c.kind() == CommittedChange.Kind.UPDATE);

        assertThat(show("/v2.0/trunks/" + t.get("id") + "/get_subports"))
                .isEqualTo(Map.of("sub_ports", t.get("sub_ports")));
    }

    @Test
    void trunksAreListedWithFiltersSortingPaginationFieldsAndTags() {
        String a = trunk(ALICE, port(ALICE, net1), List.of());
        String b = trunk(ALICE, port(ALICE, net1), List.of());
        assertThat(h.call(ALICE, "PUT", "/v2.0/trunks/" + a, Map.of("trunk", Map.of("name", "alpha"))).status())
                .isEqualTo(200);
        assertThat(h.call(ALICE, "PUT", "/v2.0/trunks/" + a + "/tags/red", null).status()).isEqualTo(201);

        assertThat(h.call(ALICE, "GET", "/v2.0/trunks", Map.of("name", List.of("alpha")), null).list("trunks"))
                .extracting(t -> t.get("id")).containsExactly(a);
        assertThat(h.call(ALICE, "GET", "/v2.0/trunks", Map.of("tags", List.of("red")), null).list("trunks"))
                .extracting(t -> t.get("id")).containsExactly(a);
        assertThat(h.call(ALICE, "GET", "/v2.0/trunks", Map.of("sort_key", List.of("name"),
                "sort_dir", List.of("desc")), null).list("trunks")).extracting(t -> t.get("id")).containsExactly(a, b);
        ApiHarness.Result page = h.call(ALICE, "GET", "/v2.0/trunks", Map.of("limit", List.of("1")), null);
        assertThat(page.list("trunks")).hasSize(1);
        assertThat(page.body()).containsKey("trunks_links");
        assertThat(h.call(ALICE, "GET", "/v2.0/trunks", Map.of("fields", List.of("id", "sub_ports")), null)
                .list("trunks")).allSatisfy(t -> assertThat(t.keySet()).containsExactlyInAnyOrder("id", "sub_ports"));
        // status sorts but does not filter (trunk.py)
        assertThat(h.call(ALICE, "GET", "/v2.0/trunks", Map.of("status", List.of("ACTIVE")), null).status())
                .isEqualTo(400);
        // another project sees none of them
        assertThat(h.call(BOB, "GET", "/v2.0/trunks", null).list("trunks")).isEmpty();
        assertThat(h.call(BOB, "GET", "/v2.0/trunks/" + a, null).errorType()).isEqualTo("TrunkNotFound");
        assertThat(action(BOB, a, "add_subports", List.of()).errorType()).isEqualTo("TrunkNotFound");
    }

    // ------------------------------------------------------------------ rules.py

    @Test
    void theParentAndSubportRulesRefuseAsZedDoes() {
        String parent = port(ALICE, net1);
        String sub = port(ALICE, net2);
        String t = trunk(ALICE, parent, List.of(subport(sub, "vlan", 101)));

        assertThat(createTrunk(ALICE, parent, null).errorType()).isEqualTo("ParentPortInUse");
        assertThat(createTrunk(ALICE, sub, null).errorType()).isEqualTo("TrunkPortInUse");
        String other = port(ALICE, net1);
        assertThat(createTrunk(ALICE, other, List.of(subport(sub, "vlan", 102))).errorType())
                .isEqualTo("TrunkPortInUse");
        assertThat(createTrunk(ALICE, other, List.of(subport(parent, "vlan", 102))).errorType())
                .isEqualTo("ParentPortInUse");
        assertThat(createTrunk(ALICE, other, List.of(subport(other, "vlan", 102))).errorType())
                .isEqualTo("ParentPortInUse");
        String withDevice = port(ALICE, net2, "device_id", "vm-1");
        ApiHarness.Result inUse = createTrunk(ALICE, other, List.of(subport(withDevice, "vlan", 102)));
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.errorType()).isEqualTo("PortInUse");
        assertThat(createTrunk(ALICE, "6a1e8b43-6d5e-4c23-9f39-1bd0a7c0a7a1", null).errorType())
                .isEqualTo("PortNotFound");
        assertThat(createTrunk(BOB, other, null).errorType()).isEqualTo("PortNotFound");

        String free = port(ALICE, net2);
        ApiHarness.Result range = createTrunk(ALICE, other, List.of(subport(free, "vlan", 4095)));
        assertThat(range.status()).isEqualTo(400);
        assertThat((String) range.get("NeutronError").get("message")).contains("Segmentation ID '4095' is not in range");
        assertThat((String) createTrunk(ALICE, other, List.of(subport(free, "vxlan", 5)))
                .get("NeutronError").get("message")).contains("Unknown segmentation_type 'vxlan'");
        assertThat((String) createTrunk(ALICE, other, List.of(subport(free, "vlan", "x")))
                .get("NeutronError").get("message")).contains("segmentation_id 'x' is not an integer");
        assertThat(createTrunk(ALICE, other, List.of(subport(free, "vlan", null))).status()).isEqualTo(400);
        assertThat((String) createTrunk(ALICE, other, List.of(subport(free, "vlan", 5), subport(port(ALICE, net2),
                "vlan", 5))).get("NeutronError").get("message")).contains("is not unique");
        assertThat(createTrunk(ALICE, other, List.of(subport("nope", "vlan", 5))).status()).isEqualTo(400);
        // nothing of the refused requests stayed
        assertThat(h.call(ADMIN, "GET", "/v2.0/trunks", null).list("trunks")).extracting(x -> x.get("id"))
                .containsExactly(t);
    }

    @Test
    void aSubportOnALargerMtuThanTheParentsIsRefused() {
        String small = network(ALICE, "small", 1300);
        String parent = port(ALICE, small);
        ApiHarness.Result r = createTrunk(ALICE, parent, List.of(subport(port(ALICE, net2), "vlan", 7)));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.errorType()).isEqualTo("SubPortMtuGreaterThanTrunkPortMtu");
    }

    @Test
    @SuppressWarnings("unchecked")
    void inheritTakesAVlanNetworksSegmentationAndRefusesOthers() {
        String vlanNet = vlanNetwork(150);
        String parent = port(ADMIN, vlanNetwork(160)); // a VLAN network's MTU, as large as the subport's
        ApiHarness.Result r = createTrunk(ADMIN, parent, List.of(subport(port(ADMIN, vlanNet), "inherit", null)));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        assertThat((List<Map<String, Object>>) r.get("trunk").get("sub_ports")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("segmentation_type", "vlan")
                        .containsEntry("segmentation_id", 150));
        ApiHarness.Result overlay = createTrunk(ADMIN, port(ADMIN, net1), List.of(subport(port(ADMIN, net2),
                "inherit", null)));
        assertThat(overlay.status()).isEqualTo(400);
        assertThat((String) overlay.get("NeutronError").get("message")).contains("Unknown segmentation_type 'geneve'");
    }

    // ------------------------------------------------------------------ actions and status

    @Test
    @SuppressWarnings("unchecked")
    void addAndRemoveSubportsAnswerDownAndLeaveTheTrunkActive() {
        String parent = port(ALICE, net1);
        String t = trunk(ALICE, parent, List.of());
        String sub = port(ALICE, net2);
        ApiHarness.Result added = action(ALICE, t, "add_subports", List.of(subport(sub, "vlan", 200)));
        assertThat(added.status()).as("%s", added.body()).isEqualTo(200);
        assertThat(added.body()).containsEntry("status", "DOWN").containsEntry("id", t);
        assertThat((List<Object>) added.body().get("sub_ports")).hasSize(1);
        assertThat(show("/v2.0/trunks/" + t).get("trunk")).satisfies(x ->
                assertThat((Map<String, Object>) x).containsEntry("status", "ACTIVE"));
        assertThat(((Map<String, Object>) show("/v2.0/ports/" + sub).get("port")))
                .containsEntry("device_owner", "trunk:subport");

        String other = port(ALICE, net2);
        assertThat(action(ALICE, t, "add_subports", List.of(subport(other, "vlan", 200))).errorType())
                .isEqualTo("DuplicateSubPort");
        assertThat(action(ALICE, t, "remove_subports", List.of(subport(other, null, null))).errorType())
                .isEqualTo("SubPortNotFound");

        ApiHarness.Result removed = action(ALICE, t, "remove_subports", List.of(subport(sub, null, null)));
        assertThat(removed.status()).as("%s", removed.body()).isEqualTo(200);
        assertThat(removed.body()).containsEntry("status", "DOWN").containsEntry("sub_ports", List.of());
        Map<String, Object> freed = (Map<String, Object>) show("/v2.0/ports/" + sub).get("port");
        assertThat(freed).containsEntry("device_owner", "").containsEntry("binding:vif_type", "unbound")
                .containsEntry("binding:profile", Map.of());
        assertThat((Map<String, Object>) show("/v2.0/ports/" + parent).get("port"))
                .containsEntry("trunk_details", Map.of("trunk_id", t, "sub_ports", List.of()));
        // the freed port can be deleted now
        assertThat(h.call(ALICE, "DELETE", "/v2.0/ports/" + sub, null).status()).isEqualTo(204);
    }

    @Test
    void portsInATrunkCannotBeDeletedAndADisabledTrunkCannotBeManaged() {
        String parent = port(ALICE, net1);
        String sub = port(ALICE, net2);
        String t = trunk(ALICE, parent, List.of(subport(sub, "vlan", 10)));
        assertThat(h.call(ALICE, "DELETE", "/v2.0/ports/" + parent, null).errorType()).isEqualTo("PortInUseAsTrunkParent");
        assertThat(h.call(ALICE, "DELETE", "/v2.0/ports/" + sub, null).errorType()).isEqualTo("PortInUseAsSubPort");

        assertThat(h.call(ALICE, "PUT", "/v2.0/trunks/" + t, Map.of("trunk", Map.of("admin_state_up", false)))
                .status()).isEqualTo(200);
        assertThat(action(ALICE, t, "add_subports", List.of(subport(port(ALICE, net2), "vlan", 11))).errorType())
                .isEqualTo("TrunkDisabled");
        assertThat(action(ALICE, t, "remove_subports", List.of(subport(sub, null, null))).errorType())
                .isEqualTo("TrunkDisabled");
        assertThat(h.call(ALICE, "DELETE", "/v2.0/trunks/" + t, null).errorType()).isEqualTo("TrunkDisabled");
        assertThat(h.call(ALICE, "PUT", "/v2.0/trunks/" + t, Map.of("trunk", Map.of("status", "DOWN"))).status())
                .isEqualTo(400);

        assertThat(h.call(ALICE, "PUT", "/v2.0/trunks/" + t, Map.of("trunk", Map.of("admin_state_up", true)))
                .status()).isEqualTo(200);
        assertThat(h.call(ALICE, "DELETE", "/v2.0/trunks/" + t, null).status()).isEqualTo(204);
        assertThat(show("/v2.0/ports/" + sub).get("port")).satisfies(p ->
                assertThat(p).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("device_owner", ""));
        assertThat(h.call(ALICE, "DELETE", "/v2.0/ports/" + parent, null).status()).isEqualTo(204);
        assertThat(h.call(ALICE, "DELETE", "/v2.0/ports/" + sub, null).status()).isEqualTo(204);
    }

    @Test
    @SuppressWarnings("unchecked")
    void boundParentsFollowTheDriverAndAnUnboundParentTakesTheTrunkDown() {
        // bound by OVN (vif_type ovs): trunkable and untrunkable
        String bound = port(ADMIN, net1, "binding:host_id", "compute1");
        String t = trunk(ADMIN, bound, List.of());
        assertThat(h.call(ADMIN, "PUT", "/v2.0/ports/" + bound, Map.of("port", Map.of("binding:host_id", "")))
                .status()).isEqualTo(200);
        assertThat((Map<String, Object>) show("/v2.0/trunks/" + t).get("trunk")).containsEntry("status", "DOWN");

        // a binding no driver made (binding_failed): not a parent, and its trunk stays
        String failed = port(ADMIN, net1, "binding:host_id", "elsewhere");
        assertThat(createTrunk(ADMIN, failed, null).errorType()).isEqualTo("ParentPortInUse");
        String later = port(ADMIN, net1);
        String t2 = trunk(ADMIN, later, List.of());
        assertThat(h.call(ADMIN, "PUT", "/v2.0/ports/" + later, Map.of("port", Map.of("binding:host_id", "elsewhere")))
                .status()).isEqualTo(200);
        assertThat(h.call(ADMIN, "DELETE", "/v2.0/trunks/" + t2, null).errorType()).isEqualTo("TrunkInUse");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutTheOvnDriverTrunksStayDownAndSubportsUnwired() {
        try (ApiHarness plain = new ApiHarness()) {
            String n = (String) plain.call(ALICE, "POST", "/v2.0/networks", Map.of("network", Map.of("name", "n")))
                    .get("network").get("id");
            String parent = (String) plain.call(ALICE, "POST", "/v2.0/ports", Map.of("port", Map.of("network_id", n)))
                    .get("port").get("id");
            String sub = (String) plain.call(ALICE, "POST", "/v2.0/ports", Map.of("port", Map.of("network_id", n)))
                    .get("port").get("id");
            ApiHarness.Result r = plain.call(ALICE, "POST", "/v2.0/trunks", Map.of("trunk", Map.of("port_id", parent,
                    "sub_ports", List.of(subport(sub, "vlan", 5)))));
            assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
            assertThat(r.get("trunk")).containsEntry("status", "DOWN");
            assertThat((Map<String, Object>) plain.call(ALICE, "GET", "/v2.0/ports/" + sub, null).get("port"))
                    .containsEntry("device_owner", "");
        }
    }

    @Test
    void policyDefaultsAreZeds() {
        String parent = port(ALICE, net1);
        String t = trunk(ALICE, parent, List.of());
        RequestContext reader = new RequestContext("carol", "project-a", java.util.Set.of("reader"), false, null);
        assertThat(h.call(reader, "GET", "/v2.0/trunks/" + t, null).status()).isEqualTo(200);
        assertThat(h.call(reader, "GET", "/v2.0/trunks/" + t + "/get_subports", null).status()).isEqualTo(200);
        assertThat(h.call(BOB, "GET", "/v2.0/trunks/" + t + "/get_subports", null).errorType())
                .isEqualTo("TrunkNotFound");
        assertThat(h.call(ALICE, "POST", "/v2.0/trunks/" + t + "/get_subports", null).status()).isEqualTo(405);
    }
}
