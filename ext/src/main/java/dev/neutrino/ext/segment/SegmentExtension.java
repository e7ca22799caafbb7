package dev.neutrino.ext.segment;

import static dev.neutrino.model.Attribute.COMPUTED;
import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.Validators;
import java.util.List;
import java.util.Map;

/**
 * neutron_lib/api/definitions/segment.py, standard_attr_segment.py and
 * subnet_segmentid_writable.py: the segment resource ({@link Segments}) and subnets' {@code segment_id}.
 */
@Declaration
public final class SegmentExtension {
    private SegmentExtension() {}

    public static final ExtensionDef SEGMENT = ExtensionDef.builder("segment",
            "Segment",
            "Segments extension.",
            "2016-02-24T17:00:00-00:00")
            .resource(Segments.DEF)
            .build();

    public static final ExtensionDef STANDARD_ATTR_SEGMENT = ExtensionDef.builder("standard-attr-segment",
            "Standard Attribute Segment Extension",
            "Add standard attributes to Segment resource",
            "2018-04-09T10:00:00-00:00")
            .requires("segment")
            .build();

    public static final ExtensionDef SUBNET_SEGMENTID_WRITABLE = ExtensionDef.builder("subnet-segmentid-writable",
            "Subnet SegmentID (writable)",
            "Provides a writable segment_id attribute for a subnet resource.",
            "2018-03-12T00:00:00-00:00")
            .requires("segment")
            .attributes("subnets",
                    string("segment_id").post(null).put().validate(Validators.UUID_OR_NONE).query())
            .build();

    /** Host routes between the subnets of a routed network's segments ({@link SegmentHostRoutes}). */
    public static final ExtensionDef SEGMENTS_PEER_SUBNET_HOST_ROUTES = ExtensionDef.builder(
            "segments-peer-subnet-host-routes",
            "Segments peer-subnet host routes",
            "Add host routes to subnets on a routed network (segments)",
            "2018-06-12T10:00:00-00:00")
            .requires("segment")
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(SEGMENT, SEGMENTS_PEER_SUBNET_HOST_ROUTES, STANDARD_ATTR_SEGMENT,
            SUBNET_SEGMENTID_WRITABLE);
}
