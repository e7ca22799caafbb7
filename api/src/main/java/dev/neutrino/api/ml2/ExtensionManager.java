package dev.neutrino.api.ml2;

import dev.neutrino.api.Tx;
import dev.neutrino.common.ConfigException;
import dev.neutrino.model.ResourceDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * ML2's ExtensionManager: the extension drivers of {@code [ml2] extension_drivers}, in that order.
 * An extension that a known driver provides is part of the API only when that driver is loaded;
 * every other extension is not a driver's business and stays as it is.
 */
public final class ExtensionManager {
    /** The drivers Neutrino has, by the name {@code [ml2] extension_drivers} uses. */
    private static final Map<String, Supplier<ExtensionDriver>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(PortSecurityExtensionDriver.NAME, PortSecurityExtensionDriver::new);
        KNOWN.put("port_numa_affinity_policy",
                () -> new AttributeExtensionDriver("port_numa_affinity_policy", "port-numa-affinity-policy"));
        KNOWN.put("port_device_profile",
                () -> new AttributeExtensionDriver("port_device_profile", "port-device-profile"));
    }

    private static final Set<String> DRIVER_ALIASES = KNOWN.values().stream()
            .map(s -> s.get().extensionAlias()).collect(Collectors.toUnmodifiableSet());

    private final List<ExtensionDriver> drivers;
    private final Set<String> loadedAliases;

    private ExtensionManager(List<ExtensionDriver> drivers) {
        this.drivers = List.copyOf(drivers);
        this.loadedAliases = drivers.stream().map(ExtensionDriver::extensionAlias).collect(Collectors.toUnmodifiableSet());
    }

    /** The drivers named, in order; an unknown name is a configuration error (the server does not start). */
    public static ExtensionManager of(List<String> names) {
        List<ExtensionDriver> drivers = new ArrayList<>();
        for (String n : names) {
            Supplier<ExtensionDriver> s = KNOWN.get(n);
            if (s == null) {
                throw new ConfigException("[ml2] extension_drivers: unknown driver '" + n + "' (available: "
                        + String.join(", ", KNOWN.keySet()) + ")");
            }
            if (drivers.stream().noneMatch(d -> d.name().equals(n))) drivers.add(s.get());
        }
        return new ExtensionManager(drivers);
    }

    public List<String> names() {
        return drivers.stream().map(ExtensionDriver::name).toList();
    }

    /** Whether the API has extension {@code alias}: always, unless a driver provides it and is not loaded. */
    public boolean enabled(String alias) {
        return !DRIVER_ALIASES.contains(alias) || loadedAliases.contains(alias);
    }

    /** {@code def} without the attributes of extensions that are not enabled. */
    public ResourceDef restrict(ResourceDef def) {
        return def.without(a -> a.extensionAlias() != null && !enabled(a.extensionAlias()));
    }

    public void processCreateNetwork(Tx tx, Map<String, Object> data) {
        for (ExtensionDriver d : drivers) d.processCreateNetwork(tx, data);
    }

    public void processUpdateNetwork(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        for (ExtensionDriver d : drivers) d.processUpdateNetwork(tx, current, changes);
    }

    public void processCreatePort(Tx tx, Map<String, Object> data, Map<String, Object> network) {
        for (ExtensionDriver d : drivers) d.processCreatePort(tx, data, network);
    }

    public void processUpdatePort(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        for (ExtensionDriver d : drivers) d.processUpdatePort(tx, current, changes);
    }

    public void processCreateSubnet(Tx tx, Map<String, Object> data) {
        for (ExtensionDriver d : drivers) d.processCreateSubnet(tx, data);
    }

    public void processUpdateSubnet(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        for (ExtensionDriver d : drivers) d.processUpdateSubnet(tx, current, changes);
    }

    public void extendNetworks(List<Map<String, Object>> networks) {
        for (ExtensionDriver d : drivers) for (Map<String, Object> n : networks) d.extendNetwork(n);
    }

    public void extendPorts(List<Map<String, Object>> ports) {
        for (ExtensionDriver d : drivers) for (Map<String, Object> p : ports) d.extendPort(p);
    }

    public void extendSubnets(List<Map<String, Object>> subnets) {
        for (ExtensionDriver d : drivers) for (Map<String, Object> s : subnets) d.extendSubnet(s);
    }
}
