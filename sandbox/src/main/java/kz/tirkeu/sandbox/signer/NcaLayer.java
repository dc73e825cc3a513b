package kz.tirkeu.sandbox.signer;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.tsp.TimeStampSource;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.ca.SandboxCa;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.persona.PersonaKey;
import kz.tirkeu.sandbox.persona.Personas;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What NCALayer answers, message by message (DOMAIN.md §5.7), with the key of the persona "inserted"
 * in the asking device ({@link SignerDevices}). Two modules:
 * <ul>
 *   <li>{@code kz.gov.pki.knca.basics}, method {@code sign}: named args; answers {@code {"status": true, "body":
 *       {"result": [cms…]}}} or {@code {"status": false, "code", "message", "body": {}, "details"}};</li>
 *   <li>{@code kz.gov.pki.knca.commonUtils}: {@code getActiveTokens}, {@code getKeyInfo}, {@code createCAdESFromBase64}
 *       with positional args; answers {@code {"code": "200", "responseObject"}} or {@code {"code": "500", "message"}}.</li>
 * </ul>
 * Signatures are CAdES made by pki's {@link CadesSigner}, time-stamped by the sandbox's own TSA when asked.
 * Nothing a client sends closes the connection: every mistake is answered in the protocol's own error form.
 */
public final class NcaLayer {

    public static final String GREETING = "{\"result\":{\"version\":\"1.4\"}}";
    public static final String HEARTBEAT = "--heartbeat--";
    static final String BASICS = "kz.gov.pki.knca.basics";
    static final String COMMON_UTILS = "kz.gov.pki.knca.commonUtils";
    /** The one kind of storage the sandbox has: the personas' PKCS#12 key files. */
    static final String STORAGE = "PKCS12";
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private static final Logger log = LoggerFactory.getLogger(NcaLayer.class);

    private final Personas personas;
    private final SignerDevices devices;
    private final SandboxCa ca;
    private final SandboxAddress address;
    private final CadesSigner signer;

    public NcaLayer(Personas personas, SignerDevices devices, SandboxCa ca, SandboxAddress address, Clock clock) {
        this.personas = personas;
        this.devices = devices;
        this.ca = ca;
        this.address = address;
        this.signer = new CadesSigner(SignatureAlgorithms.defaults(), clock);
    }

    /** The answer to one message from a device (when known); nothing for a heartbeat. */
    public Optional<String> answer(String message, Optional<String> device) {
        if (message.strip().equals(HEARTBEAT)) {
            return Optional.empty();
        }
        JsonNode request;
        try {
            request = JsonMapper.shared().readTree(message);
        } catch (JacksonException e) {
            return Optional.of(basicsError("WRONG_REQUEST", "The message is not JSON (" + e.getOriginalMessage() + "); send "
                    + "{\"module\": \"kz.gov.pki.knca.basics\", \"method\": \"sign\", \"args\": {…}}."));
        }
        if (request == null || !request.isObject()) {
            return Optional.of(basicsError("WRONG_REQUEST", "The message must be a JSON object with module, method and args."));
        }
        String module = text(request.get("module"));
        String method = text(request.get("method"));
        JsonNode args = request.get("args");
        try {
            return Optional.of(switch (module) {
                case BASICS -> basics(method, args, device);
                case COMMON_UTILS -> commonUtils(method, args, device);
                case null -> basicsError("WRONG_REQUEST", "The message names no module; the sandbox signer has " + BASICS + " and " + COMMON_UTILS + ".");
                default -> basicsError("WRONG_REQUEST", "No module '" + module + "' here; the sandbox signer has " + BASICS + " and " + COMMON_UTILS + ".");
            });
        } catch (BasicsError e) {
            return Optional.of(basicsError(e.code, e.getMessage()));
        } catch (CommonUtilsError e) {
            return Optional.of(commonUtilsError(e.getMessage()));
        } catch (RuntimeException e) {
            log.error("The sandbox signer failed to answer {}.{}", module, method, e);
            String why = "The sandbox signer failed (" + e.getClass().getSimpleName() + "); its log has the details.";
            return Optional.of(COMMON_UTILS.equals(module) ? commonUtilsError(why) : basicsError("SIGNER_FAILURE", why));
        }
    }

    // --- kz.gov.pki.knca.basics -------------------------------------------------------------------------------

