package dev.neutrino.ext.agent;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import java.util.List;

/** neutron_lib/api/definitions/agent.py: {@code /v2.0/agents} ({@link Agents}). */
@Declaration
public final class AgentExtension {
    private AgentExtension() {}

    public static final ExtensionDef AGENT = ExtensionDef.builder("agent",
            "agent",
            "The agent management extension.",
            "2013-02-03T10:00:00-00:00")
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(AGENT);
}
