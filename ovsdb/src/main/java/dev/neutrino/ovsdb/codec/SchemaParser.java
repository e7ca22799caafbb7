package dev.neutrino.ovsdb.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.schema.BaseType;
import dev.neutrino.ovsdb.schema.ColumnSchema;
import dev.neutrino.ovsdb.schema.ColumnType;
import dev.neutrino.ovsdb.schema.DatabaseSchema;
import dev.neutrino.ovsdb.schema.RefType;
import dev.neutrino.ovsdb.schema.TableSchema;
import dev.neutrino.ovsdb.value.AtomicType;
import dev.neutrino.ovsdb.value.OvsdbSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Parses a {@code <database-schema>} (RFC 7047 section 3.2), as {@code get_schema} returns it. */
public final class SchemaParser {
    private SchemaParser() {}

    public static DatabaseSchema parse(JsonNode json) {
        try {
            Map<String, TableSchema> tables = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> table : required(json, "tables").properties()) {
                tables.put(table.getKey(), parseTable(table.getKey(), table.getValue()));
            }
            return new DatabaseSchema(requiredText(json, "name"),
                    json.has("version") ? requiredText(json, "version") : "",
                    Optional.ofNullable(json.get("cksum")).map(JsonNode::asText), tables);
        } catch (IllegalArgumentException e) {
            throw new OvsdbProtocolException("invalid database schema: " + e.getMessage(), e);
        }
    }

    private static TableSchema parseTable(String name, JsonNode json) {
        Map<String, ColumnSchema> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> column : required(json, "columns").properties()) {
            columns.put(column.getKey(), parseColumn(column.getKey(), column.getValue()));
        }
        List<List<String>> indexes = new ArrayList<>();
        for (JsonNode index : json.path("indexes")) {
            List<String> names = new ArrayList<>();
            index.forEach(n -> names.add(n.asText()));
            indexes.add(names);
        }
        OptionalLong maxRows = json.has("maxRows") ? OptionalLong.of(json.get("maxRows").asLong()) : OptionalLong.empty();
        return new TableSchema(name, columns, maxRows, json.path("isRoot").asBoolean(false), indexes);
    }

    private static ColumnSchema parseColumn(String name, JsonNode json) {
        return new ColumnSchema(name, parseType(required(json, "type")),
                json.path("ephemeral").asBoolean(false), json.path("mutable").asBoolean(true));
    }

    /** Parses a {@code <type>}: an atomic-type name, or an object with key, value, min and max. */
    public static ColumnType parseType(JsonNode json) {
        if (json.isTextual()) {
            return ColumnType.scalar(parseBaseType(json));
        }
        BaseType key = parseBaseType(required(json, "key"));
        Optional<BaseType> value = json.has("value") ? Optional.of(parseBaseType(json.get("value"))) : Optional.empty();
        long min = json.path("min").asLong(1);
        JsonNode maxJson = json.get("max");
        long max = maxJson == null ? 1
                : "unlimited".equals(maxJson.asText()) ? ColumnType.UNLIMITED : maxJson.asLong();
        return new ColumnType(key, value, min, max);
    }

    /** Parses a {@code <base-type>}: an atomic-type name, or an object with type and constraints. */
    public static BaseType parseBaseType(JsonNode json) {
        if (json.isTextual()) {
            return BaseType.of(AtomicType.fromWireName(json.textValue()));
        }
        AtomicType type = AtomicType.fromWireName(requiredText(json, "type"));
        BaseType elementType = BaseType.of(type);
        Optional<OvsdbSet> enumeration = Optional.ofNullable(json.get("enum"))
                .map(e -> ValueCodec.decode(e, ColumnType.set(elementType, 0, ColumnType.UNLIMITED)).asSet());
        RefType refType = "weak".equals(json.path("refType").asText("strong")) ? RefType.WEAK : RefType.STRONG;
        return new BaseType(type, enumeration,
                optionalLong(json, "minInteger"), optionalLong(json, "maxInteger"),
                optionalDouble(json, "minReal"), optionalDouble(json, "maxReal"),
                optionalLong(json, "minLength"), optionalLong(json, "maxLength"),
                Optional.ofNullable(json.get("refTable")).map(JsonNode::asText), refType);
    }

    private static OptionalLong optionalLong(JsonNode json, String field) {
        return json.has(field) ? OptionalLong.of(json.get(field).asLong()) : OptionalLong.empty();
    }

    private static OptionalDouble optionalDouble(JsonNode json, String field) {
        return json.has(field) ? OptionalDouble.of(json.get(field).asDouble()) : OptionalDouble.empty();
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\" in " + abbreviate(json));
        }
        return value;
    }

    private static String requiredText(JsonNode json, String field) {
        JsonNode value = required(json, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a string in " + abbreviate(json));
        }
        return value.textValue();
    }

    private static String abbreviate(JsonNode json) {
        String text = json.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