    private String basics(String method, JsonNode args, Optional<String> device) {
        if (!"sign".equals(method)) {
            throw new BasicsError("WRONG_REQUEST", "Module " + BASICS + " has the method 'sign' here, not '" + method + "'.");
        }
        if (args == null || !args.isObject()) {
            throw new BasicsError("WRONG_REQUEST", "'sign' takes named args: {allowedStorages, format, data, signingParams, signerParams, locale}.");
        }
        String format = text(args.get("format"));
        if ("xml".equalsIgnoreCase(format)) {
            throw new BasicsError("UNSUPPORTED_FORMAT", "The sandbox signer makes CMS signatures only (format \"cms\"), not XML.");
        }
        if (!"cms".equalsIgnoreCase(format)) {
            throw new BasicsError("WRONG_REQUEST", "\"format\" must be \"cms\" (or \"xml\", which the sandbox does not sign); got " + args.get("format") + ".");
        }
        JsonNode signingParams = objectOrEmpty(args, "signingParams");
        boolean decode = flag(signingParams, "decode");
        boolean encapsulate = flag(signingParams, "encapsulate");
        if (flag(signingParams, "digested")) {
            throw new BasicsError("UNSUPPORTED", "The sandbox signer signs the data itself, not a digest of it (\"digested\": true).");
        }
        JsonNode tsaProfile = signingParams.get("tsaProfile");
        boolean timeStamp = tsaProfile != null && !tsaProfile.isNull();
        List<byte[]> documents = documents(args.get("data"), decode);
        JsonNode signerParams = objectOrEmpty(args, "signerParams");
        List<String> oids = strings(signerParams.get("extKeyUsageOids"), "signerParams.extKeyUsageOids");
        List<String> storages = strings(args.get("allowedStorages"), "allowedStorages");
        if (!storages.isEmpty() && storages.stream().noneMatch(STORAGE::equalsIgnoreCase)) {
            throw new BasicsError("EMPTY_KEY_LIST", "The sandbox's keys are " + STORAGE + " files, and allowedStorages " + storages + " leaves them out.");
        }
        PersonaKey key = keyWith(oids, device).orElseThrow(() -> new BasicsError("EMPTY_KEY_LIST", noKey(device, oids)));
        ObjectNode answer = JsonMapper.shared().createObjectNode();
        answer.put("status", true);
        ArrayNode result = answer.putObject("body").putArray("result");
        for (byte[] document : documents) {
            result.add(base64(sign(document, key, encapsulate, timeStamp)));
        }
        return JsonMapper.shared().writeValueAsString(answer);
    }

