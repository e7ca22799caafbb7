package dev.neutrino.ext.core;

import static dev.neutrino.schema.Tables.NETWORK_SEGMENTS;
import static dev.neutrino.schema.Tables.SUBNETS;

import dev.neutrino.engine.Tx;
import dev.neutrino.common.NeutronException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jooq.Record;

/**
 * A subnet's segment_id, checked as Neutron's IpamBackendMixin._validate_segment: the segment
 * exists and is on the subnet's network, and either all or none of a network's subnets have a
 * segment. Changing it (subnet-segmentid-writable) is only the move of a network's single subnet
 * from no segment to the network's single segment.
 */
final class SubnetSegments {
    private SubnetSegments() {}

    /** On create; {@code segmentId} may be null. The new subnet is not stored yet. */
    static void checkCreate(Tx tx, String networkId, String segmentId) {
        if (segmentId != null) segment(tx, segmentId);
        List<String> bound = subnetSegments(tx, networkId);
        bound.add(segmentId);
        checkAllOrNone(networkId, new HashSet<>(bound));
        if (segmentId != null) checkSegment(tx, networkId, segmentId);
    }

    /** On update when the request gives segment_id. */
    static void checkUpdate(Tx tx, String networkId, String oldSegmentId, String segmentId) {
        List<String> bound = subnetSegments(tx, networkId);
        Set<String> associated = new HashSet<>(bound);
        checkAllOrNone(networkId, associated);
        if (!Objects.equals(oldSegmentId, segmentId)) {
            if (bound.size() > 1) {
                throw new NeutronException(400, "SubnetsNotAllAssociatedWithSegments", allOrNone(networkId));
            }
            if (!associated.contains(null) && !associated.contains(segmentId)) {
                throw new NeutronException(400, "SubnetSegmentAssociationChangeNotAllowed", "A subnet that is "
                        + "already associated with a segment cannot have its segment association changed.");
            }
            if (tx.dsl().fetchCount(NETWORK_SEGMENTS, NETWORK_SEGMENTS.NETWORK_ID.eq(networkId)) > 1) {
                throw new NeutronException(400, "NoUpdateSubnetWhenMultipleSegmentsOnNetwork", "The network '"
                        + networkId + "' has multiple segments, it is only possible to associate an existing "
                        + "subnet with a segment on networks with a single segment.");
            }
        }
        if (segmentId != null) checkSegment(tx, networkId, segmentId);
    }

    private static void checkAllOrNone(String networkId, Set<String> associated) {
        if (associated.contains(null) && associated.size() > 1) {
            throw new NeutronException(400, "SubnetsNotAllAssociatedWithSegments", allOrNone(networkId));
        }
    }

    private static String allOrNone(String networkId) {
        return "All of the subnets on network '" + networkId + "' must either all be associated with segments or "
                + "all not associated with any segment.";
    }

    private static void checkSegment(Tx tx, String networkId, String segmentId) {
        Record seg = segment(tx, segmentId);
        if (!networkId.equals(seg.get(0))) {
            throw new NeutronException(400, "NetworkIdsDontMatch", "The subnet's network id, '" + networkId
                    + "', doesn't match the network_id of segment '" + segmentId + "'");
        }
        Object dynamic = seg.get(1);
        if (Boolean.TRUE.equals(dynamic) || dynamic instanceof Number n && n.intValue() != 0) {
            throw new NeutronException(400, "SubnetCantAssociateToDynamicSegment",
                    "A subnet cannot be associated with a dynamic segment.");
        }
    }

    private static Record segment(Tx tx, String segmentId) {
        Record r = tx.dsl().select(NETWORK_SEGMENTS.NETWORK_ID, NETWORK_SEGMENTS.IS_DYNAMIC).from(NETWORK_SEGMENTS)
                .where(NETWORK_SEGMENTS.ID.eq(segmentId)).fetchOne();
        if (r == null) throw NeutronException.notFound("segment", segmentId);
        return r;
    }

    /** The segment_id of every subnet on the network, nulls included. */
    private static List<String> subnetSegments(Tx tx, String networkId) {
        return new ArrayList<>(tx.dsl().select(SUBNETS.SEGMENT_ID).from(SUBNETS)
                .where(SUBNETS.NETWORK_ID.eq(networkId)).fetch(SUBNETS.SEGMENT_ID));
    }
}
