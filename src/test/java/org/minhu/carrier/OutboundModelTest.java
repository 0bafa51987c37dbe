package org.minhu.carrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.outbound.PlatformRenderer;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;
import org.minhu.outbound.PlatformLimitException;
import org.minhu.outbound.SmsRenderer;
import org.minhu.outbound.SmsRendering;
import org.minhu.testing.Pushes;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain JUnit: the message model and its renderings are pure code. */
class OutboundModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rendersTheProtocolsCardExampleExactly() throws Exception {
        BotMessage message = BotMessage.card(
                CardContent.of("已受理 MH-20260608-0042", "路灯不亮 · 第五园三期北门\n承办：坂田街道城建办\n预计 3 日内办结",
                        Chip.reply("查询进度", "case:MH-20260608-0042:progress"),
                        Chip.dial("拨打热线", "dial", "12345")),
                Chip.reply("返回菜单", "menu"));

        JsonNode expected = JSON.readTree(Pushes.fixture("outbound-card-with-chips.json")).get("messageList");
        assertThat(withoutEncoding(PlatformRenderer.render(message))).isEqualTo(expected);
    }

    @Test
    void rendersTheProtocolsCarouselExampleExactly() throws Exception {
        BotMessage message = BotMessage.carousel(List.of(
                CardContent.of("物业服务", "电梯、保洁、停车、收费", Chip.reply("选择", "category:property")),
                CardContent.of("市政设施", "路灯、道路、井盖、排水", Chip.reply("选择", "category:municipal")),
                CardContent.of("环境卫生", "垃圾、噪音、污染", Chip.reply("选择", "category:environment")),
                CardContent.of("其他", "其他民生诉求", Chip.reply("选择", "category:other"))));

        JsonNode expected = JSON.readTree(Pushes.fixture("outbound-carousel.json")).get("messageList");
        assertThat(withoutEncoding(PlatformRenderer.render(message))).isEqualTo(expected);
    }

    @Test
    void smsRenderingNumbersTheOptionsAResidentCanAnswer() {
        BotMessage message = BotMessage.card(
                CardContent.of("已受理 MH-1", "预计 3 日内办结", Chip.reply("查询进度", "case:MH-1:progress"),
                        Chip.dial("拨打热线", "dial", "12345")),
                Chip.reply("返回菜单", "menu"));

        SmsRendering sms = SmsRenderer.render(message);

        assertThat(sms.text()).contains("已受理 MH-1", "预计 3 日内办结", "回复1 查询进度", "拨打热线：12345", "回复2 返回菜单");
        assertThat(sms.options()).extracting(SmsRendering.Option::postback).containsExactly("case:MH-1:progress", "menu");
    }

    @Test
    void aCarouselBecomesANumberedListInAnSms() {
        SmsRendering sms = SmsRenderer.render(BotMessage.carousel(List.of(
                CardContent.of("物业服务", "电梯、保洁", Chip.reply("选择", "category:property")),
                CardContent.of("市政设施", "路灯、道路", Chip.reply("选择", "category:municipal")))));

        assertThat(sms.text()).contains("1 物业服务：电梯、保洁", "2 市政设施：路灯、道路");
        assertThat(sms.options()).extracting(SmsRendering.Option::postback)
                .containsExactly("category:property", "category:municipal");
    }

    @Test
    void refusesWhatThePlatformWouldRefuse() {
        Chip chip = Chip.reply("好", "ok");
        assertThatThrownBy(() -> CardContent.of("t", "d", chip, chip, chip, chip, chip))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("chips inside a card");
        assertThatThrownBy(() -> Chip.reply("一二三四五六七八九十一二三四五六七八九十一二三四五六", "x"))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("displayText");
        assertThatThrownBy(() -> Chip.reply("ok", "x".repeat(2049)))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("postback");
        assertThatThrownBy(() -> BotMessage.carousel(List.of(CardContent.of("one", null))))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("carousel");
        assertThatThrownBy(() -> BotMessage.carousel(Collections.nCopies(13, CardContent.of("c", null))))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("carousel");
        assertThatThrownBy(() -> CardContent.of("t".repeat(201), null))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> CardContent.of(null, "d".repeat(2001)))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> CardContent.of(null, null))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("needs media");
        assertThatThrownBy(() -> new Content.Text("字".repeat(2001)))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("text");
        Chip[] twelve = IntStream.range(0, 12).mapToObj(i -> Chip.reply("c" + i, "p" + i)).toArray(Chip[]::new);
        assertThatThrownBy(() -> BotMessage.text("hi", twelve))
                .isInstanceOf(PlatformLimitException.class).hasMessageContaining("chips under a message");
    }

    @Test
    void theLimitsThemselvesAreAllowed() {
        Chip[] eleven = IntStream.range(0, 11).mapToObj(i -> Chip.reply("c" + i, "p" + i)).toArray(Chip[]::new);
        BotMessage message = BotMessage.text("字".repeat(2000), eleven);
        assertThat(PlatformRenderer.render(message)).hasSize(2);
        assertThat(Chip.reply("一二三四五六七八九十一二三四五六七八九十一二三四五", "x".repeat(2048)).displayText()).hasSize(25);
        assertThat(new Content.Carousel(Collections.nCopies(12, CardContent.of("c", null))).cards()).hasSize(12);
    }

    private static ArrayNode withoutEncoding(ArrayNode list) {
        list.forEach(item -> ((ObjectNode) item).remove("contentEncoding"));
        return list;
    }
}