    private static List<byte[]> documents(JsonNode data, boolean decode) {
        List<JsonNode> items = new ArrayList<>();
        if (data != null && data.isString()) {
            items.add(data);
        } else if (data != null && data.isArray() && !data.isEmpty()) {
            data.forEach(items::add);
        } else {
            throw new BasicsError("WRONG_REQUEST", "\"data\" must be a string (base64 when signingParams.decode is true) or an array of them.");
        }
        List<byte[]> documents = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isString()) {
                throw new BasicsError("WRONG_REQUEST", "Every item of \"data\" must be a string.");
            }
            if (!decode) {
                documents.add(item.stringValue().getBytes(StandardCharsets.UTF_8));
                continue;
            }
            try {
                documents.add(decodeBase64(item.stringValue()));
            } catch (IllegalArgumentException e) {
                throw new BasicsError("WRONG_REQUEST", "\"data\" is not base64 although signingParams.decode is true: " + e.getMessage());
            }
        }
        return documents;
    }

    private static JsonNode objectOrEmpty(JsonNode args, String field) {
        JsonNode value = args.get(field);
        if (value == null || value.isNull()) {
            return JsonMapper.shared().createObjectNode();
        }
        if (!value.isObject()) {
            throw new BasicsError("WRONG_REQUEST", "\"" + field + "\" must be an object.");
        }
        return value;
    }

    private static boolean flag(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new BasicsError("WRONG_REQUEST", "signingParams." + field + " must be true or false.");
        }
        return value.booleanValue();
    }

    private static List<String> strings(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BasicsError("WRONG_REQUEST", "\"" + field + "\" must be an array of strings.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new BasicsError("WRONG_REQUEST", "\"" + field + "\" must be an array of strings.");
            }
            strings.add(item.stringValue());
        }
        return strings;
    }

    /**
     * The inserted key whose certificate's extended key usage has every OID asked for, as NCALayer
     * filters keys: clientAuth finds the AUTH key, emailProtection (or nothing) the SIGN key, and role
     * OIDs narrow it further. With nothing asked, the SIGN key, as NCALayer's default is for documents.
     */
    private Optional<PersonaKey> keyWith(List<String> oids, Optional<String> device) {
        List<PersonaKey> matching = insertedKeys(device).stream().filter(key -> extendedKeyUsage(key.certificate()).containsAll(oids)).toList();
        return matching.stream().filter(key -> key.purpose() == KeyPurpose.SIGN).findFirst().or(() -> matching.stream().findFirst());
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> usage = certificate.getExtendedKeyUsage();
            return usage == null ? List.of() : usage;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private String noKey(Optional<String> device, List<String> oids) {
        Optional<Persona> persona = insertedPersona(device);
        if (persona.isEmpty()) {
            // People read this in the sign-in page; the technical detail (which device) comes last.
            return "No key is inserted in the sandbox signer. Open " + signerPage() + " and insert a test person's key, then try again."
                    + device.map(id -> " (device " + id + ")").orElse(" (this browser has no " + SignerDevices.COOKIE + " cookie yet)");
        }
        return "The key of " + persona.get().id() + " has no certificate with the extended key usages " + oids + ".";
    }

    // --- kz.gov.pki.knca.commonUtils --------------------------------------------------------------------------

    private String commonUtils(String method, JsonNode args, Optional<String> device) {
        return switch (method == null ? "" : method) {
            case "getActiveTokens" -> commonUtilsAnswer(JsonMapper.shared().createArrayNode().add(STORAGE));
            case "getKeyInfo" -> {
                positional(args, method, 1);
                storage(args.get(0), method);
                PersonaKey key = preferred(device, Optional.empty()).orElseThrow(() -> new CommonUtilsError(noKey(device, List.of())));
                yield commonUtilsAnswer(keyInfo(key));
            }
            case "createCAdESFromBase64" -> {
                positional(args, method, 4);
                storage(args.get(0), method);
                if (!args.get(1).isString() || !args.get(2).isString() || !args.get(3).isBoolean()) {
                    throw argumentTypeMismatch(method);
                }
                Optional<KeyPurpose> purpose = switch (args.get(1).stringValue()) {
                    case "AUTHENTICATION" -> Optional.of(KeyPurpose.AUTH);
                    case "SIGNATURE" -> Optional.of(KeyPurpose.SIGN);
                    default -> Optional.empty();
                };
                byte[] document;
                try {
                    document = decodeBase64(args.get(2).stringValue());
                } catch (IllegalArgumentException e) {
                    throw new CommonUtilsError("The data to sign is not base64: " + e.getMessage());
                }
                PersonaKey key = preferred(device, purpose).orElseThrow(() -> new CommonUtilsError(
                        noKey(device, purpose.map(p -> p == KeyPurpose.AUTH ? List.of(CLIENT_AUTH) : List.<String>of()).orElse(List.of()))));
                yield commonUtilsAnswer(JsonMapper.shared().getNodeFactory().stringNode(base64(sign(document, key, args.get(3).booleanValue(), false))));
            }
            default -> throw new CommonUtilsError("The sandbox signer's " + COMMON_UTILS + " has getActiveTokens, getKeyInfo and "
                    + "createCAdESFromBase64, not '" + method + "'.");
        };
    }

    private static void positional(JsonNode args, String method, int count) {
        if (args == null || !args.isArray() || args.size() < count) {
            throw argumentTypeMismatch(method);
        }
    }

    private static void storage(JsonNode storage, String method) {
        if (storage == null || !storage.isString()) {
            throw argumentTypeMismatch(method);
        }
        if (!storage.stringValue().equalsIgnoreCase(STORAGE)) {
            throw new CommonUtilsError("The sandbox has no storage '" + storage.stringValue() + "'; its keys are " + STORAGE + " files.");
        }
    }

    // What NCALayer itself answers for arguments of the wrong type or number.
    private static CommonUtilsError argumentTypeMismatch(String method) {
        return new CommonUtilsError("java.lang.IllegalArgumentException: argument type mismatch. Method: " + method);
    }

    /** The inserted key of that purpose; of any purpose, SIGN first, when none is named. */
    private Optional<PersonaKey> preferred(Optional<String> device, Optional<KeyPurpose> purpose) {
        List<PersonaKey> keys = insertedKeys(device);
        if (purpose.isPresent()) {
            return keys.stream().filter(key -> key.purpose() == purpose.get()).findFirst();
        }
        return keys.stream().filter(key -> key.purpose() == KeyPurpose.SIGN).findFirst().or(() -> keys.stream().findFirst());
    }

    private ObjectNode keyInfo(PersonaKey key) {
        X509Certificate certificate = key.certificate();
        KzCertificate kz = KzCertificate.of(certificate);
        ObjectNode info = JsonMapper.shared().createObjectNode();
        info.put("alias", key.persona().id() + "-" + key.fileStem());
        extension(certificate, Extension.subjectKeyIdentifier)
                .map(value -> SubjectKeyIdentifier.getInstance(value).getKeyIdentifier())
                .ifPresent(id -> info.put("keyId", HexFormat.of().formatHex(id)));
        info.put("algorithm", certificate.getPublicKey().getAlgorithm());
        info.put("subjectCn", kz.commonName());
        info.put("subjectDn", kz.subjectDn());
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        info.put("issuerCn", issuer.getRDNs(BCStyle.CN).length > 0 ? IETFUtils.valueToString(issuer.getRDNs(BCStyle.CN)[0].getFirst().getValue()) : "");
        info.put("issuerDn", kz.issuerDn());
        info.put("serialNumber", kz.serialHex());
        info.put("certNotBefore", String.valueOf(certificate.getNotBefore().getTime()));
        info.put("certNotAfter", String.valueOf(certificate.getNotAfter().getTime()));
        extension(certificate, Extension.authorityKeyIdentifier)
                .map(value -> AuthorityKeyIdentifier.getInstance(value).getKeyIdentifier())
                .ifPresent(id -> info.put("authorityKeyIdentifier", HexFormat.of().formatHex(id)));
        info.put("pem", Pem.write(certificate));
        return info;
    }

    private static Optional<ASN1Primitive> extension(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        byte[] value = certificate.getExtensionValue(oid.getId());
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // --- shared ------------------------------------------------------------------------------------------------

    private Optional<Persona> insertedPersona(Optional<String> device) {
        return device.flatMap(devices::inserted).flatMap(personas::find);
    }

    private List<PersonaKey> insertedKeys(Optional<String> device) {
        return insertedPersona(device)
                .map(persona -> persona.purposes().stream().flatMap(purpose -> personas.key(persona, purpose).stream()).toList())
                .orElse(List.of());
    }

    private byte[] sign(byte[] document, PersonaKey key, boolean attached, boolean timeStamped) {
        Optional<TimeStampSource> tsa = timeStamped ? Optional.of(ca.hierarchy().tsa()) : Optional.empty();
        return signer.sign(document, key.credential(), attached ? Packaging.ATTACHED : Packaging.DETACHED, tsa);
    }

    private String signerPage() {
        return address.resolve("/signer").toString();
    }

    /** Strict base64 (the MIME decoder would skip what is not base64 and sign the rest); line breaks are fine. */
    private static byte[] decodeBase64(String value) {
        return Base64.getDecoder().decode(value.replaceAll("\\s", ""));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    static String basicsError(String code, String message) {
        ObjectNode error = JsonMapper.shared().createObjectNode();
        error.put("status", false);
        error.put("code", code);
        error.put("message", message);
        error.putObject("body");
        error.put("details", "");
        return JsonMapper.shared().writeValueAsString(error);
    }

    private static String commonUtilsAnswer(JsonNode responseObject) {
        ObjectNode answer = JsonMapper.shared().createObjectNode();
        answer.put("code", "200");
        answer.set("responseObject", responseObject);
        return JsonMapper.shared().writeValueAsString(answer);
    }

    private static String commonUtilsError(String message) {
        ObjectNode error = JsonMapper.shared().createObjectNode();
        error.put("code", "500");
        error.put("message", message);
        return JsonMapper.shared().writeValueAsString(error);
    }

    /** A refusal in the basics module's form. */
    private static final class BasicsError extends RuntimeException {
        final String code;

        BasicsError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** A refusal in the commonUtils module's form. */
    private static final class CommonUtilsError extends RuntimeException {
        CommonUtilsError(String message) {
            super(message, null, false, false);
        }
    }
}
