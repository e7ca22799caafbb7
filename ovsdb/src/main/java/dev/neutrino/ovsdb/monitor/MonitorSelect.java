package dev.neutrino.ovsdb.monitor;

/**
 * Which kinds of change a monitor reports for a table (RFC 7047 {@code <monitor-select>}): the
 * initial rows, inserts, deletes and modifications. A replica wants them all.
 */
public record MonitorSelect(boolean initial, boolean insert, boolean delete, boolean modify) {
    public static final MonitorSelect ALL = new MonitorSelect(true, true, true, true);
}
