package org.minhu.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new production deployment has no account and no demo accounts: the README's
 * {@code MINHU_FIRST_ADMIN_PASSWORD} creates the {@code admin} who creates everyone else.
 */
class FirstAdminIT {

    private static final String PASSWORD = "first-admin-password-1";
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.single("firstadmin", Map.of("MINHU_FIRST_ADMIN_PASSWORD", PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static int notices(String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.minhu().base() + "/api/notices"))
                .header("Authorization", "Basic " + basic).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theFirstAdminComesFromTheEnvironmentAndNoDemoAccountExists() throws Exception {
        int admin = notices("admin", PASSWORD);
        int wrong = notices("admin", "not-" + PASSWORD);
        int demo = notices("supervisor", "minhu-demo");
        System.out.printf("RELIABILITY %-22s admin=%d wrong-password=%d demo-account=%d%n", "first-admin", admin, wrong, demo);
        assertThat(admin).isEqualTo(200);
        assertThat(wrong).isEqualTo(401);
        assertThat(demo).as("demo accounts exist only in the embedded default").isEqualTo(401);
    }
}
