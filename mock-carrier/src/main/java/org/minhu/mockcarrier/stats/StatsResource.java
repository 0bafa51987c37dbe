package org.minhu.mockcarrier.stats;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/sim/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final Stats stats;

    public StatsResource(Stats stats) {
        this.stats = stats;
    }

    @GET
    public Stats.Snapshot get() {
        return stats.snapshot();
    }

    @DELETE
    public Stats.Snapshot reset() {
        stats.reset();
        return stats.snapshot();
    }
}
