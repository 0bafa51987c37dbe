package org.minhu.conversation;

import org.junit.jupiter.api.Test;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a person answers live chat, and what a resident is told outside those hours. */
class WorkingHoursTest {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CITY).toInstant();
    }

    static WorkingHours weekdays() {
        return new WorkingHours(WorkingHours.parse("""
                services:
                  live-chat:
                    name: 人工服务
                    days: [MON, TUE, WED, THU, FRI]
                    from: "09:00"
                    to: "17:30"
                    closed: ["2026-12-25"]
                """, "test"), CITY, false);
    }

    @Test
    void theShippedHoursAreReadAndOpenInTheDay() {
        WorkingHours shipped = new WorkingHours(WorkingHours.parse(ReferenceData.shipped(WorkingHours.RESOURCE), "shipped"), CITY, false);
        assertThat(shipped.status(WorkingHours.LIVE_CHAT, at("2026-12-03T10:00")).open()).isTrue();
        WorkingHours.Status night = shipped.status(WorkingHours.LIVE_CHAT, at("2026-12-03T23:10"));
        assertThat(night.open()).isFalse();
        assertThat(night.opens()).isEqualTo("明天 08:30");
        assertThat(night.hours()).isEqualTo("每天 08:30–20:30");
    }

    @Test
    void outsideTheHoursItSaysWhenAPersonAnswersNext() {
        WorkingHours hours = weekdays();
        // Thursday 3 December 2026
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-03T09:00")).open()).isTrue();
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-03T17:30")).open()).isFalse();
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-03T07:45")).opens()).isEqualTo("今天 09:00");
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-03T18:00")).opens()).isEqualTo("明天 09:00");
        // Friday evening: Monday
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-04T18:00")).opens()).isEqualTo("周一 09:00");
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-05T10:00")).opens()).isEqualTo("后天 09:00");
        // a holiday on a Friday
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-25T10:00")).open()).isFalse();
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-25T10:00")).hours()).isEqualTo("周一至周五 09:00–17:30");
    }

    @Test
    void alwaysOpenIgnoresTheHours() {
        WorkingHours hours = new WorkingHours(weekdaysDocument(), CITY, true);
        assertThat(hours.status(WorkingHours.LIVE_CHAT, at("2026-12-06T03:00")).open()).isTrue();
    }

    @Test
    void aMistakeInTheHoursIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> WorkingHours.parse("""
                services:
                  live-chat: {name: 人工服务, days: [MON, FUN], from: "09:00", to: "17:00", closed: []}
                """, "test")).isInstanceOf(ReferenceDataException.class).hasMessageContaining("FUN");
        assertThatThrownBy(() -> WorkingHours.parse("""
                services:
                  live-chat: {name: 人工服务, days: [MON], from: "18:00", to: "09:00", closed: []}
                """, "test")).isInstanceOf(ReferenceDataException.class);
    }

    private static WorkingHours.Document weekdaysDocument() {
        return WorkingHours.parse("""
                services:
                  live-chat: {name: 人工服务, days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "17:30", closed: []}
                """, "test");
    }
}
