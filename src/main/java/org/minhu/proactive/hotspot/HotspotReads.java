package org.minhu.proactive.hotspot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link HotspotDetector} reads to cluster a filed case, as a few columns over the
 * transaction's JDBC connection. Detection runs after every filing, and it needs only where and
 * when cases were filed and where hot spots are: loading them as entities (every column of the
 * case, its embedded parts, the HQL translated each time) cost a tenth of the service's CPU under
 * load. The SQL is the plain kind that H2 (in its PostgreSQL mode) and PostgreSQL both run.
 */
@ApplicationScoped
class HotspotReads {

    /** The filed case as clustering sees it; {@code clustered} when a hot spot has it already. */
    record Filed(long id, String number, String category, Instant createdAt, Double latitude, Double longitude,
                 String channel, boolean clustered) {

        /** Cases with a place join hot spots; a hot spot's own parent case (its channel) never does. */
        boolean clusterable() {
            return latitude != null && longitude != null && !Hotspots.CHANNEL.equals(channel);
        }
    }

    /** Where a hot spot still taking cases lies. */
    record AlertPlace(long id, double latitude, double longitude) {
    }

    /** Where and when a case was filed. */
    record CasePlace(long id, double latitude, double longitude, Instant createdAt) {
    }

    /** The states that take cases, as an SQL list of the enum's names (how the entity stores them). */
    private static final String ACTIVE_STATES = HotspotAlert.ACTIVE.stream().map(s -> "'" + s.name() + "'").sorted()
            .collect(Collectors.joining(", "));

    private final DataSource db;

    HotspotReads(DataSource db) {
        this.db = db;
    }

    /**
     * The case, and whether it is in a cluster already, in one statement; null if there is no such
     * case. Read under the category's lock, a cluster raised for a case filed just before has taken
     * this one in if {@code clustered}.
     */
    Filed filed(long id) {
        try (Connection c = db.getConnection();
             PreparedStatement query = c.prepareStatement("""
                     select c.number, c.category, c.created_at, c.latitude, c.longitude, c.channel, h.alert_id
                     from service_case c left join hotspot_case h on h.case_id = c.id
                     where c.id = ?""")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                double latitude = rs.getDouble(4);
                Double lat = rs.wasNull() ? null : latitude;
                double longitude = rs.getDouble(5);
                Double lon = rs.wasNull() ? null : longitude;
                return new Filed(id, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), lat, lon,
                        rs.getString(6), rs.getObject(7) != null);
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading case " + id + " for clustering failed", e);
        }
    }

    /** Hot spots of the category still taking cases (not closed, joined since {@code since}), oldest first. */
    List<AlertPlace> active(String category, Instant since) {
        try (Connection c = db.getConnection();
             PreparedStatement query = c.prepareStatement("select id, latitude, longitude from hotspot_alert"
                     + " where category = ? and state in (" + ACTIVE_STATES + ") and last_case_at >= ? order by id")) {
            query.setString(1, category);
            query.setTimestamp(2, Timestamp.from(since));
            List<AlertPlace> places = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    places.add(new AlertPlace(rs.getLong(1), rs.getDouble(2), rs.getDouble(3)));
                }
            }
            return places;
        } catch (SQLException e) {
            throw new PersistenceException("reading the active hot spots failed", e);
        }
    }

    /**
     * Cases of the category filed since {@code since} inside the box, other than hot spots' own
     * parent cases, in no cluster yet, in the order they were filed.
     */
    List<CasePlace> unclustered(String category, Instant since, double south, double north, double west, double east) {
        try (Connection c = db.getConnection();
             PreparedStatement query = c.prepareStatement("""
                     select c.id, c.latitude, c.longitude, c.created_at from service_case c
                     where c.category = ? and c.created_at >= ?
                       and c.latitude between ? and ? and c.longitude between ? and ?
                       and c.channel <> ?
                       and not exists (select 1 from hotspot_case h where h.case_id = c.id)
                     order by c.created_at, c.id""")) {
            query.setString(1, category);
            query.setTimestamp(2, Timestamp.from(since));
            query.setDouble(3, south);
            query.setDouble(4, north);
            query.setDouble(5, west);
            query.setDouble(6, east);
            query.setString(7, Hotspots.CHANNEL);
            List<CasePlace> places = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    places.add(new CasePlace(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return places;
        } catch (SQLException e) {
            throw new PersistenceException("reading the unclustered cases failed", e);
        }
    }
}
