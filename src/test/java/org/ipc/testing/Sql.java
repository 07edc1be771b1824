package org.ipc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database of a packaged run says, asked straight over JDBC: one value, a count, a column, counts per key.
 * A parameter that is a list is sent as an array (for {@code = any(?)}); every other one as itself.
 */
public record Sql(PostgresServer db) {

    /** The one row's first column; fails when there is no row. */
    public String single(String sql, Object... params) throws SQLException {
        List<String> values = strings(sql, params);
        assertThat(values).as("%s %s", sql, List.of(params)).isNotEmpty();
        return values.get(0);
    }

    public long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(single(sql, params));
    }

    /** Every row's first column. */
    public List<String> strings(String sql, Object... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = bound(c, sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** A count per key, from a query of two columns (the key, a count). */
    public Map<String, Integer> counted(String sql, Object... params) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = db.connect(); PreparedStatement s = bound(c, sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    /** How many cases each run's key made, for cases whose summary is {@code mark} followed by the key. */
    public Map<String, Integer> casesPerKey(String mark) throws SQLException {
        Map<String, Integer> perKey = new TreeMap<>();
        counted("select clinical_summary, count(*) from patient_case where clinical_summary like ? group by 1",
                mark + "%").forEach((summary, n) -> perKey.put(summary.substring(mark.length()), n));
        return perKey;
    }

    public int update(String sql, Object... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = bound(c, sql, params)) {
            return s.executeUpdate();
        }
    }

    private static PreparedStatement bound(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof List<?> list) {
                s.setArray(i + 1, c.createArrayOf("varchar", list.toArray()));
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
        return s;
    }
}
