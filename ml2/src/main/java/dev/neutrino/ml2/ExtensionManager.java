package dev.neutrino.ml2;

import dev.neutrino.engine.Tx;
import dev.neutrino.common.ConfigException;
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
    private final List<ExtensionDriver> drivers;
    private final Set<String> loadedAliases;
    private final Set<String> driverAliases;

    private ExtensionManager(List<ExtensionDriver> drivers, Set<String> driverAliases) {
        this.drivers = List.copyOf(drivers);
        this.driverAliases = Set.copyOf(driverAliases);
        this.loadedAliases = drivers.stream().flatMap(d -> d.extensionAliases().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The drivers named, in order, out of those {@code available} (each extension that has one
     * offers it); an unknown name is a configuration error (the server does not start).
     */
    public static ExtensionManager of(List<String> names, List<ExtensionDriver> available) {
        Map<String, ExtensionDriver> known = new LinkedHashMap<>();
        for (ExtensionDriver d : available) known.put(d.name(), d);
        List<ExtensionDriver> drivers = new ArrayList<>();
        for (String n : names) {
            ExtensionDriver d = known.get(n);
            if (d == null) {
                throw new ConfigException("[ml2] extension_drivers: unknown driver '" + n + "' (available: "
                        + String.join(", ", known.keySet()) + ")");
            }
            if (!drivers.contains(d)) drivers.add(d);
        }
        Set<String> aliases = available.stream().flatMap(d -> d.extensionAliases().stream())
                .collect(Collectors.toSet());
        return new ExtensionManager(drivers, aliases);
    }

    public List<String> names() {
        return drivers.stream().map(ExtensionDriver::name).toList();
    }

    /** Whether the API has extension {@code alias}: always, unless a driver provides it and is not loaded. */
    public boolean enabled(String alias) {
        return !driverAliases.contains(alias) || loadedAliases.contains(alias);
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
