package org.minhu.cases;

/** Distances on the Earth's surface, good to a few metres at city scale. */
public final class Geo {

    static final double EARTH_RADIUS_METERS = 6_371_008.8;
    /** Length of one degree of latitude, and of longitude at the equator. */
    static final double METERS_PER_DEGREE = Math.PI * EARTH_RADIUS_METERS / 180;

    private Geo() {
    }

    /**
     * The latitude/longitude box around a circle, for an index range before distances are measured;
     * {@code longitudeScale} (cos² of the latitude) makes squared degree offsets comparable as distances.
     */
    public record Box(double south, double north, double west, double east, double longitudeScale) {
    }

    public static Box box(double latitude, double longitude, double radiusMeters) {
        double latitudeSpan = radiusMeters / METERS_PER_DEGREE;
        double cos = Math.max(Math.cos(Math.toRadians(latitude)), 0.01);
        double longitudeSpan = radiusMeters / (METERS_PER_DEGREE * cos);
        return new Box(latitude - latitudeSpan, latitude + latitudeSpan, longitude - longitudeSpan,
                longitude + longitudeSpan, cos * cos);
    }

    /** Great-circle distance by the haversine formula. */
    public static double distanceMeters(double latitude1, double longitude1, double latitude2, double longitude2) {
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(longitude2 - longitude1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
