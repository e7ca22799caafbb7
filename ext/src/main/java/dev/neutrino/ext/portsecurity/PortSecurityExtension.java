package dev.neutrino.ext.portsecurity;

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
 * neutron_lib/api/definitions/port_security.py: {@code port_security_enabled} on networks and
 * ports, provided by the {@code port_security} ML2 extension driver ({@link PortSecurityExtensionDriver}).
 */
@Declaration
public final class PortSecurityExtension {
    private PortSecurityExtension() {}

    public static final ExtensionDef PORT_SECURITY = ExtensionDef.builder("port-security",
            "Port Security",
            "Provides port security",
            "2012-07-23T10:00:00-00:00")
            .attributes("networks",
                    bool("port_security_enabled").post(true).put().validate(Validators.BOOLEAN).filter())
            .attributes("ports",
                    bool("port_security_enabled").post(COMPUTED).put().validate(Validators.BOOLEAN).filter())
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(PORT_SECURITY);
}
