package dev.neutrino.server;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.neutrino.engine.StreamedBody;
import dev.neutrino.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;

/**
 * Writes a JSON answer. Up to {@value #BUFFER} bytes it is sent in one piece with a Content-Length;
 * a bigger one (a long list) is streamed as it is generated (chunked), so that the whole document
 * never exists as one byte array beside the objects it is made from. Blocking: the caller runs on
 * a virtual thread.
 */
final class JsonBody extends OutputStream {
    static final int BUFFER = 64 * 1024;

    private final Response response;
    private byte[] buffer = new byte[1024];
    private int count;
    private OutputStream stream; // once the answer outgrew the buffer

    private JsonBody(Response response) {
        this.response = response;
    }

    static void write(Response response, Object body) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        JsonBody out = new JsonBody(response);
        Json.MAPPER.writeValue(out, body); // closes the stream, which sends what is left
    }

    /**
     * Writes a streamed body through a JSON generator. When the body fails, what is buffered is not
     * sent (the caller can still answer with an error if nothing went out: see isCommitted).
     */
    static void write(Response response, StreamedBody body) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        JsonBody out = new JsonBody(response);
        JsonGenerator json = Json.MAPPER.createGenerator(out);
        body.write(json);
        json.close(); // flushes into this stream and closes it, which sends what is left
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (stream != null) {
            stream.write(b, off, len);
            return;
        }
        if (count + len <= BUFFER) {
            if (count + len > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(BUFFER, Math.max(count + len, buffer.length * 2)));
            }
            System.arraycopy(b, off, buffer, count, len);
            count += len;
            return;
        }
        stream = Content.Sink.asOutputStream(response);
        stream.write(buffer, 0, count);
        buffer = null;
        stream.write(b, off, len);
    }

    @Override
    public void flush() {
        // Jackson flushes on close only when asked; sending happens on overflow and on close
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, count);
        Content.Sink.write(response, true, ByteBuffer.wrap(buffer, 0, count));
    }
}
