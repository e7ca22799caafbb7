package dev.neutrino.ext.ipavailability;

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
 * neutron_lib/api/definitions/network_ip_availability.py: {@code /v2.0/network-ip-availabilities}.
 */
@Declaration
public final class IpAvailabilityExtension {
    private IpAvailabilityExtension() {}

    public static final ExtensionDef NETWORK_IP_AVAILABILITY = ExtensionDef.builder("network-ip-availability",
            "Network IP Availability",
            "Provides IP availability data for each network and subnet.",
            "2015-09-24T00:00:00-00:00")
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(NETWORK_IP_AVAILABILITY);
}
