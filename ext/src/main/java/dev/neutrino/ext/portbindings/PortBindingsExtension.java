package dev.neutrino.ext.portbindings;

import static dev.neutrino.model.Attribute.COMPUTED;
import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.ext.core.Ports;
import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;

/**
 * neutron_lib/api/definitions/portbindings_extended.py: a port's bindings, one per host, as the
 * sub-resource {@code /v2.0/ports/{port_id}/bindings[/{host}[/activate]]}. At most one binding is
 * ACTIVE (the port's own {@code binding:*} attributes); the others are INACTIVE, made for a host the
 * port is about to move to (Nova's live migration) and made the port's binding by {@code activate}.
 * No policy rules: Zed has none for them, so {@code create_port_binding}, {@code get_port_binding},
 * {@code delete_port_binding} and {@code activate} are the {@code default} rule unless policy.yaml
 * names them.
 */
@Declaration
public final class PortBindingsExtension {
    private PortBindingsExtension() {}

    /** The sub-resource's URL segment below a port. */
    public static final String PATH = "bindings";
    public static final String ACTIVATE = "activate";
    public static final String ACTIVE = "ACTIVE";
    public static final String INACTIVE = "INACTIVE";

    /**
     * SUB_RESOURCE_ATTRIBUTE_MAP's bindings: what a create may give (host required, vnic_type,
     * profile, project_id) and what a binding shows. Not a stored resource of the engine: it checks
     * request bodies and names the filters.
     */
    public static final ResourceDef BINDING = ResourceDef.builder("binding", PATH)
            .project()
            .add(string("host").required().put().filter())
            .add(string("vif_type").filter())
            .add(dict("vif_details"))
            .add(string("vnic_type").post("normal").put().validate(Validators.values(Ports.VNIC_TYPES)).filter())
            .add(dict("profile").post(COMPUTED).put().validate(Validators.DICT_OR_NONE))
            .add(string("status").filter())
            .build();

    public static final ExtensionDef BINDING_EXTENDED = ExtensionDef.builder("binding-extended",
            "Port Bindings Extended",
            "Expose port bindings of a virtual port to external application",
            "2017-07-17T10:00:00-00:00")
            .requires("binding")
            .build();

    public static final List<ExtensionDef> ALL = List.of(BINDING_EXTENDED);
}
