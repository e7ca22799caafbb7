package dev.neutrino.ovsdb.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives the peer's notifications (requests with a null id), on the reader thread, in order. */
@FunctionalInterface
public interface NotificationHandler {
    void onNotification(String method, JsonNode params);
}
