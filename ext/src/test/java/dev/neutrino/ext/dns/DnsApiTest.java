package dev.neutrino.ext.dns;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.ml2.Ml2Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DNS extensions as Zed's ML2 dns extension drivers answer (compared with neutron-server 21 with
 * {@code dns_domain_keywords} and {@code [DEFAULT] dns_domain = example.org.}, and with the default
 * openstacklocal).
 */
class DnsApiTest {
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");

    ApiHarness h;

    @AfterEach
    void stop() {
        if (h != null) h.close();
    }

    static Config config(String dnsDomain, String... drivers) {
        return Config.defaults(NeutrinoOptions.ALL).with(DnsOptions.DNS_DOMAIN, dnsDomain)
                .with(Ml2Options.EXTENSION_DRIVERS, List.of(drivers));
    }

    Map<String, Object> create(String collection, String key, Object... kv) {
        ApiHarness.Result r = h.call(ALICE, "POST", "/v2.0/" + collection, body(key, kv));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.get(key);
    }

    ApiHarness.Result update(String collection, String key, Object id, Object... kv) {
        return h.call(ALICE, "PUT", "/v2.0/" + collection + "/" + id, body(key, kv));
    }

    String networkWithSubnet(Object... kv) {
        String net = (String) create("networks", "network", kv).get("id");
        create("subnets", "subnet", "network_id", net, "cidr", "10.0.0.0/24", "ip_version", 4);
        return net;
    }

    List<String> aliases() {
        return h.call(ALICE, "GET", "/v2.0/extensions", null).list("extensions").stream()
                .map(e -> (String) e.get("alias")).toList();
    }

    static Map<String, Object> assignment(String ip, String hostname, String fqdn) {
        return Map.of("ip_address", ip, "hostname", hostname, "fqdn", fqdn);
    }

    @Test
    void portsAreNamedAfterTheirDnsNameUnderTheConfiguredDomain() {
        h = new ApiHarness(config("example.org", "port_security", "dns_domain_keywords"));
        assertThat(aliases()).contains("dns-integration", "dns-domain-ports", "dns-integration-domain-keywords",
                "subnet-dns-publish-fixed-ip");
        String net = networkWithSubnet("dns_domain", "Test.ORG.");
        assertThat(h.call(ALICE, "GET", "/v2.0/networks/" + net, null).get("network"))
                .containsEntry("dns_domain", "test.org.");

        Map<String, Object> named = create("ports", "port", "network_id", net, "dns_name", "VM-1",
                "dns_domain", "ports.org.", "fixed_ips", List.of(Map.of("ip_address", "10.0.0.5")));
        assertThat(named).containsEntry("dns_name", "vm-1").containsEntry("dns_domain", "ports.org.");
        // the configured domain, not the network's nor the port's: those are for an external DNS service
        assertThat(named.get("dns_assignment")).isEqualTo(List.of(assignment("10.0.0.5", "vm-1", "vm-1.example.org.")));
        long revision = ((Number) named.get("revision_number")).longValue();

        ApiHarness.Result renamed = update("ports", "port", named.get("id"), "dns_name", "vm-2");
        assertThat(renamed.status()).as("%s", renamed.body()).isEqualTo(200);
        assertThat(renamed.get("port")).containsEntry("dns_name", "vm-2");
        assertThat(((Number) renamed.get("port").get("revision_number")).longValue()).isGreaterThan(revision);
        assertThat(h.call(ALICE, "GET", "/v2.0/ports/" + named.get("id"), null).get("port").get("dns_assignment"))
                .isEqualTo(List.of(assignment("10.0.0.5", "vm-2", "vm-2.example.org.")));
        // a list that shows dns_assignment without fixed_ips still names every address
        ApiHarness.Result fields = h.call(ALICE, "GET", "/v2.0/ports",
                Map.of("id", List.of((String) named.get("id")), "fields", List.of("dns_assignment")), null);
        assertThat(fields.list("ports").get(0).get("dns_assignment"))
                .isEqualTo(List.of(assignment("10.0.0.5", "vm-2", "vm-2.example.org.")));

        Map<String, Object> fqdn = create("ports", "port", "network_id", net, "dns_name", "db.example.org.",
                "fixed_ips", List.of(Map.of("ip_address", "10.0.0.6")));
        assertThat(fqdn.get("dns_assignment")).isEqualTo(List.of(assignment("10.0.0.6", "db.example.org.",
                "db.example.org.")));
        Map<String, Object> anonymous = create("ports", "port", "network_id", net,
                "fixed_ips", List.of(Map.of("ip_address", "10.0.0.7")));
        assertThat(anonymous).containsEntry("dns_name", "").containsEntry("dns_domain", "");
        assertThat(anonymous.get("dns_assignment")).isEqualTo(List.of(assignment("10.0.0.7", "host-10-0-0-7",
                "host-10-0-0-7.example.org.")));

        ApiHarness.Result cleared = update("ports", "port", named.get("id"), "dns_name", "", "dns_domain", "");
        assertThat(cleared.get("port")).containsEntry("dns_name", "").containsEntry("dns_domain", "");
        assertThat(cleared.get("port").get("dns_assignment")).isEqualTo(List.of(assignment("10.0.0.5",
                "host-10-0-0-5", "host-10-0-0-5.example.org.")));

        ApiHarness.Result domain = update("networks", "network", net, "dns_domain", "other.org.");
        assertThat(domain.get("network")).containsEntry("dns_domain", "other.org.");
        assertThat(update("networks", "network", net, "dns_domain", "").get("network")).containsEntry("dns_domain", "");
    }

