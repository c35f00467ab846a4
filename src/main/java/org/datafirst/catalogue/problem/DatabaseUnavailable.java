package org.datafirst.catalogue.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Recognises failures that mean "the database cannot be reached", as opposed to bugs. */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Class 08 = connection exception; 57P0x = the server is shutting down or restarting.
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase();
                if (message.contains("acquisition timeout") || message.contains("connection refused")) {
                    return true;
                }
            }
        }
        return false;
    }
}
