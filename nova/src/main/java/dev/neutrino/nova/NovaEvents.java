package dev.neutrino.nova;

import dev.neutrino.ml2.CommittedChange;
import dev.neutrino.ml2.PortStatusChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which events Nova hears of which change, as {@code neutron/notifiers/nova.py} decides (the
 * decisions only; sending is {@link NovaNotifier}'s): only ports of a compute instance count (a
 * {@code device_id} that looks like a UUID and a {@code device_owner} starting {@code compute:}).
 */
public final class NovaEvents {
    private NovaEvents() {}

    public static final String COMPUTE_PREFIX = "compute:";
    /** oslo.utils' {@code is_uuid_like}: a UUID, with or without dashes, any case. */
    private static final Pattern UUID_LIKE = Pattern.compile(
            "(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");

    public static boolean isComputePort(String deviceId, String deviceOwner) {
        return deviceId != null && UUID_LIKE.matcher(deviceId).matches() && deviceOwner != null
                && deviceOwner.startsWith(COMPUTE_PREFIX);
    }

    static boolean isComputePort(Map<String, Object> port) {
        return port != null && port.get("device_id") instanceof String id
                && port.get("device_owner") instanceof String owner && isComputePort(id, owner);
    }

    /**
     * {@code record_port_status_changed}: ACTIVE → DOWN is {@code network-vif-unplugged}; none,
     * DOWN or BUILD → ACTIVE or ERROR is {@code network-vif-plugged} ({@code completed}, or
     * {@code failed} for ERROR); other transitions concern Nova not.
     */
    public static Optional<NovaEvent> ofStatus(PortStatusChange c) {
        if (!isComputePort(c.deviceId(), c.deviceOwner())) return Optional.empty();
        String previous = c.previous();
        String current = c.current();
        if ("ACTIVE".equals(previous) && "DOWN".equals(current)) {
            return Optional.of(new NovaEvent(NovaEvent.VIF_UNPLUGGED, c.deviceId(), c.portId(), "completed"));
        }
        boolean fromNotUp = previous == null || previous.isEmpty() || previous.equals("DOWN") || previous.equals("BUILD");
        if (fromNotUp && (current.equals("ACTIVE") || current.equals("ERROR"))) {
            return Optional.of(new NovaEvent(NovaEvent.VIF_PLUGGED, c.deviceId(), c.portId(),
                    current.equals("ACTIVE") ? "completed" : "failed"));
        }
        return Optional.empty();
    }

    /**
     * {@code send_network_change} for a committed change: an update of a compute port is
     * {@code network-changed} (Nova refreshes its view of the port), its delete
     * {@code network-vif-deleted}; a floating IP created, moved or deleted is
     * {@code network-changed} for the compute port it leaves and the one it reaches. Unlike
     * Neutron, an update that leaves a floating IP on the same port sends one event, not two.
     *
     * @param portById the port as it is now (null when it is gone), for a floating IP's ports
     */
    public static List<NovaEvent> ofChange(CommittedChange c, Function<String, Map<String, Object>> portById) {
        List<NovaEvent> out = new ArrayList<>();
        switch (c.resource()) {
            case "port" -> {
                if (c.kind() == CommittedChange.Kind.UPDATE && isComputePort(c.current())) {
                    out.add(changed(c.current()));
                } else if (c.kind() == CommittedChange.Kind.DELETE && isComputePort(c.current())) {
                    out.add(new NovaEvent(NovaEvent.VIF_DELETED, (String) c.current().get("device_id"),
                            (String) c.current().get("id"), null));
                }
            }
            case "floatingip" -> {
                if (c.kind() == CommittedChange.Kind.TOUCH) break;
                Object before = c.original() == null ? null : c.original().get("port_id");
                Object after = c.current() == null ? null : c.current().get("port_id");
                if (c.kind() == CommittedChange.Kind.DELETE) {
                    after = null;
                    before = c.current() == null ? null : c.current().get("port_id");
                }
                if (before instanceof String from && !from.isEmpty() && !from.equals(after)) {
                    Map<String, Object> port = portById.apply(from);
                    if (isComputePort(port)) out.add(changed(port));
                }
                if (after instanceof String to && !to.isEmpty()) {
                    Map<String, Object> port = portById.apply(to);
                    if (isComputePort(port)) out.add(changed(port));
                }
            }
            default -> { }
        }
        return out;
    }

    private static NovaEvent changed(Map<String, Object> port) {
        return new NovaEvent(NovaEvent.NETWORK_CHANGED, (String) port.get("device_id"), (String) port.get("id"), null);
    }
}
