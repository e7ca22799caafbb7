package dev.neutrino.ml2;

import java.util.Objects;

/**
 * A port's status as recorded by {@link CorePlugin#updatePortStatus}, heard after the commit: the
 * transition ({@code previous} → {@code current}) and who owns the port, what Neutron's Nova
 * notifier reads from the SQLAlchemy {@code Port.status} "set" event. Exactly one server records a
 * given transition (the update is conditional on {@code previous}), so one listener call per
 * transition across all servers.
 */
public record PortStatusChange(String portId, String previous, String current, String deviceId,
                               String deviceOwner) {
    public PortStatusChange {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(current, "current");
        deviceId = deviceId == null ? "" : deviceId;
        deviceOwner = deviceOwner == null ? "" : deviceOwner;
    }
}
