package dev.neutrino.ext.segment;

import static dev.neutrino.schema.Tables.NETWORKS;
import static dev.neutrino.schema.Tables.NETWORK_SEGMENTS;
import static dev.neutrino.schema.Tables.SUBNETS;
import static org.jooq.impl.DSL.max;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ml2.MechanismManager;
import dev.neutrino.ml2.Ml2Event;
import dev.neutrino.common.NeutronException;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import dev.neutrino.ml2.TypeDrivers;
import dev.neutrino.engine.ResourceChange;

/**
 * The segment extension's /v2.0/segments: a segment added to an existing network is checked and
 * reserved by the type drivers (so no VLAN or VNI is handed out twice) and takes the next
 * segment_index; one with subnets cannot be deleted (SegmentInUse). Stored in network_segments,
 * the table ML2 writes a network's own segments to. As ML2's _notify_mechanism_driver_for_segment_change,
 * the mechanism drivers see a segment added or removed as an update of its network.
 */
final class SegmentHooks implements ResourceHooks {
    private static final String ORIGINAL_NETWORK = "__original_network__";

    private final TypeDrivers types;
    private final ResourceService networks;
    private final MechanismManager mechanisms;

    public SegmentHooks(TypeDrivers types, ResourceService networks, MechanismManager mechanisms) {
        this.types = types;
        this.networks = networks;
        this.mechanisms = mechanisms;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> seg) {
        String networkId = (String) seg.get("network_id");
        Record net = tx.dsl().select(NETWORKS.MTU).from(NETWORKS)
                .where(NETWORKS.ID.eq(networkId)).fetchOne();
        if (net == null) throw NeutronException.notFound("network", networkId);
        TypeDrivers.Segment s = types.chooseOne(tx, (String) seg.get("network_type"),
                (String) seg.get("physical_network"), (Integer) seg.get("segmentation_id"));
        types.checkNotOnNetwork(tx, networkId, s);
        Integer last = tx.dsl().select(max(NETWORK_SEGMENTS.SEGMENT_INDEX)).from(NETWORK_SEGMENTS)
                .where(NETWORK_SEGMENTS.NETWORK_ID.eq(networkId)).fetchOne(0, Integer.class);
        List<TypeDrivers.Segment> all = new java.util.ArrayList<>(TypeDrivers.segmentsOf(
                types.load(tx, List.of(networkId)).getOrDefault(networkId, List.of())));
        all.add(s);
        // ML2's _get_network_mtu(validate=True) after a segment is added
        int maxMtu = types.maxMtu(all);
        Object mtu = net.get(0);
        if (mtu instanceof Number n && n.intValue() > maxMtu) {
            throw NeutronException.invalidInputGeneric("Requested MTU is too big, maximum is " + maxMtu);
        }
        seg.put("network_type", s.networkType());
        seg.put("physical_network", s.physicalNetwork());
        seg.put("segmentation_id", s.segmentationId());
        seg.put("segment_index", last == null ? 0 : last + 1);
        seg.put("is_dynamic", false);
        seg.put("allocation_key", s.allocationKey());
        seg.put(ORIGINAL_NETWORK, networks.get(tx, networkId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterCreate(Tx tx, Map<String, Object> seg) {
        networkChanged(tx, (String) seg.get("network_id"), (Map<String, Object>) seg.remove(ORIGINAL_NETWORK));
    }

    @Override
    public void afterDelete(Tx tx, Map<String, Object> seg) {
        networkChanged(tx, (String) seg.get("network_id"), (Map<String, Object>) seg.get(ORIGINAL_NETWORK));
    }

    private void networkChanged(Tx tx, String networkId, Map<String, Object> original) {
        Map<String, Object> current = networks.get(tx, networkId);
        if (current != null && original != null) {
            mechanisms.changed(tx, new ResourceChange(ResourceChange.Operation.UPDATE, "network", current, original,
                    tx.ctx()));
        }
    }

    /** Segments have no owner in Neutron's sense: who may see one is the policy's call (admins). */
    @Override
    public org.jooq.Condition visibleTo(Tx tx) {
        return org.jooq.impl.DSL.noCondition();
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> seg) {
        String id = (String) seg.get("id");
        List<String> subnets = tx.dsl().select(SUBNETS.ID).from(SUBNETS)
                .where(SUBNETS.SEGMENT_ID.eq(id)).orderBy(SUBNETS.ID).fetch(SUBNETS.ID);
        if (!subnets.isEmpty()) {
            throw NeutronException.conflict("SegmentInUse", "Segment '" + id + "' cannot be deleted: The segment is "
                    + "still associated with subnet(s) " + String.join(", ", subnets) + ".");
        }
        seg.put(ORIGINAL_NETWORK, networks.get(tx, (String) seg.get("network_id")));
    }
}
