package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Non-admin callers get Neutron's answers: 404 for what they may not see, 403 for what they may not do. */
class PolicyApiTest extends HarnessTest {
    @Test
    void aMemberCannotSeeAnotherProjectsNetwork() {
        var net = h.call(alice, "POST", "/v2.0/networks", body("network", "name", "a-net"));
        assertThat(net.status()).isEqualTo(201);
        String id = (String) net.get("network").get("id");
        assertThat(net.get("network").get("project_id")).isEqualTo("project-a");

        var show = h.call(bob, "GET", "/v2.0/networks/" + id, null);
        assertThat(show.status()).isEqualTo(404);
        assertThat(show.errorType()).isEqualTo("NetworkNotFound");
        assertThat(h.call(bob, "GET", "/v2.0/networks", null).list("networks")).isEmpty();
        assertThat(h.call(bob, "PUT", "/v2.0/networks/" + id, body("network", "name", "x")).status())
                .isEqualTo(404);
        assertThat(h.call(bob, "DELETE", "/v2.0/networks/" + id, null).status()).isEqualTo(404);
        assertThat(h.call(alice, "GET", "/v2.0/networks/" + id, null).status()).isEqualTo(200);
        assertThat(h.call(admin, "GET", "/v2.0/networks/" + id, null).status()).isEqualTo(200);
    }

