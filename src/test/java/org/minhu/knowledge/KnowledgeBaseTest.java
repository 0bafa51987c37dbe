package org.minhu.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain JUnit, not a {@code @QuarkusTest}: the knowledge base is the shipped YAML file and pure
 * matching logic, so the application need not start.
 */
class KnowledgeBaseTest {

    private static final KnowledgeBase KB = KnowledgeBase.shipped();

    @Test
    void theShippedFileLoadsWithEveryEntryInBothLanguages() {
        assertThat(KB.all()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(KB.all()).allSatisfy(entry -> {
            assertThat(entry.question().zh()).isNotBlank();
            assertThat(entry.question().en()).isNotBlank();
            assertThat(entry.answer().zh().length()).isLessThanOrEqualTo(KnowledgeEntry.MAX_ANSWER);
            assertThat(entry.answer().en().length()).isLessThanOrEqualTo(KnowledgeEntry.MAX_ANSWER);
        });
    }

    @Test
    void chargingAnEbikeInTheStairwellIsAnsweredByTheEbikeEntry() {
        List<KnowledgeMatch> matches = KB.search("电动车可以在楼道充电吗", "zh-CN");

        assertThat(matches).isNotEmpty().hasSizeLessThanOrEqualTo(KnowledgeBase.MAX_MATCHES);
        assertThat(matches.get(0).entry().id()).isEqualTo("ebike-corridor");
        assertThat(matches.get(0).answer()).contains("不可以");
        assertThat(matches).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void anAnswerNamesWhoHandlesItAndTheNumberToCall() {
        KnowledgeMatch match = KB.search("家里停电了", "zh-CN").get(0);

        assertThat(match.entry().phone()).isEqualTo("95598");
        assertThat(match.contact()).isEqualTo("办理：供电局客户服务中心 · 电话 95598");
        assertThat(KB.search("家里停电了", "en").get(0).contact()).isEqualTo("Contact: The power company's customer service, tel. 95598");
    }

    @Test
    void everyEntryHasATopicAndIsListedInTheCoverageDocument() throws java.io.IOException {
        String coverage = java.nio.file.Files.readString(java.nio.file.Path.of("docs/KNOWLEDGE_BASE.md"));
        assertThat(KB.all()).allSatisfy(entry -> {
            assertThat(entry.topic()).as(entry.id()).isNotBlank();
            assertThat(coverage).as("docs/KNOWLEDGE_BASE.md lists " + entry.id()).contains("`" + entry.id() + "`");
        });
    }

    @Test
    void theAnswerComesInTheResidentsLanguage() {
        KnowledgeMatch match = KB.search("电动车可以在楼道充电吗", "en").get(0);

        assertThat(match.answer()).startsWith("No.");
        assertThat(match.question()).contains("e-bike");
    }

    @ParameterizedTest
    @CsvSource({
            "asdfgh qwerty",
            "今天天气怎么样",
            "？？？",
            "hello",
            "你好",
            "在吗",
            "谢谢",
    })
    void nonsenseAndSmallTalkGetNoAnswerSoAPersonCanBeOffered(String text) {
        assertThat(KB.search(text, "zh-CN")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "小区门口路灯坏了找谁, street-light",
            "我反映的事情多久能办完, handling-time",
            "怎么看我的诉求办到哪一步了, check-progress",
            "楼上天天半夜很吵, noisy-neighbour",
            "晚上几点以后不能装修, noise-hours",
            "物业乱收费怎么办, property-fee",
            "马路上下水道堵了, blocked-drain",
            "我的手机号会不会泄露, phone-privacy",
            "办完了不满意怎么办, unsatisfied",
            "Can I charge my e-bike in the corridor?, ebike-corridor",
            "how long does it take, handling-time",
            "停水了怎么办, water-outage",
            "家里停水两天了什么时候来水, water-outage",
            "停电了, power-outage",
            "垃圾分类, sorting-basics",
            "垃圾分类怎么分, sorting-basics",
            "奶茶杯是什么垃圾, sorting-takeaway",
            "居住证怎么办, residence-permit",
            "How do I apply for a residence permit?, residence-permit",
            "老板不发工资, unpaid-wages",
            "预付卡退款, prepaid-card-refund",
            "高龄津贴怎么申请, elderly-allowance",
            "孩子上小学怎么报名, school-application",
            "燃气泄漏怎么办, emergency",
            "路边可以摆摊吗, street-stalls",
            "晚上几点以后不能装修, noise-hours",
    })
    void commonQuestionsFindTheirEntry(String text, String id) {
        assertThat(KB.search(text, "zh-CN")).extracting(m -> m.entry().id()).first().isEqualTo(id);
    }
}
