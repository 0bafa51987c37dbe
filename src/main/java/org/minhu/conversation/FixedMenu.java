package org.minhu.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.client.CarrierUnavailableException;
import org.minhu.carrier.client.PlatformAnswer;
import org.minhu.carrier.client.PlatformClient;
import org.minhu.flow.FlowSet;
import org.minhu.flow.Messages;
import org.minhu.flow.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sets the platform's fixed menu (the bar under the conversation) from the menu flow's options:
 * the first two as entries, the rest under "更多". Set at start-up and again whenever the flows in
 * use (a version published here, or picked up from another instance) make a different menu: the
 * flows are looked at every {@code minhu.reference.refresh}, the menu is made only when they were
 * rebuilt, and sent only when it differs from the one the platform took. A refused or failed
 * attempt is tried again a minute later.
 */
@ApplicationScoped
public class FixedMenu {

    private static final int TOP = 2;
    private static final int SUBMENU = 5;

    private final FlowRegistry flows;
    private final PlatformClient platform;
    private final ObjectMapper json;
    static final Duration RETRY = Duration.ofSeconds(60);

    /** The menu the platform took, null before it took one. */
    private ObjectNode set;
    /** The flows the menu was last made from: the same ones need no second look. */
    private FlowSet lookedAt;
    private Instant retryAfter = Instant.MIN;

    public FixedMenu(FlowRegistry flows, PlatformClient platform, ObjectMapper json) {
        this.flows = flows;
        this.platform = platform;
        this.json = json;
    }

    @Scheduled(every = "${minhu.reference.refresh}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void publish() {
        FlowSet flows = this.flows.engine().flows();
        if (flows == lookedAt) {
            return;
        }
        ObjectNode menu = menu();
        if (menu.equals(set)) {
            lookedAt = flows;
            return;
        }
        Instant now = Instant.now();
        if (now.isBefore(retryAfter)) {
            return;
        }
        try {
            PlatformAnswer answer = platform.setMenu(menu);
            if (answer.ok()) {
                set = menu;
                lookedAt = flows;
                retryAfter = Instant.MIN;
                Log.infof("fixed menu set: %s", menu);
            } else {
                retryAfter = now.plus(RETRY);
                Log.warnf("the platform refused the fixed menu: %s", answer);
            }
        } catch (CarrierUnavailableException e) {
            retryAfter = now.plus(RETRY);
            Log.infof("fixed menu not set yet, the platform is unavailable: %s", e.getMessage());
        }
    }

    /** Whether the menu was made from the flows now in use (and, if it differed, the platform took it): for tests. */
    synchronized boolean upToDate() {
        return lookedAt == flows.engine().flows();
    }

    ObjectNode menu() {
        FlowSet set = flows.engine().flows();
        Step start = set.flow(FlowSet.MENU).step(set.flow(FlowSet.MENU).start());
        List<Step.Option> options = start instanceof Step.Ask ask ? ask.options() : List.of();
        Messages messages = set.messages(set.flow(FlowSet.MENU));
        ObjectNode body = json.createObjectNode();
        ArrayNode entries = body.putObject("menu").putArray("entries");
        for (Step.Option option : options.subList(0, Math.min(TOP, options.size()))) {
            entries.add(chip(messages, option));
        }
        if (options.size() > TOP) {
            ObjectNode more = entries.addObject().putObject("menu");
            more.put("displayText", "更多");
            ArrayNode sub = more.putArray("entries");
            options.subList(TOP, Math.min(options.size(), TOP + SUBMENU)).forEach(o -> sub.add(chip(messages, o)));
        }
        return body;
    }

    private ObjectNode chip(Messages messages, Step.Option option) {
        String target = option.to() != null && option.to().flow() != null
                ? "flow:" + option.to().flow() : "opt:" + FlowSet.MENU + ":menu:" + option.value();
        ObjectNode reply = json.createObjectNode();
        ObjectNode body = reply.putObject("reply").put("displayText", messages.template(Messages.DEFAULT_LANGUAGE, option.label()));
        body.putObject("postback").put("data", target);
        return reply;
    }
}
