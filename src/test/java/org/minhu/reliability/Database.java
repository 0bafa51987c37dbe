package org.minhu.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A database of its own on the local PostgreSQL server, dropped afterwards. */
final class Database implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final String name;

    Database(String name) {
        this.name = name;
        admin("drop database if exists " + name + " with (force)");
        admin("create database " + name);
    }

    String name() {
        return name;
    }

    <T> List<T> query(String sql, Row<T> row) {
        try (Connection c = DriverManager.getConnection(url(), USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url(), USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    String url() {
        return SERVER + name;
    }

    long count(String sql) {
        return query(sql, rs -> rs.getLong(1)).get(0);
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin("drop database if exists " + name + " with (force)");
    }
}
