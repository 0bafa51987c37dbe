package org.minhu.mockcarrier.platform;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.minhu.mockcarrier.config.MockConfig;
import org.minhu.mockcarrier.phone.Phone;
import org.minhu.mockcarrier.phone.Phones;
import org.minhu.mockcarrier.phone.Rendering;
import org.minhu.mockcarrier.phone.TranscriptEntry;
import org.minhu.mockcarrier.push.PushClient;
import org.minhu.mockcarrier.push.Timers;
import org.minhu.mockcarrier.stats.Stats;
import org.minhu.mockcarrier.wire.WireTime;

/**
 * Messages the platform has accepted, by messageId: each is delivered to its phone once, however
 * often the chatbot sends it, and its delivery is reported back to the chatbot as it progresses.
 */
@ApplicationScoped
public class Outbox {

    static final String NOT_RCS = "terminal not supported RCS and smsSupported is false";
    private static final int NOT_A_5G_MESSAGE_TERMINAL = 2;

    /** Enough to recognise any retry; older messageIds are forgotten so a long benchmark fits in memory. */
    static final int REMEMBERED_MESSAGES = 50_000;

    private final Map<String, Accepted> accepted = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Accepted> eldest) {
                    return size() > REMEMBERED_MESSAGES;
                }
            });
    private final MockConfig config;
    private final Phones phones;
    private final PushClient pushes;
    private final Timers timers;
    private final Stats stats;
    private final ObjectMapper mapper;

    public Outbox(MockConfig config, Phones phones, PushClient pushes, Timers timers, Stats stats,
            ObjectMapper mapper) {
        this.config = config;
        this.phones = phones;
        this.pushes = pushes;
        this.timers = timers;
        this.stats = stats;
        this.mapper = mapper;
    }

    /** Accepts a send, or recognises it as one already accepted; either way answers the same. */
    public ObjectNode accept(SendValidator.ValidSend send) {
        Accepted fresh = new Accepted(send.messageId(), send.tel(), send.reportRequest(), successAnswer(send));
        Accepted earlier = accepted.putIfAbsent(send.messageId(), fresh);
        if (earlier != null) {
            stats.duplicateSend();
            return earlier.answer();
        }
        stats.sendAccepted();
        deliver(fresh, send);
        return fresh.answer();
    }

    /** Withdraws a delivered 5G message from the phone; an SMS or an unknown message cannot be. */
    public void revoke(String messageId, String tel) {
        Accepted message = accepted.get(messageId);
        TranscriptEntry entry = message == null ? null : message.entry;
        boolean revocable = entry != null && !Rendering.SMS.equals(entry.getKind())
                && !"revoked".equals(entry.getStatus());
        if (revocable) {
            entry.revoke();
        }
        stats.revoke();
        report(messageId, message == null ? tel : message.tel(), revocable ? "revokeOk" : "revokeFail", null);
    }

    public void clear() {
        accepted.clear();
    }

    private void deliver(Accepted message, SendValidator.ValidSend send) {
        Phone phone = phones.get(send.tel());
        MockConfig.ReportDelay delays = config.reportDelay();
        if (!phone.smsOnly()) {
            Rendering rendering = Rendering.of(send.body().path("messageList"), mapper);
            TranscriptEntry entry = phone.append(new TranscriptEntry(TranscriptEntry.BOT, send.messageId(),
                    rendering.kind(), rendering.text(), rendering.chips(), "sent", send.contributionId(), send.body()));
            message.entry = entry;
            progress(message, "sent", delays.sent());
            progress(message, "delivered", delays.delivered());
            progress(message, "displayed", delays.displayed());
        } else if (send.smsSupported()) {
            TranscriptEntry entry = phone.append(new TranscriptEntry(TranscriptEntry.BOT, send.messageId(),
                    Rendering.SMS, send.smsContent(), List.of(), "deliveredToNetwork",
                    send.contributionId(), send.body()));
            message.entry = entry;
            progress(message, "deliveredToNetwork", delays.delivered());
        } else {
            timers.after(delays.sent(), () -> {
                if (send.reportRequest().contains("failed")) {
                    report(send.messageId(), send.tel(), "failed", NOT_RCS);
                }
            });
        }
    }

    private void progress(Accepted message, String status, Duration delay) {
        timers.after(delay, () -> {
            TranscriptEntry entry = message.entry;
            if ("revoked".equals(entry.getStatus())) {
                return;
            }
            entry.advance(status);
            if (message.reportRequest().contains(status)) {
                report(message.messageId(), message.tel(), status, null);
            }
        });
    }

    /**
     * Pushes one delivery status. Seen from the push, the destination is the chatbot and the
     * sender is the resident's phone.
     */
    private void report(String messageId, String tel, String status, String failure) {
        if (!config.deliveryReports()) {
            return;
        }
        ObjectNode info = mapper.createObjectNode()
                .put("messageId", messageId)
                .put("status", status);
        if (failure != null) {
            info.put("errorCode", NOT_A_5G_MESSAGE_TERMINAL).put("errorMessage", failure);
        }
        info.put("dateTime", WireTime.now())
                .put("destinationAddress", config.chatbotUri())
                .put("senderAddress", tel);
        ObjectNode body = mapper.createObjectNode();
        body.putArray("deliveryInfoList").add(info);
        try {
            pushes.pushStatus(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private ObjectNode successAnswer(SendValidator.ValidSend send) {
        return mapper.createObjectNode()
                .put("messageId", send.messageId())
                .put("conversationId", send.conversationId())
                .put("contributionId", send.contributionId())
                .put("errorCode", 0)
                .put("errorMessage", "success");
    }

    /** What is kept of an accepted send: enough to answer a retry, report progress and revoke. */
    private static final class Accepted {
        private final String messageId;
        private final String tel;
        private final Set<String> reportRequest;
        private final ObjectNode answer;
        private volatile TranscriptEntry entry;

        Accepted(String messageId, String tel, Set<String> reportRequest, ObjectNode answer) {
            this.messageId = messageId;
            this.tel = tel;
            this.reportRequest = reportRequest;
            this.answer = answer;
        }

        String messageId() {
            return messageId;
        }

        String tel() {
            return tel;
        }

        Set<String> reportRequest() {
            return reportRequest;
        }

        ObjectNode answer() {
            return answer;
        }
    }
}
