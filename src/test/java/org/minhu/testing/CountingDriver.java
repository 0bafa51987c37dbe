package org.minhu.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A JDBC driver in front of H2 ({@code jdbc:counting:h2:...}) that writes down every statement sent
 * to the database (a batch counts once: it is one round trip) and groups them by the transaction
 * that committed them. Tests read {@link #committed()} to hold a hot path to its budget.
 */
public class CountingDriver implements Driver {

    private static final String PREFIX = "jdbc:counting:";
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");
    private static final List<List<String>> COMMITTED = Collections.synchronizedList(new ArrayList<>());

    private final Driver h2 = new org.h2.Driver();

    /** Statements of each transaction committed since the last {@link #reset()}, in commit order. */
    public static List<List<String>> committed() {
        synchronized (COMMITTED) {
            return List.copyOf(COMMITTED);
        }
    }

    public static void reset() {
        COMMITTED.clear();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = h2.connect("jdbc:" + url.substring(PREFIX.length()), info);
        List<String> open = Collections.synchronizedList(new ArrayList<>());
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "commit" -> {
                    synchronized (open) {
                        if (!open.isEmpty()) {
                            COMMITTED.add(List.copyOf(open));
                            open.clear();
                        }
                    }
                }
                case "rollback" -> open.clear();
                default -> {
                }
            }
            Object result = invoke(real, method, args);
            if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql) {
                return counting(statement, PreparedStatement.class, sql, open, real);
            }
            if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
                return counting(statement, Statement.class, null, open, real);
            }
            if ("setAutoCommit".equals(method.getName()) && Boolean.TRUE.equals(args[0])) {
                open.clear();
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, handler);
    }

    private static Object counting(Statement statement, Class<?> type, String sql, List<String> open, Connection real) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (EXECUTE.contains(method.getName())) {
                String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                boolean autoCommit = real.getAutoCommit();
                if (!autoCommit) {
                    open.add(text.replaceAll("\\s+", " ").trim());
                }
            }
            return invoke(statement, method, args);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
