package kz.tirkeu.web;

import kz.tirkeu.platform.web.PageController;
import java.util.UUID;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.AnySignedIn;
import kz.tirkeu.notification.Inbox;
import kz.tirkeu.notification.NoticeId;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The person's notices in the cabinet. Opening one is what marks it read (Digital Code Art. 47); the list never does. */
@Controller
@PageController
@AnySignedIn
class NoticePages {

    private final Inbox inbox;

    NoticePages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notices")
    String list(SignedInPerson person, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("inbox", inbox.list(person.iin(), new Inbox.PageRequest(Math.max(page, 0), 20)));
        return "notices/list";
    }

    @GetMapping("/notices/{noticeId}")
    String open(SignedInPerson person, @PathVariable UUID noticeId, Model model) {
        NoticeId id = new NoticeId(noticeId);
        Inbox.Notice notice = inbox.find(person.iin(), id).orElseThrow(() -> new ProblemException("NOTICE_NOT_FOUND", HttpStatus.NOT_FOUND,
                "You have no notice with this id."));
        inbox.markRead(person.iin(), id);
        model.addAttribute("notice", notice);
        model.addAttribute("applicationLink", notice.subjectReference() == null ? null
                : (person.has(kz.tirkeu.identity.Role.SELLER) ? "/seller/applications/" : "/buyer/applications/") + notice.subjectReference());
        return "notices/notice";
    }
}
