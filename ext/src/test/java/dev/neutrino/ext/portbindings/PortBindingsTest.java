package dev.neutrino.ext.portbindings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ext.ApiHarness;
import dev.neutrino.ml2.CommittedChange;
import dev.neutrino.ml2.MechanismDriver;
import dev.neutrino.policy.PolicyCheckException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * binding-extended as ML2 answers it: {@code /v2.0/ports/{id}/bindings[/{host}[/activate]]}, with a
 * mechanism driver that binds hosts "src" and "dst" (vif_details naming the host, so a test can see
 * which binding became the port's) and no other.
 */
class PortBindingsTest {
    static final RequestContext ADMIN = RequestContext.admin("admin-project");
    static final RequestContext ALICE = RequestContext.member("alice", "project-a");

    /** Binds "src" and "dst" as OVN binds a normal VNIC; nothing else. */
    static final class TwoHosts implements MechanismDriver {
        @Override
        public String name() {
            return "two-hosts";
        }

        @Override
        public Binding bindPort(Map<String, Object> port) {
            Object host = port.get("binding:host_id");
            if (!Set.of("src", "dst").contains(host)) return null;
            return new Binding("ovs", Map.of("port_filter", true, "bound_on", host));
        }
    }

    ApiHarness h;
    final List<CommittedChange> feed = new CopyOnWriteArrayList<>();
    String networkId;

    @BeforeEach
    void start() {
        h = new ApiHarness();
        h.app().mechanisms().register(new TwoHosts());
        h.app().onChange(feed::add);
        networkId = (String) h.call(ADMIN, "POST", "/v2.0/networks", Map.of("network", Map.of("name", "n",
                "shared", true))).get("network").get("id");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    String port(RequestContext ctx, String owner, String host) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("network_id", networkId);
        p.put("device_owner", owner);
        if (host != null) p.put("binding:host_id", host);
        ApiHarness.Result r = h.call(ctx, "POST", "/v2.0/ports", Map.of("port", p));
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return (String) r.get("port").get("id");
    }

    ApiHarness.Result call(String method, String path, Object body) {
        return h.call(ADMIN, method, path, body);
    }

    static Map<String, Object> binding(Object... kv) {
        Map<String, Object> b = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) b.put((String) kv[i], kv[i + 1]);
        return Map.of("binding", b);
    }

    @Test
    void theExtensionIsAdvertisedAndNeedsBinding() {
        assertThat(call("GET", "/v2.0/extensions/binding-extended", null).get("extension"))
                .containsEntry("name", "Port Bindings Extended")
                .containsEntry("updated", "2017-07-17T10:00:00-00:00");
    }

    @Test
    void aBoundPortListsItsActiveBindingAndANewOneIsInactiveAndBoundByTheDrivers() {
        String id = port(ADMIN, "compute:nova", "src");
        String path = "/v2.0/ports/" + id + "/bindings";
        assertThat(call("GET", path, null).list("bindings")).containsExactly(Map.of("host", "src",
                "vif_type", "ovs", "vnic_type", "normal", "status", "ACTIVE", "profile", Map.of(),
                "vif_details", Map.of("port_filter", true, "bound_on", "src")));

        ApiHarness.Result created = call("POST", path, binding("host", "dst", "profile", Map.of("k", "v")));
        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> dst = Map.of("host", "dst", "vif_type", "ovs", "vnic_type", "normal",
                "status", "INACTIVE", "profile", Map.of("k", "v"),
                "vif_details", Map.of("port_filter", true, "bound_on", "dst"));
        assertThat(created.get("binding")).isEqualTo(dst);
        assertThat(call("GET", path + "/dst", null).get("binding")).isEqualTo(dst);
        assertThat(call("GET", path, null).list("bindings")).as("by host, as ML2's table gives them")
                .extracting(b -> b.get("host")).containsExactly("dst", "src");

        // filters and fields, as the controller's list has them
        assertThat(h.call(ADMIN, "GET", path, Map.of("status", List.of("INACTIVE"), "fields", List.of("host")), null)
                .list("bindings")).containsExactly(Map.of("host", "dst"));
        assertThat(h.call(ADMIN, "GET", path + "/dst", Map.of("fields", List.of("status")), null).get("binding"))
                .isEqualTo(Map.of("status", "INACTIVE"));
        ApiHarness.Result badFilter = h.call(ADMIN, "GET", path, Map.of("color", List.of("red")), null);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.get("NeutronError").get("message")).isEqualTo("['color'] is invalid attribute for filtering");

        // an inactive binding changes nothing on the port
        Map<String, Object> port = call("GET", "/v2.0/ports/" + id, null).get("port");
        assertThat(port).containsEntry("binding:host_id", "src").containsEntry("revision_number", 1);
    }

    @Test
    void aSecondBindingForAHostOrOneNoDriverBindsIsRefused() {
        String id = port(ADMIN, "compute:nova", "src");
        String path = "/v2.0/ports/" + id + "/bindings";
        ApiHarness.Result onActive = call("POST", path, binding("host", "src"));
        assertThat(onActive.status()).isEqualTo(409);
        assertThat(onActive.errorType()).isEqualTo("PortBindingAlreadyExists");
        assertThat(onActive.get("NeutronError").get("message"))
                .isEqualTo("Binding for port " + id + " on host src already exists.");
        assertThat(call("POST", path, binding("host", "dst")).status()).isEqualTo(201);
        assertThat(call("POST", path, binding("host", "dst")).errorType()).isEqualTo("PortBindingAlreadyExists");

        ApiHarness.Result failed = call("POST", path, binding("host", "nowhere"));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.errorType()).isEqualTo("PortBindingError");
        assertThat(failed.get("NeutronError").get("message"))
                .isEqualTo("Binding for port " + id + " on host nowhere could not be created or updated.");
        assertThat(call("GET", path, null).list("bindings")).hasSize(2);
    }

    @Test
    void requestBodiesAreCheckedAsTheAttributeMapSays() {
        String path = "/v2.0/ports/" + port(ADMIN, "compute:nova", "src") + "/bindings";
        assertThat(call("POST", path, binding("vnic_type", "normal")).get("NeutronError").get("message"))
                .isEqualTo("Failed to parse request. Required attribute 'host' not specified");
        assertThat(call("POST", path, binding("host", "dst", "vif_type", "ovs")).get("NeutronError").get("message"))
                .isEqualTo("Attribute 'vif_type' not allowed in POST");
        assertThat(call("POST", path, binding("host", "dst", "vnic_type", "fancy")).status()).isEqualTo(400);
        assertThat(call("POST", path, binding("host", "dst", "profile", "x")).status()).isEqualTo(400);
        assertThat(call("POST", path, binding("host", "dst", "color", "red")).get("NeutronError").get("message"))
                .isEqualTo("Unrecognized attribute(s) 'color'");
        assertThat(call("POST", path, Map.of("host", "dst")).get("NeutronError").get("message"))
                .isEqualTo("Unable to find 'binding' in request body");
        assertThat(call("PUT", path, binding("host", "dst")).status()).isEqualTo(405);
    }

    @Test
    void unknownPortsHostsAndNonComputePortsAreRefusedAsMl2Does() {
        String id = port(ADMIN, "compute:nova", "src");
        ApiHarness.Result noHost = call("GET", "/v2.0/ports/" + id + "/bindings/elsewhere", null);
        assertThat(noHost.status()).isEqualTo(404);
        assertThat(noHost.errorType()).isEqualTo("PortBindingNotFound");
        assertThat(noHost.get("NeutronError").get("message"))
                .isEqualTo("Binding for port " + id + " for host elsewhere could not be found.");
        assertThat(call("DELETE", "/v2.0/ports/" + id + "/bindings/elsewhere", null).errorType())
                .isEqualTo("PortBindingNotFound");
        assertThat(call("PUT", "/v2.0/ports/" + id + "/bindings/elsewhere/activate", null).errorType())
                .isEqualTo("PortBindingNotFound");

        ApiHarness.Result noPort = call("GET", "/v2.0/ports/00000000-0000-0000-0000-000000000000/bindings", null);
        assertThat(noPort.status()).isEqualTo(404);
        assertThat(noPort.errorType()).isEqualTo("PortNotFound");

        String dhcp = port(ADMIN, "network:dhcp", "src");
        ApiHarness.Result notCompute = call("POST", "/v2.0/ports/" + dhcp + "/bindings", binding("host", "dst"));
        assertThat(notCompute.status()).isEqualTo(400);
        assertThat(notCompute.get("NeutronError").get("message"))
                .isEqualTo("Bad port request: Invalid port " + dhcp + ". Operation only valid on compute ports.");
        assertThat(call("GET", "/v2.0/ports/" + dhcp + "/bindings", null).status()).isEqualTo(400);
    }

    @Test
    void activationMakesTheBindingThePortsAndTheFormerOneInactiveThroughTheChangeFeed() {
        String id = port(ADMIN, "compute:nova", "src");
        String path = "/v2.0/ports/" + id + "/bindings";
        call("PUT", "/v2.0/ports/" + id, Map.of("port", Map.of("binding:profile", Map.of("migrating_to", "dst"))));
        call("POST", path, binding("host", "dst", "vnic_type", "normal"));
        feed.clear();

        ApiHarness.Result activated = call("PUT", path + "/dst/activate", null);
        assertThat(activated.status()).isEqualTo(200);
        // a member action answers with the binding itself, not wrapped
        assertThat(activated.body()).isEqualTo(Map.of("host", "dst", "vif_type", "ovs", "vnic_type", "normal",
                "status", "ACTIVE", "profile", Map.of(), "vif_details", Map.of("port_filter", true, "bound_on", "dst")));

        Map<String, Object> port = call("GET", "/v2.0/ports/" + id, null).get("port");
        assertThat(port).containsEntry("binding:host_id", "dst").containsEntry("binding:vif_type", "ovs")
                .containsEntry("binding:vif_details", Map.of("port_filter", true, "bound_on", "dst",
                        "bound_drivers", Map.of("0", "two-hosts")))
                .containsEntry("binding:profile", Map.of()).containsEntry("status", "DOWN");
        assertThat(call("GET", path + "/src", null).get("binding")).isEqualTo(Map.of("host", "src",
                "vif_type", "unbound", "vnic_type", "normal", "status", "INACTIVE",
                "profile", Map.of("migrating_to", "dst"), "vif_details", Map.of()));

        assertThat(feed).filteredOn(c -> c.resource().equals("port")).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CommittedChange.Kind.UPDATE);
            assertThat(c.current()).containsEntry("binding:host_id", "dst");
            assertThat(c.original()).containsEntry("binding:host_id", "src");
        });

        ApiHarness.Result again = call("PUT", path + "/dst/activate", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorType()).isEqualTo("PortBindingAlreadyActive");
        assertThat(again.get("NeutronError").get("message"))
                .isEqualTo("Binding for port " + id + " on host dst is already active.");

        assertThat(call("GET", path + "/src/activate", null).status()).isEqualTo(405);
    }

    @Test
    void anUnboundPortsActiveBindingHasNoHostAndANewBindingCanBeActivated() {
        String id = port(ADMIN, "compute:nova", null);
        String path = "/v2.0/ports/" + id + "/bindings";
        assertThat(call("GET", path, null).list("bindings")).containsExactly(Map.of("host", "", "vif_type", "unbound",
                "vnic_type", "normal", "status", "ACTIVE", "profile", Map.of(), "vif_details", Map.of()));
        assertThat(call("POST", path, binding("host", "dst")).get("binding")).containsEntry("status", "INACTIVE");
        assertThat(call("PUT", path + "/dst/activate", null).status()).isEqualTo(200);
        assertThat(call("GET", "/v2.0/ports/" + id, null).get("port")).containsEntry("binding:host_id", "dst");
        // ML2 keeps the former active binding, host "" and all, as an inactive one
        assertThat(call("GET", path, null).list("bindings")).extracting(b -> b.get("host") + "/" + b.get("status"))
                .containsExactly("/INACTIVE", "dst/ACTIVE");

        // unbound again and moved again: the kept binding of host "" is replaced, not doubled
        call("DELETE", path + "/dst", null);
        assertThat(call("GET", path, null).list("bindings")).extracting(b -> b.get("host") + "/" + b.get("status"))
                .containsExactly("/ACTIVE");
        call("POST", path, binding("host", "src"));
        assertThat(call("PUT", path + "/src/activate", null).status()).isEqualTo(200);
        assertThat(call("GET", path, null).list("bindings")).extracting(b -> b.get("host") + "/" + b.get("status"))
                .containsExactly("/INACTIVE", "src/ACTIVE");
    }

    @Test
    void deletingAnInactiveBindingRemovesItAndDeletingTheActiveOneUnbindsThePort() {
        String id = port(ADMIN, "compute:nova", "src");
        String path = "/v2.0/ports/" + id + "/bindings";
        call("POST", path, binding("host", "dst"));
        assertThat(call("DELETE", path + "/dst", null).status()).isEqualTo(204);
        assertThat(call("GET", path, null).list("bindings")).extracting(b -> b.get("host")).containsExactly("src");
        assertThat(call("DELETE", path + "/dst", null).errorType()).isEqualTo("PortBindingNotFound");

        feed.clear();
        assertThat(call("DELETE", path + "/src", null).status()).isEqualTo(204);
        assertThat(call("GET", "/v2.0/ports/" + id, null).get("port")).containsEntry("binding:host_id", "")
                .containsEntry("binding:vif_type", "unbound");
        assertThat(feed).filteredOn(c -> c.resource().equals("port")).singleElement()
                .satisfies(c -> assertThat(c.current()).containsEntry("binding:host_id", ""));
    }

    @Test
    void anUpdateOfTheActiveBindingIsAPortUpdateAndOfAnInactiveOneKeepsItsBindingUnlessUnbound() {
        String id = port(ADMIN, "compute:nova", "src");
        String path = "/v2.0/ports/" + id + "/bindings";
        call("POST", path, binding("host", "dst"));
        call("PUT", path + "/dst/activate", null);
        // the former active one is unbound: an update binds it again for its host
        ApiHarness.Result rebound = call("PUT", path + "/src", binding("profile", Map.of("k", "v")));
        assertThat(rebound.status()).isEqualTo(200);
        assertThat(rebound.get("binding")).isEqualTo(Map.of("host", "src", "vif_type", "ovs", "vnic_type", "normal",
                "status", "INACTIVE", "profile", Map.of("k", "v"),
                "vif_details", Map.of("port_filter", true, "bound_on", "src")));
        assertThat(call("GET", path + "/src", null).get("binding")).isEqualTo(rebound.get("binding"));

        feed.clear();
        ApiHarness.Result active = call("PUT", path + "/dst", binding("profile", Map.of("migrating_to", "src")));
        assertThat(active.get("binding")).containsEntry("status", "ACTIVE")
                .containsEntry("profile", Map.of("migrating_to", "src"));
        assertThat(call("GET", "/v2.0/ports/" + id, null).get("port"))
                .containsEntry("binding:profile", Map.of("migrating_to", "src")).containsEntry("status", "DOWN");
        assertThat(feed).filteredOn(c -> c.resource().equals("port")).hasSize(1);

        // a host taken by another binding, one no driver binds, what may not be written
        assertThat(call("PUT", path + "/dst", binding("host", "src")).errorType()).isEqualTo("PortBindingAlreadyExists");
        assertThat(call("PUT", path + "/dst", binding("host", "nowhere")).errorType()).isEqualTo("PortBindingError");
        assertThat(call("PUT", path + "/dst", binding("status", "INACTIVE")).get("NeutronError").get("message"))
                .isEqualTo("Cannot update read-only attribute status");
        assertThat(call("PUT", path + "/elsewhere", binding("vnic_type", "normal")).errorType())
                .isEqualTo("PortBindingNotFound");
        assertThat(call("GET", "/v2.0/ports/" + id, null).get("port")).containsEntry("binding:host_id", "dst");
    }

    @Test
    void zedHasNoRulesForBindingsSoTheDefaultRuleDecides() {
        // default is admin_or_owner: a create's target carries the caller's project, so an owner may
        // create; a binding shown has no tenant_id, so Neutron's owner check cannot be evaluated (a 500)
        String id = port(ALICE, "compute:nova", null);
        String path = "/v2.0/ports/" + id + "/bindings";
        ApiHarness.Result created = h.call(ALICE, "POST", path, binding("host", "dst"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("binding")).containsEntry("status", "INACTIVE");
        assertThatThrownBy(() -> h.call(ALICE, "GET", path + "/dst", null)).isInstanceOf(PolicyCheckException.class);
        assertThatThrownBy(() -> h.call(ALICE, "GET", path, null)).isInstanceOf(PolicyCheckException.class);

        // someone else's port is not found
        ApiHarness.Result bob = h.call(RequestContext.member("bob", "project-b"), "POST", path, binding("host", "src"));
        assertThat(bob.status()).isEqualTo(404);
        assertThat(bob.errorType()).isEqualTo("PortNotFound");
    }
}
