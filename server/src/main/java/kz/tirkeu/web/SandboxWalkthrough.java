package kz.tirkeu.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.application.ApplicationQueries;
import kz.tirkeu.platform.PlatformAddresses;
import kz.tirkeu.registry.register.VehicleRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The car a newcomer can register right now in the default run: a ready vehicle the happy-path
 * scenario's dealer sold to its buyer (GET /sandbox/seed/v1/ready-vehicles) that no application or
 * registration has taken, or else a new one the sandbox makes (POST, a sandbox control). Asked over HTTP like any outside
 * system, so the landing page names what the sandbox really holds; nothing is hard-coded here.
 */
@Component
class SandboxWalkthrough {

    private static final Logger log = LoggerFactory.getLogger(SandboxWalkthrough.class);

    record ReadyCar(String vin, String buyerIin, String sellerPersona, String buyerPersona) {}

    private final PlatformAddresses addresses;
    private final ApplicationQueries applications;
    private final VehicleRegister register;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SandboxWalkthrough(PlatformAddresses addresses, ApplicationQueries applications, VehicleRegister register, JsonMapper json) {
        this.addresses = addresses;
        this.applications = applications;
        this.register = register;
        this.json = json;
    }

    Optional<ReadyCar> readyCar() {
        try {
            JsonNode happy = null;
            Set<String> scenarioVins = new java.util.HashSet<>();
            for (JsonNode scenario : get("/scenarios")) {
                scenarioVins.add(scenario.path("vin").asString());
                if ("happy-path".equals(scenario.path("id").asString())) {
                    happy = scenario;
                }
            }
            if (happy == null) {
                return Optional.empty();
            }
            String sellerPersona = happy.path("seller").path("personaId").asString();
            String sellerBin = happy.path("seller").path("bin").asString();
            String buyerIin = happy.path("buyer").path("iin").asString();
            String buyerPersona = happy.path("buyer").path("personaId").asString();
            // The happy path's own seller and buyer, but not the catalogue's VINs: those stay for the scenarios they document.
            List<String> candidates = new ArrayList<>();
            for (JsonNode vehicle : get("/seed/v1/ready-vehicles?buyerIin=" + buyerIin)) {
                if (sellerBin.equals(vehicle.path("sellerBin").asString()) && !scenarioVins.contains(vehicle.path("vin").asString())) {
                    candidates.add(vehicle.path("vin").asString());
                }
            }
            Set<String> taken = new java.util.HashSet<>(applications.heldByOpenApplications(candidates));
            taken.addAll(register.registeredAmong(candidates));
            Optional<String> free = candidates.stream().filter(vin -> !taken.contains(vin)).findFirst();
            if (free.isEmpty()) {
                // Every car of theirs is registered or on its way: the sandbox's factory makes another, so the walk-through always works.
                free = Optional.of(post("/seed/v1/ready-vehicles?buyerIin=" + buyerIin + "&sellerBin=" + sellerBin).path("vin").asString());
            }
            return free.map(vin -> new ReadyCar(vin, buyerIin, sellerPersona, buyerPersona));
        } catch (Exception e) {
            // The landing page still explains everything else; only the ready car is missing.
            log.warn("The sandbox's scenario catalogue could not be read: {}", e.toString());
            return Optional.empty();
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(addresses.stateSystem(path)).timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private JsonNode post(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(addresses.stateSystem(path)).timeout(Duration.ofSeconds(3))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    URI sandbox(String path) {
        return addresses.stateSystem(path);
    }
}
