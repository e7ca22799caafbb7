package dev.neutrino.ml2;

import java.util.Map;

/**
 * An ML2 mechanism driver, as neutron_lib.plugins.ml2.api.MechanismDriver: told about every network,
 * subnet and port change twice. {@link #precommit} runs inside the database transaction that makes
 * the change (ML2's {@code create_port_precommit} and friends): it must not block on the network,
 * and throwing a {@link dev.neutrino.common.NeutronException} vetoes the change, which is rolled back.
 * {@link #postcommit} runs after the commit (ML2's {@code *_postcommit}): the place to push to a
 * backend; a failure there is logged, the change stays. {@link #bindPort} is ML2's
 * {@code bind_port}: drivers are asked in configured order, the first that binds wins, and when none
 * does the port's vif_type is {@code binding_failed}.
 */
public interface MechanismDriver {
    /** The name that selects this driver in {@code [ml2] mechanism_drivers}. */
    String name();

    /** Inside the transaction; may veto by throwing. */
    default void precommit(Ml2Event event) {}

    /** After the commit. */
    default void postcommit(Ml2Event event) {}

    /** The binding of a port that has a host, or null when this driver does not bind it. */
    default Binding bindPort(Map<String, Object> port) {
        return null;
    }

    /** A port binding: {@code binding:vif_type} and {@code binding:vif_details}. */
    record Binding(String vifType, Map<String, Object> vifDetails) {}
}
