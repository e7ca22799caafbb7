package dev.neutrino.ext;

import static dev.neutrino.ext.ApiHarness.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ml2.MechanismDriver;
import dev.neutrino.ml2.Ml2Event;
import dev.neutrino.common.NeutronException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import dev.neutrino.engine.RequestContext;

/** ML2's driver contract: precommit in the transaction (may veto), postcommit after it, bind_port in order. */
class Ml2MechanismDriversTest {
    @AutoClose
    final ApiHarness h = new ApiHarness();
    final RequestContext admin = RequestContext.admin("p");

    /** Records every call; vetoes resources named "veto"; binds ports on host "mine". */
    static final class Recorder implements MechanismDriver {
        final String name;
        final List<String> calls = new CopyOnWriteArrayList<>();

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void precommit(Ml2Event e) {
            calls.add(e.methodName(true) + " " + e.current().get("name")
                    + (e.original() == null ? "" : " was " + e.original().get("name")));
            if ("veto".equals(e.current().get("name"))) throw NeutronException.invalidInputGeneric(name + " says no");
        }

        @Override
        public void postcommit(Ml2Event e) {
            calls.add(e.methodName(false) + " " + e.current().get("name"));
        }

        @Override
        public Binding bindPort(Map<String, Object> port) {
            return "mine".equals(port.get("binding:host_id")) ? new Binding("vhostuser-" + name, Map.of("by", name))
                    : null;
        }
    }

    String network(String name) {
        var r = h.call(admin, "POST", "/v2.0/networks", body("network", "name", name));
        return r.status() == 201 ? (String) r.get("network").get("id") : null;
    }

    @Test
    void everyChangeIsToldTwiceInOrderAndAVetoRollsBack() {
        Recorder d = new Recorder("rec");
        h.app.mechanisms().register(d);
        String net = network("n1");
        h.call(admin, "PUT", "/v2.0/networks/" + net, body("network", "name", "n2"));
        h.call(admin, "DELETE", "/v2.0/networks/" + net, null);
        assertThat(d.calls).containsExactly("create_network_precommit n1", "create_network_postcommit n1",
                "update_network_precommit n2 was n1", "update_network_postcommit n2",
                "delete_network_precommit n2", "delete_network_postcommit n2");

        d.calls.clear();
        var vetoed = h.call(admin, "POST", "/v2.0/networks", body("network", "name", "veto"));
        assertThat(vetoed.status()).isEqualTo(400);
        assertThat((String) vetoed.get("NeutronError").get("message")).isEqualTo("Invalid input for operation: rec "
                + "says no.");
        assertThat(d.calls).as("no postcommit for a rolled back change").containsExactly(
                "create_network_precommit veto");
        assertThat(h.call(admin, "GET", "/v2.0/networks", null).list("networks")).isEmpty();
    }

    @Test
    void portsAndSubnetsAreToldToo() {
        Recorder d = new Recorder("rec");
        h.app.mechanisms().register(d);
        String net = network("n");
        h.call(admin, "POST", "/v2.0/subnets", body("subnet", "network_id", net, "ip_version", 4,
                "cidr", "10.0.0.0/24", "name", "s"));
        var vetoed = h.call(admin, "POST", "/v2.0/ports", body("port", "network_id", net, "name", "veto"));
        assertThat(vetoed.status()).isEqualTo(400);
        assertThat(d.calls).contains("create_subnet_precommit s", "create_subnet_postcommit s",
                "create_port_precommit veto").doesNotContain("create_port_postcommit veto");
        assertThat(h.call(admin, "GET", "/v2.0/ports", null).list("ports")).as("the vetoed port is gone, "
                + "and with it its IP allocation").isEmpty();
    }

    @Test
    void theFirstDriverThatBindsWinsAndNoneMeansBindingFailed() {
        String net = network("n");
        var unboundable = h.call(admin, "POST", "/v2.0/ports", body("port", "network_id", net,
                "binding:host_id", "mine"));
        assertThat(unboundable.get("port")).containsEntry("binding:vif_type", "binding_failed");

        h.app.mechanisms().register(new Recorder("first"));
        h.app.mechanisms().register(new Recorder("second"));
        var bound = h.call(admin, "POST", "/v2.0/ports", body("port", "network_id", net, "binding:host_id", "mine"));
        assertThat(bound.get("port")).containsEntry("binding:vif_type", "vhostuser-first")
                .containsEntry("binding:vif_details", Map.of("by", "first", "bound_drivers", Map.of("0", "first")));
        var other = h.call(admin, "POST", "/v2.0/ports", body("port", "network_id", net, "binding:host_id", "theirs"));
        assertThat(other.get("port")).containsEntry("binding:vif_type", "binding_failed");
        var noHost = h.call(admin, "POST", "/v2.0/ports", body("port", "network_id", net));
        assertThat(noHost.get("port")).containsEntry("binding:vif_type", "unbound");
    }

    @Test
    void aNullHostUnbindsAsNovaDetachesAPort() {
        String net = network("n");
        h.app.mechanisms().register(new Recorder("first"));
        String id = (String) h.call(admin, "POST", "/v2.0/ports", body("port", "network_id", net,
                "binding:host_id", "mine", "device_id", "vm-1", "device_owner", "compute:nova")).get("port").get("id");
        // Nova's detach: PUT {"port": {"device_id": "", "device_owner": "", "binding:host_id": null}}
        java.util.Map<String, Object> unbind = new java.util.HashMap<>();
        unbind.put("device_id", "");
        unbind.put("device_owner", "");
        unbind.put("binding:host_id", null);
        var r = h.call(admin, "PUT", "/v2.0/ports/" + id, Map.of("port", unbind));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.get("port")).containsEntry("binding:host_id", "").containsEntry("device_id", "")
                .containsEntry("binding:vif_type", "unbound");
        var created = h.call(admin, "POST", "/v2.0/ports", Map.of("port", new java.util.HashMap<>(
                Map.of("network_id", net)) {{ put("binding:host_id", null); }}));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("port")).containsEntry("binding:host_id", "");
        var tooLong = h.call(admin, "PUT", "/v2.0/ports/" + id, body("port", "binding:host_id", "h".repeat(256)));
        assertThat(tooLong.status()).isEqualTo(400);
    }
}
