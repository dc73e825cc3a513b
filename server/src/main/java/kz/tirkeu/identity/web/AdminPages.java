package kz.tirkeu.identity.web;

import kz.tirkeu.platform.CannotServe;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.access.RoleGrant;
import kz.tirkeu.identity.access.RoleGrants;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.platform.SettingsInForce;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.ServiceCentres;
import kz.tirkeu.platform.web.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages: staff role grants (granted and withdrawn with a reason, the whole record
 * kept), the catalogue of public service centres as the ЦОН system gives it (read-only: the catalogue is
 * that system's, not ours), and the configuration in force. Auditors read the grants and the configuration.
 */
@Controller
@PageController
class AdminPages {

    private final RoleGrants grants;
    private final ServiceCentres centres;
    private final List<SettingsInForce> areas;

    /** Each business area says what it decides by; this page knows none of their properties. */
    AdminPages(RoleGrants grants, ServiceCentres centres, List<SettingsInForce> areas) {
        this.grants = grants;
        this.centres = centres;
        this.areas = List.copyOf(areas);
    }

    @GetMapping("/admin/staff")
    @Allowed({Role.ADMIN, Role.AUDITOR})
    String staff(SignedInPerson person, @RequestParam(defaultValue = "") String iin, Model model) {
        String filter = iin.strip();
        if (!filter.isEmpty() && !Iin.isValid(filter)) {
            model.addAttribute("filterError", true);
            filter = "";
        }
        List<RoleGrant> history = grants.history(filter.isEmpty() ? Optional.empty() : Optional.of(Iin.of(filter)));
        model.addAttribute("grants", history);
        model.addAttribute("iinFilter", iin.strip());
        model.addAttribute("mayChange", person.has(Role.ADMIN));
        model.addAttribute("me", person.iin().value()); // an administrator's own ADMIN grant is withdrawn by another one
        model.addAttribute("staffRoles", Arrays.stream(Role.values()).filter(Role::isStaff).toList());
        return "admin/staff";
    }

    @PostMapping("/admin/staff")
    @Allowed(Role.ADMIN)
    String grant(SignedInPerson admin, @RequestParam(defaultValue = "") String iin, @RequestParam(defaultValue = "") String role,
                 @RequestParam(defaultValue = "") String scope, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        String person = iin.strip();
        Optional<Role> granted = Arrays.stream(Role.values()).filter(r -> r.isStaff() && r.name().equals(role)).findFirst();
        if (!Iin.isValid(person) || granted.isEmpty()) {
            redirect.addFlashAttribute("form", new GrantForm(iin, role, scope, reason));
            redirect.addFlashAttribute("problemCode", !Iin.isValid(person) ? "IIN_INVALID" : "ROLE_NOT_GRANTABLE");
            return "redirect:/admin/staff";
        }
        try {
            RoleGrant grant = grants.grantByAdministrator(Iin.of(person), granted.get(), scope, admin.iin().value(), reason);
            redirect.addFlashAttribute("done", "admin.staff.granted");
            redirect.addFlashAttribute("changed", grant.id());
        } catch (CannotServe e) {
            redirect.addFlashAttribute("form", new GrantForm(iin, role, scope, reason));
            redirect.addFlashAttribute("problemCode", e.code());
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        return "redirect:/admin/staff";
    }

    @PostMapping("/admin/staff/{grantId}/withdrawal")
    @Allowed(Role.ADMIN)
    String withdraw(SignedInPerson admin, @PathVariable UUID grantId, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            grants.withdraw(grantId, admin.iin().value(), reason);
            redirect.addFlashAttribute("done", "admin.staff.withdrawn");
        } catch (CannotServe e) {
            redirect.addFlashAttribute("problemCode", e.code());
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        redirect.addFlashAttribute("changed", grantId);
        return "redirect:/admin/staff";
    }

    @GetMapping("/admin/service-centres")
    @Allowed(Role.ADMIN)
    String serviceCentres(@RequestParam(defaultValue = "02") String region, Model model) {
        String shown = region.matches("0[1-9]|1\\d|20") ? region : "02";
        model.addAttribute("region", shown);
        model.addAttribute("regions", IntStream.rangeClosed(1, 20).mapToObj(i -> "%02d".formatted(i)).toList());
        switch (centres.inRegion(shown)) {
            case Answer.Found<List<ServiceCentres.ServiceCentre>> found -> model.addAttribute("centres", found.value());
            case Answer.NotFound<List<ServiceCentres.ServiceCentre>> none -> model.addAttribute("centres", List.of());
            case Answer.Unavailable<List<ServiceCentres.ServiceCentre>> down -> model.addAttribute("centresUnavailable", true);
        }
        return "admin/service-centres";
    }

    @GetMapping("/admin/configuration")
    @Allowed({Role.ADMIN, Role.AUDITOR})
    String configuration(Model model) {
        Map<SettingsInForce.Group, List<SettingsInForce.Setting>> groups = areas.stream()
                .flatMap(area -> area.settings().stream())
                .sorted(Comparator.comparingInt(SettingsInForce.Setting::rank))
                .collect(Collectors.groupingBy(SettingsInForce.Setting::group, () -> new EnumMap<>(SettingsInForce.Group.class), Collectors.toList()));
        model.addAttribute("groups", groups);
        return "admin/configuration";
    }

    /** What the administrator typed, shown again with the error. */
    record GrantForm(String iin, String role, String scope, String reason) {}
}
