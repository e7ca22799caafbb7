package dev.neutrino.ovsdb.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.neutrino.ovsdb.txn.OperationEncoder;
import java.util.List;

/** Monitor requests to the {@code <monitor-cond-requests>} object: table name to an array of requests. */
public final class MonitorRequestEncoder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MonitorRequestEncoder() {}

    public static ObjectNode encode(List<MonitorRequest> requests) {
        ObjectNode json = NODES.objectNode();
        for (MonitorRequest request : requests) {
            ArrayNode forTable = json.has(request.table()) ? (ArrayNode) json.get(request.table()) : json.putArray(request.table());
            forTable.add(encode(request));
        }
        return json;
    }

    private static ObjectNode encode(MonitorRequest request) {
        ObjectNode json = NODES.objectNode();
        if (!request.columns().isEmpty()) {
            ArrayNode columns = json.putArray("columns");
            request.columns().forEach(columns::add);
        }
        if (!request.where().isEmpty()) {
            json.set("where", OperationEncoder.encodeWhere(request.where()));
        }
        if (!request.select().equals(MonitorSelect.ALL)) {
            json.putObject("select")
                    .put("initial", request.select().initial())
                    .put("insert", request.select().insert())
                    .put("delete", request.select().delete())
                    .put("modify", request.select().modify());
        }
        return json;
    }
}
