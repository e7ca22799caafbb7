package dev.neutrino.ovsdb.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRpcReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Hands out at most {@code chunk} bytes per read, like a socket delivering pieces. */
    private static InputStream chunked(String text, int chunk) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return new InputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static List<JsonRpcMessage> readAll(InputStream in) throws IOException {
        JsonRpcReader reader = new JsonRpcReader(in, MAPPER);
        List<JsonRpcMessage> messages = new ArrayList<>();
        for (JsonRpcMessage m = reader.read(); m != null; m = reader.read()) {
            messages.add(m);
        }
        return messages;
    }

    private static final String STREAM = "{\"id\":1,\"result\":[\"OVN_Northbound\",\"_Server\"],\"error\":null}"
            + "{\"id\":\"echo\",\"method\":\"echo\",\"params\":[]}"
            + "\n  {\"id\":null,\"method\":\"update2\",\"params\":[\"m1\",{\"T\":{}}]}"
            + "{\"id\":2,\"result\":null,\"error\":{\"error\":\"unknown database\",\"details\":\"nope\"}}"
            + "{\"id\":3,\"result\":{\"s\":\"caf\u00e9 }{ \\\"\"},\"error\":null}";

    @Test
    void splitsConcatenatedObjectsWithoutDelimiters() throws IOException {
        for (int chunk : new int[] {1, 2, 7, 64, 8192}) {
            List<JsonRpcMessage> messages = readAll(chunked(STREAM, chunk));
            assertThat(messages).as("chunk %d", chunk).hasSize(5);
            assertThat(messages.get(0)).isInstanceOfSatisfying(JsonRpcMessage.Response.class, r -> {
                assertThat(r.id().asInt()).isEqualTo(1);
                assertThat(r.result().get(1).asText()).isEqualTo("_Server");
                assertThat(r.isError()).isFalse();
            });
            assertThat(messages.get(1)).isInstanceOfSatisfying(JsonRpcMessage.Request.class, r -> {
                assertThat(r.method()).isEqualTo("echo");
                assertThat(r.isNotification()).isFalse();
            });
            assertThat(messages.get(2)).isInstanceOfSatisfying(JsonRpcMessage.Request.class, r -> {
                assertThat(r.method()).isEqualTo("update2");
                assertThat(r.isNotification()).isTrue();
            });
            assertThat(messages.get(3)).isInstanceOfSatisfying(JsonRpcMessage.Response.class,
                    r -> assertThat(r.isError()).isTrue());
            assertThat(messages.get(4)).isInstanceOfSatisfying(JsonRpcMessage.Response.class,
                    r -> assertThat(r.result().get("s").asText()).isEqualTo("café }{ \""));
        }
    }

    @Test
    void writerOutputReadsBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonRpcWriter writer = new JsonRpcWriter(out, MAPPER);
        writer.write(new JsonRpcMessage.Request(MAPPER.getNodeFactory().numberNode(7), "list_dbs", MAPPER.createArrayNode()));
        writer.write(JsonRpcMessage.Response.success(MAPPER.getNodeFactory().textNode("echo"), MAPPER.createArrayNode()));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"method\":\"list_dbs\",\"params\":[],\"id\":7}{\"result\":[],\"error\":null,\"id\":\"echo\"}");
        assertThat(readAll(new ByteArrayInputStream(out.toByteArray()))).hasSize(2);
    }

    @Test
    void endOfStreamBetweenMessagesIsClean() throws IOException {
        assertThat(readAll(chunked("", 1))).isEmpty();
        assertThat(readAll(chunked("{\"id\":1,\"result\":1,\"error\":null}  \n", 3))).hasSize(1);
    }

    @Test
    void malformedInputIsAProtocolError() {
        assertThatThrownBy(() -> readAll(chunked("[1,2]", 10))).isInstanceOf(OvsdbProtocolException.class);
        assertThatThrownBy(() -> readAll(chunked("{\"id\":1,}", 10))).isInstanceOf(OvsdbProtocolException.class);
        assertThatThrownBy(() -> readAll(chunked("{\"foo\":1}", 10)))
                .isInstanceOf(OvsdbProtocolException.class).hasMessageContaining("neither a JSON-RPC request nor a response");
        assertThatThrownBy(() -> readAll(chunked("{\"id\":1,\"resu", 10))).isInstanceOf(Exception.class);
    }
}
