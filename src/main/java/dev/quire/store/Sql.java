package dev.quire.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run by {@link Database#read} or {@link Database#write}. */
@FunctionalInterface
public interface Sql<T> {
    T run(Connection connection) throws SQLException;
}
