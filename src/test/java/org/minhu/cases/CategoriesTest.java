package org.minhu.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: the categories are the shipped YAML file and keyword matching; nothing needs the application. */
class CategoriesTest {

    private static final Categories CATEGORIES = Categories.shipped();

    @Test
    void theShippedCategoriesLoadWithAUnitAndADeadlineEach() {
        assertThat(CATEGORIES.all()).extracting(Category::code).containsExactly(
                "property", "municipal", "environment", "traffic", "education",
                "elderly", "ebike", "neighbour", "consumer", "policy");
        assertThat(CATEGORIES.all()).allSatisfy(category -> {
            assertThat(category.unit()).isNotBlank();
            assertThat(category.dueHours()).isPositive();
            assertThat(category.name().zh()).isNotBlank();
            assertThat(category.name().en()).isNotBlank();
            assertThat(category.description().in("zh-CN").length()).isLessThanOrEqualTo(Category.MAX_DESCRIPTION);
        });
        Category municipal = CATEGORIES.find("municipal").orElseThrow();
        assertThat(municipal.name().in("zh-CN")).isEqualTo("市政设施");
        assertThat(municipal.name().in("en")).isEqualTo("Municipal facilities");
        assertThat(CATEGORIES.find("nonsense")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "小区门口的路灯坏了, municipal",
            "电梯又停了三天没人修, property",
            "有人在楼道里给电动车充电, ebike",
            "工地晚上施工噪音太大, environment",
            "路口红绿灯不亮, traffic",
            "健身房跑路了预付卡退不了款, consumer",
            "楼上漏水到我家, neighbour",
            "孩子转学需要什么材料, education",
            "路灯, municipal",
            "市政, municipal",
            "The street light outside my house is broken, municipal",
            "隔壁装修太吵, neighbour",
            "垃圾站很臭, environment",
    })
    void aResidentsOwnWordsSuggestTheCategory(String text, String code) {
        assertThat(CATEGORIES.guess(text)).map(g -> g.category().code()).contains(code);
    }

    @Test
    void wordsWithNoKeywordSuggestNothing() {
        assertThat(CATEGORIES.guess("你好")).isEmpty();
        assertThat(CATEGORIES.guess("")).isEmpty();
        assertThat(CATEGORIES.guess("在吗")).isEmpty();
        assertThat(CATEGORIES.guess("我家门口有个东西不对劲")).as("a word of an example report alone is no reason").isEmpty();
    }
}
