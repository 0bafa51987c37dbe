package org.minhu.cases;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's outlines put every point in the area dispatch puts it in, overlaps and holes included. */
class AreaOutlinesTest {

    /** Points closer than this to a circle's edge are left out: the outline is the circle written as short lines. */
    private static final double MARGIN_METERS = 5;

    @Test
    void everyPointOfTheShippedDistrictLiesInTheOutlineOfTheAreaDispatchGivesIt() {
        DispatchRules rules = new DispatchRules(Categories.shipped());
        List<DispatchRules.Area> areas = rules.areas();
        Map<String, Object> geoJson = AreaOutlines.geoJson(areas);

        assertThat(features(geoJson)).extracting(f -> properties(f).get("grid"))
                .contains("福田街道中心区第 5 网格", "坂田街道第五园社区第 3 网格", "坂田街道五和社区第 1 网格");
        // 福华路 (gazetteer) lies in 福田中心区's outline
        assertThat(areaAt(geoJson, 22.5380, 114.0520)).contains("futian-central");
        // 第五园 and 五和 overlap: the overlap is 第五园's, the first in the rules, on the map as in dispatch
        int checked = checkGrid(geoJson, areas);
        assertThat(checked).as("points checked").isGreaterThan(1000);
    }

    @Test
    void anAreaCutByTwoEarlierOnesAndOneHoldingAnotherAreDrawnAsDispatchPlacesPoints() {
        List<DispatchRules.Area> areas = List.of(
                new DispatchRules.Area("small", "小社区", "小网格", 22.60, 114.05, 300),
                new DispatchRules.Area("east", "东社区", "东网格", 22.60, 114.07, 900),
                new DispatchRules.Area("big", "大社区", "大网格", 22.60, 114.06, 1600),
                new DispatchRules.Area("inside", "被覆盖社区", "被覆盖网格", 22.60, 114.05, 200));
        Map<String, Object> geoJson = AreaOutlines.geoJson(areas);

        assertThat(features(geoJson)).extracting(f -> properties(f).get("code"))
                .as("an area inside an earlier one is never reached, so not drawn")
                .containsExactly("small", "east", "big");
        Map<String, Object> big = features(geoJson).get(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> geometry = (Map<String, Object>) big.get("geometry");
        assertThat(geometry.get("type")).isEqualTo("Polygon");
        assertThat((List<?>) geometry.get("coordinates")).as("the big area's outline and the small one's hole").hasSize(2);
        assertThat(areaAt(geoJson, 22.60, 114.05)).contains("small");
        assertThat(checkGrid(geoJson, areas)).isGreaterThan(1000);
    }

    /** Walks a grid of points over the areas and compares; returns how many were away from every edge. */
    private static int checkGrid(Map<String, Object> geoJson, List<DispatchRules.Area> areas) {
        double minLat = areas.stream().mapToDouble(a -> a.latitude() - a.radiusMeters() / 100_000).min().orElseThrow();
        double maxLat = areas.stream().mapToDouble(a -> a.latitude() + a.radiusMeters() / 100_000).max().orElseThrow();
        double minLon = areas.stream().mapToDouble(a -> a.longitude() - a.radiusMeters() / 95_000).min().orElseThrow();
        double maxLon = areas.stream().mapToDouble(a -> a.longitude() + a.radiusMeters() / 95_000).max().orElseThrow();
        int checked = 0;
        for (double lat = minLat; lat <= maxLat; lat += (maxLat - minLat) / 150) {
            for (double lon = minLon; lon <= maxLon; lon += (maxLon - minLon) / 150) {
                double la = lat;
                double lo = lon;
                boolean nearEdge = areas.stream().anyMatch(a ->
                        Math.abs(Geo.distanceMeters(la, lo, a.latitude(), a.longitude()) - a.radiusMeters()) < MARGIN_METERS);
                if (nearEdge) {
                    continue;
                }
                Optional<String> dispatched = DispatchRules.firstHolding(areas, lat, lon).map(DispatchRules.Area::code);
                assertThat(areaAt(geoJson, lat, lon)).as("area at %f,%f", lat, lon).isEqualTo(dispatched);
                checked++;
            }
        }
        return checked;
    }

    /** The code of the one feature whose outline holds the point (failing when two do). */
    @SuppressWarnings("unchecked")
    private static Optional<String> areaAt(Map<String, Object> geoJson, double lat, double lon) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> feature : features(geoJson)) {
            Map<String, Object> geometry = (Map<String, Object>) feature.get("geometry");
            List<List<List<double[]>>> polygons = geometry.get("type").equals("Polygon")
                    ? List.of((List<List<double[]>>) geometry.get("coordinates"))
                    : (List<List<List<double[]>>>) geometry.get("coordinates");
            for (List<List<double[]>> polygon : polygons) {
                boolean in = AreaOutlines.contains(polygon.get(0), lon, lat);
                for (List<double[]> hole : polygon.subList(1, polygon.size())) {
                    in &= !AreaOutlines.contains(hole, lon, lat);
                }
                if (in) {
                    found.add((String) properties(feature).get("code"));
                }
            }
        }
        assertThat(found).as("outlines holding %f,%f", lat, lon).hasSizeLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> features(Map<String, Object> geoJson) {
        return (List<Map<String, Object>>) geoJson.get("features");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> feature) {
        return (Map<String, Object>) feature.get("properties");
    }
}
