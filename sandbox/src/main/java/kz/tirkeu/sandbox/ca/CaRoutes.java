package kz.tirkeu.sandbox.ca;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.tirkeu.pki.ca.CaHierarchy;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.sandbox.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The sandbox CA over HTTP, in the layout {@link CaHierarchy} writes into its certificates:
 * <pre>
 *   GET  /sandbox/ca                       what is where (JSON)
 *   POST /sandbox/ca/ocsp                  OCSP, application/ocsp-request -> application/ocsp-response
 *   GET  /sandbox/ca/ocsp/{base64 request} OCSP by GET (RFC 6960 appendix A.1)
 *   POST /sandbox/ca/tsa                   RFC 3161, application/timestamp-query -> application/timestamp-reply
 *   GET  /sandbox/ca/crl/{root|intermediate}.crl
 *   GET  /sandbox/ca/certs/{root|intermediate}.{pem|cer}
 * </pre>
 * A malformed OCSP or time-stamp request gets the protocol's own error answer (malformedRequest,
 * rejection) with HTTP 200, as the RFCs want, so that clients read it as an answer rather than an outage.
 */
public final class CaRoutes {

    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    static final MediaType TIMESTAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType PEM_FILE = MediaType.parseMediaType("application/x-pem-file");

    /** OCSP requests and time-stamp queries are a few hundred bytes; a bigger body is not one. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final SandboxCa ca;

    public CaRoutes(SandboxCa ca) {
        this.ca = ca;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/sandbox/ca", this::index)
                .POST("/sandbox/ca/ocsp", request -> ocsp(body(request)))
                .GET("/sandbox/ca/ocsp/{*request}", request -> ocsp(OcspGetRequest.decode(request.pathVariable("request")).orElse(new byte[0])))
                .POST("/sandbox/ca/tsa", request -> binary(TIMESTAMP_REPLY, ca.hierarchy().tsa().respond(body(request))))
                .GET("/sandbox/ca/crl/{file}", this::crl)
                .GET("/sandbox/ca/certs/{file}", this::certificate)
                .build();
    }

    private ServerResponse index(ServerRequest request) {
        CaHierarchy hierarchy = ca.hierarchy();
        String base = hierarchy.base().toString();
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(new CaView(
                base,
                base + "/ocsp",
                base + "/tsa",
                List.of(base + "/crl/root.crl", base + "/crl/intermediate.crl"),
                CaView.CertificateView.of(hierarchy.rootCertificate(), base + "/certs/root.pem", base + "/certs/root.cer"),
                CaView.CertificateView.of(hierarchy.intermediate().certificate(),
                        base + "/certs/intermediate.pem", base + "/certs/intermediate.cer")));
    }

    private ServerResponse ocsp(byte[] request) {
        return binary(OCSP_RESPONSE, ca.hierarchy().ocsp().respond(request));
    }

    private ServerResponse crl(ServerRequest request) throws CRLException {
        CaHierarchy hierarchy = ca.hierarchy();
        return switch (request.pathVariable("file")) {
            case "root.crl" -> binary(PKIX_CRL, hierarchy.root().currentCrl().getEncoded());
            case "intermediate.crl" -> binary(PKIX_CRL, hierarchy.intermediate().currentCrl().getEncoded());
            default -> throw new NotFoundException("The sandbox CA publishes two CRLs: root.crl (covers the intermediate CA and the TSA) "
                    + "and intermediate.crl (covers people's certificates); there is no '" + request.pathVariable("file") + "'.");
        };
    }

    private ServerResponse certificate(ServerRequest request) throws CertificateEncodingException {
        String file = request.pathVariable("file");
        CaHierarchy hierarchy = ca.hierarchy();
        X509Certificate certificate = switch (file) {
            case "root.pem", "root.cer" -> hierarchy.rootCertificate();
            case "intermediate.pem", "intermediate.cer" -> hierarchy.intermediate().certificate();
            default -> throw new NotFoundException("The sandbox CA's certificates are root.pem, root.cer, intermediate.pem and "
                    + "intermediate.cer (PEM or DER); there is no '" + file + "'.");
        };
        boolean pem = file.endsWith(".pem");
        return ServerResponse.ok()
                .contentType(pem ? PEM_FILE : PKIX_CERT)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("tirkeu-sandbox-" + file).build().toString())
                .body(pem ? Pem.write(certificate).getBytes(StandardCharsets.US_ASCII) : certificate.getEncoded());
    }

    private static ServerResponse binary(MediaType type, byte[] body) {
        return ServerResponse.ok().contentType(type).body(body);
    }

    /** The request body, or nothing when it is too big: the responders then answer as for any malformed request. */
    private static byte[] body(ServerRequest request) throws IOException {
        try (InputStream in = request.servletRequest().getInputStream()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            return body.length > MAX_REQUEST_BYTES ? new byte[0] : body;
        }
    }
}
