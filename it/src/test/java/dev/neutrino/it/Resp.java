package dev.neutrino.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;

/** One HTTP answer: status, raw body and parsed JSON (null when the body is empty or not JSON). */
public record Resp(String method, URI uri, int status, String body, JsonNode json, HttpHeaders headers) {

    /** Asserts the status, with the request and body in the failure message; returns this. */
    public Resp expect(int expected) {
        assertThat(status).as("%s %s -> %s %s", method, uri, status, body).isEqualTo(expected);
        return this;
    }

    /** Asserts a NeutronError answer: the status, the error type and that message and detail exist. */
    public Resp expectError(int expected, String type) {
        expect(expected);
        assertThat(json).as("%s %s: error body %s", method, uri, body).isNotNull();
        JsonNode err = json.get("NeutronError");
        assertThat(err).as("%s %s: NeutronError in %s", method, uri, body).isNotNull();
        assertThat(err.path("type").isTextual()).as("type in %s", body).isTrue();
        assertThat(err.path("message").isTextual()).as("message in %s", body).isTrue();
        assertThat(err.has("detail")).as("detail in %s", body).isTrue();
        if (type != null) assertThat(err.path("type").asText()).as("error type in %s", body).isEqualTo(type);
        return this;
    }

    public String errorMessage() {
        return json.path("NeutronError").path("message").asText();
    }

    /** JSON pointer access: {@code at("/network/id")}. */
    public JsonNode at(String pointer) {
        return json == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : json.at(pointer);
    }

    public String text(String pointer) {
        JsonNode n = at(pointer);
        assertThat(n.isMissingNode()).as("%s missing in %s", pointer, body).isFalse();
        return n.isNull() ? null : n.asText();
    }
}
