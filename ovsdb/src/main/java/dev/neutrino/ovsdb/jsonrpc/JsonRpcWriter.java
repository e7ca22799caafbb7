package dev.neutrino.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/** Writes JSON-RPC messages to a stream, one whole message at a time, from any thread. */
public final class JsonRpcWriter {
    private final OutputStream output;
    private final ObjectMapper mapper;
    private final ReentrantLock lock = new ReentrantLock();

    public JsonRpcWriter(OutputStream output, ObjectMapper mapper) {
        this.output = output;
        this.mapper = mapper;
    }

    public void write(JsonRpcMessage message) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(message.toJson());
        lock.lock();
        try {
            output.write(bytes);
            output.flush();
        } finally {
            lock.unlock();
        }
    }
}
