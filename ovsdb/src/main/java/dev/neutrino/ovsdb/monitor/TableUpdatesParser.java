package dev.neutrino.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.codec.RowCodec;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.Row;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Parses a {@code <table-updates2>} (ovsdb-server(7), "Update2 notification") with the database schema. */
public final class TableUpdatesParser {
    private TableUpdatesParser() {}

    public static TableUpdates parse(JsonNode json, DatabaseSchema schema) {
        if (json == null || json.isNull()) {
            return TableUpdates.empty();
        }
        if (!json.isObject()) {
            throw new OvsdbProtocolException("table-updates2 is not an object: " + json);
        }
        Map<String, Map<UUID, RowUpdate>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> table : json.properties()) {
            Optional<TableSchema> tableSchema = schema.table(table.getKey());
            Map<UUID, RowUpdate> rows = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> row : table.getValue().properties()) {
                rows.put(parseUuid(row.getKey()), parseRowUpdate(row.getValue(), tableSchema));
            }
            tables.put(table.getKey(), rows);
        }
        return new TableUpdates(tables);
    }

    private static RowUpdate parseRowUpdate(JsonNode json, Optional<TableSchema> table) {
        if (!json.isObject() || json.size() != 1) {
            throw new OvsdbProtocolException("row-update2 must have exactly one member: " + json);
        }
        Map.Entry<String, JsonNode> member = json.properties().iterator().next();
        UpdateKind kind;
        try {
            kind = UpdateKind.valueOf(member.getKey().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OvsdbProtocolException("unknown row-update2 member \"" + member.getKey() + "\"", e);
        }
        Row row = member.getValue().isNull() ? Row.empty() : RowCodec.decode(member.getValue(), table);
        return new RowUpdate(kind, row);
    }

    private static UUID parseUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new OvsdbProtocolException("bad row uuid in table-updates2: " + text, e);
        }
    }
}
