package org.minhu.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.minhu.common.ProblemException;
import org.minhu.outbound.PlatformLimits;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The canned replies admins keep: checked against the platform's limits when saved, not when sent. */
@ApplicationScoped
@Transactional
public class CannedReplies {

    private final EntityManager em;

    public CannedReplies(EntityManager em) {
        this.em = em;
    }

    public void add(String title, String text, String chipLines) {
        if (title == null || title.isBlank() || title.strip().length() > 64) {
            throw ProblemException.badRequest("title", "标题需为 1–64 个字");
        }
        Replies.compose(text, null, chipLines);
        List<String> chips = chipLines == null ? List.of() : Arrays.stream(chipLines.split("[\\r\\n|]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (chips.size() > PlatformLimits.MAX_CARD_CHIPS) {
            throw ProblemException.badRequest("chips", "最多 " + PlatformLimits.MAX_CARD_CHIPS + " 个按钮");
        }
        Integer last = em.createQuery("select max(c.position) from CannedReply c", Integer.class).getSingleResult();
        em.persist(new CannedReply(title.strip(), text.strip(), chips.isEmpty() ? null : chips.stream()
                .collect(Collectors.joining("|")), last == null ? 1 : last + 1));
    }

    public void remove(long id) {
        CannedReply reply = em.find(CannedReply.class, id);
        if (reply != null) {
            em.remove(reply);
        }
    }
}
