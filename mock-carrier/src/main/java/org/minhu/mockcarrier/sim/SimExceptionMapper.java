package org.minhu.mockcarrier.sim;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class SimExceptionMapper {

    @ServerExceptionMapper
    Response map(SimException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage()))
                .build();
    }
}
