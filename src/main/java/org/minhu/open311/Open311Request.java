package org.minhu.open311;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What an Open311 request carries beyond its case: who to contact (kept for the handling unit,
 * never served by the API), the client's own ids, a link to a photo, and the service's
 * attributes as JSON.
 */
@Entity
@Table(name = "open311_request")
public class Open311Request {

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String email;

    /** A number given that 5G updates cannot reach (a landline, a number abroad). */
    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "device_id")
    private String deviceId;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "media_url")
    private String mediaUrl;

    /** JSON object: attribute code to its value, or to a list of keys for a multivaluelist. */
    private String attributes;

    protected Open311Request() {
    }

    Open311Request(Long caseId, SubmittedRequest request, String attributesJson) {
        this.caseId = caseId;
        this.firstName = request.firstName();
        this.lastName = request.lastName();
        this.email = request.email();
        this.contactPhone = request.phone().other();
        this.deviceId = request.deviceId();
        this.accountId = request.accountId();
        this.mediaUrl = request.mediaUrl();
        this.attributes = attributesJson;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getMediaUrl() {
        return mediaUrl;
    }

    public String getAttributes() {
        return attributes;
    }
}
