package kz.tirkeu.sandbox.signer;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which persona's key is "inserted" in which browser: the sandbox's stand-in for a person plugging in
 * their token and typing its password into NCALayer. A device is a browser (a cookie) or a test
 * client (an id of its own); the choice lives in memory, the most recent {@link #RETAINED} devices.
 */
public final class SignerDevices {

    /** The cookie the signer page sets, which the WebSocket handshake then carries. */
    public static final String COOKIE = "tirkeu-sandbox-device";
    static final int RETAINED = 10_000;
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> personaByDevice = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RETAINED;
        }
    };

    public static String newDeviceId() {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    public static boolean isDeviceId(String value) {
        return value != null && DEVICE_ID.matcher(value).matches();
    }

    public synchronized void insert(String deviceId, String personaId) {
        personaByDevice.put(deviceId, personaId);
    }

    public synchronized void remove(String deviceId) {
        personaByDevice.remove(deviceId);
    }

    /** The persona whose key the device holds, if any. */
    public synchronized Optional<String> inserted(String deviceId) {
        return Optional.ofNullable(personaByDevice.get(deviceId));
    }
}
