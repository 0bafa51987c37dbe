package org.minhu.proactive.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.minhu.common.ProblemException;

import java.time.Instant;
import java.util.Set;

/**
 * A card staff send to many residents at once (a campaign). Its recipients are fixed when it is
 * composed; the dispatcher moves them into the outbox while it is SENDING.
 */
@Entity
@Table(name = "notice")
public class Notice {

    public enum State { DRAFT, SENDING, PAUSED, DONE, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(name = "image_url")
    private String imageUrl;

    @Column(name = "image_type")
    private String imageType;

    @Column(name = "image_size")
    private Long imageSize;

    @Column(nullable = false)
    private String chips;

    @Column(nullable = false)
    private String audience;

    private String topic;

    private String area;

    @Column(name = "about_case")
    private String aboutCase;

    @Column(name = "hotspot_id")
    private Long hotspotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "paused_at")
    private Instant pausedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Notice() {
    }

    Notice(NoticeCard card, String chipsJson, String audienceJson, String topic, String area, String aboutCase,
           Long hotspotId, String createdBy, Instant now) {
        this.title = card.title();
        this.body = card.text();
        if (card.image() != null) {
            this.imageUrl = card.image().url();
            this.imageType = card.image().contentType();
            this.imageSize = card.image().size();
        }
        this.chips = chipsJson;
        this.audience = audienceJson;
        this.topic = topic;
        this.area = area;
        this.aboutCase = aboutCase;
        this.hotspotId = hotspotId;
        this.state = State.DRAFT;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public String getImageType() {
        return imageType;
    }

    public Long getImageSize() {
        return imageSize;
    }

    public String getChips() {
        return chips;
    }

    public String getAudience() {
        return audience;
    }

    public String getTopic() {
        return topic;
    }

    public String getArea() {
        return area;
    }

    public String getAboutCase() {
        return aboutCase;
    }

    public Long getHotspotId() {
        return hotspotId;
    }

    public State getState() {
        return state;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    void send(Instant now) {
        require(Set.of(State.DRAFT), "sent");
        state = State.SENDING;
        startedAt = now;
    }

    void pause(Instant now) {
        require(Set.of(State.SENDING), "paused");
        state = State.PAUSED;
        pausedAt = now;
    }

    void resume() {
        require(Set.of(State.PAUSED), "resumed");
        state = State.SENDING;
        pausedAt = null;
    }

    void cancel(Instant now) {
        require(Set.of(State.DRAFT, State.SENDING, State.PAUSED), "cancelled");
        state = State.CANCELLED;
        finishedAt = now;
    }

    private void require(Set<State> from, String what) {
        if (!from.contains(state)) {
            throw ProblemException.conflict("notice " + id + " is " + state + "; it can be " + what + " only when " + from);
        }
    }
}
