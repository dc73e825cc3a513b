package kz.tirkeu.sandbox.signer;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The WebSocket side of the sandbox signer: greets like NCALayer, puts a message together from its
 * frames (documents to sign are far bigger than the container's 8 KB message buffer, which is not
 * raised for everybody just for the sandbox), and answers it with {@link NcaLayer}.
 */
final class NcaLayerSocket extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(NcaLayerSocket.class);
    /** About 24 MB to sign once base64 is decoded: more than any document the platform asks people to sign. */
    static final int MAX_MESSAGE_CHARS = 32 * 1024 * 1024;
    private static final String PARTS = "tirkeu.ncalayer.parts";
    private static final String TOO_BIG = "tirkeu.ncalayer.tooBig";

    private final NcaLayer ncaLayer;

    NcaLayerSocket(NcaLayer ncaLayer) {
        this.ncaLayer = ncaLayer;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        session.sendMessage(new TextMessage(NcaLayer.GREETING));
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) throws IOException {
        StringBuilder parts = (StringBuilder) session.getAttributes().computeIfAbsent(PARTS, key -> new StringBuilder());
        if (session.getAttributes().get(TOO_BIG) == null) {
            if (parts.length() + frame.getPayloadLength() > MAX_MESSAGE_CHARS) {
                session.getAttributes().put(TOO_BIG, Boolean.TRUE);
                parts.setLength(0);
                parts.trimToSize();
            } else {
                parts.append(frame.getPayload());
            }
        }
        if (!frame.isLast()) {
            return;
        }
        String message = parts.toString();
        parts.setLength(0);
        if (session.getAttributes().remove(TOO_BIG) != null) {
            reply(session, NcaLayer.basicsError("WRONG_REQUEST", "The message is longer than " + MAX_MESSAGE_CHARS + " characters."));
            return;
        }
        Optional<String> answer;
        try {
            answer = ncaLayer.answer(message, DeviceHandshake.deviceOf(session.getAttributes()));
        } catch (RuntimeException e) {
            // Thrown out of here, it would close the connection; a real NCALayer keeps it open and answers.
            log.error("The sandbox signer failed on a message", e);
            answer = Optional.of(NcaLayer.basicsError("SIGNER_FAILURE", "The sandbox signer failed (" + e.getClass().getSimpleName() + ")."));
        }
        if (answer.isPresent()) {
            reply(session, answer.get());
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage frame) throws IOException {
        if (frame.isLast()) {
            reply(session, NcaLayer.basicsError("WRONG_REQUEST", "NCALayer takes JSON in text messages, not binary ones."));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable error) {
        log.debug("Sandbox signer connection {} failed: {}", session.getId(), error.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        session.getAttributes().remove(PARTS);
    }

    private static void reply(WebSocketSession session, String answer) throws IOException {
        if (session.isOpen()) {
            session.sendMessage(new TextMessage(answer));
        }
    }
}
