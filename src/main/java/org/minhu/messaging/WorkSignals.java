package org.minhu.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * How code says "there is work" after writing it to the database: every instance hears it and
 * the work starts at once rather than at the next sweep. Raised inside a transaction, the signal
 * goes out only once that transaction has committed (so no instance looks before the work is
 * visible), and not at all if it rolls back.
 */
@ApplicationScoped
public class WorkSignals {

    private final SignalBus bus;
    private final MessagingConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public WorkSignals(SignalBus bus, MessagingConfig config, TransactionSynchronizationRegistry transactions) {
        this.bus = bus;
        this.config = config;
        this.transactions = transactions;
    }

    /** A message from this resident was stored: run their turns. */
    public void residentHasWork(String phone) {
        raise(WorkSignal.resident(phone, config.instanceId()));
    }

    /** Messages were written to the outbox: send them. */
    public void outboxHasWork() {
        raise(WorkSignal.outbox(config.instanceId()));
    }

    private void raise(WorkSignal signal) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            publish(signal);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    publish(signal);
                }
            }
        });
    }

    private void publish(WorkSignal signal) {
        try {
            bus.publish(signal);
        } catch (RuntimeException e) {
            Log.warnf(e, "signal %s not raised; the sweep will find the work", signal);
        }
    }
}
