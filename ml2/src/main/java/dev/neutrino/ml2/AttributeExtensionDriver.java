package dev.neutrino.ml2;

/**
 * A driver whose extension is attributes only (declared, validated and stored by the resource
 * model): loading it puts them in the API. Neutron's port_numa_affinity_policy and
 * port_device_profile drivers are of this kind (they only store what the request says).
 */
public record AttributeExtensionDriver(String name, String extensionAlias) implements ExtensionDriver {}
