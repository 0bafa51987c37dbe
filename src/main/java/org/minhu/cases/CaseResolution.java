package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Duration;
import java.time.Instant;

/**
 * 办结: what was done (for staff), the answer to the resident (答复居民), the photo of the fix, and how
 * long it took from filing. Its columns are the case's own ({@code service_case}); with none of them
 * set, Hibernate loads no value.
 */
@Embeddable
public class CaseResolution {

    /** What was done, in the staff's words: for staff only. */
    @Column(name = "resolution_note")
    private String note;

    /** 答复居民: what staff wrote for the resident and the public when resolving (the echo wall, Open311); null for none. */
    @Column(name = "public_reply")
    private String publicReply;

    @Column(name = "resolution_photo")
    private String photo;

    @Column(name = "handling_seconds")
    private Long handlingSeconds;

    public String getNote() {
        return note;
    }

    public String getPublicReply() {
        return publicReply;
    }

    public String getPhoto() {
        return photo;
    }

    public Long getHandlingSeconds() {
        return handlingSeconds;
    }

    /** Resolved now, {@code since} filing: what was done, the answer to the resident (or none) and a photo (or none). */
    void resolved(String note, String publicReply, String photo, Instant since, Instant now) {
        this.note = note;
        this.publicReply = publicReply;
        this.photo = photo;
        this.handlingSeconds = Duration.between(since, now).getSeconds();
    }
}
