package dev.neutrino.nova;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.ml2.CommittedChange;
import dev.neutrino.ml2.CommittedChange.Kind;
import dev.neutrino.ml2.PortStatusChange;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decisions of neutron/notifiers/nova.py, transition by transition and change by change. */
class NovaEventsTest {
    static final String VM = "8d3f2c1e-7b6a-4f5e-9d8c-1a2b3c4d5e6f";
    static final String VM2 = "0f3f2c1e-7b6a-4f5e-9d8c-1a2b3c4d5e60";

    static PortStatusChange status(String from, String to) {
        return new PortStatusChange("p1", from, to, VM, "compute:nova");
    }

    @Test
    void plugAndUnplugComeFromTheTransitionsNeutronNames() {
        assertThat(NovaEvents.ofStatus(status("DOWN", "ACTIVE")))
                .contains(new NovaEvent("network-vif-plugged", VM, "p1", "completed"));
        assertThat(NovaEvents.ofStatus(status("BUILD", "ACTIVE"))).isPresent();
        assertThat(NovaEvents.ofStatus(status(null, "ACTIVE"))).isPresent();
        assertThat(NovaEvents.ofStatus(status("DOWN", "ERROR")))
                .contains(new NovaEvent("network-vif-plugged", VM, "p1", "failed"));
        assertThat(NovaEvents.ofStatus(status("ACTIVE", "DOWN")))
                .contains(new NovaEvent("network-vif-unplugged", VM, "p1", "completed"));
        assertThat(NovaEvents.ofStatus(status("ACTIVE", "ERROR"))).isEmpty();
        assertThat(NovaEvents.ofStatus(status("ERROR", "ACTIVE"))).isEmpty();
        assertThat(NovaEvents.ofStatus(status("DOWN", "BUILD"))).isEmpty();
    }

    @Test
    void onlyPortsOfAnInstanceConcernNova() {
        assertThat(NovaEvents.ofStatus(new PortStatusChange("p1", "DOWN", "ACTIVE", VM, "network:dhcp"))).isEmpty();
        assertThat(NovaEvents.ofStatus(new PortStatusChange("p1", "DOWN", "ACTIVE", "", "compute:nova"))).isEmpty();
        assertThat(NovaEvents.ofStatus(new PortStatusChange("p1", "DOWN", "ACTIVE", "not-a-uuid", "compute:az1")))
                .isEmpty();
        assertThat(NovaEvents.ofStatus(new PortStatusChange("p1", "DOWN", "ACTIVE", VM.replace("-", ""),
                "compute:az1"))).as("oslo's is_uuid_like takes a UUID without dashes").isPresent();
    }

    static Map<String, Object> port(String id, String device, String owner) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("device_id", device);
        p.put("device_owner", owner);
        return p;
    }

    @Test
    void aComputePortUpdatedIsNetworkChangedAndDeletedIsVifDeleted() {
        var update = new CommittedChange(Kind.UPDATE, "port", "p1", port("p1", VM, "compute:nova"),
                port("p1", VM, "compute:nova"));
        assertThat(NovaEvents.ofChange(update, id -> null))
                .containsExactly(new NovaEvent("network-changed", VM, "p1", null));
        var delete = new CommittedChange(Kind.DELETE, "port", "p1", port("p1", VM, "compute:nova"), null);
        assertThat(NovaEvents.ofChange(delete, id -> null))
                .containsExactly(new NovaEvent("network-vif-deleted", VM, "p1", null));
        var detached = new CommittedChange(Kind.UPDATE, "port", "p1", port("p1", "", ""),
                port("p1", VM, "compute:nova"));
        assertThat(NovaEvents.ofChange(detached, id -> null)).as("Neutron looks at the port as returned").isEmpty();
        var created = new CommittedChange(Kind.CREATE, "port", "p1", port("p1", VM, "compute:nova"), null);
        assertThat(NovaEvents.ofChange(created, id -> null)).isEmpty();
        var router = new CommittedChange(Kind.UPDATE, "port", "p1", port("p1", VM, "network:router_interface"), null);
        assertThat(NovaEvents.ofChange(router, id -> null)).isEmpty();
        assertThat(NovaEvents.ofChange(CommittedChange.touch("port", "p1"), id -> null)).isEmpty();
    }

    @Test
    void aFloatingIpTellsThePortsItLeavesAndReaches() {
        Map<String, Map<String, Object>> ports = Map.of("a", port("a", VM, "compute:nova"),
                "b", port("b", VM2, "compute:nova"), "r", port("r", "router-1", "network:router_gateway"));
        Map<String, Object> onA = new HashMap<>(Map.of("id", "f", "port_id", "a"));
        Map<String, Object> onB = new HashMap<>(Map.of("id", "f", "port_id", "b"));
        Map<String, Object> free = new HashMap<>(Map.of("id", "f"));
        free.put("port_id", null);
        assertThat(NovaEvents.ofChange(new CommittedChange(Kind.CREATE, "floatingip", "f", onA, null), ports::get))
                .containsExactly(new NovaEvent("network-changed", VM, "a", null));
        assertThat(NovaEvents.ofChange(new CommittedChange(Kind.UPDATE, "floatingip", "f", onB, onA), ports::get))
                .containsExactly(new NovaEvent("network-changed", VM, "a", null),
                        new NovaEvent("network-changed", VM2, "b", null));
        assertThat(NovaEvents.ofChange(new CommittedChange(Kind.UPDATE, "floatingip", "f", free, onB), ports::get))
                .containsExactly(new NovaEvent("network-changed", VM2, "b", null));
        assertThat(NovaEvents.ofChange(new CommittedChange(Kind.UPDATE, "floatingip", "f", onA, onA), ports::get))
                .as("a description change of an associated floating IP: one event").hasSize(1);
        assertThat(NovaEvents.ofChange(new CommittedChange(Kind.DELETE, "floatingip", "f", onB, null), ports::get))
                .containsExactly(new NovaEvent("network-changed", VM2, "b", null));
        assertThat(NovaEvents.ofChange(new CommittedChange(Kind.CREATE, "floatingip", "f", free, null), ports::get))
                .isEmpty();
        Map<String, Object> onGone = new HashMap<>(Map.of("id", "f", "port_id", "gone"));
        assertThat(NovaEvents.ofChange(new CommittedChange(Kind.CREATE, "floatingip", "f", onGone, null), ports::get))
                .as("a port deleted meanwhile").isEmpty();
    }
}
