package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What was filed, as registered: the number, who (the phone), what (category, description, photo),
 * where, when, and through which channel and flow. None of it changes after registration; what happens
 * to the request afterwards is {@link ServiceCase}'s (the same {@code service_case} row).
 */
@MappedSuperclass
public abstract class FiledRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    /** The resident's phone; empty for requests from other channels that gave no mobile number. */
    private String phone;

    @Column(nullable = false)
    private String category;

    @Column(nullable = false)
    private String description;

    private Double latitude;
    private Double longitude;
    private String address;

    @Column(name = "photo_path")
    private String photoPath;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "flow_id")
    private String flowId;

    @Column(name = "flow_version")
    private Integer flowVersion;

    @Column(nullable = false)
    private String channel;

    protected FiledRequest() {
    }

    FiledRequest(String number, NewCase request, String category, Instant now) {
        this.number = number;
        this.phone = request.phone();
        this.category = category;
        this.description = request.description();
        this.latitude = request.latitude();
        this.longitude = request.longitude();
        this.address = request.address();
        this.photoPath = request.photoPath();
        this.createdAt = now;
        this.flowId = request.flowId();
        this.flowVersion = request.flowVersion();
        this.channel = request.channel();
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getPhone() {
        return phone;
    }

    public String getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public String getAddress() {
        return address;
    }

    public String getPhotoPath() {
        return photoPath;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getFlowId() {
        return flowId;
    }

    public Integer getFlowVersion() {
        return flowVersion;
    }

    public String getChannel() {
        return channel;
    }

    public boolean belongsTo(String phone) {
        return this.phone != null && this.phone.equals(phone);
    }
}
