package dev.neutrino.ml2;

import java.util.List;
import java.util.Map;

/**
 * What a mechanism driver may ask of the core plugin it serves, as ML2's drivers call
 * {@code context._plugin} (Neutron's {@code update_port_status}, {@code get_ports}...): the only
 * door from a dataplane driver back into the API's state, so that a driver depends on ML2's
 * interfaces and not on the engine that serves the API.
 */
public interface CorePlugin {
    /**
     * Every resource of {@code collection} ({@code networks}, {@code subnets}, {@code ports},
     * {@code security_groups}, {@code routers}, {@code floatingips}) as an admin reads it through the
     * API; empty when the collection is not served.
     */
    List<Map<String, Object>> readAll(String collection);

    /**
     * The resources of {@code collection} an admin sees with these API filters (attribute →
     * accepted values, as a query string has them: {@code network_id=X}, {@code device_id=R}).
     */
    List<Map<String, Object>> read(String collection, Map<String, List<String>> filters);

    /**
     * Records a port's status as the dataplane reports it ({@code ACTIVE}, {@code DOWN}); bumps its
     * revision when it changed. Returns whether it changed.
     */
    boolean updatePortStatus(String portId, String status);

    /**
     * Called after the commit of each status transition {@link #updatePortStatus} recorded (outside
     * any transaction), on the server that recorded it.
     */
    void onPortStatus(java.util.function.Consumer<PortStatusChange> listener);

    /**
     * Creates a port as an admin would through the API (Neutron's {@code plugin.create_port}, as
     * ML2/OVN creates its metadata port): attribute → value, validated and defaulted as a request
     * body is. Returns the port; a refusal is the {@link dev.neutrino.common.NeutronException} the
     * API would answer. Never call it inside a transaction.
     */
    Map<String, Object> createPort(Map<String, Object> port);

    /**
     * Updates a port as an admin would through the API, only if its revision is still
     * {@code revision} (null: whatever it is); 412 {@code RevisionNumberConstraintFailed} otherwise.
     * Never call it inside a transaction.
     */
    Map<String, Object> updatePort(String portId, Map<String, Object> changes, Long revision);

    /** Called after every committed write (outside any transaction). */
    void onCommitted(Runnable listener);

    /**
     * Called after the commit of each change of any resource (outside any transaction), in commit
     * order per transaction: what an incremental dataplane driver follows.
     */
    void onChange(java.util.function.Consumer<CommittedChange> listener);
}
