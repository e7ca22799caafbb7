package dev.neutrino.ext.trunk;

import static dev.neutrino.model.Attribute.dict;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import java.util.List;

/**
 * neutron_lib/api/definitions/trunk.py and trunk_details.py: trunks ({@link Trunks}) with the
 * actions {@code add_subports} and {@code remove_subports} ({@code PUT}), and {@code get_subports}
 * ({@code GET}, served as a sub-path of each trunk since the engine's actions are {@code PUT}s);
 * {@code trunk_details} on a parent port. Policy defaults are Zed's (create/get/update/delete_trunk,
 * add/remove/get_subports).
 */
@Declaration
public final class TrunkExtension {
    private TrunkExtension() {}

    public static final String GET_SUBPORTS = "get_subports";

    public static final ExtensionDef TRUNK = ExtensionDef.builder("trunk",
            "Trunk Extension",
            "Provides support for trunk ports",
            "2016-01-01T10:00:00-00:00")
            .requires("binding")
            .resource(Trunks.DEF)
            .action("trunks", "add_subports")
            .action("trunks", "remove_subports")
            .build();

    public static final ExtensionDef TRUNK_DETAILS = ExtensionDef.builder("trunk-details",
            "Trunk port details",
            "Expose trunk port details",
            "2016-01-01T10:00:00-00:00")
            .requires("trunk")
            .attributes("ports",
                    dict("trunk_details").computed())
            .build();

    public static final List<ExtensionDef> ALL = List.of(TRUNK, TRUNK_DETAILS);

    public static final ExtensionDef.Action ADD_SUBPORTS = TRUNK.actions().get(0);
    public static final ExtensionDef.Action REMOVE_SUBPORTS = TRUNK.actions().get(1);
}
