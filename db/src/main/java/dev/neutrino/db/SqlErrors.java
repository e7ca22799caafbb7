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

    /**
     * The connection to the database broke (the server restarted, a network cut, the connection was
     * killed): SQLSTATE class 08, PostgreSQL's shutdown states 57P01-57P03, MariaDB's "server has gone
     * away" (2006), "lost connection" (2013), "connection killed" (1927), "server shutdown" (1053),
     * or the driver's connection exception types. The transaction did not commit, unless the break
     * came during the commit itself.
     */
    public static boolean isConnectionLoss(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLNonTransientConnectionException
                    || c instanceof java.sql.SQLRecoverableException) return true;
            if (c instanceof SQLException e) {
                String state = e.getSQLState();
                int code = e.getErrorCode();
                if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03"))) return true;
                if (code == 2006 || code == 2013 || code == 1927 || code == 1053) return true;
            }
        }
        return false;
    }

    /** Also for a batch: its exception or the next exception it chains (the failed statement's). */
    public static boolean isUniqueViolation(Throwable t) {
        for (SQLException e = sqlCause(t); e != null; e = e.getNextException()) {
            if ("23505".equals(e.getSQLState()) || e.getErrorCode() == 1062) return true;
        }
        return false;
    }

    /** A statement named a column the table does not have (one a contract migration dropped). */
    public static boolean isUndefinedColumn(Throwable t) {
        for (SQLException e = sqlCause(t); e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if ("42703".equals(state) || "42S22".equals(state) || e.getErrorCode() == 1054
                    || e.getErrorCode() == 42122) return true;
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
