package dev.neutrino.ovsdb.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The remotes of a connection string such as OVN's {@code ovn_nb_connection}: a comma-separated list
 * tried in order, e.g. {@code tcp:10.0.0.1:6641,tcp:10.0.0.2:6641}. As in OVS's Python IDL, a piece
 * without a colon belongs to the previous remote (a unix socket path may contain commas).
 */
public record RemoteList(List<Remote> remotes) {
    public RemoteList {
        remotes = List.copyOf(remotes);
        if (remotes.isEmpty()) {
            throw new IllegalArgumentException("no OVSDB remote given");
        }
    }

    /** @throws IllegalArgumentException for an empty string or any malformed remote */
    public static RemoteList parse(String connection) {
        if (connection == null || connection.isBlank()) {
            throw new IllegalArgumentException("empty OVSDB connection string");
        }
        List<String> pieces = new ArrayList<>();
        for (String piece : connection.split(",", -1)) {
            if (!pieces.isEmpty() && piece.indexOf(':') < 0) {
                pieces.set(pieces.size() - 1, pieces.getLast() + "," + piece);
            } else {
                pieces.add(piece);
            }
        }
        List<Remote> remotes = new ArrayList<>();
        for (String piece : pieces) {
            if (!piece.isBlank()) {
                remotes.add(Remote.parse(piece));
            }
        }
        return new RemoteList(remotes);
    }

    public int size() {
        return remotes.size();
    }

    public Remote get(int index) {
        return remotes.get(index);
    }

    /** The connection string: the remotes joined with commas. */
    @Override
    public String toString() {
        return remotes.stream().map(Remote::toString).collect(Collectors.joining(","));
    }
}
