package org.minhu.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: the shipped gazetteer and dispatch rules, and the matching; nothing needs the application. */
class GazetteerTest {

    private static final DispatchRules RULES = new DispatchRules(Categories.shipped());
    private static final Gazetteer GAZETTEER = new Gazetteer(RULES);

    @ParameterizedTest
    @CsvSource({
            "坂田街道五和大道 88 号工地, 五和大道, 坂田街道五和社区第 1 网格",
            "第五园三期北门, 第五园三期, 坂田街道第五园社区第 3 网格",
            "第五园3期5栋, 第五园三期, 坂田街道第五园社区第 3 网格",
            "五和地铁站A出口, 五和地铁站, 坂田街道五和社区第 1 网格",
            "岗头市场门口, 岗头市场, 坂田街道岗头社区第 2 网格",
            "市民中心, 深圳市民中心, 福田街道中心区第 5 网格",
            "第五园社区, 第五园社区, 坂田街道第五园社区第 3 网格",
    })
    void aTypedAddressIsPlacedWithItsGrid(String typed, String place, String grid) {
        Gazetteer.Placed placed = GAZETTEER.place(typed).orElseThrow();

        assertThat(placed.name()).isEqualTo(place);
        assertThat(placed.grid()).isEqualTo(grid);
    }

    @Test
    void anAddressNamingNoKnownPlaceIsNotPlaced() {
        assertThat(GAZETTEER.place("某某路 123 号")).isEmpty();
        assertThat(GAZETTEER.place("家门口")).isEmpty();
        assertThat(GAZETTEER.place("")).isEmpty();
    }

    @Test
    void everyShippedPlaceLiesInADispatchAreaSoThatItGetsAGrid() {
        assertThat(GAZETTEER.all()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(place ->
                assertThat(RULES.area(place.latitude(), place.longitude())).as(place.name()).isPresent());
    }
}
