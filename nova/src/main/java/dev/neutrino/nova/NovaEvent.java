package dev.neutrino.nova;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event for Nova's {@code os-server-external-events}: its name ({@code network-vif-plugged},
 * {@code network-vif-unplugged}, {@code network-vif-deleted}, {@code network-changed}), the server
 * (the port's {@code device_id}), the tag (the port's id) and, for plug events, the status
 * ({@code completed} or {@code failed}; null otherwise).
 */
public record NovaEvent(String name, String serverUuid, String tag, String status) {
    public static final String VIF_PLUGGED = "network-vif-plugged";
    public static final String VIF_UNPLUGGED = "network-vif-unplugged";
    public static final String VIF_DELETED = "network-vif-deleted";
    public static final String NETWORK_CHANGED = "network-changed";

    public NovaEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serverUuid, "serverUuid");
    }

    /** The event as Nova's API takes it. */
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("server_uuid", serverUuid);
        if (tag != null) m.put("tag", tag);
        if (status != null) m.put("status", status);
        return m;
    }
}
