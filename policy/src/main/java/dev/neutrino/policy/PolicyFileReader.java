package dev.neutrino.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a policy file the way oslo.policy's {@code parse_file_contents} does: JSON first,
 * then YAML; the top level must be a mapping of rule name to check string (or, legacy,
 * a list of lists; or empty/null, which oslo treats as "always allowed").
 */
final class PolicyFileReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private PolicyFileReader() {}

    /** Rule name to raw value (String, List or null), in file order. */
    static Map<String, Object> read(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException notJson) {
            try {
                root = YAML.readTree(text);
            } catch (JacksonException e) {
                throw new PolicyFileException(source, "not valid YAML or JSON: " + e.getOriginalMessage()
                        + location(e), e);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) return out;
        if (!root.isObject()) {
            throw new PolicyFileException(source, "the top level must be a mapping of rule name to check "
                    + "string, not a " + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT), null);
        }
        for (var e : root.properties()) {
            JsonNode v = e.getValue();
            Object value;
            if (v.isTextual()) value = v.asText();
            else if (v.isNull()) value = null;
            else if (v.isArray()) value = JSON.convertValue(v, java.util.List.class);
            else {
                throw new PolicyFileException(source, "rule \"" + e.getKey() + "\": the check must be a string, not "
                        + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + v, null);
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    private static String location(JacksonException e) {
        var loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 0) return "";
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
