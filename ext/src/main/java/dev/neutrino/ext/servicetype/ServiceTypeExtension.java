package dev.neutrino.ext.servicetype;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import java.util.List;

/**
 * neutron_lib/api/definitions/servicetype.py: {@code GET /v2.0/service-providers}, the providers
 * of advanced services that {@code [service_providers] service_provider} configures. Read-only; not
 * a stored resource, so it is served by {@link ServiceProviders} rather than the engine.
 */
@Declaration
public final class ServiceTypeExtension {
    private ServiceTypeExtension() {}

    public static final String PATH = "service-providers";
    public static final String COLLECTION = "service_providers";

    public static final ExtensionDef SERVICE_TYPE = ExtensionDef.builder("service-type",
            "Neutron Service Type Management",
            "API for retrieving service providers for Neutron advanced services",
            "2013-01-20T00:00:00-00:00").build();

    public static final List<ExtensionDef> ALL = List.of(SERVICE_TYPE);
}
