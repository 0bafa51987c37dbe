package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What a resident added to their open case from its progress card (补充材料): a text, or a photo
 * or file kept in the media store as the filing photo is. Shown to staff on the case page, never
 * published. Written once, never changed.
 */
@Entity
@Table(name = "case_addition")
public class CaseAddition {

    public static final int MAX_TEXT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String phone;

    @Column(updatable = false)
    private String text;

    @Column(name = "media_path", updatable = false)
    private String mediaPath;

    @Column(name = "media_type", updatable = false)
    private String mediaType;

    @Column(name = "media_name", updatable = false)
    private String mediaName;

    protected CaseAddition() {
    }

    CaseAddition(Long caseId, Instant at, String phone, String text, String mediaPath, String mediaType, String mediaName) {
        this.caseId = caseId;
        this.at = at;
        this.phone = phone;
        this.text = text;
        this.mediaPath = mediaPath;
        this.mediaType = mediaType;
        this.mediaName = mediaName;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Instant getAt() {
        return at;
    }

    public String getPhone() {
        return phone;
    }

    public String getText() {
        return text;
    }

    public String getMediaPath() {
        return mediaPath;
    }

    public String getMediaType() {
        return mediaType;
    }

    public String getMediaName() {
        return mediaName;
    }

    public boolean isImage() {
        return mediaPath != null && (mediaType == null || mediaType.startsWith("image/"));
    }
}
