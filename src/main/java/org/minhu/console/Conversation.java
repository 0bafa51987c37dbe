package org.minhu.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.minhu.carrier.inbound.InboundKind;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.carrier.outbox.OutboundMessage;
import org.minhu.cases.ServiceCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resident's whole conversation as staff read it: what the resident sent, what the bot said and
 * what staff wrote, in time order. The most recent {@value #LIMIT} of each side.
 */
@ApplicationScoped
public class Conversation {

    static final int LIMIT = 300;
    static final int FILING_TURNS_MINUTES = 30;
    private static final java.util.regex.Pattern CASE_NUMBER = java.util.regex.Pattern.compile("MH-\\d{8}-\\d{4,}");

    public enum From { RESIDENT, BOT, STAFF }

    /** One message. Text is shown escaped by the templates, whatever the resident typed. */
    public record Entry(Instant at, From from, String who, String kind, String text, List<String> chips,
                        Long fileId, String fileName, boolean image, String place, String status) {

        /** A voice note, played in the page. */
        public boolean audio() {
            return "voice".equals(kind);
        }

        public String getSide() {
            return from.name().toLowerCase(Locale.ROOT);
        }
    }

    private final EntityManager em;

    public Conversation(EntityManager em) {
        this.em = em;
    }

    /**
     * The part of the resident's conversation that belongs to one case: from the turns that filed it
     * (at most {@value #FILING_TURNS_MINUTES} minutes before it was filed, the idle time after which a
     * conversation starts afresh, and not before the resident's previous case was filed) until the
     * turns that filed their next case (or its archiving), plus any message that names the case's
     * number; a message that names another case's number belongs to that case, not this one.
     */
    public List<Entry> of(ServiceCase c) {
        if (c.getPhone() == null) {
            return List.of();
        }
        List<ServiceCase> theirs = em.createQuery("select c from ServiceCase c where c.phone = :phone order by c.createdAt, c.id",
                ServiceCase.class).setParameter("phone", c.getPhone()).getResultList();
        Instant start = c.getCreatedAt().minus(java.time.Duration.ofMinutes(FILING_TURNS_MINUTES));
        Instant end = c.getArchivedAt();
        for (ServiceCase other : theirs) {
            if (other.getId().equals(c.getId())) {
                continue;
            }
            boolean before = other.getCreatedAt().isBefore(c.getCreatedAt())
                    || other.getCreatedAt().equals(c.getCreatedAt()) && other.getId() < c.getId();
            if (before && other.getCreatedAt().isAfter(start)) {
                start = other.getCreatedAt();
            } else if (!before) {
                Instant nextFiling = max(c.getCreatedAt(), other.getCreatedAt().minus(java.time.Duration.ofMinutes(FILING_TURNS_MINUTES)));
                end = end == null || nextFiling.isBefore(end) ? nextFiling : end;
            }
        }
        Instant from = start;
        Instant until = end;
        String number = c.getNumber();
        return of(c.getPhone()).stream().filter(e -> {
            String text = e.text() == null ? "" : e.text();
            java.util.regex.Matcher named = CASE_NUMBER.matcher(text);
            boolean namesThis = false;
            boolean namesOther = false;
            while (named.find()) {
                if (named.group().equals(number)) {
                    namesThis = true;
                } else {
                    namesOther = true;
                }
            }
            if (namesThis) {
                return true;
            }
            boolean inside = !e.at().isBefore(from) && (until == null || e.at().isBefore(until));
            return inside && !namesOther;
        }).toList();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The resident's whole conversation, as a person taking over the chat reads it. */
    public List<Entry> of(String phone) {
        if (phone == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (InboundMessage m : em.createQuery("select m from InboundMessage m where m.phone = :phone order by m.id desc",
                InboundMessage.class).setParameter("phone", phone).setMaxResults(LIMIT).getResultList()) {
            entries.add(inbound(m));
        }
        Map<Long, String> staff = new HashMap<>();
        for (Object[] row : em.createQuery("select r.outboundId, r.staff from StaffReply r where r.phone = :phone",
                Object[].class).setParameter("phone", phone).getResultList()) {
            staff.put((Long) row[0], (String) row[1]);
        }
        for (OutboundMessage m : em.createQuery("select o from OutboundMessage o where o.phone = :phone"
                + " and o.fallbackOf is null order by o.id desc", OutboundMessage.class)
                .setParameter("phone", phone).setMaxResults(LIMIT).getResultList()) {
            MessageText said = MessageText.of(m.getMessageList(), m.getSmsContent());
            String by = staff.get(m.getId());
            entries.add(new Entry(m.getCreatedAt(), by == null ? From.BOT : From.STAFF, by == null ? "智能助手" : by,
                    said.kind(), said.text(), said.chips(), null, null, false, null, m.getStatus().name()));
        }
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    private static Entry inbound(InboundMessage m) {
        boolean voice = m.getKind() == InboundKind.FILE && m.getFileType() != null && m.getFileType().startsWith("audio/");
        String text = voice && m.getMediaPath() != null ? "[语音留言] " + (m.getFileName() == null ? "" : m.getFileName())
                : switch (m.getKind()) {
            case TEXT -> m.getText();
            case SUGGESTION -> m.getDisplayText() == null ? m.getPostback() : m.getDisplayText();
            case LOCATION -> "[位置] " + (m.getPlaceLabel() == null ? "" : m.getPlaceLabel());
            case FILE -> m.getMediaPath() == null ? "[文件未能保存] " + (m.getMediaError() == null ? "" : m.getMediaError())
                    : "[文件] " + (m.getFileName() == null ? "" : m.getFileName());
            default -> "[无法显示的消息类型 " + m.getContentType() + "]";
        };
        String place = m.getKind() == InboundKind.LOCATION && m.getLatitude() != null
                ? String.format(Locale.ROOT, "%.5f, %.5f", m.getLatitude(), m.getLongitude()) : null;
        boolean image = m.getFileType() != null && m.getFileType().startsWith("image/");
        Long fileId = m.getKind() == InboundKind.FILE && m.getMediaPath() != null ? m.getId() : null;
        return new Entry(m.getReceivedAt(), From.RESIDENT, "居民", voice ? "voice" : m.getKind().name().toLowerCase(Locale.ROOT), text,
                List.of(), fileId, m.getFileName(), image, place, null);
    }
}
