package kz.tirkeu.sandbox.signer;

import java.util.List;
import java.util.Map;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Where browsers connect to the sandbox signer: {@code ws://<server>/sandbox/ncalayer}, the sandbox's
 * stand-in for NCALayer's {@code wss://127.0.0.1:13579}. A handler mapping of its own, registered by the
 * sandbox's auto-configuration, rather than {@code @EnableWebSocket}, which would be the server's to
 * declare and would exist even with the sandbox off.
 */
public final class NcaLayerEndpoint {

    public static final String PATH = "/sandbox/ncalayer";
    /**
     * Ahead of the functional routes (order -1), whose catch-all for {@code /sandbox/**} would otherwise
     * answer the handshake with 404; only upgrade requests match, so a plain GET still reaches the routes.
     */
    static final int ORDER = -2;

    private NcaLayerEndpoint() {}

    public static WebSocketHandlerMapping handlerMapping(NcaLayer ncaLayer) {
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(new NcaLayerSocket(ncaLayer), new DefaultHandshakeHandler());
        handler.setHandshakeInterceptors(List.of(new DeviceHandshake()));
        WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
        mapping.setUrlMap(Map.of(PATH, handler));
        mapping.setWebSocketUpgradeMatch(true);
        mapping.setOrder(ORDER);
        return mapping;
    }
}
