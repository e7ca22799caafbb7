package dev.neutrino.ext.portsecurity;

import dev.neutrino.engine.Tx;
import java.util.Map;
import dev.neutrino.ml2.ExtensionDriver;

/**
 * neutron/plugins/ml2/extensions/port_security.py: {@code port_security_enabled} on networks
 * (default true) and ports (default: the network's). Ports Neutron trusts (device_owner
 * {@code network:*}: router interfaces, DHCP, floating IPs) never have port security. A row
 * written while the driver was not loaded has no value; it reads as the default, true, as Neutron
 * reads a missing port security binding.
 */
public final class PortSecurityExtensionDriver implements ExtensionDriver {
    public static final String NAME = "port_security";
    public static final String ALIAS = "port-security";
    public static final String ATTRIBUTE = "port_security_enabled";

    @Override public String name() { return NAME; }
    @Override public String extensionAlias() { return ALIAS; }

    @Override
    public void processCreateNetwork(Tx tx, Map<String, Object> data) {
        data.putIfAbsent(ATTRIBUTE, true);
    }

    @Override
    public void processCreatePort(Tx tx, Map<String, Object> data, Map<String, Object> network) {
        if (isTrusted(data)) {
            data.put(ATTRIBUTE, false);
        } else if (data.get(ATTRIBUTE) == null) {
            data.put(ATTRIBUTE, !Boolean.FALSE.equals(network.get(ATTRIBUTE)));
        }
    }

    @Override
    public void extendNetwork(Map<String, Object> network) {
        defaultIfUnset(network);
    }

    @Override
    public void extendPort(Map<String, Object> port) {
        defaultIfUnset(port);
    }

    private static void defaultIfUnset(Map<String, Object> resource) {
        if (resource.containsKey(ATTRIBUTE) && resource.get(ATTRIBUTE) == null) resource.put(ATTRIBUTE, true);
    }

    /** neutron_lib.utils.net.is_port_trusted. */
    static boolean isTrusted(Map<String, Object> port) {
        return port.get("device_owner") instanceof String owner && owner.startsWith("network:");
    }
}
