package dev.neutrino.ovsdb.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.schema.ColumnSchema;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.OvsdbValue;
import dev.neutrino.ovsdb.value.Row;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Rows (RFC 7047 {@code <row>}: a JSON object of column name to value) to and from JSON. */
public final class RowCodec {
    private RowCodec() {}

    public static ObjectNode encode(Row row) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        row.columns().forEach((column, value) -> json.set(column, ValueCodec.encode(value)));
        return json;
    }

    /**
     * Decodes a row; with a table schema each known column gets its canonical shape
     * ({@link ValueCodec#decode(JsonNode, dev.neutrino.ovsdb.schema.ColumnType)}), columns the schema
     * does not know keep their wire shape.
     */
    public static Row decode(JsonNode json, Optional<TableSchema> table) {
        if (!json.isObject()) {
            throw new OvsdbProtocolException("expected a row object, got " + json);
        }
        Map<String, OvsdbValue> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            Optional<ColumnSchema> column = table.flatMap(t -> t.column(field.getKey()));
            columns.put(field.getKey(), column.isPresent()
                    ? ValueCodec.decode(field.getValue(), column.get().type())
                    : ValueCodec.decode(field.getValue()));
        }
        return Row.of(columns);
    }
}
