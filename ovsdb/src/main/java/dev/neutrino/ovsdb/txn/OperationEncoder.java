package dev.neutrino.ovsdb.txn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.neutrino.ovsdb.codec.RowCodec;
import dev.neutrino.ovsdb.codec.ValueCodec;
import java.util.List;

/** Operations to their JSON form (RFC 7047 section 5.2) and the {@code transact} params. */
public final class OperationEncoder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OperationEncoder() {}

    /** {@code [db, op...]}: the params of a {@code transact} request. */
    public static ArrayNode transactParams(String database, List<Operation> operations) {
        ArrayNode params = NODES.arrayNode().add(database);
        operations.forEach(op -> params.add(encode(op)));
        return params;
    }

    public static ObjectNode encode(Operation operation) {
        ObjectNode json = NODES.objectNode().put("op", operation.op());
        switch (operation) {
            case Insert insert -> {
                json.put("table", insert.table()).set("row", RowCodec.encode(insert.row()));
                insert.uuidName().ifPresent(name -> json.put("uuid-name", name));
                insert.uuid().ifPresent(uuid -> json.put("uuid", uuid.toString()));
            }
            case Select select -> {
                json.put("table", select.table()).set("where", encodeWhere(select.where()));
                select.columns().ifPresent(columns -> json.set("columns", strings(columns)));
            }
            case Update update -> {
                json.put("table", update.table()).set("where", encodeWhere(update.where()));
                json.set("row", RowCodec.encode(update.row()));
            }
            case Mutate mutate -> {
                json.put("table", mutate.table()).set("where", encodeWhere(mutate.where()));
                ArrayNode mutations = json.putArray("mutations");
                mutate.mutations().forEach(m -> mutations.add(NODES.arrayNode()
                        .add(m.column()).add(m.mutator().symbol()).add(ValueCodec.encode(m.value()))));
            }
            case Delete delete -> json.put("table", delete.table()).set("where", encodeWhere(delete.where()));
            case Wait wait -> {
                json.put("table", wait.table()).set("where", encodeWhere(wait.where()));
                json.set("columns", strings(wait.columns()));
                json.put("until", wait.until().symbol());
                ArrayNode rows = json.putArray("rows");
                wait.rows().forEach(row -> rows.add(RowCodec.encode(row)));
                wait.timeout().ifPresent(t -> json.put("timeout", t.toMillis()));
            }
            case Commit commit -> json.put("durable", commit.durable());
            case Abort abort -> { }
            case Comment comment -> json.put("comment", comment.text());
            case Assert anAssert -> json.put("lock", anAssert.lock());
        }
        return json;
    }

    /** A {@code where} array: {@code [[column, function, value], ...]}. */
    public static ArrayNode encodeWhere(List<Condition> conditions) {
        ArrayNode where = NODES.arrayNode();
        conditions.forEach(c -> where.add(NODES.arrayNode()
                .add(c.column()).add(c.function().symbol()).add(ValueCodec.encode(c.value()))));
        return where;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
