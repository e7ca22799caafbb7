package dev.neutrino.ext.autoallocation;

import static dev.neutrino.model.Attribute.COMPUTED;
import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.Validators;
import java.util.List;
import java.util.Map;

/**
 * neutron_lib/api/definitions/auto_allocated_topology.py: {@code is_default} on networks and
 * {@code /v2.0/auto-allocated-topology/{project}}.
 */
@Declaration
public final class AutoAllocationExtension {
    private AutoAllocationExtension() {}

    public static final ExtensionDef AUTO_ALLOCATED_TOPOLOGY = ExtensionDef.builder("auto-allocated-topology",
            "Auto Allocated Topology Services",
            "Auto Allocated Topology Services.",
            "2016-01-01T00:00:00-00:00")
            .requires("subnet_allocation")
            .requires("external-net")
            .requires("router")
            .attributes("networks",
                    bool("is_default").post(false).put().validate(Validators.BOOLEAN).filter())
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(AUTO_ALLOCATED_TOPOLOGY);
}
