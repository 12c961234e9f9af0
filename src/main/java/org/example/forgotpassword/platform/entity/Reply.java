package org.example.forgotpassword.platform.entity;

/** Every JSON reply of the API: a numeric code (0 = success) and a localized human message. */
public record Reply(int code, String message) {
}
