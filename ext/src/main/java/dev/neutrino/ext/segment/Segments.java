package dev.neutrino.ext.segment;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;

/**
 * neutron_lib/api/definitions/segment.py with standard-attr-segment (description, timestamps,
 * revision; no tags). A segment shows no project: project_id/tenant_id are accepted on create (the
 * owner is kept) and never shown.
 * The last three attributes are ML2's bookkeeping in the same table, never shown.
 */
@dev.neutrino.model.Declaration
public final class Segments {
    private Segments() {}

    public static final ResourceDef DEF = ResourceDef.builder("segment", "segments")
            .table("network_segments")
            .add(string("project_id").post(dev.neutrino.model.Attribute.COMPUTED).validate(Validators.string(255))
                    .hidden())
            .add(string("tenant_id").post(dev.neutrino.model.Attribute.COMPUTED).validate(Validators.string(255))
                    .hidden().computed())
            .add(string("network_id").required().validate(Validators.UUID).query())
            .add(string("name").post(null).put().validate(Validators.stringOrNone(255)).query())
            .standardWithoutTags()
            .add(string("physical_network").post(null).validate(Validators.stringOrNone(64)).query())
            .add(string("network_type").required().validate(Validators.string(32)).query())
            .add(integer("segmentation_id").post(null).convert(Converters.INTEGER_OR_NONE).sort())
            .add(integer("segment_index").hidden())
            .add(bool("is_dynamic").hidden())
            .add(string("allocation_key").hidden())
            .build();
}
