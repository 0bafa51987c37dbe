package org.minhu.carrier.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.minhu.common.ProblemException;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Photos staff attach to a resolution, fetched by the carrier platform to show in the resident's
 * card. Only {@code resolutions/} is public; residents' own photos are for signed-in staff only.
 */
@Path("/media")
public class PublicMediaResource {

    public static final String PUBLIC_FOLDER = org.minhu.common.StaffPhotos.FOLDER;

    private final MediaStore media;

    public PublicMediaResource(MediaStore media) {
        this.media = media;
    }

    @GET
    @Path("{path: .+}")
    public Response get(@PathParam("path") String path) throws IOException {
        if (!org.minhu.common.StaffPhotos.isStaffPhoto(path)) {
            throw ProblemException.notFound("no such file");
        }
        java.nio.file.Path file;
        try {
            file = media.resolve(path);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw ProblemException.notFound("no such file");
        }
        String type = Files.probeContentType(file);
        return Response.ok(file.toFile(), type == null ? "application/octet-stream" : type).build();
    }
}
