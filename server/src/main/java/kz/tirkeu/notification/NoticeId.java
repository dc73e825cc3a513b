package kz.tirkeu.notification;

import java.util.UUID;

public record NoticeId(UUID value) {}
