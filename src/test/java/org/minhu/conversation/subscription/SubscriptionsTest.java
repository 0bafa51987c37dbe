package org.minhu.conversation.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.proactive.notice.Audience;
import org.minhu.proactive.notice.Notice;
import org.minhu.proactive.notice.NoticeCard;
import org.minhu.proactive.notice.Notices;
import org.minhu.resident.ResidentRepository;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minhu.testing.Phone.all;
import static org.minhu.testing.Phone.chips;
import static org.minhu.testing.Phone.text;

/** Subscribing from the chat, and leaving with one word from anywhere, through the mock carrier. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class SubscriptionsTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    Subscriptions subscriptions;

    @Inject
    Notices notices;

    @Inject
    CaseService cases;

    @Inject
    ResidentRepository residents;

    private static Phone phone() {
        return new Phone("tel:+86188810" + String.format("%05d", NEXT.incrementAndGet()));
    }

    private List<String> mine(Phone phone) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.of(phone.number()).stream()
                .map(s -> s.getKind() + ":" + s.getCode()).toList());
    }

    private boolean optedOut(Phone phone) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.optedOut(phone.number()));
    }

    private Notice compose(String title, Audience audience) {
        return notices.create(new Notices.Draft(title, "请相互转告。", null,
                List.of(new NoticeCard.NoticeChip("我也遇到了", "file-request", null, null)), null, audience), "supervisor");
    }

    private Notice send(String title, Audience audience) {
        return notices.send(compose(title, audience).getId());
    }

    @Test
    void theMenuOffersNoticesAndATapSubscribes() {
        Phone phone = phone();
        List<Map<String, Object>> menu = phone.send("你好");
        assertThat(chips(menu.get(0))).containsExactly("我要反映", "我的诉求", "评价办理", "咨询问题", "转人工", "订阅通知", "拨打热线");

        List<Map<String, Object>> offered = phone.tap("订阅通知");
        assertThat(text(offered.get(0))).contains("您已订阅：暂无");
        assertThat(chips(offered.get(0))).containsExactly("道路施工", "停水停电", "政策通知", "第五园社区", "五和社区", "岗头社区",
                "福田中心区", "返回菜单");

        List<Map<String, Object>> subscribed = phone.tap("道路施工");
        assertThat(all(subscribed)).contains("已订阅“道路施工”", "您已订阅：道路施工");
        assertThat(chips(subscribed.get(subscribed.size() - 1))).contains("✓ 道路施工", "全部退订");

        phone.tap("第五园社区");
        assertThat(mine(phone)).containsExactlyInAnyOrder("TOPIC:road-works", "AREA:wuyuan");

        assertThat(all(phone.tap("✓ 道路施工"))).contains("已取消订阅“道路施工”", "您已订阅：第五园社区");
        assertThat(mine(phone)).containsExactly("AREA:wuyuan");
    }

    @Test
    void oneWordOpensSubscriptionsInEitherLanguage() {
        Phone phone = phone();
        phone.send("你好");
        assertThat(all(phone.send("订阅"))).contains("您已订阅：暂无");
        phone.send("English");
        List<Map<String, Object>> english = phone.send("subscribe");
        assertThat(all(english)).contains("Your subscriptions: none yet");
        assertThat(chips(english.get(0))).contains("Road works", "Water and power cuts", "Policy notices", "Menu");
    }

    @Test
    void 退订IsHonouredMidFlowAndTheFlowGoesOn() {
        Phone phone = phone();
        phone.send("你好");
        phone.send("订阅");
        phone.tap("政策通知");
        phone.tap("返回菜单");
        phone.tap("我要反映");

        List<Map<String, Object>> left = phone.send("退订");

        assertThat(left).hasSize(1);
        assertThat(text(left.get(0))).contains("已为您退订全部通知", "您自己反映的诉求");
        assertThat(mine(phone)).isEmpty();
        assertThat(optedOut(phone)).isTrue();
        assertThat(all(phone.send("1"))).as("the request being filed goes on where it was").contains("请简要描述");
    }

    @Test
    void stopAndTdWorkEvenWhenAPersonHasTheConversation() {
        Phone phone = phone();
        phone.send("你好");
        phone.tap("转人工");
        assertThat(phone.send("还在吗")).as("with a person, the bot is quiet").isEmpty();

        assertThat(all(phone.send("TD"))).contains("已为您退订全部通知");
        assertThat(optedOut(phone)).isTrue();

        Phone other = phone();
        other.send("hello");
        assertThat(all(other.send("STOP"))).contains("已为您退订全部通知");
        assertThat(all(other.send("订阅"))).contains("您已订阅：暂无");
        other.tap("停水停电");
        assertThat(optedOut(other)).as("subscribing again ends the 退订").isFalse();
    }

    @Test
    void 退订TakesEffectBeforeTheNextNoticeButNotForTheirOwnCase() {
        Phone stays = phone();
        Phone leaves = phone();
        for (Phone p : List.of(stays, leaves)) {
            p.send("订阅");
            p.tap("政策通知");
        }
        ServiceCase own = QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase(leaves.number(), "policy",
                "想咨询居住证办理条件", null, null, null, null, "file-request", 1)));

        send("社保新政策", new Audience(Audience.SUBSCRIBERS, null, null, null, null, null, null, null, null, "policy", null));
        assertThat(all(stays.answers())).contains("社保新政策", "回复“退订”不再接收此类通知");
        assertThat(all(leaves.answers())).contains("社保新政策");

        Notice second = compose("医保缴费提醒", new Audience(Audience.SUBSCRIBERS, null, null, null, null, null, null, null, null, "policy", null));
        leaves.send("退订");
        notices.send(second.getId());
        assertThat(all(stays.answers())).contains("医保缴费提醒");
        Notice aboutTheirCase = send("居住证办理须知", new Audience(Audience.CASE, null, null, null, null, null, null, null,
                own.getNumber(), null, null));

        List<Map<String, Object>> after = leaves.answers();
        assertThat(all(after)).contains("居住证办理须知").doesNotContain("医保缴费提醒").doesNotContain("回复“退订”");
        assertThat(notices.progress(second.getId()).optedOut()).isEqualTo(1);
        assertThat(notices.progress(aboutTheirCase.getId()).optedOut()).isZero();
    }

    @Test
    void anSmsOnlyPhoneGetsTheNoticeAsTextWithNumberedChoices() {
        Phone sms = phone().smsOnly();
        sms.send("订阅");
        sms.send("1");
        assertThat(mine(sms)).containsExactly("TOPIC:road-works");

        send("坂田北路夜间施工", new Audience(Audience.LIST, null, null, null, null, null, null, null, null, null,
                List.of(sms.number())));

        List<Map<String, Object>> shown = sms.answers();
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("kind")).isEqualTo("sms");
        assertThat(text(shown.get(0))).contains("坂田北路夜间施工", "请相互转告。", "回复“退订”不再接收此类通知", "回复1 我也遇到了");
        assertThat(all(sms.send("1"))).as("the notice's chip, answered by number").contains("请选择您要反映的问题类别");
    }
}
