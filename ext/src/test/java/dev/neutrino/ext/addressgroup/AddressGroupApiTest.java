package dev.neutrino.ext.addressgroup;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * address-group and security-groups-remote-address-group as Zed's AddressGroupDbMixin and
 * securitygroups_db keep them (neutron-tempest-plugin's test_address_groups covers the same ground).
 */
class AddressGroupApiTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");
    static final RequestContext BOB = RequestContext.member("bob", "project-b");

    @AutoClose
    ApiHarness h = new ApiHarness(); // an older server's harness replaces it in one test

    Map<String, Object> group(RequestContext ctx, Object... kv) {
        ApiHarness.Result r = h.call(ctx, "POST", "/v2.0/address-groups", body("address_group", kv));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.get("address_group");
    }

    ApiHarness.Result action(RequestContext ctx, String id, String action, List<String> addresses) {
        return h.call(ctx, "PUT", "/v2.0/address-groups/" + id + "/" + action, Map.of("addresses", addresses));
    }

    @Test
    void addressesAreNormalizedAddedAndRemoved() {
        assertThat(h.call(ADMIN, "GET", "/v2.0/extensions", null).list("extensions")).extracting(e -> e.get("alias"))
                .contains("address-group", "security-groups-remote-address-group");
        Map<String, Object> g = group(ALICE, "name", "web", "description", "d",
                "addresses", List.of("10.0.0.5/24", "192.168.1.1/32", "10.0.0.0/24", "2001:db8::1/64"));
        assertThat(g).containsEntry("name", "web").containsEntry("description", "d").doesNotContainKey("tags")
                .doesNotContainKey("shared");
        String id = (String) g.get("id");
        // what a member sees of it follows Zed's attribute map (neutron-zed-attributes.json), as ever
        Map<String, Object> asAdmin = h.call(ADMIN, "GET", "/v2.0/address-groups/" + id, null).get("address_group");
        assertThat(asAdmin).containsEntry("project_id", "project-a").containsKey("revision_number");
        assertThat(g.get("addresses")).asList().containsExactlyInAnyOrder("10.0.0.0/24", "192.168.1.1/32",
                "2001:db8::/64");
        long revision = ((Number) asAdmin.get("revision_number")).longValue();

        ApiHarness.Result added = action(ALICE, id, "add_addresses", List.of("172.16.0.9/16"));
        assertThat(added.status()).as("%s", added.body()).isEqualTo(200);
        assertThat(added.get("address_group").get("addresses")).asList().contains("172.16.0.0/16").hasSize(4);
        assertThat(((Number) h.call(ADMIN, "GET", "/v2.0/address-groups/" + id, null).get("address_group")
                .get("revision_number")).longValue()).as("the change bumps the revision").isGreaterThan(revision);

        ApiHarness.Result again = action(ALICE, id, "add_addresses", List.of("172.16.3.3/16"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorType()).isEqualTo("AddressesAlreadyExist");
        assertThat(again.get("NeutronError").get("message")).isEqualTo("Addresses ['172.16.0.0/16'] already exist "
                + "in the address group " + id + ".");
        ApiHarness.Result missing = action(ALICE, id, "remove_addresses", List.of("10.9.9.9/32"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorType()).isEqualTo("AddressesNotFound");
        assertThat(action(ALICE, id, "remove_addresses", List.of("10.0.0.7/24")).get("address_group")
                .get("addresses")).asList().doesNotContain("10.0.0.0/24").hasSize(3);
        assertThat(action(ALICE, id, "add_addresses", List.of("not-a-cidr")).status()).isEqualTo(400);
        ApiHarness.Result bare = action(ALICE, id, "remove_addresses", List.of("10.200.200.200"));
        assertThat(bare.status()).as("an address alone is a host, not in the group").isEqualTo(404);
        assertThat(bare.get("NeutronError").get("message")).isEqualTo("Addresses ['10.200.200.200/32'] not found "
                + "in the address group " + id + ".");
        assertThat(action(ALICE, id, "add_addresses", List.of("10.7.7.7")).get("address_group").get("addresses"))
                .asList().contains("10.7.7.7/32");
        assertThat(h.call(ALICE, "PUT", "/v2.0/address-groups/" + id + "/add_addresses", Map.of()).status())
                .isEqualTo(400);

        assertThat(h.call(BOB, "GET", "/v2.0/address-groups/" + id, null).status()).isEqualTo(404);
        assertThat(action(BOB, id, "add_addresses", List.of("10.1.1.1/32")).errorType())
                .isEqualTo("AddressGroupNotFound");
        assertThat(h.call(ALICE, "PUT", "/v2.0/address-groups/" + id, body("address_group", "addresses",
                List.of("10.0.0.0/8"))).status()).as("addresses change only through the actions").isEqualTo(400);
        assertThat(h.call(ALICE, "PUT", "/v2.0/address-groups/" + id, body("address_group", "name", "web2"))
                .get("address_group")).containsEntry("name", "web2");
    }

    @Test
    void aRuleNamesAGroupOfItsProjectAndKeepsIt() {
        String ag = (String) group(ALICE, "name", "ag", "addresses", List.of("10.0.0.1/32")).get("id");
        String others = (String) group(BOB, "name", "bob's").get("id");
        String sg = (String) h.call(ALICE, "POST", "/v2.0/security-groups", body("security_group", "name", "s"))
                .get("security_group").get("id");
        ApiHarness.Result rule = h.call(ALICE, "POST", "/v2.0/security-group-rules", body("security_group_rule",
                "security_group_id", sg, "direction", "ingress", "remote_address_group_id", ag));
        assertThat(rule.status()).as("%s", rule.body()).isEqualTo(201);
        assertThat(rule.get("security_group_rule")).containsEntry("remote_address_group_id", ag)
                .containsEntry("remote_ip_prefix", null).containsEntry("remote_group_id", null);
        assertThat(h.call(ALICE, "GET", "/v2.0/security-group-rules", Map.of("remote_address_group_id", List.of(ag)),
                null).list("security_group_rules")).hasSize(1);

        ApiHarness.Result foreign = h.call(ALICE, "POST", "/v2.0/security-group-rules", body("security_group_rule",
                "security_group_id", sg, "direction", "egress", "remote_address_group_id", others));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.errorType()).isEqualTo("AddressGroupNotFound");
        ApiHarness.Result two = h.call(ALICE, "POST", "/v2.0/security-group-rules", body("security_group_rule",
                "security_group_id", sg, "direction", "egress", "remote_address_group_id", ag,
                "remote_ip_prefix", "10.0.0.0/8"));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.errorType()).isEqualTo("SecurityGroupMultipleRemoteEntites");
        assertThat(two.get("NeutronError").get("message")).isEqualTo("Only one of remote_ip_prefix or "
                + "remote_group_id or remote_address_group_id may be provided.");

        ApiHarness.Result inUse = h.call(ALICE, "DELETE", "/v2.0/address-groups/" + ag, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.errorType()).isEqualTo("AddressGroupInUse");
        assertThat(inUse.get("NeutronError").get("message")).isEqualTo("Address group " + ag
                + " is in use on one or more security group rules.");
        assertThat(h.call(ALICE, "DELETE", "/v2.0/security-group-rules/" + rule.get("security_group_rule").get("id"),
                null).status()).isEqualTo(204);
        assertThat(h.call(ALICE, "DELETE", "/v2.0/address-groups/" + ag, null).status()).isEqualTo(204);
    }

    @Test
    void whileAnOlderServerRunsNoRuleNamesAnAddressGroup() {
        try (ApiHarness old = new ApiHarness(dev.neutrino.common.Config.defaults(dev.neutrino.ext.NeutrinoOptions.ALL),
                release -> false)) {
            h.close();
            h = old;
            String ag = (String) group(ALICE, "name", "ag", "addresses", List.of("10.0.0.1/32")).get("id");
            String sg = (String) h.call(ALICE, "POST", "/v2.0/security-groups", body("security_group", "name", "s"))
                    .get("security_group").get("id");
            ApiHarness.Result rule = h.call(ALICE, "POST", "/v2.0/security-group-rules", body("security_group_rule",
                    "security_group_id", sg, "direction", "ingress", "remote_address_group_id", ag));
            assertThat(rule.status()).isEqualTo(409);
            assertThat(rule.errorType()).isEqualTo("RemoteAddressGroupNotYetAvailable");
            assertThat(h.call(ALICE, "POST", "/v2.0/security-group-rules", body("security_group_rule",
                    "security_group_id", sg, "direction", "ingress", "remote_ip_prefix", "10.0.0.0/8")).status())
                    .isEqualTo(201);
        }
    }
}
