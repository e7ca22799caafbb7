package dev.neutrino.ext.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.NeutronException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Network RBAC entries beyond the noauth HTTP tests: who may create them, and
 * access_as_external entries as neutron/db/external_net_db.py has them: any such entry makes the
 * network external, a targeted one lets only its project see and use it, entries that routers'
 * gateways depend on cannot go, and the last one gone makes the network internal again.
 */
class NetworkRbacTest extends L3TestBase {
    Map<String, Object> net;

    @BeforeEach
    void internalNetworkOfTheOperators() {
        net = create("networks", "network", "{'network': {'name': 'provider', 'project_id': 'ops'}}");
        subnet(net.get("id"), "198.51.100.0/24");
    }

    Map<String, Object> policy(String target) {
        return create("rbac-policies", "rbac_policy", "{'rbac_policy': {'object_type': 'network', 'object_id': '"
                + net.get("id") + "', 'action': 'access_as_external', 'target_tenant': '" + target + "'}}");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> policies(Map<String, List<String>> query) {
        var r = call(ADMIN, "GET", "/v2.0/rbac-policies", query);
        return (List<Map<String, Object>>) ((Map<String, Object>) dev.neutrino.ext.Bodies.materialize(r.body())).get("rbac_policies");
    }

    boolean external() {
        return (Boolean) show("networks", "network", net.get("id")).get("router:external");
    }

    List<Object> visibleNetworkIds(dev.neutrino.engine.RequestContext ctx) {
        return list(ctx, "networks", Map.of()).stream().map(n -> n.get("id")).toList();
    }

    @Test
    void aTargetedEntryMakesTheNetworkExternalForThatProjectOnly() {
        Map<String, Object> p = policy(OTHER.projectId());
        assertThat(external()).isTrue();
        assertThat(visibleNetworkIds(OTHER)).contains(net.get("id"));
        assertThat(visibleNetworkIds(USER)).doesNotContain(net.get("id"));

        Map<String, Object> router = router(OTHER, "{'router': {'name': 'r', 'external_gateway_info': "
                + "{'network_id': '" + net.get("id") + "'}}}");
        assertThat(gatewayInfo(router)).containsEntry("network_id", net.get("id"));
        Map<String, Object> fip = create(OTHER, "floatingips", "floatingip", "{'floatingip': "
                + "{'floating_network_id': '" + net.get("id") + "'}}");
        assertThat(fip.get("floating_ip_address")).asString().startsWith("198.51.100.");
        NeutronException e = fails(USER, "POST", "/v2.0/floatingips", "{'floatingip': {'floating_network_id': '"
                + net.get("id") + "'}}");
        assertThat(e.status()).isEqualTo(404);

        // OTHER's router depends on the entry
        e = fails("DELETE", "/v2.0/rbac-policies/" + p.get("id"), null);
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.type()).isEqualTo("RbacPolicyInUse");
        assertThat(e.getMessage()).endsWith("There are routers attached to this network that depend on this "
                + "policy for access.");

        update(OTHER, "routers", "router", router.get("id"), "{'router': {'external_gateway_info': {}}}");
        delete(OTHER, "floatingips", fip.get("id"));
        delete("rbac-policies", p.get("id"));
        assertThat(external()).as("the last access_as_external entry went").isFalse();
    }

    @Test
    void theWildcardCanGoWhenEveryRouterProjectHasItsOwnEntry() {
        policy("*");
        Map<String, Object> wildcard = policies(Map.of("object_id", List.of((String) net.get("id")),
                "target_tenant", List.of("*"))).get(0);
        router(OTHER, "{'router': {'name': 'r', 'external_gateway_info': {'network_id': '" + net.get("id") + "'}}}");
        assertThat(fails("DELETE", "/v2.0/rbac-policies/" + wildcard.get("id"), null).type())
                .isEqualTo("RbacPolicyInUse");
        policy(OTHER.projectId());
        delete("rbac-policies", wildcard.get("id"));
        assertThat(external()).as("a targeted entry remains").isTrue();
        assertThat(visibleNetworkIds(USER)).doesNotContain(net.get("id"));
    }

    @Test
    void makingTheNetworkInternalNeedsNoGatewaysAndRemovesEveryEntry() {
        update("networks", "network", net.get("id"), "{'network': {'router:external': true}}");
        policy(OTHER.projectId());
        Map<String, Object> router = router(OTHER, "{'router': {'name': 'r', 'external_gateway_info': "
                + "{'network_id': '" + net.get("id") + "'}}}");
        NeutronException e = fails("PUT", "/v2.0/networks/" + net.get("id"), "{'network': {'router:external': false}}");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.type()).isEqualTo("ExternalNetworkInUse");

        update(OTHER, "routers", "router", router.get("id"), "{'router': {'external_gateway_info': {}}}");
        update("networks", "network", net.get("id"), "{'network': {'router:external': false}}");
        assertThat(external()).isFalse();
        assertThat(policies(Map.of("object_id", List.of((String) net.get("id"))))).isEmpty();
    }

    @Test
    void sharedFiltersFollowTheCallersView() {
        Map<String, Object> shared = create("networks", "network", "{'network': {'name': 's', 'project_id': 'ops'}}");
        Map<String, Object> sub = subnet(shared.get("id"), "192.0.2.0/24");
        create("rbac-policies", "rbac_policy", "{'rbac_policy': {'object_type': 'network', 'object_id': '"
                + shared.get("id") + "', 'action': 'access_as_shared', 'target_tenant': '" + USER.projectId() + "'}}");
        // shared with p1 only: shared for p1, not for an admin of another project
        var admin = dev.neutrino.engine.RequestContext.admin("ops");
        assertThat(list(USER, "networks", query("shared", "true"))).extracting(n -> n.get("id"))
                .containsExactly(shared.get("id"));
        assertThat(list(USER, "subnets", query("shared", "true"))).extracting(s -> s.get("id"))
                .containsExactly(sub.get("id"));
        assertThat(list(admin, "subnets", query("shared", "true"))).isEmpty();
        assertThat(list(admin, "subnets", query("shared", "false"))).extracting(s -> s.get("id"))
                .contains(sub.get("id"));
        assertThat(list(admin, "subnets", query("shared", "false")).get(0)).doesNotContainKey("shared");
    }

    @Test
    void onlyTheOwnerSharesAndSharingBumpsTheRevision() {
        long before = ((Number) show("networks", "network", net.get("id")).get("revision_number")).longValue();
        create("rbac-policies", "rbac_policy", "{'rbac_policy': {'object_type': 'network', 'object_id': '"
                + net.get("id") + "', 'action': 'access_as_shared', 'target_tenant': '" + USER.projectId() + "'}}");
        long after = ((Number) show("networks", "network", net.get("id")).get("revision_number")).longValue();
        assertThat(after).isGreaterThan(before);

        // p1 sees the network now, but it is not p1's to share further
        NeutronException e = fails(USER, "POST", "/v2.0/rbac-policies", "{'rbac_policy': {'object_type': 'network', "
                + "'object_id': '" + net.get("id") + "', 'action': 'access_as_shared', 'target_tenant': 'p9'}}");
        assertError(e, 400, "InvalidInput", "Invalid input for operation: Only admins can manipulate policies on "
                + "networks they do not own.");
        // p2 does not even see it
        e = fails(OTHER, "POST", "/v2.0/rbac-policies", "{'rbac_policy': {'object_type': 'network', "
                + "'object_id': '" + net.get("id") + "', 'action': 'access_as_shared', 'target_tenant': 'p9'}}");
        assertThat(e.status()).isEqualTo(404);
    }
}
