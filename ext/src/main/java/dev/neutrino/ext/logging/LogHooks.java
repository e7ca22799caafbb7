package dev.neutrino.ext.logging;

import static dev.neutrino.schema.Tables.PORTS;
import static dev.neutrino.schema.Tables.PORT_SECURITY_GROUPS;
import static dev.neutrino.schema.Tables.SECURITYGROUPS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.common.ReleaseGate;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A log object's checks as Zed's validator for security groups makes them
 * (neutron/services/logapi/common/sg_validate.py and validators.py, in that order): the type must be
 * one the driver logs (400 InvalidLogResourceType), the group must exist (404 ResourceNotFound), the
 * port must exist (404 TargetResourceNotFound) and be bound to a VIF type ML2/OVN's log driver supports
 * (ovs or vhostuser; an unbound port by its vnic_type, normal: else 409 LoggingTypeNotSupported), and a
 * log that names both must name a port of the group (400 InvalidResourceConstraint).
 */
final class LogHooks implements ResourceHooks {
    /**
     * The first release whose OVN translation writes the ACLs' log columns: the repair pass of an older
     * server would clear them (and leave the meter), so no log is made while one runs.
     */
    static final String LOGGING_SINCE = "0.3.0-SNAPSHOT";
    /** ML2/OVN's OVNDriver: vif_types [ovs, vhostuser], vnic_types [normal]. */
    private static final List<String> VIF_TYPES = List.of("ovs", "vhostuser");
    /** validators.SKIPPED_VIF_TYPES: such a binding is judged by its vnic_type. */
    private static final List<String> SKIPPED_VIF_TYPES = List.of("unbound", "binding_failed");

    private final ReleaseGate gate;

    LogHooks(ReleaseGate gate) {
        this.gate = gate;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> log) {
        if (!gate.allAtLeast(LOGGING_SINCE)) {
            throw NeutronException.conflict("LoggingNotYetAvailable", "Network logs cannot be created while "
                    + "servers of a release older than " + LOGGING_SINCE + " still run on this database (a rolling "
                    + "upgrade is in progress).");
        }
        Object type = log.get("resource_type");
        if (!LoggingExtension.SECURITY_GROUP.equals(type)) {
            throw new NeutronException(400, "InvalidLogResourceType", "Invalid log resource_type: " + type + ".");
        }
        String sg = (String) log.get("resource_id");
        String port = (String) log.get("target_id");
        var dsl = tx.dsl();
        if (sg != null && !dsl.fetchExists(SECURITYGROUPS, SECURITYGROUPS.ID.eq(sg))) {
            throw new NeutronException(404, "ResourceNotFound", "Resource " + sg + " could not be found.");
        }
        if (port != null) {
            var binding = dsl.select(PORTS.BINDING_VIF_TYPE, PORTS.BINDING_VNIC_TYPE).from(PORTS)
                    .where(PORTS.ID.eq(port)).fetchOne();
            if (binding == null) {
                throw new NeutronException(404, "TargetResourceNotFound", "Target resource " + port
                        + " could not be found.");
            }
            String vif = Objects.requireNonNullElse(binding.value1(), "unbound");
            boolean supported = SKIPPED_VIF_TYPES.contains(vif) ? "normal".equals(binding.value2())
                    : VIF_TYPES.contains(vif);
            if (!supported) {
                throw NeutronException.conflict("LoggingTypeNotSupported", "Logging type security_group is not "
                        + "supported on port " + port + ".");
            }
        }
        if (sg != null && port != null && !dsl.fetchExists(PORT_SECURITY_GROUPS,
                PORT_SECURITY_GROUPS.PORT_ID.eq(port).and(PORT_SECURITY_GROUPS.SECURITY_GROUP_ID.eq(sg)))) {
            throw new NeutronException(400, "InvalidResourceConstraint", "Invalid resource constraint between "
                    + "resource (security_group " + sg + ") and target resource (port " + port + ").");
        }
    }
}
