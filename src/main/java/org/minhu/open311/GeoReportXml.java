package org.minhu.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;

/**
 * The XML side of GeoReport v2: a {@code .xml} resource answers the same records as its
 * {@code .json} twin, with the spec's element names (see {@link GeoReportViews}) and preceded by
 * the XML declaration with its UTF-8 encoding, as the spec asks. A mapper of its own, so the JSON
 * the rest of the service writes is not touched.
 */
final class GeoReportXml {

    static final MediaType TYPE = MediaType.TEXT_XML_TYPE.withCharset(StandardCharsets.UTF_8.name());

    private static final XmlMapper XML = XmlMapper.builder()
            .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
            .build();

    private GeoReportXml() {
    }

    /** Whether a request asked for XML: by the resource's extension, as GeoReport v2 clients do. */
    static boolean asked(String path) {
        return path != null && path.endsWith(".xml");
    }

    static Response.ResponseBuilder answer(int status, Object body) {
        try {
            return Response.status(status).type(TYPE).entity(XML.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the GeoReport views are plain records", e);
        }
    }
}
