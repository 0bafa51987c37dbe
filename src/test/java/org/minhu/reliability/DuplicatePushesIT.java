package org.minhu.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every push delivered three times (two copies at once, a third after both were answered, as a
 * platform re-delivers after a timeout): no message is stored twice, no reply or case is made twice.
 */
class DuplicatePushesIT {

    private static Stack stack;
    private static final ExecutorService COPIES = Executors.newFixedThreadPool(32);

    @BeforeAll
    static void start() {
        stack = Stack.single("duplicates", Map.of());
    }

    @AfterAll
    static void stop() {
        COPIES.shutdownNow();
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPushDeliveredThreeTimesIsAnsweredOnce() {
        int perMenu = stack.repliesTo("tel:+8613711999999", "菜单");
        Ledger ledger = new Ledger();
        List<String> phones = Residents.phones(11, 16);

        new Load(phones, 5, 20, (phone, i) -> say(phone, "菜单", ledger)).join();

        Tally tally = Tally.of("duplicate-pushes", ledger, stack.db, stack.platform, perMenu, null, Duration.ofSeconds(60))
                .print("replies-per-message=" + perMenu);
        tally.assertEveryAnsweredMessageRepliedOnceInOrder();
        assertThat(tally.deliveries).isEqualTo(3 * tally.sent);
        assertThat(stack.minhu().metric("minhu_carrier_push_accepted_total", "outcome=\"duplicate\""))
                .as("the second and third copies were recognised").isGreaterThanOrEqualTo(2.0 * tally.sent - 2);
    }

    @Test
    void aCaseFiledWithEveryMessageDeliveredThreeTimesIsFiledOnce() {
        Ledger ledger = new Ledger();
        List<String> phones = Residents.phones(12, 4);
        phones.forEach(stack.platform::smsOnly);

        List<CompletableFuture<Void>> journeys = phones.stream()
                .map(phone -> CompletableFuture.runAsync(() -> fileACase(phone, ledger))).toList();
        CompletableFuture.allOf(journeys.toArray(CompletableFuture[]::new)).join();

        Map<String, Integer> oneCaseEach = new HashMap<>();
        phones.forEach(phone -> oneCaseEach.put(phone, 1));
        Tally.of("duplicate-pushes-cases", ledger, stack.db, stack.platform, null, oneCaseEach, Duration.ofSeconds(60))
                .print("cases=" + stack.db.count("select count(*) from service_case"))
                .assertEveryAnsweredMessageRepliedOnceInOrder();
    }

    /**
     * The plain-SMS journey of JourneyTest#fileARequestByPlainSmsInSixTurnsFromHello, each message
     * delivered three times. The address names no place of the gazetteer, so the cases are not
     * placed and no resident is offered another's case nearby.
     */
    private static void fileACase(String phone, Ledger ledger) {
        String menu = sayAndRead(phone, "你好", ledger);
        String categories = sayAndRead(phone, numberOf(menu, "我要反映"), ledger);
        sayAndRead(phone, numberOf(categories, "环境卫生"), ledger);
        sayAndRead(phone, "工地晚上十一点还在施工，噪音很大", ledger);
        String summary = sayAndRead(phone, "坂田街道某某工业区 8 号楼后面的工地", ledger);
        String created = sayAndRead(phone, numberOf(summary, "确认提交"), ledger);
        assertThat(created).as("the case was filed").contains("已受理");
    }

    private static void say(String phone, String text, Ledger ledger) {
        String messageId = UUID.randomUUID().toString();
        String push = Residents.textPush(messageId, phone, text);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> stack.platform.raw(phone, push), COPIES);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> stack.platform.raw(phone, push), COPIES);
        ledger.record(phone, messageId, first.join());
        ledger.record(phone, messageId, second.join());
        ledger.record(phone, messageId, stack.platform.raw(phone, push));
    }

    /** Says it (three times) and returns what the phone showed in answer, once the bot has gone quiet. */
    private static String sayAndRead(String phone, String text, Ledger ledger) {
        int before = stack.platform.botMessages(phone).size();
        say(phone, text, ledger);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Platform.Shown> shown = stack.platform.botMessages(phone);
        int quietRounds = 0;
        while (System.nanoTime() < until && (shown.size() <= before || quietRounds < 4)) {
            Http.sleep(150);
            List<Platform.Shown> now = stack.platform.botMessages(phone);
            quietRounds = now.size() == shown.size() ? quietRounds + 1 : 0;
            shown = now;
        }
        return String.join("\n", shown.subList(Math.min(before, shown.size()), shown.size()).stream()
                .map(Platform.Shown::text).toList());
    }

    private static String numberOf(String sms, String label) {
        Matcher m = Pattern.compile("(?:回复)?(\\d+) " + Pattern.quote(label)).matcher(sms);
        assertThat(m.find()).as("option %s in: %s", label, sms).isTrue();
        return m.group(1);
    }
}
