package dev.neutrino.db;

import java.sql.SQLException;

/** Classifies driver errors the same way on H2, PostgreSQL and MariaDB. */
public final class SqlErrors {
    private SqlErrors() {}

    public static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) return s;
        }
        return null;
    }

    /** Deadlocks, serialization failures and lock wait timeouts: run the transaction again. */
    public static boolean isTransient(Throwable t) {
        SQLException e = sqlCause(t);
        if (e == null) return false;
        String state = e.getSQLState();
        int code = e.getErrorCode();
        return "40001".equals(state) || "40P01".equals(state) || code == 1213 || code == 1205
                || (state != null && state.startsWith("40") && !"40000".equals(state))
                || code == 50200 /* H2 lock timeout */;
    }

    /** Also for a batch: its exception or the next exception it chains (the failed statement's). */
    public static boolean isUniqueViolation(Throwable t) {
        for (SQLException e = sqlCause(t); e != null; e = e.getNextException()) {
            if ("23505".equals(e.getSQLState()) || e.getErrorCode() == 1062) return true;
        }
        return false;
    }

    public static boolean isForeignKeyViolation(Throwable t) {
        SQLException e = sqlCause(t);
        if (e == null) return false;
        return "23503".equals(e.getSQLState()) || e.getErrorCode() == 1451 || e.getErrorCode() == 1452
                || e.getErrorCode() == 23503 || e.getErrorCode() == 23506;
    }
}
