package org.minhu.mockcarrier.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything the mock carrier can be told at start-up. Every key can be set as a system
 * property ({@code -Dmock.notify-url=...}) or an environment variable ({@code MOCK_NOTIFY_URL}).
 */
@ConfigMapping(prefix = "mock")
public interface MockConfig {

    /** The chatbot's SIP URI: the only sender the platform accepts, and the chatbotId in URLs. */
    @WithDefault("sip:12345@botplatform.rcs.example.cn")
    String chatbotUri();

    @WithDefault("mh-demo-app")
    String appId();

    @WithDefault("mh-demo-key")
    String appKey();

    /** The shared secret both sides use to sign and check pushes. */
    @WithDefault("mh-demo-token")
    String token();

    /** The chatbot's notifyURL base; pushes go to paths below it. */
    @WithDefault("http://127.0.0.1:8080/5gmsg")
    String notifyUrl();

    @WithDefault("7200s")
    Duration tokenTtl();

    /** tel URIs (or bare numbers) of phones that cannot show 5G messages. */
    Optional<List<String>> smsOnlyNumbers();

    ReportDelay reportDelay();

    /**
     * Whether delivery reports are pushed at all. A platform may be configured to send none (and a
     * benchmark measures turns without them); the phone still shows each message's progress.
     */
    @WithDefault("true")
    boolean deliveryReports();

    /** Sends allowed per second before answering 30003; 0 means unlimited. */
    @WithDefault("0")
    int quotaPerSecond();

    /** Re-deliveries of a push that the chatbot did not answer with 2xx. */
    @WithDefault("3")
    int pushRetries();

    /** Wait before the first re-delivery; each further one waits this much longer. */
    @WithDefault("100ms")
    Duration pushBackoff();

    @WithDefault("5s")
    Duration pushTimeout();

    /** Pushes in flight at once; more wait their turn, as a platform's sender pool would make them. */
    @WithDefault("64")
    int pushConcurrency();

    /** Base of the media URLs the mock hands out; defaults to http://127.0.0.1:<the port it listens on>. */
    Optional<String> publicUrl();

    interface ReportDelay {
        @WithDefault("20ms")
        Duration sent();

        @WithDefault("100ms")
        Duration delivered();

        @WithDefault("400ms")
        Duration displayed();
    }
}
