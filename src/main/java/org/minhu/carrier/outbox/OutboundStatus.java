package org.minhu.carrier.outbox;

/**
 * Where a bot message stands. Delivery reports only move a message forward: a late
 * "delivered" never overwrites "displayed".
 */
public enum OutboundStatus {
    PENDING(0), SENDING(0), ACCEPTED(1), SENT(2), DELIVERED_TO_NETWORK(3), DELIVERED(3), DISPLAYED(4),
    FAILED(5), REJECTED(5), REVOKED(6);

    private final int rank;

    OutboundStatus(int rank) {
        this.rank = rank;
    }

    public boolean waiting() {
        return this == PENDING || this == SENDING;
    }

    /** Whether a delivery report of {@code next} should replace this status. */
    public boolean canBecome(OutboundStatus next) {
        if (this == REJECTED || this == REVOKED) {
            return false;
        }
        if (next == FAILED) {
            return rank < DELIVERED.rank;
        }
        return next.rank > rank;
    }

    /** The platform's delivery status word, or null when it is not one. */
    public static OutboundStatus fromReport(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "displayed" -> DISPLAYED;
            case "deliveredToNetwork" -> DELIVERED_TO_NETWORK;
            case "failed" -> FAILED;
            case "revokeOk" -> REVOKED;
            default -> null;
        };
    }
}
