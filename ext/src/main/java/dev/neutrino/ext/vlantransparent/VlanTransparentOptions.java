package dev.neutrino.ext.vlantransparent;

import dev.neutrino.common.Config;
import dev.neutrino.common.Option;
import java.util.List;

/**
 * {@code [DEFAULT] vlan_transparent} and {@code vlan_qinq}: false takes the extension out of the API.
 * Zed's default is false; Neutron 2025.2 deprecates both and decides by the loaded mechanism drivers,
 * as Neutrino does by default (ML2/OVN supports both, each for its network types).
 */
public final class VlanTransparentOptions {
    private VlanTransparentOptions() {}

    public static final Option<Boolean> VLAN_TRANSPARENT = Option.bool("DEFAULT", "vlan_transparent", true,
            "If True, then allow plugins that support it to create VLAN transparent networks.");
    public static final Option<Boolean> VLAN_QINQ = Option.bool("DEFAULT", "vlan_qinq", true,
            "If True, then allow plugins that support it to create VLAN transparent networks using 0x88a8 "
                    + "ethertype.");

    public static final List<Option<?>> ALL = List.of(VLAN_TRANSPARENT, VLAN_QINQ);

    /** Whether the configuration lets extension {@code alias} into the API. */
    public static boolean enabled(Config config, String alias) {
        return switch (alias) {
            case "vlan-transparent" -> config.get(VLAN_TRANSPARENT);
            case "qinq" -> config.get(VLAN_QINQ);
            default -> true;
        };
    }
}
