package dev.neutrino.ext.agent;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import java.util.List;

/** neutron_lib/api/definitions/agent.py and availability_zone.py: agents and the availability zones. */
@Declaration
public final class AgentExtension {
    private AgentExtension() {}

    public static final ExtensionDef AGENT = ExtensionDef.builder("agent",
            "agent",
            "The agent management extension.",
            "2013-02-03T10:00:00-00:00")
            .build();

    /**
     * neutron_lib/api/definitions/availability_zone.py: {@code GET /v2.0/availability_zones}
     * ({@link AvailabilityZones}) and the agents' {@code availability_zone}.
     */
    public static final ExtensionDef AVAILABILITY_ZONE = ExtensionDef.builder("availability_zone",
            "Availability Zone",
            "The availability zone extension.",
            "2015-01-01T10:00:00-00:00")
            .requires("agent")
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(AGENT, AVAILABILITY_ZONE);
}
