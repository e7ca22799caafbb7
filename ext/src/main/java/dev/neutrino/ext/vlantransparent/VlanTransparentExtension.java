package dev.neutrino.ext.vlantransparent;

import static dev.neutrino.model.Attribute.bool;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.Validators;
import java.util.List;

/**
 * neutron_lib/api/definitions/vlantransparent.py and qinq.py (2025.1): networks whose VMs' own VLAN
 * tags cross them untouched, with 802.1Q or, for qinq, 802.1ad outside on the physical network
 * ({@link VlanTransparentPlugin}).
 */
@Declaration
public final class VlanTransparentExtension {
    private VlanTransparentExtension() {}

    public static final ExtensionDef VLAN_TRANSPARENT = ExtensionDef.builder("vlan-transparent",
            "Vlantransparent",
            "Provides Vlan Transparent Networks",
            "2015-03-23T09:00:00-00:00")
            .attributes("networks", bool("vlan_transparent").post(false).validate(Validators.BOOLEAN).filter())
            .build();

    public static final ExtensionDef QINQ = ExtensionDef.builder("qinq",
            "QinQ networks",
            "Expose network 'qinq' attribute in the API. This allows to configure network to allow vlan in vlan "
                    + "configuration using 0x88a8 ethertype (QinQ).",
            "2024-12-02T10:00:00-00:00")
            .attributes("networks", bool("qinq").post(false).validate(Validators.BOOLEAN).filter())
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(QINQ, VLAN_TRANSPARENT);
}
