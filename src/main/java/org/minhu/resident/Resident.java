package org.minhu.resident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.DynamicUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A resident, known only by the phone number a signed push delivered.
 *
 * <p>Updates write only the columns that changed: a delivery report teaching the phone's capability
 * runs beside the resident's turn, and must not write back the conversation state it read before
 * the turn saved a newer one.
 *
 * <p>A conversation turn reads and writes its resident without Hibernate ({@link ResidentRepository#lockForTurn},
 * {@link ResidentRepository#writeTurn}), holding the row's lock from the read to the commit, so what it
 * writes cannot be older than what another transaction wrote.
 */
@Entity
@DynamicUpdate
@Table(name = "resident")
public class Resident {

    /** What the resident's phone can show, as learned from delivery reports and replies. */
    public enum Capability { UNKNOWN, RICH, SMS_ONLY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Capability capability;

    @Column(nullable = false)
    private String language;

    @Column(name = "conversation_id", nullable = false)
    private String conversationId;

    /** The numbered options of the last message that had any, as JSON, so a typed "1" can stand for a tap. */
    @Column(name = "sms_options")
    private String smsOptions;

    /** The flow engine's state for this resident, as JSON; null before the first message. */
    @Column(name = "conversation_state")
    private String conversationState;

    /** The conversation is with a person in the console, not with the bot. */
    @Column(name = "with_agent", nullable = false)
    private boolean withAgent;

    /** The outbound message whose delivery report last told us the capability. */
    @Column(name = "capability_evidence")
    private Long capabilityEvidence;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** What a turn read ({@link #forTurn}), so that a turn that changed nothing writes nothing; null on an entity. */
    @Transient
    private Columns read;

    /** The columns a turn may change. */
    record Columns(Capability capability, String language, String smsOptions, String conversationState,
                   boolean withAgent, Long capabilityEvidence) {
    }

    protected Resident() {
    }

    /** The columns {@link ResidentRepository#lockForTurn} selects, in the order {@link #forTurn} reads them. */
    static final String TURN_COLUMNS = "id, phone, capability, language, conversation_id, sms_options, conversation_state,"
            + " with_agent, capability_evidence, created_at, updated_at";

    /** A resident read for a turn: not managed by Hibernate; {@link ResidentRepository#writeTurn} writes what changed. */
    static Resident forTurn(ResultSet row) throws SQLException {
        Resident r = new Resident();
        r.id = row.getLong(1);
        r.phone = row.getString(2);
        r.capability = Capability.valueOf(row.getString(3));
        r.language = row.getString(4);
        r.conversationId = row.getString(5);
        r.smsOptions = row.getString(6);
        r.conversationState = row.getString(7);
        r.withAgent = row.getBoolean(8);
        long evidence = row.getLong(9);
        r.capabilityEvidence = row.wasNull() ? null : evidence;
        r.createdAt = row.getTimestamp(10).toInstant();
        r.updatedAt = row.getTimestamp(11).toInstant();
        r.read = r.columns();
        return r;
    }

    Columns columns() {
        return new Columns(capability, language, smsOptions, conversationState, withAgent, capabilityEvidence);
    }

    /** What {@link #forTurn} read, or null when this is an entity Hibernate loaded. */
    Columns readForTurn() {
        return read;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getId() {
        return id;
    }

    public String getPhone() {
        return phone;
    }

    public Capability getCapability() {
        return capability;
    }

    public String getLanguage() {
        return language;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getSmsOptions() {
        return smsOptions;
    }

    public String getConversationState() {
        return conversationState;
    }

    public boolean isWithAgent() {
        return withAgent;
    }

    public void saveConversation(String stateJson, String language, Instant now) {
        this.conversationState = stateJson;
        this.language = language;
        this.updatedAt = now;
    }

    public void handOver(boolean toAgent, Instant now) {
        this.withAgent = toAgent;
        this.updatedAt = now;
    }

    /**
     * Learns from a delivery report about one of our messages; a late report about an older message
     * than the one that last changed what we know changes nothing. A report that only confirms what
     * we know writes nothing: three reports come for every message, beside the resident's turns, and
     * writing the row would make each wait for the turn holding it.
     */
    public void learnCapability(Capability learned, long fromMessage, Instant now) {
        if (capabilityEvidence != null && fromMessage < capabilityEvidence) {
            return;
        }
        if (learned == capability) {
            return;
        }
        capabilityEvidence = fromMessage;
        learnCapability(learned, now);
    }

    public void learnCapability(Capability learned, Instant now) {
        if (learned != capability) {
            capability = learned;
            updatedAt = now;
        }
    }

    public void rememberSmsOptions(String json, Instant now) {
        smsOptions = json;
        updatedAt = now;
    }

}
