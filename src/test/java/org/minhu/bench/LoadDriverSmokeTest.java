package org.minhu.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmark harness working: runs bench/LoadDriver.java for a few seconds against the
 * test service and the mock carrier. It checks that residents file requests end to end without
 * errors; speed is measured by bench/run, never here.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class LoadDriverSmokeTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void theLoadDriverWalksTheFilingJourneyWithoutErrors() throws Exception {
        Path out = Path.of("target", "bench-smoke.json");
        Files.deleteIfExists(out);
        Process driver = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "bench/LoadDriver.java", "--service", "http://127.0.0.1:" + port, "--mock", MockCarrier.base(),
                "--residents", "2", "--seconds", "3", "--out", out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(new File("target/bench-smoke.log"))
                .start();
        assertThat(driver.waitFor(90, TimeUnit.SECONDS)).as("the driver finishes").isTrue();
        assertThat(driver.exitValue()).isZero();

        String summary = Files.readString(out);
        assertThat(summary).contains("\"mode\":\"journey\"", "\"errors\":0");
        assertThat(number(summary, "journeys")).as("requests filed end to end").isPositive();
        // 你好, 我要反映, a category, what happened, where, 确认提交
        assertThat(number(summary, "turns")).isGreaterThanOrEqualTo(6 * number(summary, "journeys"));
    }

    private static long number(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(field).isTrue();
        return Long.parseLong(m.group(1));
    }
}
