package dev.neutrino.ovsdb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neutrino.ovsdb.codec.SchemaParser;
import dev.neutrino.ovsdb.schema.DatabaseSchema;

/** A small schema shaped like OVN's Logical_Switch / Logical_Switch_Port, for unit tests. */
public final class TestSchemas {
    public static final String JSON = """
            {"name": "Test_NB", "version": "1.2.3", "cksum": "1 2",
             "tables": {
               "Logical_Switch": {
                 "columns": {
                   "name": {"type": "string"},
                   "ports": {"type": {"key": {"type": "uuid", "refTable": "Logical_Switch_Port", "refType": "strong"},
                                      "min": 0, "max": "unlimited"}},
                   "external_ids": {"type": {"key": "string", "value": "string", "min": 0, "max": "unlimited"}},
                   "other_config": {"type": {"key": "string", "value": "string", "min": 0, "max": "unlimited"}}},
                 "isRoot": true},
               "Logical_Switch_Port": {
                 "columns": {
                   "name": {"type": "string"},
                   "type": {"type": "string"},
                   "addresses": {"type": {"key": "string", "min": 0, "max": "unlimited"}},
                   "tag": {"type": {"key": {"type": "integer", "minInteger": 1, "maxInteger": 4095}, "min": 0, "max": 1}},
                   "up": {"type": {"key": "boolean", "min": 0, "max": 1}},
                   "enabled": {"type": {"key": "boolean", "min": 0, "max": 1}},
                   "mtu": {"type": "real"},
                   "kind": {"type": {"key": {"type": "string", "enum": ["set", ["a", "b"]]}}, "ephemeral": true},
                   "options": {"type": {"key": "string", "value": "string", "min": 0, "max": "unlimited"}}},
                 "indexes": [["name"]],
                 "isRoot": false}}}
            """;

    private TestSchemas() {}

    public static DatabaseSchema schema() {
        try {
            JsonNode json = new ObjectMapper().readTree(JSON);
            return SchemaParser.parse(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS).readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
