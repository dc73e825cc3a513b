package kz.tirkeu.sandbox.signer;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Learns at the handshake which device connects: {@code ?device=…} when the address names one (test
 * clients, several "tokens" in one browser), else the {@value SignerDevices#COOKIE} cookie the signer page
 * gave this browser, which a same-origin WebSocket carries like any request.
 */
final class DeviceHandshake implements HandshakeInterceptor {

    private static final String DEVICE = "tirkeu.ncalayer.device";

    static Optional<String> deviceOf(Map<String, Object> attributes) {
        return Optional.ofNullable((String) attributes.get(DEVICE));
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            deviceIn(servlet.getServletRequest()).ifPresent(device -> attributes.put(DEVICE, device));
        }
        return true;
    }

    static Optional<String> deviceIn(HttpServletRequest request) {
        String named = request.getParameter("device");
        if (SignerDevices.isDeviceId(named)) {
            return Optional.of(named);
        }
        return cookie(request);
    }

    static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(SignerDevices.COOKIE) && SignerDevices.isDeviceId(cookie.getValue())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {
    }
}
