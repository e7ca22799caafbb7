package dev.neutrino.ovsdb.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON-RPC messages from a stream. OVSDB sends JSON objects back to back with no delimiter;
 * Jackson's streaming parser reads one root value after the other, consuming exactly what arrived.
 */
public final class JsonRpcReader {
    private final InputStream input;
    private final ObjectMapper mapper;
    private JsonParser parser;

    /** Reads nothing yet: the first {@link #read()} starts parsing. */
    public JsonRpcReader(InputStream input, ObjectMapper mapper) {
        this.input = input;
        this.mapper = mapper;
    }

    /**
     * Blocks for the next message.
     *
     * @return the message, or null when the stream ended cleanly between messages
     * @throws OvsdbProtocolException on malformed JSON or a message that is not JSON-RPC
     * @throws IOException when reading fails (or the stream ends inside a message)
     */
    public JsonRpcMessage read() throws IOException {
        JsonNode json;
        try {
            if (parser == null) {
                // created on first use: Jackson reads ahead to detect the encoding
                parser = mapper.getFactory().createParser(input);
            }
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new OvsdbProtocolException("expected a JSON object, got " + token);
            }
            json = mapper.readTree(parser);
        } catch (JsonProcessingException e) {
            throw new OvsdbProtocolException("malformed JSON from peer: " + e.getOriginalMessage(), e);
        }
        return JsonRpcMessage.fromJson(json);
    }
}
