package org.minhu.conversation.flows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.common.ProblemException;
import org.minhu.conversation.FlowRegistry;
import org.minhu.flow.FlowSet;
import org.minhu.testing.MockCarrierResource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Flow versions as stored: one published by another instance is picked up by the scheduled check
 * (the test writes it straight to the table, as that instance would); a text that fails the
 * start-up checks is refused in Chinese and stored nowhere; the shipped file is shown with its texts.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class FlowVersionsTest {

    @Inject
    FlowStore store;

    @Inject
    FlowEditor editor;

    @Inject
    FlowRegistry registry;

    @Inject
    EntityManager em;

    @AfterEach
    void backToTheShippedFlows() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from flow_version").executeUpdate();
            em.createNativeQuery("delete from flow_draft").executeUpdate();
        });
        registry.rebuild();
    }

    @Test
    void theShippedFileIsShownWithItsTextsInEveryLanguage() {
        String text = editor.edited("menu").text();
        assertThat(text).contains("id: menu", "messages:", "  zh-CN:", "  en:", "\"menu.file\": \"我要反映\"");
        assertThat(editor.edited("menu").shipped()).isTrue();
    }

    @Test
    void aVersionPublishedElsewhereIsPickedUpWithinTheRefreshPeriod() {
        String edited = editor.edited("menu").text().replace("\"menu.file\": \"我要反映\"", "\"menu.file\": \"我要报事\"");
        int next = registry.nextVersion("menu");
        QuarkusTransaction.requiringNew().run(() -> store.append("menu", next, edited, "elsewhere", "admin-elsewhere", Instant.now()));

        await("the new version picked up").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> registry.engine().flows().flow("menu").version() == next);
        FlowSet flows = registry.engine().flows();
        assertThat(flows.messages(flows.flow("menu")).template("zh-CN", "menu.file")).isEqualTo("我要报事");
        // only the flow that says it: the shared bundle is untouched
        assertThat(flows.messages().template("zh-CN", "menu.file")).isEqualTo("我要反映");
        assertThat(flows.flow("menu", registry.shipped().flow("menu").version()).texts()).isEmpty();
    }

    @Test
    void aTextThatFailsTheChecksIsRefusedInChineseAndNotKept() {
        String text = editor.edited("rate").text().replace("goto: submit }", "goto: sumbit }");
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> editor.saveDraft("rate", text, "admin"));

        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().detail()).contains("步骤「score」", "跳转到不存在的步骤「sumbit」");
        assertThat(store.draft("rate")).isEmpty();

        ProblemException renamed = catchThrowableOfType(ProblemException.class, () -> editor.saveDraft("menu",
                editor.edited("menu").text().replaceFirst("(?m)^id: menu$", "id: main-menu"), "admin"));
        assertThat(renamed.problem().detail()).contains("流程的 id 必须保持为「menu」");
    }

    @Test
    void publishingNeedsADraftAndNumbersVersionsAboveTheShippedFile() {
        ProblemException nothing = catchThrowableOfType(ProblemException.class, () -> editor.publish("menu", null, "admin"));
        assertThat(nothing.problem().status()).isEqualTo(409);

        editor.saveDraft("menu", editor.edited("menu").text(), "admin");
        int version = editor.publish("menu", "same text", "admin");

        assertThat(version).isEqualTo(registry.shipped().flow("menu").version() + 1);
        assertThat(registry.engine().flows().flow("menu").version()).isEqualTo(version);
        assertThat(store.draft("menu")).isEmpty();
        assertThat(editor.edited("menu").history()).extracting(FlowVersion::getNote).containsExactly("same text");
        assertThat(Map.of("v", editor.restoreShipped("menu", "admin"))).containsEntry("v", version + 1);
        assertThat(editor.edited("menu").shipped()).isTrue();
    }
}
