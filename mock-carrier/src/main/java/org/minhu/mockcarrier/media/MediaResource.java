package org.minhu.mockcarrier.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.minhu.mockcarrier.sim.SimException;

/** Hands out the files residents sent, at the URLs given in the file pushes. */
@Path("/media/{id}")
public class MediaResource {

    private final MediaStore store;

    public MediaResource(MediaStore store) {
        this.store = store;
    }

    @GET
    public Response get(@PathParam("id") String id) {
        MediaStore.Media media = store.find(id).orElseThrow(() -> SimException.notFound("no media '" + id + "'"));
        return Response.ok(media.bytes(), media.contentType()).header("Cache-Control", "max-age=86400").build();
    }
}
