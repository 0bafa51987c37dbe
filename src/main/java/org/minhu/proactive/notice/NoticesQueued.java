package org.minhu.proactive.notice;

import java.util.Set;

/**
 * A batch of recipients went into the outbox. Fired inside the batch's transaction, before it
 * commits: what observes it commits or rolls back with the batch.
 */
public record NoticesQueued(Set<Long> noticeIds, int queued) {
}