    @Test
    void providerAttributesAndSharingAreForAdmins() {
        var r = h.call(alice, "POST", "/v2.0/networks", body("network", "name", "n",
                "provider:network_type", "geneve"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorType()).isEqualTo("PolicyNotAuthorized");
        assertThat((String) r.get("NeutronError").get("message")).contains("create_network:provider:network_type");
        assertThat(h.call(alice, "GET", "/v2.0/networks", null).list("networks")).as("nothing was created").isEmpty();

        var shared = h.call(alice, "POST", "/v2.0/networks", body("network", "name", "n", "shared", true));
        assertThat(shared.status()).isEqualTo(403);

        var own = h.call(alice, "POST", "/v2.0/networks", body("network", "name", "n"));
        Map<String, Object> net = own.get("network");
        assertThat(net).doesNotContainKeys("provider:network_type", "provider:segmentation_id");
        var asAdmin = h.call(admin, "GET", "/v2.0/networks/" + net.get("id"), null).get("network");
        assertThat(asAdmin.get("provider:network_type")).isEqualTo("geneve");
    }

    @Test
    void sharedNetworksAreVisibleAndUsableByOtherProjects() {
        var net = h.call(admin, "POST", "/v2.0/networks", body("network", "name", "public", "shared", true));
        String id = (String) net.get("network").get("id");
        h.call(admin, "POST", "/v2.0/subnets", body("subnet", "network_id", id, "cidr", "10.9.0.0/24",
                "ip_version", 4));
        assertThat(h.call(bob, "GET", "/v2.0/networks/" + id, null).status()).isEqualTo(200);
        var port = h.call(bob, "POST", "/v2.0/ports", body("port", "network_id", id));
        assertThat(port.status()).as(String.valueOf(port.body())).isEqualTo(201);
        assertThat(port.get("port").get("project_id")).isEqualTo("project-b");
        assertThat(port.get("port")).doesNotContainKeys("binding:host_id", "binding:vif_type", "binding:profile");
        assertThat(h.call(bob, "PUT", "/v2.0/networks/" + id, body("network", "name", "mine")).status())
                .as("a shared network stays its owner's to change").isIn(403, 404);
        var hostSet = h.call(bob, "PUT", "/v2.0/ports/" + port.get("port").get("id"),
                body("port", "binding:host_id", "compute-1"));
        assertThat(hostSet.status()).isEqualTo(403);
    }

    @Test
    void aMemberMayNotCreateForAnotherProject() {
        // neutron_lib.api.attributes._validate_privileges: a 400 (neutron-tempest-plugin's
        // test_add_port_with_nonexist_tenant_id), not a policy 403
        var r = h.call(alice, "POST", "/v2.0/networks", body("network", "name", "n", "project_id", "project-b"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("HTTPBadRequest");
        assertThat(r.get("NeutronError").get("message")).isEqualTo("Specifying 'project_id' or 'tenant_id' other "
                + "than the authenticated project in request requires admin or advsvc privileges");
        assertThat(h.call(admin, "GET", "/v2.0/networks", null).list("networks")).isEmpty();
        var ok = h.call(admin, "POST", "/v2.0/networks", body("network", "name", "n", "project_id", "project-b"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.get("network").get("project_id")).isEqualTo("project-b");
        assertThat(h.call(bob, "GET", "/v2.0/networks", null).list("networks")).hasSize(1);
    }

    @Test
    void securityGroupRulesOfAnotherProjectAreNotFound() {
        var sg = h.call(alice, "POST", "/v2.0/security-groups", body("security_group", "name", "web"));
        String sgId = (String) sg.get("security_group").get("id");
        var rule = h.call(bob, "POST", "/v2.0/security-group-rules", body("security_group_rule",
                "security_group_id", sgId, "direction", "ingress", "protocol", "tcp"));
        assertThat(rule.status()).isEqualTo(404);
        var mine = h.call(alice, "POST", "/v2.0/security-group-rules", body("security_group_rule",
                "security_group_id", sgId, "direction", "ingress", "protocol", "tcp", "port_range_min", 80,
                "port_range_max", 80));
        assertThat(mine.status()).isEqualTo(201);
        List<Map<String, Object>> bobsView = h.call(bob, "GET", "/v2.0/security-group-rules", null)
                .list("security_group_rules");
        assertThat(bobsView).extracting(r -> r.get("security_group_id")).doesNotContain(sgId);
    }

    @Test
    void subnetsOfAnExternalNetworkAndRbacSharedNetworksAreVisibleToMembers() {
        var ext = h.call(admin, "POST", "/v2.0/networks", body("network", "name", "public", "router:external", true));
        String extId = (String) ext.get("network").get("id");
        h.call(admin, "POST", "/v2.0/subnets", body("subnet", "network_id", extId, "cidr", "172.24.4.0/24",
                "ip_version", 4));
        var list = h.call(alice, "GET", "/v2.0/subnets", null);
        assertThat(list.status()).as(String.valueOf(list.body())).isEqualTo(200);

        var priv = h.call(admin, "POST", "/v2.0/networks", body("network", "name", "for-a"));
        String privId = (String) priv.get("network").get("id");
        assertThat(h.call(alice, "GET", "/v2.0/networks/" + privId, null).status()).isEqualTo(404);
        var rbac = h.call(admin, "POST", "/v2.0/rbac-policies", body("rbac_policy", "object_type", "network",
                "object_id", privId, "action", "access_as_shared", "target_tenant", "project-a"));
        assertThat(rbac.status()).isEqualTo(201);
        var seen = h.call(alice, "GET", "/v2.0/networks/" + privId, null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.get("network").get("shared")).isEqualTo(true);
        assertThat(h.call(bob, "GET", "/v2.0/networks/" + privId, null).status()).isEqualTo(404);
    }

    @Test
    void aPolicyFileCanOpenAttributesTheDefaultsKeepForAdmins() {
        h.close();
        h = new ApiHarness(dev.neutrino.policy.Policy.builder().policyText("""
                "get_port:binding:host_id": ""
                "create_port:binding:host_id": "rule:admin_or_network_owner"
                "create_network:provider:network_type": "role:member"
                "get_network:provider:network_type": "role:member"
                """).build());
        var net = h.call(alice, "POST", "/v2.0/networks", body("network", "name", "n",
                "provider:network_type", "geneve"));
        assertThat(net.status()).as("opened by the policy file").isEqualTo(201);
        assertThat(net.get("network")).containsEntry("provider:network_type", "geneve");
        String netId = (String) net.get("network").get("id");
        var port = h.call(alice, "POST", "/v2.0/ports", body("port", "network_id", netId,
                "binding:host_id", "compute-1"));
        assertThat(port.status()).isEqualTo(201);
        assertThat(port.get("port")).containsEntry("binding:host_id", "compute-1")
                .doesNotContainKey("binding:vif_type"); // still hidden: no rule of the file opens it
        // and what the file does not open stays closed
        var physnet = h.call(alice, "POST", "/v2.0/networks", body("network", "name", "m",
                "provider:network_type", "vlan", "provider:physical_network", "public"));
        assertThat(physnet.status()).isEqualTo(403);
    }

    @Test
    void aListChecksEachRowAgainstItsOwnNetworkAlsoWhenThePageMixesNetworks() {
        // alice's network, a shared one, and one RBAC-shared with alice; ports of both projects on them
        String own = (String) h.call(alice, "POST", "/v2.0/networks", body("network", "name", "a"))
                .get("network").get("id");
        String shared = (String) h.call(admin, "POST", "/v2.0/networks", body("network", "name", "s", "shared", true))
                .get("network").get("id");
        String rbacShared = (String) h.call(admin, "POST", "/v2.0/networks", body("network", "name", "r"))
                .get("network").get("id");
        h.call(admin, "POST", "/v2.0/rbac-policies", body("rbac_policy", "object_type", "network",
                "object_id", rbacShared, "action", "access_as_shared", "target_tenant", "project-a"));
        int n = 0;
        for (String net : List.of(own, shared, rbacShared)) {
            h.call(admin, "POST", "/v2.0/subnets", body("subnet", "network_id", net, "cidr", "10.5." + n++ + ".0/24",
                    "ip_version", 4));
        }
        assertThat(h.call(alice, "POST", "/v2.0/ports", body("port", "network_id", own)).status()).isEqualTo(201);
        assertThat(h.call(alice, "POST", "/v2.0/ports", body("port", "network_id", shared)).status()).isEqualTo(201);
        assertThat(h.call(alice, "POST", "/v2.0/ports", body("port", "network_id", rbacShared)).status())
                .isEqualTo(201);
        // bob's port on alice's network is visible to her (network owner), his port on the shared one is not
        assertThat(h.call(admin, "POST", "/v2.0/ports", body("port", "network_id", own, "project_id", "project-b"))
                .status()).isEqualTo(201);
        assertThat(h.call(bob, "POST", "/v2.0/ports", body("port", "network_id", shared)).status()).isEqualTo(201);

        List<Map<String, Object>> ports = h.call(alice, "GET", "/v2.0/ports", null).list("ports");
        assertThat(ports).extracting(p -> p.get("network_id") + "/" + p.get("project_id")).containsExactlyInAnyOrder(
                own + "/project-a", shared + "/project-a", rbacShared + "/project-a", own + "/project-b");
        List<Map<String, Object>> subnets = h.call(alice, "GET", "/v2.0/subnets", null).list("subnets");
        assertThat(subnets).extracting(s -> s.get("network_id")).as("own=%s shared=%s rbac=%s", own, shared, rbacShared)
                .contains(shared, rbacShared);
        assertThat(h.call(bob, "GET", "/v2.0/ports", null).list("ports")).hasSize(2); // his own two
    }
}