    @Test
    void badNamesGetNeutronsAnswers() {
        h = new ApiHarness(config("example.org", "port_security", "dns_domain_ports"));
        assertThat(aliases()).contains("dns-integration", "dns-domain-ports")
                .doesNotContain("dns-integration-domain-keywords", "subnet-dns-publish-fixed-ip");
        String net = networkWithSubnet();
        assertInvalid(h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", net, "dns_name", "-vm")),
                "Invalid input for dns_name. Reason: '-vm' not a valid PQDN or FQDN. Reason: Name '-vm' must not "
                        + "start or end with a hyphen.");
        assertInvalid(h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", net, "dns_name", "vm.other.org.")),
                "Invalid input for dns_name. Reason: The dns_name passed is a FQDN. Its higher level labels must be "
                        + "equal to the dns_domain option in neutron.conf, that has been set to 'example.org'. It "
                        + "must also include one or more valid DNS labels to the left of 'example.org'.");
        assertInvalid(h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", net, "dns_name", "a..b")),
                "Invalid input for dns_name. Reason: 'a..b' not a valid PQDN or FQDN. Reason: Encountered an empty "
                        + "component.");
        assertInvalid(h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", net, "dns_name", "vm.123")),
                "Invalid input for dns_name. Reason: 'vm.123' not a valid PQDN or FQDN. Reason: TLD '123' must not be "
                        + "all numeric.");
        assertInvalid(h.call(ALICE, "POST", "/v2.0/networks", body("network", "dns_domain", "example.org")),
                "Invalid input for dns_domain. Reason: 'example.org' is not a FQDN.");
        assertInvalid(h.call(ALICE, "POST", "/v2.0/networks", body("network", "dns_domain", "a_b.org.")),
                "Invalid input for dns_domain. Reason: 'a_b.org.' not a valid PQDN or FQDN. Reason: Name 'a_b' must "
                        + "be 1-63 characters long, each of which can only be alphanumeric or a hyphen.");
        ApiHarness.Result number = h.call(ALICE, "POST", "/v2.0/networks", body("network", "dns_domain", 5));
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.errorType()).isEqualTo("InvalidInput");
        assertThat(number.get("NeutronError").get("message"))
                .isEqualTo("Invalid input for operation: Input value 5 must be string type.");
        ApiHarness.Result keywords = h.call(ALICE, "POST", "/v2.0/networks",
                body("network", "dns_domain", "<project_id>.example.org."));
        assertThat(keywords.status()).as("keywords are labels (DNS_LABEL_REGEX)").isEqualTo(201);
    }

    @Test
    void withOpenstacklocalPortsKeepNoNameOfTheirOwn() {
        h = new ApiHarness(config("openstacklocal", "port_security", "dns"));
        assertThat(aliases()).contains("dns-integration").doesNotContain("dns-domain-ports");
        String net = networkWithSubnet();
        Map<String, Object> port = create("ports", "port", "network_id", net, "dns_name", "vm1",
                "fixed_ips", List.of(Map.of("ip_address", "10.0.0.9")));
        assertThat(port).containsEntry("dns_name", "").doesNotContainKey("dns_domain");
        assertThat(port.get("dns_assignment")).isEqualTo(List.of(assignment("10.0.0.9", "host-10-0-0-9",
                "host-10-0-0-9.openstacklocal.")));
        assertThat(update("ports", "port", port.get("id"), "dns_name", "vm2").get("port")).containsEntry("dns_name", "");
    }

    @Test
    void floatingIpNamesAreCheckedNotKeptAndSubnetsPublishFlag() {
        h = new ApiHarness(config("example.org", "port_security", "subnet_dns_publish_fixed_ip"));
        String ext = (String) h.call(RequestContext.admin("admin"), "POST", "/v2.0/networks",
                body("network", "router:external", true)).get("network").get("id");
        h.call(RequestContext.admin("admin"), "POST", "/v2.0/subnets",
                body("subnet", "network_id", ext, "cidr", "172.24.4.0/24", "ip_version", 4));
        Map<String, Object> fip = create("floatingips", "floatingip", "floating_network_id", ext,
                "dns_name", "web", "dns_domain", "example.org.");
        assertThat(fip).containsEntry("dns_name", "").containsEntry("dns_domain", "");
        assertInvalid(h.call(ALICE, "POST", "/v2.0/floatingips",
                        body("floatingip", "floating_network_id", ext, "dns_name", "web.")),
                "Invalid input for dns_name. Reason: 'web.' is a FQDN. It should be a relative domain name.");
        assertInvalid(update("floatingips", "floatingip", fip.get("id"), "dns_name", "x"),
                "Cannot update read-only attribute dns_name");

        String net = (String) create("networks", "network").get("id");
        Map<String, Object> subnet = create("subnets", "subnet", "network_id", net, "cidr", "10.1.0.0/24",
                "ip_version", 4);
        assertThat(subnet).containsEntry("dns_publish_fixed_ip", false);
        assertThat(update("subnets", "subnet", subnet.get("id"), "dns_publish_fixed_ip", true).get("subnet"))
                .containsEntry("dns_publish_fixed_ip", true);
    }

    @Test
    void withoutADnsDriverNoneOfItIsThere() {
        h = new ApiHarness(config("example.org", "port_security"));
        assertThat(aliases()).doesNotContain("dns-integration", "dns-domain-ports");
        String net = networkWithSubnet();
        Map<String, Object> port = create("ports", "port", "network_id", net);
        assertThat(port).doesNotContainKeys("dns_name", "dns_assignment", "dns_domain");
        assertThat(h.call(ALICE, "POST", "/v2.0/ports", body("port", "network_id", net, "dns_name", "a")).status())
                .isEqualTo(400);
    }

    static void assertInvalid(ApiHarness.Result r, String message) {
        assertThat(r.status()).as("%s", r.body()).isEqualTo(400);
        assertThat(r.get("NeutronError").get("message")).isEqualTo(message);
    }
}
