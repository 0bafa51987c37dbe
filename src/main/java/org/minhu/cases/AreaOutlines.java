package org.minhu.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch rules' areas as a GeoJSON FeatureCollection, for the console's map (索骥图). Dispatch
 * places a point in the first area whose circle holds it ({@link DispatchRules#area(Double, Double)}),
 * so each area is drawn as the part of its circle that no earlier area's circle covers: where two
 * circles overlap the overlap belongs to the earlier one, on the map as in dispatch. Made from the
 * rules in use, never kept as a second copy, so an admin's change to an area moves its outline too.
 *
 * <p>Worked in metres on a plane laid at the areas' middle (city scale: a few metres off at most),
 * each outline traced along circle arcs: the area's own arcs outside every earlier circle,
 * counter-clockwise, and the earlier circles' arcs inside it, clockwise.
 */
public final class AreaOutlines {

    /** Points per full circle when an arc is written out as a line. */
    private static final int STEPS = 128;
    private static final double EPS = 1e-6;
    /** Two arc ends this close (metres) are the same point. */
    private static final double JOIN = 0.5;

    private AreaOutlines() {
    }

    private record Circle(double x, double y, double r) {
        boolean inside(double px, double py) {
            return Math.hypot(px - x, py - y) < r - EPS;
        }
    }

    /** An arc of a circle from angle a to angle b, walked from a to b (b < a when clockwise). */
    private record Arc(Circle c, double a, double b) {
        double[] start() {
            return at(a);
        }

        double[] end() {
            return at(b);
        }

        double[] at(double angle) {
            return new double[] {c.x + c.r * Math.cos(angle), c.y + c.r * Math.sin(angle)};
        }
    }

    /** The FeatureCollection: one feature per area that dispatch can reach, with its code, community and grid. */
    public static Map<String, Object> geoJson(List<DispatchRules.Area> areas) {
        List<Object> features = new ArrayList<>();
        if (!areas.isEmpty()) {
            double lat0 = areas.stream().mapToDouble(DispatchRules.Area::latitude).average().orElseThrow();
            double lon0 = areas.stream().mapToDouble(DispatchRules.Area::longitude).average().orElseThrow();
            double kx = Math.cos(Math.toRadians(lat0)) * Geo.METERS_PER_DEGREE;
            double ky = Geo.METERS_PER_DEGREE;
            List<Circle> circles = areas.stream()
                    .map(a -> new Circle((a.longitude() - lon0) * kx, (a.latitude() - lat0) * ky, a.radiusMeters()))
                    .toList();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < areas.size(); i++) {
                List<List<double[]>> rings = rings(circles.get(i), circles.subList(0, i));
                if (rings.isEmpty()) {
                    continue; // wholly inside an earlier area: dispatch never places a point here
                }
                List<List<List<double[]>>> polygons = polygons(rings);
                DispatchRules.Area area = areas.get(i);
                Map<String, Object> properties = new LinkedHashMap<>();
                // ECharts knows a region by its name: a second area of one community is named by its grid
                properties.put("name", names.add(area.name()) ? area.name() : area.name() + " " + area.grid());
                properties.put("code", area.code());
                properties.put("community", area.name());
                properties.put("grid", area.grid());
                Map<String, Object> geometry = new LinkedHashMap<>();
                if (polygons.size() == 1) {
                    geometry.put("type", "Polygon");
                    geometry.put("coordinates", lonLat(polygons.get(0), lat0, lon0, kx, ky));
                } else {
                    geometry.put("type", "MultiPolygon");
                    geometry.put("coordinates", polygons.stream().map(p -> lonLat(p, lat0, lon0, kx, ky)).toList());
                }
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("type", "Feature");
                feature.put("properties", properties);
                feature.put("geometry", geometry);
                features.add(feature);
            }
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    /** The closed rings bounding the part of {@code own} no earlier circle covers (exteriors counter-clockwise, holes clockwise). */
    private static List<List<double[]>> rings(Circle own, List<Circle> earlier) {
        List<Circle> cutting = new ArrayList<>();
        for (Circle e : earlier) {
            double d = Math.hypot(e.x - own.x, e.y - own.y);
            if (d + own.r <= e.r + EPS) {
                return List.of(); // covered whole
            }
            if (d < e.r + own.r - EPS) {
                cutting.add(e);
            }
        }
        List<Circle> all = new ArrayList<>();
        all.add(own);
        all.addAll(cutting);
        List<Arc> arcs = new ArrayList<>();
        for (Circle c : all) {
            List<Double> cuts = new ArrayList<>();
            for (Circle other : all) {
                if (other != c) {
                    cuts.addAll(crossings(c, other));
                }
            }
            cuts.sort(Double::compare);
            List<double[]> pieces = new ArrayList<>();
            if (cuts.isEmpty()) {
                pieces.add(new double[] {0, 2 * Math.PI});
            } else {
                for (int k = 0; k < cuts.size(); k++) {
                    double a = cuts.get(k);
                    double b = k + 1 < cuts.size() ? cuts.get(k + 1) : cuts.get(0) + 2 * Math.PI;
                    if (b - a > EPS) {
                        pieces.add(new double[] {a, b});
                    }
                }
            }
            for (double[] piece : pieces) {
                Arc arc = new Arc(c, piece[0], piece[1]);
                double[] mid = arc.at((piece[0] + piece[1]) / 2);
                boolean bounds;
                if (c == own) {
                    bounds = cutting.stream().noneMatch(e -> e.inside(mid[0], mid[1]));
                } else {
                    bounds = own.inside(mid[0], mid[1])
                            && cutting.stream().filter(e -> e != c).noneMatch(e -> e.inside(mid[0], mid[1]));
                }
                if (bounds) {
                    arcs.add(c == own ? arc : new Arc(c, piece[1], piece[0]));
                }
            }
        }
        List<List<double[]>> rings = new ArrayList<>();
        boolean[] used = new boolean[arcs.size()];
        for (int first = 0; first < arcs.size(); first++) {
            if (used[first]) {
                continue;
            }
            List<double[]> ring = new ArrayList<>();
            int current = first;
            used[first] = true;
            double[] origin = arcs.get(first).start();
            while (true) {
                Arc arc = arcs.get(current);
                write(arc, ring);
                double[] end = arc.end();
                if (near(end, origin)) {
                    break;
                }
                int next = -1;
                for (int k = 0; k < arcs.size(); k++) {
                    if (!used[k] && near(arcs.get(k).start(), end)) {
                        next = k;
                        break;
                    }
                }
                if (next < 0) {
                    // arcs that do not join up (circles barely touching): the plain circle is the honest fallback
                    return List.of(circle(own));
                }
                used[next] = true;
                current = next;
            }
            ring.add(ring.get(0));
            if (ring.size() >= 4) {
                rings.add(ring);
            }
        }
        return rings;
    }

    private static List<double[]> circle(Circle c) {
        List<double[]> ring = new ArrayList<>();
        write(new Arc(c, 0, 2 * Math.PI), ring);
        ring.add(ring.get(0));
        return ring;
    }

    /** The arc as points from its start, without its end (the next arc starts there). */
    private static void write(Arc arc, List<double[]> ring) {
        int steps = Math.max(2, (int) Math.ceil(Math.abs(arc.b - arc.a) / (2 * Math.PI) * STEPS));
        for (int k = 0; k < steps; k++) {
            ring.add(arc.at(arc.a + (arc.b - arc.a) * k / steps));
        }
    }

    private static boolean near(double[] p, double[] q) {
        return Math.hypot(p[0] - q[0], p[1] - q[1]) < JOIN;
    }

    /** The angles on {@code c} where {@code other} crosses it. */
    private static List<Double> crossings(Circle c, Circle other) {
        double dx = other.x - c.x;
        double dy = other.y - c.y;
        double d = Math.hypot(dx, dy);
        if (d < EPS || d >= c.r + other.r || d <= Math.abs(c.r - other.r)) {
            return List.of();
        }
        double base = Math.atan2(dy, dx);
        double half = Math.acos(Math.max(-1, Math.min(1, (c.r * c.r + d * d - other.r * other.r) / (2 * c.r * d))));
        return List.of(normal(base - half), normal(base + half));
    }

    private static double normal(double angle) {
        double a = angle % (2 * Math.PI);
        return a < 0 ? a + 2 * Math.PI : a;
    }

    private static double signedArea(List<double[]> ring) {
        double sum = 0;
        for (int k = 0; k + 1 < ring.size(); k++) {
            sum += ring.get(k)[0] * ring.get(k + 1)[1] - ring.get(k + 1)[0] * ring.get(k)[1];
        }
        return sum / 2;
    }

    /** Exterior rings (counter-clockwise) each with the holes (clockwise) that lie in it. */
    private static List<List<List<double[]>>> polygons(List<List<double[]>> rings) {
        List<List<List<double[]>>> polygons = new ArrayList<>();
        List<List<double[]>> holes = new ArrayList<>();
        for (List<double[]> ring : rings) {
            if (signedArea(ring) > 0) {
                List<List<double[]>> polygon = new ArrayList<>();
                polygon.add(ring);
                polygons.add(polygon);
            } else {
                holes.add(ring);
            }
        }
        for (List<double[]> hole : holes) {
            double[] p = hole.get(0);
            polygons.stream().filter(poly -> contains(poly.get(0), p[0], p[1])).findFirst()
                    .ifPresent(poly -> poly.add(hole));
        }
        return polygons;
    }

    /** Whether a closed ring holds the point (even-odd rule). */
    public static boolean contains(List<double[]> ring, double x, double y) {
        boolean in = false;
        for (int k = 0, j = ring.size() - 1; k < ring.size(); j = k++) {
            double[] a = ring.get(k);
            double[] b = ring.get(j);
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                in = !in;
            }
        }
        return in;
    }

    private static List<List<double[]>> lonLat(List<List<double[]>> polygon, double lat0, double lon0, double kx, double ky) {
        List<List<double[]>> out = new ArrayList<>();
        for (List<double[]> ring : polygon) {
            List<double[]> r = new ArrayList<>();
            for (double[] p : ring) {
                r.add(new double[] {round(lon0 + p[0] / kx), round(lat0 + p[1] / ky)});
            }
            out.add(r);
        }
        return out;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
