package org.minhu.flow;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The condition language of {@code branch} steps, as the README describes it to staff. Plain
 * JUnit, not a {@code @QuarkusTest}: conditions are pure Java.
 */
class ConditionTest {

    private static final Map<String, Object> VARS = Map.of(
            "rating", Map.of("value", "UNSATISFIED", "label", "不满意"),
            "nearby", Map.of("count", 2, "outcome", "found"),
            "kb", Map.of("found", true),
            "photo", Map.of("path", "media/1.jpg"),
            "reason", "",
            "mine", Map.of("items", List.of(Map.of("value", "MH-1"), Map.of("value", "MH-2"))));

    private static boolean holds(String condition) {
        return Condition.parse(condition).test(VARS);
    }

    @Test
    void comparesTextInQuotes() {
        assertThat(holds("rating.value == 'UNSATISFIED'")).isTrue();
        assertThat(holds("rating.value == \"SATISFIED\"")).isFalse();
        assertThat(holds("rating.value != 'SATISFIED'")).isTrue();
    }

    @Test
    void comparesNumbers() {
        assertThat(holds("nearby.count > 0")).isTrue();
        assertThat(holds("nearby.count >= 2")).isTrue();
        assertThat(holds("nearby.count < 2")).isFalse();
        assertThat(holds("nearby.count <= 1.5")).isFalse();
        assertThat(holds("nearby.count == 2")).isTrue();
    }

    @Test
    void comparesTrueAndFalse() {
        assertThat(holds("kb.found == true")).isTrue();
        assertThat(holds("kb.found == false")).isFalse();
    }

    @Test
    void countsAList() {
        assertThat(holds("mine.items.count == 2")).isTrue();
        assertThat(holds("mine.items > 1")).as("a list compared with a number is its length").isTrue();
    }

    @Test
    void isSetAndIsEmpty() {
        assertThat(holds("photo is set")).isTrue();
        assertThat(holds("place is set")).isFalse();
        assertThat(holds("reason is empty")).as("empty text counts as empty").isTrue();
        assertThat(holds("place is empty")).isTrue();
    }

    @Test
    void aMissingValueIsNeverGreaterOrEqualButAlwaysDifferent() {
        assertThat(holds("place.count > 0")).isFalse();
        assertThat(holds("place.count == 0")).isFalse();
        assertThat(holds("place.count != 0")).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(holds("kb.found == false and nearby.count > 0 or photo is set")).isTrue();
        assertThat(holds("photo is set or kb.found == false and nearby.count > 5")).isTrue();
        assertThat(holds("kb.found == false and photo is set")).isFalse();
    }

    @Test
    void notTurnsTheNextTestAround() {
        assertThat(holds("not photo is set")).isFalse();
        assertThat(holds("not place is set and nearby.count > 0")).isTrue();
        assertThat(holds("not not photo is set")).isTrue();
    }

    @Test
    void namesTheVariablesItReads() {
        assertThat(Condition.parse("a.b > 1 and not c is set or d == 'x'").paths()).containsExactlyInAnyOrder("a.b", "c", "d");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Condition.parse("rating.value = 'X'")).hasMessageContaining("cannot read condition");
        assertThatThrownBy(() -> Condition.parse("rating.value == UNSATISFIED")).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> Condition.parse("(photo is set)")).hasMessageContaining("cannot read condition");
        assertThatThrownBy(() -> Condition.parse("photo is not set")).hasMessageContaining("expected 'is set' or 'is empty'");
        assertThatThrownBy(() -> Condition.parse("nearby.count >")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> Condition.parse("photo is set photo")).hasMessageContaining("unexpected 'photo'");
        assertThatThrownBy(() -> Condition.parse("  ")).hasMessageContaining("empty condition");
    }
}
