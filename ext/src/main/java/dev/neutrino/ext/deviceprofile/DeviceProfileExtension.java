package dev.neutrino.ext.deviceprofile;

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
 * neutron_lib/api/definitions/port_device_profile.py, provided by the {@code port_device_profile}
 * ML2 extension driver (attributes only).
 */
@Declaration
public final class DeviceProfileExtension {
    private DeviceProfileExtension() {}

    public static final ExtensionDef PORT_DEVICE_PROFILE = ExtensionDef.builder("port-device-profile",
            "Port device profile",
            "Expose the port device profile (Cyborg)",
            "2020-12-17T10:00:00-00:00")
            .attributes("ports",
                    string("device_profile").post(null).validate(Validators.stringOrNone(255)))
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(PORT_DEVICE_PROFILE);

    /** The ML2 extension driver that puts the extension in the API. */
    public static final dev.neutrino.ml2.ExtensionDriver DRIVER =
            new dev.neutrino.ml2.AttributeExtensionDriver("port_device_profile", "port-device-profile");
}
