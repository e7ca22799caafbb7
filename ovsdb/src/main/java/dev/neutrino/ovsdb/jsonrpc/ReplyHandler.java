package dev.neutrino.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a successful reply's result into a value. It runs on the connection's reader thread before
 * any later message is read, so it may apply state that later notifications build on.
 */
@FunctionalInterface
public interface ReplyHandler<T> {
    T onResult(JsonNode result);
}
