package org.minhu.conversation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.conversation.flows.FlowEditor;
import org.minhu.conversation.flows.FlowStore;
import org.minhu.flow.FlowSet;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's fixed menu follows the menu flow in use: a published version that renames a menu
 * option is sent to the platform (the mock carrier records it) once, a publish that leaves the menu
 * as it was sends nothing, and a version another instance published reaches the platform through
 * the refresh that picks it up.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class FixedMenuRefreshTest {

    @Inject
    FlowEditor editor;

    @Inject
    FlowRegistry registry;

    @Inject
    FlowStore store;

    @Inject
    FixedMenu fixedMenu;

    @Inject
    EntityManager em;

    @AfterEach
    void backToTheShippedFlows() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from flow_version").executeUpdate();
            em.createNativeQuery("delete from flow_draft").executeUpdate();
        });
        registry.rebuild();
        await("the shipped menu at the platform").atMost(Duration.ofSeconds(20)).until(() -> fixedMenu.upToDate());
    }

    private static String platformMenu() {
        io.restassured.response.Response menu = given().baseUri(MockCarrier.base()).get("/sim/menu");
        return menu.statusCode() == 200 ? menu.asString() : "";
    }

    private static long menuUpdates() {
        return given().baseUri(MockCarrier.base()).get("/sim/stats").then().statusCode(200)
                .extract().jsonPath().getLong("menuUpdates");
    }

    private String renamed(String zh, String en) {
        String text = editor.edited(FlowSet.MENU).text();
        return editor.withTexts(FlowSet.MENU, text, Map.of("zh-CN", Map.of("menu.file", zh), "en", Map.of("menu.file", en)));
    }

    @Test
    void aRenamedMenuOptionReachesThePlatformOnceAPublishOrAnotherInstancesPublish() {
        await("the menu made from the flows in use").atMost(Duration.ofSeconds(20)).until(() -> fixedMenu.upToDate());
        long before = menuUpdates();

        editor.saveDraft(FlowSet.MENU, renamed("我要反映问题", "Report an issue"), "admin");
        assertThat(platformMenu()).as("a draft is not the menu in use").doesNotContain("我要反映问题");
        editor.publish(FlowSet.MENU, "改菜单名称", "admin");
        await("the renamed option at the platform").atMost(Duration.ofSeconds(20))
                .until(() -> platformMenu().contains("我要反映问题"));
        assertThat(menuUpdates()).as("set once").isEqualTo(before + 1);

        // a publish that leaves the menu as it was: looked at, not sent again
        editor.restoreShipped("rate", "admin");
        await().atMost(Duration.ofSeconds(20)).until(() -> fixedMenu.upToDate());
        assertThat(menuUpdates()).isEqualTo(before + 1);

        // another instance publishes: only the store changes here, the refresh picks it up
        String other = renamed("我要反映情况", "Tell us about a problem");
        QuarkusTransaction.requiringNew().run(() -> store.append(FlowSet.MENU, registry.nextVersion(FlowSet.MENU), other,
                "另一实例发布", "admin", Instant.now()));
        await("the other instance's menu at the platform").atMost(Duration.ofSeconds(30))
                .until(() -> platformMenu().contains("我要反映情况"));
        await().atMost(Duration.ofSeconds(20)).until(() -> fixedMenu.upToDate());
        assertThat(menuUpdates()).isEqualTo(before + 2);
    }
}
