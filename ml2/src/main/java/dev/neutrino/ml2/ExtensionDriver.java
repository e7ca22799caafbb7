package dev.neutrino.ml2;

import dev.neutrino.engine.Tx;
import java.util.Map;

/**
 * An ML2 extension driver, as neutron_lib.plugins.ml2.api.ExtensionDriver: it brings one API
 * extension ({@link #extensionAlias()}) to networks, subnets and ports. The extension's attributes
 * are declared once, in the extension's {@code ExtensionDef} (which tags them with the alias), and
 * stored by the generic engine; a driver that is not listed in {@code [ml2] extension_drivers} removes them
 * from the API (unknown in requests, absent from answers, not advertised in {@code /v2.0/extensions}).
 * The driver holds what is more than storage: {@code process_create_*} / {@code process_update_*}
 * run inside the writing transaction before the row is written (they may complete or refuse the
 * request), {@code extend_*_dict} on every resource read.
 */
public interface ExtensionDriver {
    /** The name that selects this driver in {@code [ml2] extension_drivers}. */
    String name();

    /** The API extension this driver provides. */
    String extensionAlias();

    /**
     * Every API extension this driver provides: its own and, for a driver that extends another (as
     * Neutron's dns_domain_ports extends dns), those of the driver it extends.
     */
    default java.util.List<String> extensionAliases() {
        return java.util.List.of(extensionAlias());
    }

    /** Before a network row is written; {@code data} is the request with defaults. */
    default void processCreateNetwork(Tx tx, Map<String, Object> data) {}

    /** Before a network update is written; {@code changes} may be completed. */
    default void processUpdateNetwork(Tx tx, Map<String, Object> current, Map<String, Object> changes) {}

    /** Before a port row is written; {@code network} is the port's network as stored. */
    default void processCreatePort(Tx tx, Map<String, Object> data, Map<String, Object> network) {}

    default void processUpdatePort(Tx tx, Map<String, Object> current, Map<String, Object> changes) {}

    default void processCreateSubnet(Tx tx, Map<String, Object> data) {}

    default void processUpdateSubnet(Tx tx, Map<String, Object> current, Map<String, Object> changes) {}

    /** On every read of a network (stored row → the answer). */
    default void extendNetwork(Map<String, Object> network) {}

    default void extendPort(Map<String, Object> port) {}

    default void extendSubnet(Map<String, Object> subnet) {}
}
