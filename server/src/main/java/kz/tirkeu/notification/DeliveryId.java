package kz.tirkeu.notification;

import java.util.UUID;

public record DeliveryId(UUID value) {}
