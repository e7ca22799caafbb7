package dev.neutrino.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import java.util.Objects;

/**
 * A JSON-RPC 1.0 message as OVSDB uses it (RFC 7047 section 4): a request (with a non-null id), a
 * notification (a request whose id is null) or a response.
 */
public sealed interface JsonRpcMessage permits JsonRpcMessage.Request, JsonRpcMessage.Response {

    /** The JSON object to send. */
    ObjectNode toJson();

    /** Reads a message object. @throws OvsdbProtocolException when it is neither a request nor a response */
    static JsonRpcMessage fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new OvsdbProtocolException("JSON-RPC message is not an object: " + json);
        }
        JsonNode id = json.has("id") ? json.get("id") : NullNode.getInstance();
        if (json.has("method")) {
            JsonNode method = json.get("method");
            if (!method.isTextual()) {
                throw new OvsdbProtocolException("JSON-RPC method is not a string: " + json);
            }
            JsonNode params = json.has("params") ? json.get("params") : JsonNodeFactory.instance.arrayNode();
            return new Request(id, method.textValue(), params);
        }
        if (json.has("result") || json.has("error")) {
            return new Response(id, json.path("result").isMissingNode() ? NullNode.getInstance() : json.get("result"),
                    json.path("error").isMissingNode() ? NullNode.getInstance() : json.get("error"));
        }
        throw new OvsdbProtocolException("neither a JSON-RPC request nor a response: " + json);
    }

    /** A request; with a null {@code id} it is a notification that gets no response. */
    record Request(JsonNode id, String method, JsonNode params) implements JsonRpcMessage {
        public Request {
            id = id == null ? NullNode.getInstance() : id;
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(params, "params");
        }

        public static Request notification(String method, JsonNode params) {
            return new Request(NullNode.getInstance(), method, params);
        }

        public boolean isNotification() {
            return id.isNull();
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("method", method);
            json.set("params", params);
            json.set("id", id);
            return json;
        }
    }

    /** A response: {@code error} is null on success, {@code result} is null on error. */
    record Response(JsonNode id, JsonNode result, JsonNode error) implements JsonRpcMessage {
        public Response {
            id = id == null ? NullNode.getInstance() : id;
            result = result == null ? NullNode.getInstance() : result;
            error = error == null ? NullNode.getInstance() : error;
        }

        public static Response success(JsonNode id, JsonNode result) {
            return new Response(id, result, NullNode.getInstance());
        }

        public static Response failure(JsonNode id, JsonNode error) {
            return new Response(id, NullNode.getInstance(), error);
        }

        public boolean isError() {
            return !error.isNull();
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.set("result", result);
            json.set("error", error);
            json.set("id", id);
            return json;
        }
    }
}
