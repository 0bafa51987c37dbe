package org.minhu.console;

import org.jboss.resteasy.reactive.RestForm;
import org.minhu.common.ProblemException;
import org.minhu.proactive.hotspot.Hotspots;
import org.minhu.proactive.notice.Audience;
import org.minhu.proactive.notice.NoticeCard;
import org.minhu.proactive.notice.Notices;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The notice form as posted: the card (title, text, optional image, up to four chips), what it is
 * about, and the audience with the fields of each kind. Kept as typed, so a refused form comes
 * back with everything staff entered.
 */
public class NoticeForm {

    /** The residents of a hot spot: those whose cases are in it and those subscribed to its area. */
    public static final String HOTSPOT = "hotspot";
    public static final int CHIP_ROWS = 4;

    /** One chip row: its label, what it does (flow, url or dial) and where it goes. */
    public record ChipRow(int index, String label, String kind, String target) {

        /** Counted from 1, as staff count. */
        public int number() {
            return index + 1;
        }
    }

    @RestForm public String title;
    @RestForm public String text;
    @RestForm public String imageUrl;
    @RestForm public String imageType;
    @RestForm public String imageSize;
    @RestForm public List<String> chipLabel;
    @RestForm public List<String> chipKind;
    @RestForm public List<String> chipTarget;
    @RestForm public String topic;
    @RestForm public String audience;
    @RestForm public String hotspot;
    @RestForm public String casesArea;
    @RestForm public String casesCategory;
    @RestForm public String casesSince;
    @RestForm public String casesOpenOnly;
    @RestForm public String casesLatitude;
    @RestForm public String casesLongitude;
    @RestForm public String casesRadius;
    @RestForm public String caseNumber;
    @RestForm public String subscribersTopic;
    @RestForm public String subscribersArea;
    @RestForm public String phones;

    /**
     * A blank form: a list of phones, with 我也遇到了 offered as the first chip (a complete one:
     * the form opens with nothing wrong in it; 查看详情 is only suggested as the second).
     */
    static NoticeForm blank() {
        NoticeForm form = new NoticeForm();
        form.audience = Audience.LIST;
        form.chipLabel = List.of("我也遇到了");
        form.chipKind = List.of("flow");
        form.chipTarget = List.of("file-request");
        return form;
    }

    /** The hot spot's "已知悉，正在处理" notice as the service would compose it, for its residents. */
    static NoticeForm forHotspot(long id, String area, Hotspots.NoticeRequest defaults) {
        NoticeForm form = new NoticeForm();
        form.audience = HOTSPOT;
        form.hotspot = String.valueOf(id);
        form.casesArea = area;
        form.subscribersArea = area;
        form.title = defaults.title();
        form.text = defaults.text();
        form.chipLabel = new ArrayList<>();
        form.chipKind = new ArrayList<>();
        form.chipTarget = new ArrayList<>();
        for (NoticeCard.NoticeChip chip : defaults.chips()) {
            form.chipLabel.add(chip.label());
            form.chipKind.add(chip.flow() != null ? "flow" : chip.url() != null ? "url" : "dial");
            form.chipTarget.add(chip.flow() != null ? chip.flow() : chip.url() != null ? chip.url() : chip.dial());
        }
        return form;
    }

    public List<ChipRow> chipRows() {
        List<ChipRow> rows = new ArrayList<>();
        for (int i = 0; i < CHIP_ROWS; i++) {
            rows.add(new ChipRow(i, at(chipLabel, i), at(chipKind, i) == null ? "flow" : at(chipKind, i), at(chipTarget, i)));
        }
        return rows;
    }

    public boolean isHotspotAudience() {
        return HOTSPOT.equals(audience);
    }

    public Long hotspotId() {
        return hotspot == null || hotspot.isBlank() ? null : number("hotspot", hotspot, Long::parseLong);
    }

    /** Notices about residents' own cases go without the line on how to leave. */
    boolean ownCase() {
        return Audience.CASE.equals(audience);
    }

    NoticeCard card() {
        return new NoticeCard(title, text, image(), chips());
    }

    Notices.Draft draft(ZoneId zone) {
        return new Notices.Draft(title, text, image(), chips(), blankToNull(topic), audience(zone));
    }

    /** What a hot spot's notice may change; it has no image and no topic of its own. */
    Hotspots.NoticeRequest hotspotRequest() {
        if (image() != null) {
            throw ProblemException.badRequest("image.url", "热点通知不带图片，请清空图片地址");
        }
        if (blankToNull(topic) != null) {
            throw ProblemException.badRequest("topic", "热点通知不设主题，请选择“无”");
        }
        return new Hotspots.NoticeRequest(title, text, chips(), false);
    }

    private NoticeCard.Image image() {
        if (blankToNull(imageUrl) == null) {
            return null;
        }
        Long size = blankToNull(imageSize) == null ? null : number("image.size", imageSize, Long::parseLong);
        return new NoticeCard.Image(imageUrl.strip(), blankToNull(imageType), size);
    }

    /** Rows with a label; each goes where its kind says. */
    List<NoticeCard.NoticeChip> chips() {
        List<NoticeCard.NoticeChip> chips = new ArrayList<>();
        for (ChipRow row : chipRows()) {
            String label = blankToNull(row.label());
            if (label == null) {
                continue;
            }
            String target = blankToNull(row.target());
            chips.add(switch (row.kind()) {
                case "url" -> new NoticeCard.NoticeChip(label, null, target, null);
                case "dial" -> new NoticeCard.NoticeChip(label, null, null, target);
                default -> new NoticeCard.NoticeChip(label, target, null, null);
            });
        }
        return chips;
    }

    private Audience audience(ZoneId zone) {
        String kind = blankToNull(audience);
        if (kind == null) {
            return new Audience(null, null, null, null, null, null, null, null, null, null, null);
        }
        return switch (kind) {
            case Audience.CASES -> new Audience(kind, blankToNull(casesArea),
                    decimal("audience.latitude", casesLatitude), decimal("audience.latitude", casesLongitude),
                    decimal("audience.latitude", casesRadius), blankToNull(casesCategory), since(zone),
                    casesOpenOnly != null, null, null, null);
            case Audience.CASE -> new Audience(kind, null, null, null, null, null, null, null, blankToNull(caseNumber), null, null);
            case Audience.SUBSCRIBERS -> new Audience(kind, blankToNull(subscribersArea), null, null, null, null, null, null,
                    null, blankToNull(subscribersTopic), null);
            case Audience.LIST -> new Audience(kind, null, null, null, null, null, null, null, null, null,
                    phones == null ? List.of() : Arrays.stream(phones.split("[\\r\\n,，;；、]+")).filter(p -> !p.isBlank()).toList());
            default -> new Audience(kind, null, null, null, null, null, null, null, null, null, null);
        };
    }

    private Instant since(ZoneId zone) {
        if (blankToNull(casesSince) == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(casesSince.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("audience.since", "时间格式应为 2025-01-31T18:00");
        }
    }

    private static Double decimal(String field, String value) {
        return blankToNull(value) == null ? null : number(field, value, Double::parseDouble);
    }

    private static <T> T number(String field, String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "不是数字：" + value);
        }
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
