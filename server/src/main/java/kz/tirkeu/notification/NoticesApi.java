package kz.tirkeu.notification;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.UUID;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.AnySignedIn;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's notices (Digital Code Art. 47): listed with each channel's delivery status,
 * and marked read when the person opens one. Only ever the session's own notices: the IIN comes from
 * the session, never from the request.
 */
@RestController
@AnySignedIn
class NoticesApi {

    private final Inbox inbox;

    NoticesApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/notices")
    @Operation(summary = "The person's notices, newest first", description = "Paged: page from 0, size 1 to 100 (default 20).")
    Inbox.Page list(SignedInPerson person, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return inbox.list(person.iin(), new Inbox.PageRequest(page, size));
    }

    /** Opening the notice in the cabinet is what makes it read; listing never does. */
    @PostMapping("/api/v1/notices/{noticeId}/read")
    ReadReceipt read(SignedInPerson person, @PathVariable UUID noticeId) {
        return switch (inbox.markRead(person.iin(), new NoticeId(noticeId))) {
            case Inbox.MarkRead.Marked marked -> new ReadReceipt(noticeId, marked.readAt(), true);
            case Inbox.MarkRead.AlreadyRead already -> new ReadReceipt(noticeId, already.readAt(), false);
            case Inbox.MarkRead.NotFound notFound -> throw new ProblemException("NOTICE_NOT_FOUND", HttpStatus.NOT_FOUND,
                    "You have no notice with this id.");
        };
    }

    /** @param firstTime whether this call marked it read (false: it had been read before, at {@code readAt}) */
    record ReadReceipt(UUID noticeId, Instant readAt, boolean firstTime) {}
}
