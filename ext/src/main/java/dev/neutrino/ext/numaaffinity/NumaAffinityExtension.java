package dev.neutrino.ext.numaaffinity;

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
 * neutron_lib/api/definitions/port_numa_affinity_policy.py, provided by the
 * {@code port_numa_affinity_policy} ML2 extension driver (attributes only).
 */
@Declaration
public final class NumaAffinityExtension {
    private NumaAffinityExtension() {}

    public static final ExtensionDef PORT_NUMA_AFFINITY_POLICY = ExtensionDef.builder("port-numa-affinity-policy",
            "Port NUMA affinity policy",
            "Expose the port NUMA affinity policy",
            "2020-07-08T10:00:00-00:00")
            .attributes("ports",
                    string("numa_affinity_policy").post(null).put()
                    .validate(Validators.valuesOrNone(List.of("required", "preferred", "legacy"))))
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(PORT_NUMA_AFFINITY_POLICY);

    /** The ML2 extension driver that puts the extension in the API. */
    public static final dev.neutrino.ml2.ExtensionDriver DRIVER =
            new dev.neutrino.ml2.AttributeExtensionDriver("port_numa_affinity_policy", "port-numa-affinity-policy");
}
