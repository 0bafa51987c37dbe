package org.minhu.mockcarrier.platform;

import jakarta.enterprise.context.ApplicationScoped;

/** The per-second send quota, counted in whole wall-clock seconds as a platform would. */
@ApplicationScoped
public class Quota {

    private long second;
    private int used;

    /** @return false when this send is over the limit; a limit of 0 never refuses */
    public synchronized boolean tryAcquire(int perSecond) {
        if (perSecond <= 0) {
            return true;
        }
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            second = now;
            used = 0;
        }
        if (used >= perSecond) {
            return false;
        }
        used++;
        return true;
    }
}
