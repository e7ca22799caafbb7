package dev.neutrino.ext.trunk;

import static dev.neutrino.schema.Tables.SUBPORTS;
import static dev.neutrino.schema.Tables.TRUNKS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;

/** Rows of {@code subports}: a trunk's subports, and which trunk a port belongs to. */
final class SubPorts {
    private SubPorts() {}

    /** One subport as the API shows it (SubPort.to_dict: port_id, segmentation_type, segmentation_id). */
    static Map<String, Object> view(String portId, String type, int id) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("segmentation_id", id);
        s.put("segmentation_type", type);
        s.put("port_id", portId);
        return s;
    }

    /** The subports of each trunk, by trunk id (in port id order). */
    static Map<String, List<Map<String, Object>>> byTrunk(DSLContext dsl, Collection<String> trunkIds) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String t : trunkIds) out.put(t, new ArrayList<>());
        if (trunkIds.isEmpty()) return out;
        for (Record r : dsl.selectFrom(SUBPORTS).where(SUBPORTS.TRUNK_ID.in(trunkIds)).orderBy(SUBPORTS.PORT_ID)) {
            out.computeIfAbsent(r.get(SUBPORTS.TRUNK_ID), k -> new ArrayList<>()).add(view(r.get(SUBPORTS.PORT_ID),
                    r.get(SUBPORTS.SEGMENTATION_TYPE), r.get(SUBPORTS.SEGMENTATION_ID)));
        }
        return out;
    }

    static List<Map<String, Object>> of(DSLContext dsl, String trunkId) {
        return byTrunk(dsl, List.of(trunkId)).get(trunkId);
    }

    /** The trunk a port is a subport of, or null. */
    static String trunkOfSubport(DSLContext dsl, String portId) {
        return dsl.select(SUBPORTS.TRUNK_ID).from(SUBPORTS).where(SUBPORTS.PORT_ID.eq(portId)).fetchOne(SUBPORTS.TRUNK_ID);
    }

    /** The trunk a port is the parent of, or null. */
    static String trunkOfParent(DSLContext dsl, String portId) {
        return dsl.select(TRUNKS.ID).from(TRUNKS).where(TRUNKS.PORT_ID.eq(portId)).fetchOne(TRUNKS.ID);
    }

    static Query insert(DSLContext dsl, String trunkId, Map<String, Object> subport) {
        return dsl.insertInto(SUBPORTS)
                .set(SUBPORTS.PORT_ID, (String) subport.get("port_id"))
                .set(SUBPORTS.TRUNK_ID, trunkId)
                .set(SUBPORTS.SEGMENTATION_TYPE, (String) subport.get("segmentation_type"))
                .set(SUBPORTS.SEGMENTATION_ID, ((Number) subport.get("segmentation_id")).intValue());
    }

    static void delete(DSLContext dsl, String trunkId, String portId) {
        dsl.deleteFrom(SUBPORTS).where(SUBPORTS.TRUNK_ID.eq(trunkId).and(SUBPORTS.PORT_ID.eq(portId))).execute();
    }
}
