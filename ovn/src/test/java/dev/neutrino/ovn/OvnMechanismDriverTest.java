package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.neutrino.engine.RequestContext;
import dev.neutrino.ml2.Ml2Event;
import dev.neutrino.common.NeutronException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ML2/OVN's precommit checks and bind_port. */
class OvnMechanismDriverTest {
    final OvnMechanismDriver driver = new OvnMechanismDriver();

    static Ml2Event update(Map<String, Object> current, Map<String, Object> original) {
        return new Ml2Event(Ml2Event.Operation.UPDATE, "port", current, original, RequestContext.admin("p"));
    }

    @Test
    void aPortCannotBecomeOrStopBeingAFloatingIpPort() {
        NeutronException e = catchThrowableOfType(NeutronException.class, () -> driver.precommit(update(
                Map.of("id", "p1", "device_owner", "network:floatingip"), Map.of("id", "p1", "device_owner", ""))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("OVNPortUpdateError");
        assertThat(e.getMessage()).isEqualTo("Updating device_owner to network:floatingip for port p1 is not supported");
        e = catchThrowableOfType(NeutronException.class, () -> driver.precommit(update(
                Map.of("id", "p1", "device_owner", "compute:nova"),
                Map.of("id", "p1", "device_owner", "network:floatingip"))));
        assertThat(e.getMessage()).isEqualTo("Updating device_owner for port p1 owned by network:floatingip is not "
                + "supported");
        assertThatCode(() -> driver.precommit(update(Map.of("id", "p1", "device_owner", "compute:nova"),
                Map.of("id", "p1", "device_owner", "")))).doesNotThrowAnyException();
    }

    static Ml2Event createNetwork(Map<String, Object> network) {
        return new Ml2Event(Ml2Event.Operation.CREATE, "network", network, null, RequestContext.admin("p"));
    }

    @Test
    void vlanTransparencyNeedsAnOverlayOrVlanAndQinqAVlanNetwork() {
        for (String type : new String[] {"geneve", "vxlan", "vlan", "local"}) {
            assertThatCode(() -> driver.precommit(createNetwork(Map.of("provider:network_type", type,
                    "vlan_transparent", true)))).doesNotThrowAnyException();
        }
        NeutronException e = catchThrowableOfType(NeutronException.class, () -> driver.precommit(createNetwork(
                Map.of("provider:network_type", "flat", "vlan_transparent", true))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("VlanTransparencyDriverError");
        assertThat(e.getMessage()).isEqualTo("Backend does not support VLAN Transparency.");
        assertThatCode(() -> driver.precommit(createNetwork(Map.of("provider:network_type", "vlan", "qinq", true))))
                .doesNotThrowAnyException();
        e = catchThrowableOfType(NeutronException.class, () -> driver.precommit(createNetwork(
                Map.of("provider:network_type", "geneve", "qinq", true))));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("VlanQinqDriverError");
        assertThat(e.getMessage()).isEqualTo("Backend does not support VLAN QinQ.");
        assertThatCode(() -> driver.precommit(createNetwork(Map.of("provider:network_type", "flat",
                "vlan_transparent", false, "qinq", false)))).doesNotThrowAnyException();
    }

    @Test
    void normalPortsBindAsOvs() {
        assertThat(driver.bindPort(Map.of("binding:vnic_type", "normal")).vifType()).isEqualTo("ovs");
        assertThat(driver.bindPort(Map.of("binding:vnic_type", "direct"))).isNull();
    }
}
