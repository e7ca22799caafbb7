package dev.neutrino.engine;

/**
 * A top-level path under {@code /v2.0/} that is not a stored resource ({@code agents},
 * {@code auto-allocated-topology}, {@code network-ip-availabilities}, {@code service-providers}):
 * its extension answers it whole; or, registered with {@link Engine#subEndpoint}, a sub-resource
 * below each member of a resource ({@code /v2.0/ports/{id}/bindings...}). {@code segments} is the
 * path split at '/', starting with {@code "v2.0"}.
 */
@FunctionalInterface
public interface Endpoint {
    ApiResponse handle(ApiRequest request, String[] segments);
}
